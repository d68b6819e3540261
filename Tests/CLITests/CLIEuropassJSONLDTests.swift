import CredconvJSON
import CredconvTestSupport
import Foundation
import Testing

@Suite("credconv and Europass ELM v3 JSON-LD", .enabled(if: TestPaths.referenceAvailable, "../shared/reference is absent: skipped"))
struct CLIEuropassJSONLDTests {
    static let annexSample = TestPaths.reference("europass/elm-v3-jsonld/samples/Sample-MC-Annex1-unsigned.jsonld").path
    static let sealedSample = TestPaths.reference("europass/elm-v3-jsonld/samples/Sample-MC-Annex1-signed.jsonld").path
    static let xsd = TestPaths.reference("europass/elm-v2-xml/xsd/genericschema_1.2.xsd").path

    @Test func elmIsDetectedReadAndWritten() throws {
        let detect = try ProcessRunner.credconv(["detect", Self.sealedSample])
        #expect(detect.status == 0)
        #expect(detect.stdoutText.hasPrefix("elm"))
        let out = try ProcessRunner.credconv(["-t", "elm", "--page-image", "none", Self.sealedSample])
        #expect(out.status == 0)
        #expect(out.stderr.contains("not verified by credconv; the output is unsigned derived data"))
        #expect(out.stdoutText.contains("\"EuropeanDigitalCredential\""))
        #expect(!out.stdoutText.contains("\"proof\""))
        // The page picture of the original is kept (it shows the same data).
        #expect(out.stdoutText.contains("\"individualDisplay\""))
    }

    @Test func pageImageOptionIsChecked() throws {
        let missing = try ProcessRunner.credconv(["-t", "elm", "--page-image", "/nonexistent.jpg", CLITests.sample])
        #expect(missing.status == 66)
        #expect(missing.stdout.isEmpty)
        let notJPEG = try ProcessRunner.credconv(["-t", "elm", "--page-image", CLITests.sample, CLITests.sample])
        #expect(notJPEG.status == 64)
        let none = try ProcessRunner.credconv(["-t", "elm", "--page-image", "none", CLITests.sample])
        #expect(none.status == 0)
        #expect(none.stderr.contains("the EDC shapes require one"))
    }

    /// A registrar's chain: the EU's micro-credential → Open Badges 3.0 (official schema) → Europass XML (official XSD).
    @Test func euMicroCredentialThroughEveryFormat() throws {
        let ob3 = try ProcessRunner.credconv(["-t", "ob3", Self.annexSample])
        #expect(ob3.status == 0)
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ob3File = dir.appendingPathComponent("annex.ob3.json")
        try Data(ob3.stdout).write(to: ob3File)
        if Oracle.available("jsonschema") {
            let schema = try Oracle.check("ob3-schema-check.py", [ob3File])
            #expect(schema.status == 0, "\(schema.stdoutText)")
        }
        let xml = try ProcessRunner.credconv(["-t", "elm-xml"], stdin: ob3.stdout)
        #expect(xml.status == 0)
        let validation = try ProcessRunner.credconv(["validate", "--schema", Self.xsd], stdin: xml.stdout)
        #expect(validation.status == 0, "\(validation.stdoutText)")
        let back = try ProcessRunner.credconv(["-t", "model", "--compact"], stdin: xml.stdout)
        for value in ["http://data.europa.eu/snb/eqf/6", "\"PT60H\"", "Digital micro-credential creation", "Pass",
                      "http://data.europa.eu/snb/learning-assessment/e92d221e4d", "http://data.europa.eu/snb/supervision-verification/c598449d64",
                      "establish collaborative relations", "Contento digital", "University of Zed"] {
            #expect(back.stdoutText.contains(value), "lost \(value)")
        }
    }

    static var euCredentials: [String] {
        TestPaths.referenceFiles("europass/elm-v3-jsonld/samples", extensions: ["jsonld"]).map(\.path)
            + [TestPaths.reference("europass/elm-v3-jsonld/ebsi-json-schema/example-Microcredential-Data-and-software-business.json").path]
    }

    /// Every EU credential converts to Open Badges 3.0 that the official schema and JSON-LD expansion accept,
    /// and to Europass XML that the official XSD accepts.
    @Test func everyEUCredentialConvertsToValidOpenBadgesAndEuropassXML() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var files: [URL] = []
        for (i, path) in Self.euCredentials.enumerated() {
            let ob3 = try ProcessRunner.credconv(["-t", "ob3", path])
            #expect(ob3.status == 0, "\(path): \(ob3.stderr)")
            let file = dir.appendingPathComponent("eu-\(i).ob3.json")
            try Data(ob3.stdout).write(to: file)
            files.append(file)
            let xml = try ProcessRunner.credconv(["-t", "elm-xml", path])
            #expect(xml.status == 0, "\(path): \(xml.stderr)")
            let validation = try ProcessRunner.credconv(["validate", "--schema", Self.xsd], stdin: xml.stdout)
            #expect(validation.status == 0, "\(path): \(validation.stdoutText)")
        }
        let failures = try Oracle.openBadges3Failures(files)
        #expect(failures == nil, "\(failures ?? "")")
    }

    /// The Annex I elements a credential holds, by name, with their values.
    static func annexElements(_ document: [UInt8]) throws -> [String: String] {
        let r = try ProcessRunner.credconv(["check", "--report", "json"], stdin: document)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout)) as? [String: Any]
        var present: [String: String] = [:]
        for e in json?["elements"] as? [[String: Any]] ?? [] where e["present"] as? Bool == true {
            present[e["name"] as? String ?? "?"] = e["value"] as? String
        }
        return present
    }

    /// ELM v3 ⇄ ELM v2 XML ⇄ OB 3.0, both ways round: every Annex I element the original holds is still there,
    /// and the ones that are codes or numbers keep their value.
    @Test(arguments: ["ob3,elm-xml,elm", "elm-xml,ob3,elm"])
    func annexOneElementsSurviveEveryChain(_ chain: String) throws {
        for path in Self.euCredentials + [CLITests.sample] {
            var document = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            let original = try Self.annexElements(document)
            for format in chain.split(separator: ",") {
                let step = try ProcessRunner.credconv(["-t", String(format), "--page-image", "none"], stdin: document)
                #expect(step.status == 0, "\(path) → \(format): \(step.stderr)")
                document = step.stdout
            }
            let after = try Self.annexElements(document)
            #expect(Set(after.keys) == Set(original.keys), "\(path) via \(chain)")
            for name in ["workload", "level", "assessment-type", "participation", "supervision", "grade", "issuer-country"] {
                #expect(after[name] == original[name], "\(path) via \(chain): \(name)")
            }
        }
    }

    @Test func checkListsAnnexOneElements() throws {
        let ok = try ProcessRunner.credconv(["check", CLITests.sample])
        #expect(ok.status == 0, "\(ok.stdoutText)")
        #expect(ok.stdoutText.contains("mandatory: 11 of 11 present; optional: 5 of 5"))
        let eu = try ProcessRunner.credconv(["check", "--report", "json", Self.annexSample])
        #expect(eu.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(eu.stdout)) as? [String: Any])
        #expect(json["conformant"] as? Bool == false)
        let elements = try #require(json["elements"] as? [[String: Any]])
        #expect(elements.count == 16)
        let missing = elements.filter { ($0["present"] as? Bool) == false && ($0["mandatory"] as? Bool) == true }.compactMap { $0["name"] as? String }
        #expect(missing == ["quality-assurance"])
        let level = elements.first { $0["name"] as? String == "level" }
        #expect((level?["value"] as? String)?.contains("Level 6") == true)
        let edc = try ProcessRunner.credconv(["check", "--profile", "edc", CLITests.sample])
        #expect(edc.status == 0, "\(edc.stdoutText)")
        let bad = try ProcessRunner.credconv(["check"], stdin: Array("{\"a\":1}".utf8))
        #expect(bad.status == 65)
        #expect(bad.stdout.isEmpty)
    }

    /// A provider supplies what the source lacks: the EBSI example's issuer has no eIDAS identifier, which
    /// the EDC shapes require; a merge document gives it, and the ELM v3 output then conforms (pyshacl).
    @Test(.enabled(if: Oracle.available("pyshacl"), "python pyshacl is missing: skipped"))
    func mergeSuppliesTheIssuersEIDASIdentifier() throws {
        let ebsi = TestPaths.reference("europass/elm-v3-jsonld/ebsi-json-schema/example-Microcredential-Data-and-software-business.json").path
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let merge = dir.appendingPathComponent("eidas.json")
        try Data(#"{"issuer": {"identifiers": [{"value": "73737373", "schemeName": "University Aliance ID"}, {"value": "ESQ0000000J", "type": "eIDASIdentifier"}]}}"#.utf8).write(to: merge)
        let plain = try ProcessRunner.credconv(["-t", "elm", ebsi])
        let merged = try ProcessRunner.credconv(["-t", "elm", "--merge", merge.path, "--report", "json", ebsi])
        #expect(merged.status == 0)
        let report = try #require(try JSONParser().parse(merged.stderr).objectValue)
        let warnings = report["warnings"]?.arrayValue ?? []
        #expect(warnings.contains { $0.objectValue?["code"] == .string("warning.merged") })
        let files = [("plain.jsonld", plain.stdout), ("merged.jsonld", merged.stdout)].map { name, bytes in
            let url = dir.appendingPathComponent(name)
            try? Data(bytes).write(to: url)
            return url
        }
        #expect(try Oracle.check("shacl-check.py", [files[0]]).status == 1)
        let result = try Oracle.check("shacl-check.py", [files[1]])
        #expect(result.status == 0, "\(result.stdoutText.prefix(2000))")
    }

    /// A pipeline through the model gives what the direct conversion gives; a merge document that does not
    /// fit is refused, named with its place.
    @Test func modelPipelineAndBadMergeDocument() throws {
        let model = try ProcessRunner.credconv(["-t", "model", Self.annexSample])
        #expect(model.status == 0)
        let back = try ProcessRunner.credconv(["-f", "model", "-t", "elm", "--page-image", "none"], stdin: model.stdout)
        #expect(back.status == 0)
        let direct = try ProcessRunner.credconv(["-t", "elm", "--page-image", "none", Self.annexSample])
        #expect(back.stdout == direct.stdout)
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.json")
        try Data(#"{"achievement": {"eqfLevel": 6}}"#.utf8).write(to: bad)
        let refused = try ProcessRunner.credconv(["-t", "ob3", "--merge", bad.path, Self.annexSample])
        #expect(refused.status == 65)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.contains("/achievement/eqfLevel"))
        #expect(refused.stderr.contains("bad.json"))
        #expect(refused.stderr.contains("[data.type-mismatch]"))
    }
}
