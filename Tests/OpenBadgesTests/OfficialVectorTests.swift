import CredconvJSON
import CredconvTestSupport
import CredentialModel
import Foundation
import OpenBadges
import Testing

/// Every official Open Badges 3.0 example and 1EdTech validator vector, read and written back, and
/// checked by independent tools: python jsonschema with both official schemas, and PyLD expansion.
@Suite("Official OB 3.0 examples and validator vectors", .enabled(if: TestPaths.referenceAvailable, "../shared/reference (or $CREDCONV_REFERENCE) is absent: skipped"))
struct OfficialVectorTests {
    static let specExamples = TestPaths.referenceFiles("openbadges/ob3/examples/spec", extensions: ["json"])
    static let validatorVectors = TestPaths.referenceFiles("openbadges/ob3/examples/validator", extensions: ["json", "jwt"])

    /// Validator vectors credconv refuses, with the JSON pointer of the reason.
    static let refused: [String: String] = [
        "simple-err-context.json": "/@context/0",  // no W3C credentials context first
        "simple-err-type.json": "/type",  // not an OpenBadgeCredential
    ]
    /// Vectors without an achievement (OB 3.0 requires one): read with a warning; the credential's name
    /// stands for the achievement in the output.
    static let withoutAchievement: Set<String> = ["simple-noproof.json", "simple.jwt"]

    static var convertible: [URL] {
        (specExamples + validatorVectors).filter { refused[$0.lastPathComponent] == nil }
    }

    @Test func referenceHoldsTheVectors() {
        #expect(Self.specExamples.count == 7)
        #expect(Self.validatorVectors.count == 13)
    }

    @Test func positiveVectorsConvertAndPassTheOfficialSchemasAndJSONLD() throws {
        var outputs: [(String, JSONValue)] = []
        for url in Self.convertible {
            let (credential, _) = try OB3.read(url)
            let (value, _) = try OB3.write(credential)
            outputs.append((url.deletingPathExtension().lastPathComponent, value))
        }
        #expect(outputs.count == 18)
        let files = try OB3.files(outputs)
        let failures = try Oracle.openBadges3Failures(files)
        #expect(failures == nil, "\(failures ?? "")")
    }

    @Test(arguments: refused.keys.sorted())
    func negativeVectorsAreRefusedWithTheirPlace(_ name: String) throws {
        let url = TestPaths.reference("openbadges/ob3/examples/validator/\(name)")
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        let error = try #require(OB3.refusal(text))
        #expect(error.location == .jsonPointer(Self.refused[name]!))
    }

    @Test func invalidIdentityObjectTypeIsReadWithAWarning() throws {
        let url = TestPaths.reference("openbadges/ob3/examples/validator/simple-err-credential-subject-identifier-type.json")
        let (credential, report) = try OB3.read(url)
        #expect(report.warnings.contains { $0.location == .jsonPointer("/credentialSubject/identifier/0/type") && $0.code == .nonconformingInput })
        #expect(credential.learner.identities.first?.identityType == "lisSourcedId")
        let (out, _) = try OB3.write(credential)
        let identifier = out.objectValue?["credentialSubject"]?.objectValue?["identifier"]?.arrayValue?.first?.objectValue
        #expect(identifier?["type"] == .string("IdentityObject"))
    }

    @Test(arguments: withoutAchievement.sorted())
    func vectorsWithoutAchievementAreConvertedWithWarnings(_ name: String) throws {
        let url = TestPaths.reference("openbadges/ob3/examples/validator/\(name)")
        let (credential, report) = try OB3.read(url)
        #expect(credential.achievement == nil)
        #expect(report.warnings.contains { $0.location == .jsonPointer("/credentialSubject/achievement") && $0.code == .nonconformingInput })
        let (out, writeReport) = try OB3.write(credential)
        #expect(writeReport.warnings.contains { $0.code == .valueSubstituted })
        let achievement = out.objectValue?["credentialSubject"]?.objectValue?["achievement"]?.objectValue
        #expect(achievement?["name"] == .string("Example University Degree"))
    }

    @Test func vcdm11CredentialBecomesVCDM20WithItsDates() throws {
        let (credential, _) = try OB3.read(TestPaths.reference("openbadges/ob3/examples/validator/complete_v1.json"))
        #expect(credential.provenance.sourceVersion?.hasPrefix("VCDM 1.1") == true)
        let (out, report) = try OB3.write(credential)
        let o = try #require(out.objectValue)
        #expect(o["@context"]?.arrayValue?.first == .string("https://www.w3.org/ns/credentials/v2"))
        #expect(o["validFrom"] == .string("2010-01-01T00:00:00Z"))
        #expect(o["validUntil"] == .string("2020-01-01T00:00:00Z"))
        #expect(o["issuanceDate"] == nil && o["expirationDate"] == nil && o["proof"] == nil)
        // Its VCDM 1.1 endorsements lack id and name: reported, never dropped silently.
        #expect(report.lost.map(\.location).contains(.jsonPointer("/endorsement/0")))
        #expect(report.warnings.contains { $0.code == .unsignedOutput })
    }

    @Test func vcJWTIsReadWithClaimsAndUnverifiedSignature() throws {
        let (credential, _) = try OB3.read(TestPaths.reference("openbadges/ob3/examples/validator/simple.jwt"))
        #expect(credential.provenance.sourceFormat == "ob3-jwt")
        #expect(credential.provenance.signature?.kind == .jws)
        #expect(credential.provenance.signature?.verified == false)
        #expect(credential.validFrom == "2010-01-01T00:00:00Z")
        #expect(credential.id == "http://example.edu/credentials/3732")
        #expect(credential.learner.id == "did:example:ebfeb1f712ebc6f1c276e12ec21")
    }

    @Test func completeExampleKeepsEverythingItCarries() throws {
        let url = TestPaths.reference("openbadges/ob3/examples/spec/spec-complete-openbadgecredential.json")
        let input = try OB3.parse(url)
        let (credential, _) = try OB3.read(url)
        let (out, report) = try OB3.write(credential)
        #expect(report.lost.isEmpty)
        // Same document but for the contexts and schemas credconv manages.
        #expect(Normalized(input) == Normalized(out))
    }

    @Test func embeddedEndorsementsPassUnchangedWithTheirProofs() throws {
        let url = TestPaths.reference("openbadges/ob3/examples/spec/spec-complete-openbadgecredential.json")
        let input = try #require(try OB3.parse(url).objectValue)
        let (credential, _) = try OB3.read(url)
        let (out, _) = try OB3.write(credential)
        #expect(out.objectValue?["endorsement"] == input["endorsement"])
    }
}

/// A document without what credconv deliberately manages (contexts, schema list, proofs), with every
/// `type` as an array, for comparing an input with its conversion.
struct Normalized: Equatable, CustomStringConvertible {
    let value: JSONValue

    init(_ v: JSONValue) { value = Self.normalize(v) }

    static func normalize(_ v: JSONValue) -> JSONValue {
        switch v {
        case .object(let o):
            var out = JSONObject()
            for m in o where !["@context", "credentialSchema", "proof"].contains(m.key) {
                if m.key == "type", case .string(let s) = m.value { out.set("type", .array([.string(s)])); continue }
                out.set(m.key, normalize(m.value))
            }
            return .object(JSONObject(uniqueMembers: out.members.sorted { $0.key < $1.key }))
        case .array(let a): return .array(a.map(normalize))
        default: return v
        }
    }

    var description: String { JSONWriter().string(value) }
}
