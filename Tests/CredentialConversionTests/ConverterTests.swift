import CredconvJSON
import CredconvTestSupport
import CredentialConversion
import CredentialModel
import Foundation
import Testing

@Suite("Converter and loss report")
struct ConverterTests {
    static let sample = TestPaths.repository("samples/ob3-microcredential.json")

    private func options(_ to: FormatName, from: FormatName? = nil) -> ConversionOptions {
        ConversionOptions(from: from, to: to, makeIdentifier: { "urn:uuid:00000000-0000-4000-8000-000000000000" })
    }

    @Test func sampleConvertsToItselfAndToTheModel() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.sample))
        let ob3 = try Converter().convert(bytes, options: options(.ob3))
        #expect(ob3.bytes + [0x0A] == bytes)
        #expect(ob3.inputFormat == .ob3)
        let model = try Converter().convert(bytes, options: options(.model))
        let golden = String(decoding: model.bytes, as: UTF8.self) + "\n"
        #expect(Golden.compare(golden, to: "samples/ob3-microcredential.model.json") == nil)
    }

    /// The Europass sample is the Europass form of the OB 3.0 sample, and the third sample is that Europass
    /// document converted back: both must stay what the writers make (re-record with CREDCONV_RECORD_GOLDENS=1).
    @Test func bundledEuropassSamplesAreWhatTheWritersMake() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.sample))
        let xml = try Converter().convert(bytes, options: options(.elmXML))
        #expect(Golden.compare(String(decoding: xml.bytes, as: UTF8.self) + "\n", to: "samples/elm-microcredential.xml") == nil)
        let back = try Converter().convert(xml.bytes, options: options(.ob3))
        #expect(back.inputFormat == .elmXML)
        #expect(Golden.compare(String(decoding: back.bytes, as: UTF8.self) + "\n", to: "samples/elm-microcredential.ob3.json") == nil)
    }

    /// samples/elm-microcredential.jsonld is the ELM v3 form of the OB 3.0 sample. Its page picture was
    /// rendered with Chromium (`credconv -t elm`); the test reuses that picture, so everything else must be
    /// exactly what the writer makes.
    @Test func bundledELMv3SampleIsWhatTheWriterMakes() throws {
        let samplePath = "samples/elm-microcredential.jsonld"
        let sample = try JSONParser().parse([UInt8](try Data(contentsOf: TestPaths.repository(samplePath))))
        let content = sample.objectValue?["displayParameter"]?.objectValue?["individualDisplay"]?.objectValue?["displayDetail"]?
            .objectValue?["image"]?.objectValue?["content"]?.stringValue
        let jpeg = try #require(content.flatMap { Data(base64Encoded: $0) }, "the sample has no page picture")
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("page.jpg")
        try jpeg.write(to: page)
        var o = options(.elm)
        o.pageImage = .jpeg([UInt8](jpeg))
        let elm = try Converter().convert([UInt8](try Data(contentsOf: Self.sample)), options: o)
        #expect(Golden.compare(String(decoding: elm.bytes, as: UTF8.self) + "\n", to: samplePath) == nil)
        let back = try Converter().convert(elm.bytes, options: options(.ob3))
        #expect(back.inputFormat == .elm)
    }

    /// samples/ob2-microcredential.json is the OB 2.0 form of the OB 3.0 sample; samples/ob3-microcredential.baked.svg
    /// is the OB 3.0 sample baked into samples/badge.svg.
    @Test func bundledOpenBadges2AndBakedSamplesAreWhatCredconvMakes() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.sample))
        let ob2 = try Converter().convert(bytes, options: options(.ob2))
        #expect(Golden.compare(String(decoding: ob2.bytes, as: UTF8.self) + "\n", to: "samples/ob2-microcredential.json") == nil)
        let badge = [UInt8](try Data(contentsOf: TestPaths.repository("samples/badge.svg")))
        let baked = try BadgeBaker().bake(bytes, into: badge, as: .ob3, options: options(.ob3))
        #expect(baked.bakedUnchanged)
        #expect(Golden.compare(String(decoding: baked.image, as: UTF8.self), to: "samples/ob3-microcredential.baked.svg") == nil)
        let read = try Converter().convert(baked.image, options: options(.ob3))
        #expect(read.inputFormat == .svg)
        #expect(read.bytes + [0x0A] == bytes)
    }

    /// samples/ob3-microcredential.html is the certificate of the OB 3.0 sample (its PNG rendering in samples/
    /// is made from it with Chromium; see the README).
    @Test func bundledCertificateIsWhatTheWriterMakes() throws {
        let html = try Converter().convert([UInt8](try Data(contentsOf: Self.sample)), options: options(.html))
        #expect(Golden.compare(String(decoding: html.bytes, as: UTF8.self) + "\n", to: "samples/ob3-microcredential.html") == nil)
    }

    @Test func modelDumpIsStableAcrossRuns() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.sample))
        let first = try Converter().convert(bytes, options: options(.model)).bytes
        for _ in 0..<3 { #expect(try Converter().convert(bytes, options: options(.model)).bytes == first) }
    }

    @Test func statedFormatNameMustFitTheContent() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.sample))
        do throws(Diagnostic) {
            _ = try Converter().convert(bytes, options: options(.ob3, from: .ob3JWT))
            Issue.record("a JSON credential was accepted as a JWT")
        } catch {
            #expect(error.code == .formatMismatch)
            #expect(error.exitCode == 65)
        }
    }

    @Test func unwritableTargetIsAUsageError() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.sample))
        do throws(Diagnostic) {
            _ = try Converter().convert(bytes, options: options(.svg))
            Issue.record("svg was written")
        } catch {
            #expect(error.code == .unsupportedFormat)
            #expect(error.exitCode == 64)
        }
    }

    @Test func compactOutputIsOneLine() throws {
        var o = options(.ob3)
        o.compact = true
        let out = try Converter().convert([UInt8](try Data(contentsOf: Self.sample)), options: o)
        #expect(!out.bytes.contains(0x0A))
    }

    @Test func jsonReportNamesLossesAndSignature() throws {
        let text = """
            {"@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
             "id": "urn:uuid:1", "type": ["VerifiableCredential", "OpenBadgeCredential"],
             "issuer": {"id": "https://example.edu/i", "type": ["Profile"], "name": "Example"},
             "validFrom": "2026-01-01T00:00:00Z",
             "image": {"id": "https://example.edu/i.png", "type": "Image", "caption": "x", "width": 10},
             "credentialSubject": {"id": "did:example:1", "type": ["AchievementSubject"],
               "achievement": {"id": "https://example.edu/a", "type": ["Achievement"], "name": "A", "description": "d", "criteria": {}}},
             "proof": {"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "verificationMethod": "did:key:z6Mk"}}
            """
        let out = try Converter().convert(Array(text.utf8), options: options(.ob3))
        let rendered = ReportRenderer(style: .json, inputName: "in.json").render(out)
        let report = try #require(try JSONParser().parse(rendered).objectValue)
        #expect(report["input"] == .string("in.json"))
        #expect(report["format"] == .string("ob3"))
        let lost = try #require(report["lost"]?.arrayValue?.first?.objectValue)
        #expect(lost["code"] == .string("lost.no-place-in-target"))
        #expect(lost["location"] == .object(JSONObject(["type": .string("jsonPointer"), "pointer": .string("/image/width")])))
        #expect(report["signature"]?.objectValue?["verified"] == .bool(false))
        #expect(report["signature"]?.objectValue?["statement"]?.stringValue?.contains("unsigned derived data") == true)
        let text_ = ReportRenderer(style: .text, inputName: "in.json").render(out)
        #expect(text_.contains("credconv: lost: /image/width: "))
        #expect(text_.contains("credconv: warning: the input was signed with an embedded proof"))
        #expect(text_.contains("[warning.unsigned-output]\n"))
    }

    @Test func errorRenderingPutsPositionsAfterTheInputName() {
        let r = ReportRenderer(style: .text, inputName: "in.json")
        #expect(r.render(Diagnostic(.data, "bad", at: .position(line: 12, column: 7))) == "credconv: error: in.json:12:7: bad [data.invalid]\n")
        #expect(r.render(Diagnostic(.data, "bad", at: .jsonPointer("/a/b"))) == "credconv: error: in.json: /a/b: bad [data.invalid]\n")
        #expect(r.render(Diagnostic(.data, "bad"), record: 3, line: 4) == "credconv: error: in.json: record 3 (line 4): bad [data.invalid]\n")
    }
}
