import CredconvJSON
import CredconvTestSupport
@testable import CredentialConversion
import Foundation
import Testing

/// The loss check encodes only the properties in which a model and its read-back differ; it must find
/// exactly what a walk of the two whole model documents finds.
@Suite("Loss check: only what differs is encoded, and nothing else is found")
struct DifferingPartsTests {
    static func storedProperties(of value: Any) -> [String] {
        Mirror(reflecting: value).children.compactMap(\.label)
    }

    /// The lists name every stored property, in declaration order, under its own name (the coding key of
    /// a synthesized `Codable`): a property added to the model and not to the lists fails here.
    @Test func listsNameEveryStoredPropertyInOrder() {
        let credential = Credential(provenance: Provenance(sourceFormat: "test"))
        #expect(DifferingParts.credentialFields.map(\.key) == Self.storedProperties(of: credential).filter { $0 != "provenance" })
        #expect(DifferingParts.achievementFields.map(\.key) == Self.storedProperties(of: Achievement()))
        #expect(DifferingParts.organizationFields.map(\.key) == Self.storedProperties(of: Organization()))
        #expect(DifferingParts.learnerFields.map(\.key) == Self.storedProperties(of: Learner()))
    }

    static func differences(_ a: JSONValue, _ b: JSONValue, languageAssumed: Bool = false) -> [String] {
        LossAccounting.differences(a, b, languageAssumed: languageAssumed).map { d in
            "\(d.path) = \(JSONWriter(style: .compact).string(d.model)) -> \(d.written.map { JSONWriter(style: .compact).string($0) } ?? "nothing")"
        }
    }

    static func wholeDocument(_ credential: Credential) throws -> JSONValue {
        guard case .object(var o) = try ModelFormat.encode(credential) else { return .null }
        o.remove("provenance")
        return .object(o)
    }

    /// The credentials compared: the generated sample with every property set, the hand-written rich one,
    /// and the repository's samples as read.
    static func subjects() throws -> [(String, Credential)] {
        var subjects = [("sampler", ModelSampler.make().credential), ("rich", RichCredential.make())]
        for name in ["ob3-microcredential.json", "elm-microcredential.jsonld", "elm-microcredential.xml", "ob2-microcredential.json", "ob3-open-data-law.json"] {
            let bytes = Array(try Data(contentsOf: TestPaths.repository("samples/\(name)")))
            var report = ConversionReport()
            subjects.append((name, try Converter().read(bytes, options: ConversionOptions(to: .model), report: &report).0))
        }
        return subjects
    }

    /// Each subject against empty structs (every property differs, so each key and each pairing of key
    /// and property is exercised), against nothing, and against itself as each format reads it back.
    @Test func sameDifferencesAsTheWholeDocuments() throws {
        var lossy = 0
        for (subjectName, subject) in try Self.subjects() {
            var empty = Credential(provenance: subject.provenance)
            empty.achievement = Achievement()
            empty.issuer = Organization()
            var counterparts: [(String, Credential)] = [("empty", empty), ("nothing", Credential(provenance: subject.provenance))]
            for format in FullModelOracleTests.writableAndReadable where format != .eudiLearningCredential {
                var options = ConversionOptions(to: format)
                options.pageImage = .none
                var report = ConversionReport()
                guard let bytes = try? Converter().write(subject, options: options, input: [], report: &report),
                    var back = try? Converter().read(bytes, options: ConversionOptions(to: .model), report: &report).0
                else { continue }
                back.provenance = subject.provenance
                counterparts.append((format.rawValue, back))
            }
            #expect(counterparts.count > 6, "\(subjectName)")
            for (name, other) in counterparts {
                for (a, b) in [(subject, other), (other, subject)] {
                    for languageAssumed in [false, true] {
                        let (x, y) = try DifferingParts.documents(a, b, languageAssumed: languageAssumed)
                        let expected = Self.differences(try Self.wholeDocument(a), try Self.wholeDocument(b), languageAssumed: languageAssumed)
                        let found = Self.differences(x, y, languageAssumed: languageAssumed)
                        let extra = found.filter { !expected.contains($0) }, missing = expected.filter { !found.contains($0) }
                        #expect(extra.isEmpty && missing.isEmpty && found.count == expected.count,
                                "\(subjectName) vs \(name), language assumed \(languageAssumed): found \(extra), not \(missing)")
                        if !expected.isEmpty { lossy += 1 }
                    }
                }
            }
            let (x, y) = try DifferingParts.documents(subject, subject)
            #expect(x == .object(JSONObject()) && y == .object(JSONObject()))
        }
        #expect(lossy > 50)
    }

    /// Texts that came back only under the language the writer assumed are not encoded at all (that is
    /// what the check saves), while a text that came back changed, one that lost its markup and one
    /// whose language was assumed without the writer's warning still are.
    @Test func textsHeldUnderTheAssumedLanguageAreLeftOut() throws {
        var model = Credential(provenance: Provenance(sourceFormat: "test"))
        model.name = LocalizedString("Data literacy")
        model.description = LocalizedString("Two weeks")
        model.narrative = LocalizedString("**Passed**", format: .markdown)
        model.issuer = Organization(id: "https://issuer.example/", name: LocalizedString("Institut für Daten"))
        model.achievement = Achievement(id: "https://issuer.example/a", name: LocalizedString("Data literacy"))
        model.achievement?.description = LocalizedString(entries: [.init(language: "und", text: "Zwei Wochen"), .init(language: "de", text: "Zwei Wochen")])
        var back = model
        back.name = LocalizedString("Data literacy", language: "en")
        back.description = LocalizedString("Two weeks, full time", language: "en")
        back.narrative = LocalizedString("**Passed**", language: "en")
        back.issuer?.name = LocalizedString("Institut für Daten", language: "en")
        back.achievement?.name = LocalizedString("Data literacy", language: "en")
        // The only other language holding the text is one the model already has: not an assumed one.
        back.achievement?.description = LocalizedString("Zwei Wochen", language: "de")

        let (x, _) = try DifferingParts.documents(model, back, languageAssumed: true)
        let left = JSONWriter(style: .compact).string(x)
        #expect(left == #"{"description":{"und":"Two weeks"},"achievement":{"description":{"und":"Zwei Wochen","de":"Zwei Wochen"}},"narrative":{"und":"**Passed**","@format":"markdown"}}"#)
        #expect(Self.differences(x, try Self.wholeDocument(back), languageAssumed: true) == Self.differences(try Self.wholeDocument(model), try Self.wholeDocument(back), languageAssumed: true))

        let (unwarned, _) = try DifferingParts.documents(model, back, languageAssumed: false)
        guard case .object(let o) = unwarned else { Issue.record("not an object"); return }
        #expect(o.keys == ["name", "description", "issuer", "achievement", "narrative"])
    }
}
