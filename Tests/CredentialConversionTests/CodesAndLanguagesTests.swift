import CredconvJSON
import CredconvTestSupport
import CredentialConversion
import Foundation
import Testing

/// A concept's notation is its code, the same for one IRI throughout a document; the language of a text
/// comes from the document before any default.
@Suite("Codes and languages from the document")
struct CodesAndLanguagesTests {
    /// The OB 3.0 sample as a Dutch credential of a Croatian issuer: plain strings, `inLanguage: nl-NL`,
    /// no credconv primary language or translations.
    static func dutchCredential() throws -> [UInt8] {
        var d = try #require(try JSONParser().parse([UInt8](try Data(contentsOf: TestPaths.repository("samples/ob3-microcredential.json")))).objectValue)
        d.remove("primaryLanguage")
        d.remove("translations")
        d.set("name", .string("Datageletterdheid voor de overheid"))
        var issuer = try #require(d["issuer"]?.objectValue)
        var address = try #require(issuer["address"]?.objectValue)
        address.set("addressCountryCode", .string("HR"))
        address.set("addressCountry", .string("Hrvatska"))
        issuer.set("address", .object(address))
        d.set("issuer", .object(issuer))
        var subject = try #require(d["credentialSubject"]?.objectValue)
        var achievement = try #require(subject["achievement"]?.objectValue)
        achievement.set("inLanguage", .string("nl-NL"))
        achievement.set("language", .array([.string("nl")]))
        achievement.set("name", .string("Datageletterdheid"))
        let outcomes = try #require(achievement["learningOutcome"]?.arrayValue).map { o -> JSONValue in
            var lo = o.objectValue!
            lo.set("name", .string("Een leerresultaat"))
            return .object(lo)
        }
        achievement.set("learningOutcome", .array(outcomes))
        subject.set("achievement", .object(achievement))
        d.set("credentialSubject", .object(subject))
        return JSONWriter(style: .pretty).bytes(.object(d))
    }

    static func convert(_ input: [UInt8], to format: FormatName) throws -> (text: String, report: ConversionReport) {
        var options = ConversionOptions(to: format)
        options.pageImage = .none
        let result = try Converter().convert(input, options: options)
        return (String(decoding: result.bytes, as: UTF8.self), result.report)
    }

    /// Every concept node of a JSON document by IRI.
    static func concepts(_ v: JSONValue, into out: inout [String: [JSONObject]]) {
        switch v {
        case .object(let o):
            if o["type"] == .string("Concept"), case .string(let id)? = o["id"] { out[id, default: []].append(o) }
            for m in o { concepts(m.value, into: &out) }
        case .array(let a): for x in a { concepts(x, into: &out) }
        default: break
        }
    }

    @Test func elmV3NotationsAreCodesAndOneDescriptionPerIRI() throws {
        for input in [try Self.dutchCredential(), [UInt8](try Data(contentsOf: TestPaths.repository("samples/elm-microcredential.xml")))] {
            let (text, _) = try Self.convert(input, to: .elm)
            var byIRI: [String: [JSONObject]] = [:]
            Self.concepts(try JSONParser().parse(Array(text.utf8)), into: &byIRI)
            for (iri, nodes) in byIRI {
                #expect(Set(nodes.map { JSONWriter(style: .compact).string(.object($0)) }).count == 1, "\(iri) is described \(nodes.count) ways")
                for table in ["country", "language", "file-type"] where iri.hasPrefix("http://publications.europa.eu/resource/authority/\(table)/") {
                    #expect(nodes[0]["notation"] == .string(String(iri.split(separator: "/").last!)), "\(iri): \(String(describing: nodes[0]["notation"]))")
                }
            }
            #expect(byIRI.keys.contains { $0.hasSuffix("/country/HRV") || $0.hasSuffix("/country/DEU") })
        }
    }

    @Test func europassXMLNotationsAreCodesWithTheOfficialFrameworkNames() throws {
        let (xml, _) = try Self.convert(try Self.dutchCredential(), to: .elmXML)
        #expect(xml.contains(#"targetNotation="HRV" uri="http://publications.europa.eu/resource/authority/country/HRV""#))
        #expect(xml.contains(#"targetNotation="NLD" uri="http://publications.europa.eu/resource/authority/language/NLD""#))
        #expect(!xml.contains(#"targetNotation="language""#) && !xml.contains(#"targetNotation="country""#))
        #expect(xml.contains("Languages Named Authority List"))
        #expect(xml.contains("Countries Named Authority List"))
        // Read from the EU's own XML (which writes the table's name as notation), written again: codes.
        let eu = TestPaths.reference("europass/elm-v2-xml/samples/EDC_SampleDegree_AA.xml")
        if FileManager.default.fileExists(atPath: eu.path) {
            let (again, _) = try Self.convert([UInt8](try Data(contentsOf: eu)), to: .elmXML)
            #expect(!again.contains(#"targetNotation="language""#) && !again.contains(#"targetNotation="country""#))
        }
    }

    @Test func plainTextsAreInTheAchievementsLanguage() throws {
        let input = try Self.dutchCredential()
        let (model, _) = try Self.convert(input, to: .model)
        let m = try #require(try JSONParser().parse(Array(model.utf8)).objectValue)
        #expect(m["name"] == .object(JSONObject(["nl": .string("Datageletterdheid voor de overheid")])))

        let (elm, elmReport) = try Self.convert(input, to: .elm)
        let doc = try #require(try JSONParser().parse(Array(elm.utf8)).objectValue)
        let display = try #require(doc["displayParameter"]?.objectValue)
        #expect(display["primaryLanguage"]?.objectValue?["id"] == .string("http://publications.europa.eu/resource/authority/language/NLD"))
        #expect(display["title"]?.objectValue?["nl"] == .string("Datageletterdheid voor de overheid"))
        #expect(!elmReport.warnings.contains { $0.code == .languageAssumed && $0.location == .modelPath("primaryLanguage") })

        let (xml, _) = try Self.convert(input, to: .elmXML)
        #expect(xml.contains("<primaryLanguage>nl</primaryLanguage>"))
        #expect(xml.contains(#"<text lang="nl" content-type="text/plain">Datageletterdheid voor de overheid</text>"#))

        // Open Badges 3.0 again: the same plain strings, no translations added.
        let (ob3, _) = try Self.convert(input, to: .ob3)
        let back = try #require(try JSONParser().parse(Array(ob3.utf8)).objectValue)
        #expect(back["name"] == .string("Datageletterdheid voor de overheid"))
        #expect(back["translations"] == nil)
    }
}
