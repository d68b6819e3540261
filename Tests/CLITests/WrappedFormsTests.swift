import CredconvJSON
import CredconvTestSupport
import Foundation
import Testing

/// Wrapped and flattened inputs: a verifiable presentation (JSON-LD, with embedded credentials and
/// VC-JWTs; Europass XML), the wrapper object an upload form uses, and ELM v3 in flattened form (PyLD
/// flattens). One record per credential: several are JSON Lines out, or an error saying to use --jsonl.
@Suite("Presentations, wrappers and flattened graphs", .enabled(if: TestPaths.referenceAvailable, "../shared/reference is absent: skipped"))
struct WrappedFormsTests {
    static func sample(_ name: String) throws -> JSONValue {
        try JSONParser().parse([UInt8](try Data(contentsOf: TestPaths.repository("samples/\(name)"))))
    }

    static func file(_ dir: URL, _ name: String, _ text: String) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    static func lines(_ r: ProcessResult) throws -> [JSONObject] {
        try r.stdoutText.split(separator: "\n").map { try #require(try JSONParser().parse(Array($0.utf8)).objectValue) }
    }

    @Test func aPresentationGivesOneRecordPerCredential() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var second = try #require(try Self.sample("ob3-microcredential.json").objectValue)
        second.set("id", .string("urn:uuid:11111111-2222-4333-8444-555555555555"))
        let jwt = String(decoding: try Data(contentsOf: TestPaths.reference("openbadges/ob3/examples/validator/simple.jwt")), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let vp: JSONValue = .object(JSONObject([
            "@context": .array([.string("https://www.w3.org/ns/credentials/v2")]),
            "type": .array([.string("VerifiablePresentation")]),
            "holder": .string("did:example:learner-8f3a2b"),
            "verifiableCredential": .array([try Self.sample("ob3-microcredential.json"), .object(second), .string(jwt)]),
        ]))
        let pretty = try Self.file(dir, "vp.json", JSONWriter(style: .pretty).string(vp))
        let single = try ProcessRunner.credconv(["-t", "ob3", pretty])
        #expect(single.status == 65 && single.stdout.isEmpty)
        #expect(single.stderr.contains("holds 3 credentials") && single.stderr.contains("--jsonl") && single.stderr.contains("[data.several-credentials]"))
        // A pretty-printed presentation with --jsonl, and the same presentation as one JSON Lines record.
        for input in [pretty, try Self.file(dir, "vp.jsonl", JSONWriter(style: .compact).string(vp) + "\n")] {
            let r = try ProcessRunner.credconv(["--jsonl", "-t", "ob3", input])
            #expect(r.status == 0, "\(r.stderr)")
            let out = try Self.lines(r)
            #expect(out.count == 3)
            #expect(out.first?["id"] == .string("urn:uuid:6f1b2c1e-0f5d-4a5e-9c7a-2d8e4b7a9c01"))
            #expect(out.dropFirst().first?["id"] == .string("urn:uuid:11111111-2222-4333-8444-555555555555"))
            #expect(r.stderr.contains("/holder: the presentation's holder is not converted"))
            #expect(r.stderr.contains("credential 3 of 3"))
        }
        // A presentation of one credential is that credential.
        var one = try #require(vp.objectValue)
        one.set("verifiableCredential", try Self.sample("ob3-microcredential.json"))
        let r = try ProcessRunner.credconv(["-t", "ob3", try Self.file(dir, "one.json", JSONWriter(style: .pretty).string(.object(one)))])
        #expect(r.status == 0 && r.stderr.contains("[warning.unwrapped]"))
        #expect(try JSONParser().parse(r.stdout) == (try Self.sample("ob3-microcredential.json")))
    }

    @Test func aEuropassPresentationOfTwoCredentials() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let xml = try String(contentsOf: TestPaths.repository("samples/elm-microcredential.xml"), encoding: .utf8)
        let start = try #require(xml.range(of: "<europassCredential")).lowerBound
        let body = String(xml[start...])
        let other = body.replacingOccurrences(of: "id=\"urn:uuid:6f1b2c1e", with: "id=\"urn:uuid:0f1b2c1e")
        let vp = try Self.file(dir, "vp.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<vp:verifiablePresentation xmlns:vp=\"http://data.europa.eu/snb/vp\">\n\(body)\n\(other)\n</vp:verifiablePresentation>\n")
        #expect(try ProcessRunner.credconv(["-t", "ob3", vp]).status == 65)
        let r = try ProcessRunner.credconv(["--jsonl", "-t", "ob3", vp])
        #expect(r.status == 0, "\(r.stderr)")
        let out = try Self.lines(r)
        #expect(out.map { $0["id"] } == [.string("urn:uuid:6f1b2c1e-0f5d-4a5e-9c7a-2d8e4b7a9c01"), .string("urn:uuid:0f1b2c1e-0f5d-4a5e-9c7a-2d8e4b7a9c01")])
    }

    @Test func aWrapperObjectHoldsTheCredentialUnderAMember() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let wrapper: JSONValue = .object(JSONObject([
            "credential": try Self.sample("elm-microcredential.jsonld"),
            "deliveryDetails": .object(JSONObject(["emailAddress": .string("registry@example.org")])),
        ]))
        let r = try ProcessRunner.credconv(["-t", "model", "--page-image", "none", try Self.file(dir, "upload.json", JSONWriter(style: .pretty).string(wrapper))])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("/deliveryDetails: the wrapper's member deliveryDetails is not a credential"))
        let plain = try ProcessRunner.credconv(["-t", "model", TestPaths.repository("samples/elm-microcredential.jsonld").path])
        #expect(Self.withoutProvenance(try JSONParser().parse(r.stdout)) == Self.withoutProvenance(try JSONParser().parse(plain.stdout)))
    }

    /// `jq -s` of two credentials and a VC-JWT: one record each, in order; an Open Badges 2.0 bundle
    /// (its pieces in one array) and an array holding anything else are not taken apart.
    @Test func aJSONArrayOfCredentialsGivesOneRecordEach() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ob3 = TestPaths.repository("samples/ob3-microcredential.json").path
        let elm = TestPaths.repository("samples/elm-microcredential.jsonld").path
        let jwt = String(decoding: try Data(contentsOf: TestPaths.repository("samples/ob3-microcredential.jwt")), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let slurped = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["jq", "-s", ". + [\"\(jwt)\"]", ob3, elm])
        try #require(slurped.status == 0, "jq: \(slurped.stderr)")
        let array = try Self.file(dir, "all.json", slurped.stdoutText)
        let single = try ProcessRunner.credconv(["-t", "ob3", array])
        #expect(single.status == 65 && single.stderr.contains("holds 3 credentials (in a JSON array)"), "\(single.stderr)")
        let r = try ProcessRunner.credconv(["--jsonl", "-t", "model", "--page-image", "none", array])
        #expect(r.status == 0, "\(r.stderr)")
        let out = try Self.lines(r)
        #expect(out.count == 3)
        // Each record is what the credential converts to alone, but for where it came from.
        for (i, path) in [ob3, elm].enumerated() where i < out.count {
            let alone = try ProcessRunner.credconv(["-t", "model", "--page-image", "none", path])
            #expect(Self.withoutProvenance(.object(out[i])) == Self.withoutProvenance(try JSONParser().parse(alone.stdout)))
        }
        #expect(out.last?["provenance"]?.objectValue?["sourceFormat"] == .string("ob3-jwt"))
        // Not every element a credential: not a wrapper; an OB 2.0 bundle stays the OB 2.0 reader's.
        let mixed = try Self.file(dir, "mixed.json", "[\(try String(contentsOfFile: ob3, encoding: .utf8)), {\"note\": 1}]")
        #expect(try ProcessRunner.credconv(["-t", "ob3", mixed]).stderr.contains("a JSON array that no format recognises"))
        let bundle = try Self.file(dir, "bundle.json", #"[{"@context": "https://w3id.org/openbadges/v2", "type": "BadgeClass", "name": "x"}]"#)
        #expect(try ProcessRunner.credconv(["detect", bundle]).stderr.contains("looks like ob2"))
    }

    /// Flattened by PyLD (compacted with the document's own context), read back to the same model:
    /// equal as JSON-LD (member order and one-element arrays aside).
    @Test(.enabled(if: Oracle.available("pyld"), "python pyld is missing: skipped"))
    func flattenedELMv3ReadsAsTheTreeDoes() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inputs = [TestPaths.repository("samples/elm-microcredential.jsonld"),
                      TestPaths.reference("europass/elm-v3-jsonld/samples/Sample-MC-Annex1-unsigned.jsonld"),
                      TestPaths.reference("europass/elm-v3-jsonld/samples/credential-sample.jsonld")]
        for (i, input) in inputs.enumerated() {
            let flat = dir.appendingPathComponent("flat-\(i).jsonld")
            let flattened = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), [
                "python3", TestPaths.repository("scripts/jsonld-flatten.py").path, "--reference", TestPaths.reference.path, input.path, flat.path])
            #expect(flattened.status == 0, "\(flattened.stderr)")
            #expect(String(decoding: try Data(contentsOf: flat), as: UTF8.self).contains("\"@graph\""))
            let tree = try ProcessRunner.credconv(["-t", "model", input.path])
            let graph = try ProcessRunner.credconv(["-t", "model", flat.path])
            #expect(graph.status == 0, "\(graph.stderr)")
            #expect(Self.normalised(try JSONParser().parse(graph.stdout)) == Self.normalised(try JSONParser().parse(tree.stdout)), "\(input.lastPathComponent)")
        }
    }

    static func withoutProvenance(_ v: JSONValue) -> JSONValue {
        guard var o = v.objectValue else { return v }
        o.remove("provenance")
        return .object(o)
    }

    /// Members sorted, one-element arrays as their element, no provenance.
    static func normalised(_ v: JSONValue) -> JSONValue {
        switch withoutProvenance(v) {
        case .object(let o):
            return .object(JSONObject(uniqueMembers: o.members.sorted { $0.key < $1.key }.map { .init(key: $0.key, value: normalised($0.value)) }))
        case .array(let a) where a.count == 1: return normalised(a[0])
        case .array(let a): return .array(a.map(normalised))
        case let other: return other
        }
    }
}
