import CredconvJSON
import CredconvTestSupport
import CredentialConversion
import Foundation
import Testing

/// The model as a readable format: `-t model | -f model` is exact, its schema is generated from the
/// model types and checked with python jsonschema, and `--merge` lays partial documents over a credential.
@Suite("The model document: -f model, its schema, --merge")
struct ModelFormatTests {
    static let sampled = ModelSampler.make()

    /// Every document the tests can read: the samples and the official examples.
    static var documents: [URL] {
        var urls = ["ob3-microcredential.json", "elm-microcredential.ob3.json", "ob2-microcredential.json", "elm-microcredential.xml",
                    "elm-microcredential.jsonld", "ob3-microcredential.html", "ob3-microcredential.baked.svg"]
            .map { TestPaths.repository("samples/\($0)") }
        if TestPaths.referenceAvailable {
            urls += TestPaths.referenceFiles("openbadges/ob3/examples/validator", extensions: ["json"])
            urls += TestPaths.referenceFiles("europass/elm-v3-jsonld/samples", extensions: ["jsonld"])
            urls += TestPaths.referenceFiles("europass/elm-v2-xml/samples", extensions: ["xml"])
        }
        return urls
    }

    static func read(_ url: URL) throws -> Credential? {
        var report = ConversionReport()
        let bytes = [UInt8](try Data(contentsOf: url))
        do throws(Diagnostic) {
            return try Converter().read(bytes, options: ConversionOptions(to: .model), report: &report).0
        } catch {
            return nil  // a vector that is meant to be refused
        }
    }

    @Test func theGeneratedModelHasEveryPropertyAndSurvivesItsDocument() throws {
        let credential = Self.sampled.credential
        let document = try ModelFormat.encode(credential)
        let top = try #require(document.objectValue)
        let properties = try #require(Self.sampled.schema.objectValue?["$defs"]?.objectValue?["Credential"]?.objectValue?["properties"]?.objectValue)
        #expect(properties.count > 30)
        #expect(properties.members.map(\.key).filter { top[$0] == nil } == [], "properties the sampler left unset")
        #expect(credential.otherAchievements.count == 2 && credential.evidence.count == 2, "arrays hold two different elements")
        #expect(credential.otherAchievements[0] != credential.otherAchievements[1])
        // The document holds every stored property but the places kept fields came from (which become
        // places in the document), so the document is what must survive.
        #expect(try ModelFormat.encode(try ModelFormat.decode(document)) == document)
    }

    @Test func theSchemaFileIsTheGeneratedOne() {
        let text = JSONWriter(style: .pretty).string(Self.sampled.schema) + "\n"
        #expect(Golden.compare(text, to: "schemas/credconv-model.schema.json") == nil)
    }

    @Test("Every readable document survives -t model | -f model exactly", arguments: documents)
    func documentsRoundTripThroughTheModel(_ url: URL) throws {
        guard let credential = try Self.read(url) else { return }
        let document = try ModelFormat.encode(credential)
        let back = try ModelFormat.decode(document)
        #expect(try ModelFormat.encode(back) == document)
        var same = credential
        same.extensions = back.extensions  // kept fields' sources become places in the model document
        #expect(back.provenance == credential.provenance)
        #expect(try ModelFormat.encode(same) == document)
    }

    @Test(.enabled(if: Oracle.available("jsonschema"), "python jsonschema is missing: skipped"))
    func modelDocumentsFitTheSchemaByPythonJSONSchema() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var files: [URL] = []
        for (i, url) in Self.documents.enumerated() {
            guard let credential = try Self.read(url) else { continue }
            let file = dir.appendingPathComponent("model-\(i).json")
            try Data(JSONWriter().bytes(try ModelFormat.encode(credential))).write(to: file)
            files.append(file)
        }
        let full = dir.appendingPathComponent("full.json")
        try Data(JSONWriter().bytes(try ModelFormat.encode(Self.sampled.credential))).write(to: full)
        let good = try Oracle.check("model-schema-check.py", files + [full])
        #expect(good.status == 0, "\(good.stdoutText.prefix(3000))")
        // The oracle refuses what the reader refuses.
        let bad = dir.appendingPathComponent("bad.json")
        try Data(#"{"kind": "achievement", "provenance": {"sourceFormat": "ob3"}, "learner": {}, "eqfLevel": 6}"#.utf8).write(to: bad)
        #expect(try Oracle.check("model-schema-check.py", [bad]).status == 1)
    }

    func refusal(_ text: String) -> Diagnostic? {
        do throws(Diagnostic) {
            _ = try Converter().convert(Array(text.utf8), options: ConversionOptions(from: .model, to: .ob3))
            return nil
        } catch {
            return error
        }
    }

    @Test func badModelDocumentsAreRefusedWithCodeAndPointer() {
        let unknown = refusal(#"{"kind": "achievement", "provenance": {"sourceFormat": "ob3"}, "learner": {"eqfLevel": 6}}"#)
        #expect(unknown?.code == .unknownMember)
        #expect(unknown?.location == .jsonPointer("/learner/eqfLevel"))
        let wrongType = refusal(#"{"kind": "achievement", "provenance": {"sourceFormat": "ob3"}, "learner": {}, "validFrom": 2026}"#)
        #expect(wrongType?.code == .typeMismatch)
        #expect(wrongType?.location == .jsonPointer("/validFrom"))
        let missing = refusal(#"{"kind": "achievement", "provenance": {}, "learner": {}}"#)
        #expect(missing?.code == .missingProperty)
        #expect(missing?.location == .jsonPointer("/provenance/sourceFormat"))
        #expect(missing?.exitCode == 65)
    }

    @Test func aModelDocumentCannotClaimAVerifiedSignature() throws {
        let text = #"{"kind": "achievement", "provenance": {"sourceFormat": "ob3", "signature": {"kind": "jws", "verified": true}}, "learner": {}}"#
        var report = ConversionReport()
        let (credential, _) = try Converter().read(Array(text.utf8), options: ConversionOptions(to: .model), report: &report)
        #expect(credential.provenance.signature?.verified == false)
        #expect(report.warnings.map(\.code) == [.signatureNotVerified])
    }

    @Test func mergeSetsAndRemovesValuesAndReportsEach() throws {
        let input = [UInt8](try Data(contentsOf: TestPaths.repository("samples/ob3-microcredential.json")))
        var options = ConversionOptions(to: .model)
        options.mergeDocuments = [MergeDocument(name: "extra.json", value: try JSONParser().parse(Array(
            #"{"achievement": {"eqfLevel": {"id": "http://data.europa.eu/snb/eqf/6"}, "workload": "PT150H"}, "validUntil": null}"#.utf8)))]
        let out = try Converter().convert(input, options: options)
        let model = try ModelFormat.decode(try JSONParser().parse(out.bytes))
        #expect(model.achievement?.eqfLevel?.id == "http://data.europa.eu/snb/eqf/6")
        #expect(model.achievement?.workload == "PT150H")
        #expect(model.validUntil == nil)
        let merged = out.report.warnings.filter { $0.code == .merged }.compactMap(\.location)
        #expect(merged == [.modelPath("achievement.eqfLevel.id"), .modelPath("achievement.workload"), .modelPath("validUntil")])

        options.mergeDocuments = [MergeDocument(name: "bad.json", value: try JSONParser().parse(Array(#"{"achievement": {"eqfLevl": 6}}"#.utf8)))]
        do throws(Diagnostic) {
            _ = try Converter().convert(input, options: options)
            Issue.record("a merge document with an unknown member was accepted")
        } catch {
            #expect(error.code == .unknownMember)
            #expect(error.location == .jsonPointer("/achievement/eqfLevl"))
            #expect(error.message.contains("bad.json"))
        }
    }
}
