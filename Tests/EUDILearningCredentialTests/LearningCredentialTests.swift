import CredconvJSON
import CredconvTestSupport
import CredentialModel
import EUDILearningCredential
import Foundation
import SDJWT
import Testing

/// The Learning Credential's type table against the EU's type metadata, and the writer and reader
/// against each other.
@Suite("EUDI Learning Credential: type, writer, reader")
struct LearningCredentialTests {
    static let metadata = "eudi/learning_credential.vct.json"

    /// Every claim of the type metadata, with its path, `mandatory` and `sd`, is in credconv's table, and no other.
    @Test(.enabled(if: TestPaths.referenceAvailable, "../shared/reference is absent: skipped"))
    func theTypeTableIsTheMetadatas() throws {
        let value = try JSONParser().parse([UInt8](try Data(contentsOf: TestPaths.reference(Self.metadata))))
        let document = try #require(value.objectValue)
        #expect(document["vct"] == .string(LearningCredentialType.vct))
        let claims = try #require(document["claims"]?.arrayValue)
        var fromMetadata: [String] = []
        for claim in claims {
            let o = try #require(claim.objectValue)
            let path = try #require(o["path"]?.arrayValue).map { $0.stringValue.map { "\"\($0)\"" } ?? "null" }
            fromMetadata.append("[\(path.joined(separator: ","))] mandatory=\(o["mandatory"]?.boolValue ?? false) sd=\(o["sd"]?.stringValue == "always")")
        }
        let ours = LearningCredentialType.claims.map { "\($0.path) mandatory=\($0.isMandatory) sd=\($0.isSelectivelyDisclosed)" }
        #expect(ours == fromMetadata)
    }

    static let holderKey = JSONObject(["kty": .string("OKP"), "crv": .string("Ed25519"), "x": .string("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo")])

    /// A credential with every claim's data.
    static var complete: Credential {
        var c = Credential(provenance: Provenance(sourceFormat: "test"))
        c.id = "urn:uuid:0d7c8a52-52f4-4c39-8fb2-2b0ac0b40b21"
        c.issued = "2026-06-30T10:00:00Z"
        c.validUntil = "2031-06-30T00:00:00Z"
        var issuer = Organization(id: "https://www.tu-example.eu/", name: LocalizedString("Technische Universität Beispielstadt", language: "de"))
        var address = Address()
        address.country = Country(alpha2: "DE")
        issuer.address = address
        c.issuer = issuer
        c.learner.familyName = LocalizedString("Pérez Fernández")
        c.learner.givenName = LocalizedString("Ana María")
        c.learner.identifiers = [Identifier(value: "S-2026-0042")]
        var a = Achievement(name: LocalizedString("Data Literacy"))
        a.description = LocalizedString("A short learning programme.")
        a.learningOutcomes = [LearningOutcome(text: LocalizedString("Find open data.")), LearningOutcome(text: LocalizedString("Describe a data set."))]
        a.languages = ["en", "de-AT"]
        a.workload = "PT125H"
        a.eqfLevel = EUVocabulary.eqfLevel(5)
        a.qualityAssurance = [QualityAssurance(type: Concept(label: LocalizedString("External Evaluation")))]
        a.prerequisites = LocalizedString("Basic algebra")
        a.stackability = LocalizedString("yes")
        c.achievement = a
        c.assessment = Assessment(grade: LocalizedString("A+"))
        return c
    }

    static func write(_ c: Credential, holderKey: JSONObject? = holderKey, expiry: Int64? = nil) throws(Diagnostic) -> (String, ConversionReport) {
        var report = ConversionReport()
        let bytes = try LearningCredentialWriter(
            holderKey: holderKey, expiry: expiry, preferredLanguages: [], makeIdentifier: { "urn:uuid:00000000-0000-4000-8000-000000000001" }).write(c, report: &report)
        return (String(decoding: bytes, as: UTF8.self), report)
    }

    @Test func everyClaimIsWrittenAndTheDisclosableOnesAsDisclosures() throws {
        let (text, report) = try Self.write(Self.complete)
        let sdJWT = try CompactSDJWT(text)
        let payloadPart = try #require(sdJWT.issuerJWT.split(separator: ".").dropFirst().first)
        let payloadBytes = try #require(Base64URL.decode(payloadPart))
        let payloadValue = try JSONParser().parse(payloadBytes)
        let payload = try #require(payloadValue.objectValue)
        let disclosures = try sdJWT.disclosures.map { (d: String) throws(SDJWTError) -> Disclosure in try Disclosure(encoded: d) }
        let processed = try DisclosedClaims(payload: payload, disclosures: disclosures)
        for claim in LearningCredentialType.topLevelClaims {
            #expect(processed.claims[claim.name] != nil, "\(claim.name) missing")
            // A claim marked sd: always is never in the payload in the clear, and always a disclosure.
            #expect((payload[claim.name] == nil) == claim.isSelectivelyDisclosed, "\(claim.name)")
            #expect(disclosures.contains { $0.claimName == claim.name } == claim.isSelectivelyDisclosed, "\(claim.name)")
        }
        let c = processed.claims
        #expect(c["iat"] == .integer(1_782_813_600))
        #expect(c["date_of_issuance"] == .string("2026-06-30"))
        #expect(c["exp"] == .integer(1_940_544_000))
        #expect(c["issuing_country"] == .string("DE"))
        #expect(c["language_of_classes"] == .array([.string("en"), .string("de")]))
        #expect(c["level_of_learning_experience"] == .integer(5))
        #expect(c["expected_study_time"] == .string("PT125H"))
        #expect(c["integration_stackability_options"] == .string("Yes"))
        #expect(c["learner_identification"] == .string("S-2026-0042"))
        #expect(c["cnf"] == .object(JSONObject(["jwk": .object(Self.holderKey)])))
        // The regional tag cut to ISO 639-1 is said.
        #expect(report.diagnostics.contains { $0.code == .valueChanged && $0.location == .modelPath("achievement.languages[1]") })
    }

    @Test func whatIsWrittenReadsBackToTheSameValues() throws {
        let (text, _) = try Self.write(Self.complete)
        var report = ConversionReport()
        let back = try LearningCredentialReader().read(text, report: &report)
        let c = Self.complete
        #expect(back.id == c.id)
        #expect(back.issued == c.issued)
        #expect(back.validUntil == c.validUntil)
        #expect(back.issuer?.id == c.issuer?.id)
        #expect(back.issuer?.address?.country == c.issuer?.address?.country)
        #expect(back.learner.familyName?.best() == "Pérez Fernández")
        #expect(back.learner.identifiers.map(\.value) == ["S-2026-0042"])
        let a = try #require(back.achievement)
        #expect(a.workload == "PT125H")
        #expect(a.eqfLevel == EUVocabulary.eqfLevel(5))
        #expect(a.learningOutcomes.map { $0.text.best() } == ["Find open data.", "Describe a data set."])
        #expect(a.qualityAssurance.compactMap { $0.type?.label?.best() } == ["External Evaluation"])
        #expect(a.prerequisites?.best() == "Basic algebra")
        #expect(back.assessment?.grade?.best() == "A+")
        #expect(back.provenance.signature == nil, "an unsigned (alg none) SD-JWT claims no signature")
        // The holder key is kept, so the credential can be written again with the same binding.
        #expect(back.extensions["cnf"] != nil)
    }

    @Test func missingMandatoryClaimsAreAllNamed() throws {
        var c = Self.complete
        c.learner = Learner()
        c.achievement?.workload = nil
        c.achievement?.credits = CreditPoints(value: NumberText("5")!, system: EUVocabulary.ects)
        c.achievement?.eqfLevel = nil
        c.validUntil = nil
        c.id = nil
        do {
            _ = try Self.write(c)
            Issue.record("written without its mandatory claims")
        } catch {
            #expect(error.code == .insufficientData)
            for claim in ["family_name", "learner_identification", "expected_study_time", "level_of_learning_experience", "exp"] {
                #expect(error.message.contains(claim), "\(claim) not named: \(error.message)")
            }
            #expect(error.message.contains("--merge"))
            #expect(!error.message.contains("jti"), "a jti is made, as other writers make the identifiers their format requires")
            #expect(error.message.contains("5 credits"), "the credits are not turned into a study time, and the message says so")
        }
        // --expires gives exp when the credential has no end of validity.
        var dated = Self.complete
        dated.validUntil = nil
        let (text, _) = try Self.write(dated, expiry: 1_900_000_000)
        var report = ConversionReport()
        #expect(try LearningCredentialReader().read(text, report: &report).validUntil == "2030-03-17T17:46:40Z")
    }

    @Test func withoutAHolderKeyItIsAUsageError() throws {
        do {
            _ = try Self.write(Self.complete, holderKey: nil)
            Issue.record("written without cnf")
        } catch {
            #expect(error.code == .usage)
            #expect(error.message.contains("--holder-key"))
        }
    }
}
