import CredconvJSON
import CredconvTestSupport
import Foundation
import JSONLD
import RDFCanonicalization
import Testing

/// One processor reuses processed contexts across documents: the RDF of each document is the same as a
/// fresh processor's, whatever came before it.
@Suite("JSON-LD: the processed-context cache", .enabled(if: TestPaths.referenceAvailable, "../shared/reference is absent: skipped"))
struct ContextCacheTests {
    static func documents() throws -> [JSONValue] {
        var urls = TestPaths.referenceFiles("openbadges/ob3/examples/validator", extensions: ["json"])
        urls += TestPaths.referenceFiles("openbadges/ob3/examples/spec", extensions: ["json"])
        urls += TestPaths.referenceFiles("europass/elm-v3-jsonld/samples", extensions: ["jsonld"])
        urls.append(TestPaths.repository("samples/ob3-microcredential.json"))
        urls.append(TestPaths.repository("samples/elm-microcredential.jsonld"))
        return try urls.compactMap { url in
            let value = try JSONParser().parse([UInt8](try Data(contentsOf: url)))
            return (try? JSONLDProcessor().toRDF(value)) == nil ? nil : value
        }
    }

    static func canonical(_ quads: [RDFQuad]) throws -> String { try RDFCanonicalizer().canonicalize(quads).nquads }

    @Test func aSharedProcessorGivesWhatAFreshOneGives() throws {
        let documents = try Self.documents()
        #expect(documents.count >= 10)
        let shared = JSONLDProcessor()
        // Twice over, forwards then backwards, so every document follows others in the cache.
        for document in documents + documents.reversed() {
            let fresh = try Self.canonical(try JSONLDProcessor().toRDF(document))
            let reused = try Self.canonical(try shared.toRDF(document))
            #expect(fresh == reused)
        }
    }

    @Test func aFailedContextIsNotCached() throws {
        let bad: JSONValue = try JSONParser().parse(#"{"@context": {"@version": 1.1, "x": {"@id": "@context"}}, "x": 1}"#)
        let shared = JSONLDProcessor()
        for _ in 0..<2 {
            #expect(throws: JSONLDError.self) { try shared.expand(bad) }
        }
    }
}
