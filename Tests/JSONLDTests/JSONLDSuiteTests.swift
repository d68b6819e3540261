import CredconvJSON
import CredconvTestSupport
import Foundation
import JSONLD
import RDFCanonicalization
import Testing

/// The W3C JSON-LD 1.1 `expand` and `toRdf` suites. Each test prints the pass count over the tests that
/// apply to a JSON-LD 1.1 processor (which are skipped and why is printed too); the target is 97%.
@Suite("JSON-LD 1.1: the W3C expand and toRdf suites", .enabled(if: TestPaths.referenceAvailable, "../shared/reference is absent: skipped"))
struct JSONLDSuiteTests {
    struct Outcome {
        var passed = 0
        var failed: [String] = []
        var skipped: [String: Int] = [:]
        var applicable: Int { passed + failed.count }
    }

    /// Runs one test; nil when it passed, else what went wrong.
    static func run(_ entry: W3CSuite.Entry, toRDF: Bool) -> String? {
        do {
            let (processor, input) = try W3CSuite.processor(for: entry)
            if entry.isNegative {
                do {
                    if toRDF { _ = try processor.toRDF(input) } else { _ = try processor.expand(input) }
                    return "expected \(entry.expectErrorCode ?? "an error"), got a result"
                } catch {
                    return error.code == entry.expectErrorCode ? nil : "expected \(entry.expectErrorCode ?? "?"), got \(error)"
                }
            }
            if toRDF {
                let quads = try processor.toRDF(input)
                if entry.isSyntaxOnly { return nil }
                guard let expect = entry.expect else { return "no expected output" }
                let expected = try NQuadsParser.parse(try W3CSuite.text(expect))
                let ours = try RDFCanonicalizer().canonicalize(quads).nquads
                let theirs = try RDFCanonicalizer().canonicalize(expected).nquads
                return ours == theirs ? nil : "N-Quads differ:\n--- ours\n\(ours)--- expected\n\(theirs)"
            } else {
                let expanded = try processor.expand(input)
                guard let expect = entry.expect else { return "no expected output" }
                let expected = try JSONParser().parse(Array(try W3CSuite.text(expect).utf8))
                return JSONLDEquality.equal(expanded, expected)
                    ? nil : "expanded differs:\n--- ours\n\(JSONWriter(style: .compact).string(expanded))\n--- expected\n\(JSONWriter(style: .compact).string(expected))"
            }
        } catch let error as JSONLDError {
            return "error \(error)"
        } catch {
            return "error \(error)"
        }
    }

    static func runSuite(_ manifest: String, toRDF: Bool) -> Outcome {
        var outcome = Outcome()
        for entry in W3CSuite.entries(manifest) {
            if let reason = entry.skipReason {
                outcome.skipped[reason, default: 0] += 1
                continue
            }
            if let failure = run(entry, toRDF: toRDF) {
                outcome.failed.append("\(entry): \(failure.prefix(1500))")
            } else {
                outcome.passed += 1
            }
        }
        return outcome
    }

    static func report(_ name: String, _ outcome: Outcome) {
        let rate = Double(outcome.passed) / Double(max(outcome.applicable, 1)) * 100
        print("JSON-LD \(name) suite: \(outcome.passed) of \(outcome.applicable) applicable tests passed (\(String(format: "%.1f", rate))%)")
        for (reason, count) in outcome.skipped.sorted(by: { $0.key < $1.key }) { print("  skipped \(count): \(reason)") }
        for failure in outcome.failed { print("  failed: \(failure)") }
    }

    @Test func expandSuitePassesAtLeast97Percent() {
        let outcome = Self.runSuite("expand-manifest.jsonld", toRDF: false)
        Self.report("expand", outcome)
        #expect(outcome.applicable > 350)
        #expect(Double(outcome.passed) >= 0.97 * Double(outcome.applicable))
    }

    @Test func toRDFSuitePassesAtLeast97Percent() {
        let outcome = Self.runSuite("toRdf-manifest.jsonld", toRDF: true)
        Self.report("toRdf", outcome)
        #expect(outcome.applicable > 420)
        #expect(Double(outcome.passed) >= 0.97 * Double(outcome.applicable))
    }
}
