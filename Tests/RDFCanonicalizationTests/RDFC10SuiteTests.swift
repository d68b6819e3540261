import CredconvTestSupport
import Foundation
import RDFCanonicalization
import Testing

/// The W3C RDFC-1.0 test suite (../shared/reference/w3c-tests/rdf-canon): every evaluation test's
/// canonical N-Quads, every map test's issued identifiers, and the poison graph refused.
@Suite("RDFC-1.0: the W3C test suite", .enabled(if: TestPaths.referenceAvailable, "../shared/reference is absent: skipped"))
struct RDFC10SuiteTests {
    struct Entry: Sendable, CustomStringConvertible {
        var id: String
        var type: String
        var name: String
        var action: String
        var result: String?
        var hashAlgorithm: String?
        var description: String { "\(id) \(name)" }
    }

    static let folder = TestPaths.reference("w3c-tests/rdf-canon")

    static let entries: [Entry] = {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("manifest.jsonld")),
              let manifest = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let list = manifest["entries"] as? [[String: Any]] else { return [] }
        return list.compactMap { e in
            guard let id = e["id"] as? String, let type = e["type"] as? String, let action = e["action"] as? String else { return nil }
            return Entry(id: id, type: type, name: e["name"] as? String ?? "", action: action, result: e["result"] as? String, hashAlgorithm: e["hashAlgorithm"] as? String)
        }
    }()

    static func text(_ relative: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)
    }

    static func canonicalizer(_ entry: Entry) -> RDFCanonicalizer {
        RDFCanonicalizer(hashAlgorithm: entry.hashAlgorithm == "SHA384" ? .sha384 : .sha256)
    }

    @Test func theSuiteIsThereAndItsPassCountIsPrinted() throws {
        #expect(Self.entries.count == 86)
        var passed = 0
        for entry in Self.entries {
            let input = try Self.text(entry.action)
            switch entry.type {
            case "rdfc:RDFC10NegativeEvalTest":
                if (try? Self.canonicalizer(entry).canonicalize(nquads: input)) == nil { passed += 1 }
            case "rdfc:RDFC10MapTest":
                guard let file = entry.result, let result = try? Self.canonicalizer(entry).canonicalize(nquads: input),
                      let expected = try JSONSerialization.jsonObject(with: Data(Self.text(file).utf8)) as? [String: String] else { continue }
                if result.issued == expected { passed += 1 }
            default:
                guard let file = entry.result, let result = try? Self.canonicalizer(entry).canonicalize(nquads: input) else { continue }
                if result.nquads == (try Self.text(file)) { passed += 1 }
            }
        }
        print("RDFC-1.0 test suite: \(passed) of \(Self.entries.count) passed")
        #expect(passed == Self.entries.count)
    }

    @Test(arguments: entries.filter { $0.type == "rdfc:RDFC10EvalTest" })
    func evaluation(_ entry: Entry) throws {
        let result = try Self.canonicalizer(entry).canonicalize(nquads: try Self.text(entry.action))
        let resultFile = try #require(entry.result)
        #expect(result.nquads == (try Self.text(resultFile)), "\(entry)")
    }

    @Test(arguments: entries.filter { $0.type == "rdfc:RDFC10MapTest" })
    func issuedIdentifiers(_ entry: Entry) throws {
        let result = try Self.canonicalizer(entry).canonicalize(nquads: try Self.text(entry.action))
        let resultFile = try #require(entry.result)
        let parsed = try JSONSerialization.jsonObject(with: Data(Self.text(resultFile).utf8)) as? [String: String]
        let expected = try #require(parsed)
        #expect(result.issued == expected, "\(entry)")
    }

    @Test(arguments: entries.filter { $0.type == "rdfc:RDFC10NegativeEvalTest" })
    func poisonGraphsAreRefused(_ entry: Entry) throws {
        let start = Date()
        #expect(throws: RDFCanonicalizer.Failure.self) { try Self.canonicalizer(entry).canonicalize(nquads: try Self.text(entry.action)) }
        #expect(Date().timeIntervalSince(start) < 30, "refused only after \(Date().timeIntervalSince(start)) s")
    }
}
