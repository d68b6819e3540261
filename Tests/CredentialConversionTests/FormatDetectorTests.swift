import CredconvTestSupport
import CredentialConversion
import Foundation
import Testing

@Suite("Format detection from content")
struct FormatDetectorTests {
    let detector = CredconvFormats.registry

    private func detect(_ text: String) throws -> DetectedInput { try detector.detect(Array(text.utf8)) }

    private func refusal(_ bytes: [UInt8]) -> Diagnostic? {
        do throws(Diagnostic) {
            _ = try detector.detect(bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test func detectsOB3WithVersionDetail() throws {
        let d = try detector.detect([UInt8](try Data(contentsOf: TestPaths.repository("samples/ob3-microcredential.json"))))
        #expect(d.format == .ob3)
        #expect(d.detail == "OpenBadgeCredential, VCDM 2.0, OB context 3.0.3")
    }

    @Test func detectsAVCJWT() throws {
        let header = Data(#"{"alg":"RS256"}"#.utf8).base64URL
        let payload = Data(#"{"vc":{"type":["VerifiableCredential","OpenBadgeCredential"]}}"#.utf8).base64URL
        let d = try detect("\(header).\(payload).c2ln\n")
        #expect(d.format == .ob3JWT)
        #expect(d.detail.contains("RS256"))
    }

    @Test func detectsOtherFamiliesItCannotReadYet() throws {
        #expect(try detect(#"{"@context": "https://w3id.org/openbadges/v2", "type": "Assertion"}"#).format == .ob2)
        #expect(try detect(#"[{"type": "BadgeClass", "name": "x"}]"#).format == .ob2)
        #expect(try detect(#"{"type": ["VerifiableCredential", "EuropeanDigitalCredential"]}"#).format == .elm)
        #expect(try detect(#"{"payload": "e30", "signatures": []}"#).format == .elm)
        #expect(try detect("<?xml version=\"1.0\"?>\n<europassCredential xmlns=\"http://data.europa.eu/snb\"/>").format == .elmXML)
        #expect(try detect("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>").format == .svg)
        #expect(try detect("<!DOCTYPE html><html></html>").format == .html)
        #expect(try detector.detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]).format == .png)
    }

    @Test func unknownOrEmptyInputIsRefusedWithAPlace() throws {
        #expect(refusal(Array("   ".utf8))?.code == .unknownInput)
        #expect(refusal(Array("hello".utf8))?.code == .unknownInput)
        #expect(refusal(Array("hello".utf8))?.exitCode == 65)
        #expect(refusal(Array(#"{"type": ["VerifiableCredential", "OtherCredential"]}"#.utf8))?.location == .jsonPointer("/type"))
        let bad = try #require(refusal(Array("{\n \"a\": tru\n}".utf8)))
        #expect(bad.location == .position(line: 2, column: 10))
        #expect(bad.code == .jsonSyntax)
    }
}

extension Data {
    var base64URL: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

/// The registry learns which formats read and write from the conformances themselves (no dynamic
/// cast): every format's answer agrees with what it conforms to.
@Suite("Format registry: readers and writers")
struct FormatRegistryRolesTests {
    @Test func everyFormatSaysWhatItConformsTo() {
        for format in CredconvFormats.registry.formats {
            #expect((format.asReadable != nil) == (format is any ReadableFormat), "\(format.name)")
            #expect((format.asWritable != nil) == (format is any WritableFormat), "\(format.name)")
            #expect(format.asReadable.map { $0.name == format.name } ?? true)
            #expect(format.asWritable.map { $0.name == format.name } ?? true)
        }
        #expect(CredconvFormats.registry.readableNames.contains(.ob3) && CredconvFormats.registry.writableNames.contains(.elmXML))
        #expect(!CredconvFormats.registry.writableNames.contains(.ob3JWT))
    }
}
