import CredconvTestSupport
import CredentialModel
import Europass
import Foundation
import Testing

@Suite("Europass XML reading", .enabled(if: TestPaths.referenceAvailable, "../shared/reference is absent: skipped"))
struct ELMReaderTests {
    @Test(arguments: ELM.samples)
    func officialSamplesRead(_ name: String) throws {
        let (c, report) = try ELM.read(try ELM.sample(name))
        #expect(c.provenance.sourceFormat == "elm-xml")
        #expect(c.issuer?.name != nil)
        #expect(c.issuer?.address?.country != nil)
        #expect(c.learner.givenName != nil && c.learner.familyName != nil)
        #expect(c.name != nil)
        // Whatever is not read is reported, with an XPath.
        #expect(report.lost.allSatisfy { d in
            guard case .xpath(let path, let line)? = d.location else { return false }
            return path.hasPrefix("/europassCredential/") && line != nil
        })
    }

    @Test func degreeSampleHoldsTheMicroCredentialElements() throws {
        let (c, _) = try ELM.read(try ELM.sample("EDC_SampleDegree_AA.xml"))
        #expect(c.id == "urn:credential:ab962d58-9ffd-4197-be23-f9448df9c95f" || c.id?.hasPrefix("urn:credential:ab962d58") == true)
        #expect(c.primaryLanguage == "en")
        #expect(c.credentialType?.id == "http://data.europa.eu/snb/credential/6dff8a0f87")
        let a = try #require(c.achievement)
        #expect(a.awardId == "urn:epass:learningAchievement:6")
        #expect(a.id == "urn:epass:qualification:6")
        #expect(a.eqfLevel?.id?.hasPrefix("http://data.europa.eu/snb/eqf/") == true)
        #expect(a.credits?.isECTS == true)
        #expect(a.workload != nil)
        #expect(!a.learningOutcomes.isEmpty)
        #expect(a.learningOutcomes.contains { $0.relatedSkills.contains { ($0.id ?? "").hasPrefix("http://data.europa.eu/esco/skill/") && $0.label != nil } })
        #expect(!a.parts.isEmpty)
        #expect(a.parts.allSatisfy { $0.partAssessment?.grade != nil })
        let assessment = try #require(c.assessment)
        #expect(assessment.grade?.best() == "excellent (5)")
        #expect(assessment.identityVerification?.scheme == "http://data.europa.eu/snb/supervision-verification/25831c2")
        #expect(assessment.assessor?.name != nil)
        #expect(c.awarding?.bodies.isEmpty == false)
        #expect(c.learner.identifiers.contains { $0.type == Identifier.Kind.nationalId && $0.spatial == "ITA" })
        #expect(c.learner.gender?.id == "http://publications.europa.eu/resource/authority/human-sex/FEMALE" || c.learner.gender?.id == "http://publications.europa.eu/resource/authority/human-sex/MALE")
        #expect(c.issuer?.identifiers.contains { $0.type == Identifier.Kind.registration } == true)
    }

    @Test func signedLegacySampleIsSealedNotVerified() throws {
        let (c, _) = try ELM.read(try ELM.sample("credential-generic-profile-xsd-signed.xml"))
        #expect(c.provenance.signature?.kind == .xades)
        #expect(c.provenance.signature?.verified == false)
        #expect(c.provenance.sourceVersion == "ELM v2 XML schema 1.0")
        // Schema 1.0 has the older <language> wrapper; it reads all the same.
        #expect(c.primaryLanguage == "en")
        #expect(c.otherAchievements.count == 1)
    }

    @Test func displayParametersAreKeptForEuropassOutput() throws {
        let (c, _) = try ELM.read(try ELM.sample("EDC_SampleDegree_AA.xml"))
        #expect(c.extensions.fields.contains { $0.key == "displayParameters" && $0.family == "elm-xml" })
    }
}

@Suite("Europass XML refusals")
struct ELMRefusalTests {
    static func document(subject: String = "", references: String = "", issuer: String = "urn:epass:org:1") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <europassCredential xmlns="http://data.europa.eu/snb" xmlns:cred="http://data.europa.eu/europass/model/credentials/w3c#" cred:id="urn:credential:1">
          <type targetFrameworkUrl="http://data.europa.eu/snb/credential/25831c2" uri="http://data.europa.eu/snb/credential/e34929035b"><targetName><text lang="en" content-type="text/plain">Generic</text></targetName></type>
          <primaryLanguage>en</primaryLanguage>
          <availableLanguages><language>en</language></availableLanguages>
          <cred:issued>2024-01-01T00:00:00Z</cred:issued>
          <cred:issuer idref="\(issuer)"/>
          <title><text lang="en" content-type="text/plain">T</text></title>
          <credentialSubject id="urn:epass:person:1">
            <givenNames><text lang="en" content-type="text/plain">A</text></givenNames>
            <familyName><text lang="en" content-type="text/plain">B</text></familyName>\(subject)
          </credentialSubject>
          <agentReferences>
            <organization id="urn:epass:org:1">
              <registration>R1</registration>
              <prefLabel><text lang="en" content-type="text/plain">Org</text></prefLabel>
              <hasLocation/>\(references)
            </organization>
          </agentReferences>
        </europassCredential>
        """
    }

    @Test func minimalDocumentReads() throws {
        let (c, _) = try ELM.read(Self.document())
        #expect(c.issuer?.name?.best() == "Org")
        #expect(c.learner.givenName?.text(for: "en") == "A")
    }

    @Test func danglingReferenceIsALocatedError() throws {
        let e = try #require(ELM.refusal(Self.document(issuer: "urn:epass:org:404")))
        #expect(e.message.contains("urn:epass:org:404"))
        #expect(e.location == .position(line: 7, column: 1))
    }

    @Test func cyclicReferenceIsALocatedError() throws {
        let e = try #require(ELM.refusal(Self.document(references: "\n      <unitOf idref=\"urn:epass:org:1\"/>")))
        #expect(e.message.contains("cyclic reference"))
        if case .position(let line, _)? = e.location { #expect(line > 1) } else { Issue.record("no position") }
    }

    @Test func referenceToTheWrongKindOfEntityIsRefused() throws {
        let e = try #require(ELM.refusal(Self.document(issuer: "urn:epass:person:1")))
        #expect(e.message.contains("credentialSubject"))
    }

    @Test func otherXMLIsNotAEuropassCredential() throws {
        let e = try #require(ELM.refusal("<root xmlns=\"urn:other\"/>"))
        #expect(e.message.contains("not a Europass credential"))
    }

    @Test func verifiablePresentationIsUnwrapped() throws {
        let inner = Self.document().replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", with: "")
        let wrapped = "<vp:verifiablePresentation xmlns:vp=\"http://data.europa.eu/snb/vp\"><vp:verifiableCredential>\(inner)</vp:verifiableCredential></vp:verifiablePresentation>"
        let (c, report) = try ELM.read(wrapped)
        #expect(c.issuer?.name?.best() == "Org")
        #expect(c.provenance.sourceVersion?.contains("verifiable presentation") == true)
        #expect(report.warnings.contains { $0.message.contains("unwrapped") })
    }

    @Test func olderLanguageWrapperReads() throws {
        let old = Self.document().replacingOccurrences(of: "<availableLanguages><language>en</language></availableLanguages>", with: "<language><language>en</language></language>")
        let (c, report) = try ELM.read(old)
        #expect(c.primaryLanguage == "en")
        #expect(report.lost.isEmpty)
    }

    @Test func htmlTextStaysMarkedAsHTML() throws {
        let doc = Self.document().replacingOccurrences(of: "<title><text lang=\"en\" content-type=\"text/plain\">T</text></title>",
                                                      with: "<title><text lang=\"en\" content-type=\"text/html\">&lt;b&gt;T&lt;/b&gt;</text></title>")
        let (c, _) = try ELM.read(doc)
        #expect(c.name?.format == .html)
        #expect(c.name?.best() == "<b>T</b>")
    }
}
