import CredentialModel
import Testing

/// Europass names countries by EU authority IRI; credconv holds the ISO alpha-2 code.
@Suite("Countries by IRI, alpha-2 or alpha-3 code")
struct CountryCodeTests {
    @Test func theLastPathSegmentNamesTheCountry() {
        #expect(Country(anyCode: "http://publications.europa.eu/resource/authority/country/IRL")?.alpha2 == "IE")
        #expect(Country(anyCode: "http://publications.europa.eu/resource/authority/country/deu/")?.alpha2 == "DE")
        #expect(Country(anyCode: "fr")?.alpha2 == "FR")
        #expect(Country(anyCode: "NLD")?.alpha2 == "NL")
        for unknown in ["", "/", "//", "http://publications.europa.eu/resource/authority/country/", "XX", "ZZZ", "http://example.org/IRL/x"] {
            #expect(Country(anyCode: unknown) == nil, "\(unknown)")
        }
    }
}
