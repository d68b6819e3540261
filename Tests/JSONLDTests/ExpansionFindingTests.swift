import CredconvJSON
import JSONLD
import Testing

/// What expansion drops is reported with its JSON pointer ("safe mode").
@Suite("JSON-LD: expansion findings")
struct ExpansionFindingTests {
    static func findings(_ json: String) throws -> [ExpansionFinding] {
        try JSONLDProcessor().expandWithFindings(try JSONParser().parse(json)).findings
    }

    @Test func aLanguageMapTheOB3ContextDoesNotDeclareIsReportedTermByTerm() throws {
        let found = try Self.findings("""
            {"@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
             "id": "urn:uuid:1", "type": ["VerifiableCredential", "OpenBadgeCredential"],
             "credentialSubject": {"type": ["AchievementSubject"], "achievement": {"id": "urn:uuid:2", "type": ["Achievement"],
               "name": {"en": "Data literacy", "de": "Datenkompetenz"}}}}
            """)
        let pointers = found.filter { $0.kind == .undefinedTerm }.map(\.pointer).sorted()
        #expect(pointers == ["/credentialSubject/achievement/name/de", "/credentialSubject/achievement/name/en"])
    }

    @Test func undefinedTermsRelativeTypesAndFreeValuesAreReported() throws {
        let found = try Self.findings("""
            {"@context": {"name": "https://schema.org/name"}, "@id": "urn:x", "@type": "Thing", "nickname": "Ada", "name": "Ada"}
            """)
        #expect(found.contains { $0.kind == .undefinedTerm && $0.pointer == "/nickname" })
        #expect(found.contains { $0.kind == .relativeType && $0.pointer == "/@type" })
        #expect(!found.contains { $0.pointer == "/name" })
    }

    @Test func aDocumentTheContextCoversHasNoFindings() throws {
        let found = try Self.findings("""
            {"@context": "https://www.w3.org/ns/credentials/v2", "id": "urn:uuid:1", "type": "VerifiableCredential",
             "issuer": "did:example:1", "validFrom": "2024-01-01T00:00:00Z", "name": "A credential", "credentialSubject": {"id": "did:example:2"}}
            """)
        #expect(found.isEmpty, "\(found)")
    }
}
