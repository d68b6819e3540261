import CredconvJSON
import CredconvTestSupport
import Foundation
import JSONLD
import RDFCanonicalization

/// The W3C JSON-LD 1.1 API test suite (../shared/reference/w3c-tests/json-ld-api): its manifests, a
/// loader that maps the suite's URLs to the folder, and the rules for which tests apply.
enum W3CSuite {
    static let prefix = "https://w3c.github.io/json-ld-api/tests/"
    static let folder = TestPaths.reference("w3c-tests/json-ld-api")

    struct Entry: Sendable, CustomStringConvertible {
        var id: String
        var name: String
        var types: [String]
        var input: String
        var expect: String?
        var expectErrorCode: String?
        var specVersion: String?
        var processingMode: String?
        var base: String?
        var expandContext: String?
        var rdfDirection: String?
        var generalizedRDF = false

        var description: String { "\(id) \(name)" }
        var isNegative: Bool { types.contains("jld:NegativeEvaluationTest") }
        var isSyntaxOnly: Bool { types.contains("jld:PositiveSyntaxTest") }

        /// Why the test does not apply to credconv's JSON-LD 1.1 processor, or nil when it does.
        var skipReason: String? {
            if specVersion == "json-ld-1.0" { return "JSON-LD 1.0 only (credconv implements 1.1)" }
            if generalizedRDF { return "generalized RDF (blank node predicates), which RDF 1.1 datasets cannot hold" }
            if input.hasSuffix(".html") { return "HTML script extraction (credconv reads JSON documents)" }
            return nil
        }
    }

    static func entries(_ manifest: String) -> [Entry] {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(manifest)),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let sequence = object["sequence"] as? [[String: Any]] else { return [] }
        return sequence.compactMap { t in
            guard let id = t["@id"] as? String, let input = t["input"] as? String else { return nil }
            let option = t["option"] as? [String: Any] ?? [:]
            let types = (t["@type"] as? [String]) ?? [(t["@type"] as? String) ?? ""]
            return Entry(
                id: id, name: t["name"] as? String ?? "", types: types, input: input, expect: t["expect"] as? String,
                expectErrorCode: t["expectErrorCode"] as? String, specVersion: option["specVersion"] as? String,
                processingMode: option["processingMode"] as? String, base: option["base"] as? String,
                expandContext: option["expandContext"] as? String, rdfDirection: option["rdfDirection"] as? String,
                generalizedRDF: option["produceGeneralizedRdf"] as? Bool ?? false)
        }
    }

    /// Loads suite documents from the folder (the suite's own URLs only; anything else fails, as a
    /// processor without network must).
    struct Loader: DocumentLoader {
        func load(_ url: String) throws(JSONLDError) -> RemoteDocument {
            guard url.hasPrefix(W3CSuite.prefix) else {
                throw JSONLDError("loading document failed", "not in the suite: \(url)")
            }
            var relative = String(url.dropFirst(W3CSuite.prefix.count))
            if let hash = relative.firstIndex(of: "#") { relative = String(relative[..<hash]) }
            guard let data = try? Data(contentsOf: W3CSuite.folder.appendingPathComponent(relative)),
                  let value = try? JSONParser().parse([UInt8](data)) else {
                throw JSONLDError("loading document failed", "cannot read \(relative)")
            }
            return RemoteDocument(documentURL: url, document: value)
        }
    }

    static func processor(for entry: Entry) throws -> (JSONLDProcessor, JSONValue) {
        var options = JSONLDOptions(base: entry.base ?? prefix + entry.input)
        options.processingMode10 = entry.processingMode == "json-ld-1.0"
        if let direction = entry.rdfDirection { options.rdfDirection = JSONLDOptions.RDFDirection(rawValue: direction) }
        if let expandContext = entry.expandContext {
            options.expandContext = try Loader().load(prefix + expandContext).document
        }
        let data = try Data(contentsOf: folder.appendingPathComponent(entry.input))
        let input = try JSONParser().parse([UInt8](data))
        return (JSONLDProcessor(loader: Loader(), options: options), input)
    }

    static func text(_ relative: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)
    }
}

/// JSON-LD's notion of equal expanded documents: arrays are sets except the value of `@list`, numbers
/// compare by value.
enum JSONLDEquality {
    static func equal(_ a: JSONValue, _ b: JSONValue, ordered: Bool = false) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): return Double(x) == Double(y)
        case (.object(let x), .object(let y)):
            guard Set(x.keys) == Set(y.keys) else { return false }
            return x.members.allSatisfy { m in equal(m.value, y[m.key]!, ordered: m.key == "@list") }
        case (.array(let x), .array(let y)):
            guard x.count == y.count else { return false }
            if ordered { return zip(x, y).allSatisfy { equal($0, $1) } }
            var unmatched = y
            for item in x {
                guard let i = unmatched.firstIndex(where: { equal(item, $0) }) else { return false }
                unmatched.remove(at: i)
            }
            return true
        default: return a == b
        }
    }
}
