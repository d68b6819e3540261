import CredconvJSON
import CredconvTestSupport
import Foundation
import JSONLD
import Testing

/// The embedded contexts are the published documents, byte for byte, and the loader never goes further.
@Suite("JSON-LD: embedded contexts and the offline loader")
struct EmbeddedContextTests {
    /// Where each embedded file's reference copy is (`../shared/reference`), by file name.
    static let referenceCopies: [String: String] = [
        "credentials-v1-context.jsonld": "openbadges/w3c-vc/credentials-v1-context.jsonld",
        "credentials-v2-context.jsonld": "openbadges/w3c-vc/credentials-v2-context.jsonld",
        "data-integrity-v1-context.jsonld": "openbadges/w3c-vc/data-integrity-v1-context.jsonld",
        "ob-v3p0-context-3.0.3.json": "openbadges/ob3/context/ob-v3p0-context-3.0.3.json",
        "ob-v3p0-context-3.0.2.json": "openbadges/ob3/context/ob-v3p0-context-3.0.2.json",
        "ob-v3p0-context-3.0.1.json": "openbadges/ob3/context/ob-v3p0-context-3.0.1.json",
        "ob-v3p0-context.json": "openbadges/ob3/context/ob-v3p0-context.json",
        "ob-v3p0-extensions.json": "openbadges/ob3/context/ob-v3p0-extensions.json",
        "clr-v2p0-context.json": "openbadges/clr2/clr-v2p0-context.json",
        "clr-v2p0-2.0.1-context.json": "openbadges/clr2/clr-v2p0-2.0.1-context.json",
        "openbadges-v2-context.json": "openbadges/ob2/context/openbadges-v2-context.json",
        "edc-ap-context.jsonld": "europass/elm-v3-jsonld/context/edc-ap-context.jsonld",
    ]

    @Test(.enabled(if: TestPaths.referenceAvailable, "../shared/reference is absent: skipped"))
    func everyEmbeddedContextIsByteIdenticalToItsPublishedCopy() throws {
        for (_, file) in EmbeddedContexts.files {
            let embedded = try #require(EmbeddedContexts.bytes(ofFile: file), "\(file) is not embedded")
            let original: URL
            if let relative = Self.referenceCopies[file] {
                original = TestPaths.reference(relative)
            } else {
                #expect(file == "credconv-ob3-extension.context.jsonld", "\(file) has no reference copy to compare with")
                original = TestPaths.repository("schemas/\(file)")
            }
            let data = try Data(contentsOf: original)
            #expect(embedded == [UInt8](data), "\(file) differs from \(original.path)")
        }
        // The contexts folder holds exactly the files the table names, and a NOTICE.
        let folder = TestPaths.repository("Sources/JSONLD/contexts")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "NOTICE.md" }
        #expect(Set(names) == Set(Self.referenceCopies.keys))
        let notice = try String(contentsOf: folder.appendingPathComponent("NOTICE.md"), encoding: .utf8)
        for name in names { #expect(notice.contains("`\(name)`"), "NOTICE.md does not name \(name)") }
    }

    @Test func everyEmbeddedContextLoadsAndProcesses() throws {
        for (url, _) in EmbeddedContexts.files {
            let document: JSONValue = .object(JSONObject([
                "@context": .string(url), "@id": .string("urn:example:1"), "urn:example:p": .string("x"),
            ]))
            let quads = try JSONLDProcessor().toRDF(document)
            #expect(quads.count == 1, "\(url)")
        }
    }

    @Test func anUnknownContextIsAnErrorNamingItAndTheWayToSupplyIt() {
        let document: JSONValue = .object(JSONObject(["@context": .string("https://example.org/unknown-context.jsonld"), "name": .string("x")]))
        do {
            _ = try JSONLDProcessor().expand(document)
            Issue.record("an unknown context expanded")
        } catch {
            #expect(error.code == "loading remote context failed")
            #expect(error.message.contains("https://example.org/unknown-context.jsonld"))
            #expect(error.message.contains("--context"))
        }
    }

    @Test func aLocalFileServesAContextURL() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("credconv-jsonld-\(UUID().uuidString).jsonld")
        try Data(#"{"@context": {"name": "https://schema.org/name"}}"#.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let loader = OfflineDocumentLoader(files: ["https://example.org/ctx": file.path])
        let document: JSONValue = .object(JSONObject(["@context": .string("https://example.org/ctx"), "name": .string("Ada")]))
        let expanded = try JSONLDProcessor(loader: loader).expand(document)
        #expect(expanded == .array([.object(JSONObject(["https://schema.org/name": .array([.object(JSONObject(["@value": .string("Ada")]))])]))]))
    }

    @Test func aCycleOfRemoteContextsStops() {
        let loader = OfflineDocumentLoader(documents: [
            "https://example.org/a": .object(JSONObject(["@context": .string("https://example.org/b")])),
            "https://example.org/b": .object(JSONObject(["@context": .string("https://example.org/a")])),
        ])
        let document: JSONValue = .object(JSONObject(["@context": .string("https://example.org/a")]))
        #expect(throws: JSONLDError.self) { try JSONLDProcessor(loader: loader).expand(document) }
    }
}
