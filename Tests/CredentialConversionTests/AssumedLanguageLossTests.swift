import CredconvJSON
import CredconvTestSupport
@testable import CredentialConversion
import Foundation
import Testing

/// Europass texts always have a language: a writer that writes texts without one in a language it
/// chose warns so once, and those texts are held, not lost; a text that changed, or whose language the
/// model already had, still is.
@Suite("Loss check: texts written in an assumed language are held")
struct AssumedLanguageLossTests {
    static func paths(_ a: JSONValue, _ b: JSONValue, languageAssumed: Bool) -> [String] {
        LossAccounting.differences(a, b, languageAssumed: languageAssumed).map(\.path)
    }

    static func object(_ pairs: KeyValuePairs<String, JSONValue>) -> JSONValue { .object(JSONObject(pairs)) }

    @Test func sameTextUnderAnAssumedLanguageIsHeld() {
        let model = Self.object(["name": Self.object(["und": .string("Data literacy")])])
        let back = Self.object(["name": Self.object(["en": .string("Data literacy")])])
        #expect(Self.paths(model, back, languageAssumed: true).isEmpty)
        // Without the writer's warning the language tag counts: the text is not where it was.
        #expect(Self.paths(model, back, languageAssumed: false) == ["name.und"])
    }

    @Test func changedTextOrKnownLanguageIsStillADifference() {
        let model = Self.object(["name": Self.object(["und": .string("Data literacy")])])
        #expect(Self.paths(model, Self.object(["name": Self.object(["en": .string("Data")])]), languageAssumed: true) == ["name.und"])
        // The model had an English text too: the one without a language did not come back as it.
        let both = Self.object(["name": Self.object(["und": .string("Data literacy"), "en": .string("Data literacy")])])
        #expect(Self.paths(both, Self.object(["name": Self.object(["en": .string("Data literacy")])]), languageAssumed: true) == ["name.und"])
        // A markup marker is no language.
        let marked = Self.object(["narrative": Self.object(["und": .string("markdown")])])
        #expect(Self.paths(marked, Self.object(["narrative": Self.object(["@format": .string("markdown")])]), languageAssumed: true) == ["narrative.und"])
    }

    @Test func inArraysToo() {
        let model = Self.object(["outcomes": .array([Self.object(["name": Self.object(["und": .string("Outcome")])])])])
        let back = Self.object(["outcomes": .array([Self.object(["name": Self.object(["de": .string("Outcome")])])])])
        #expect(Self.paths(model, back, languageAssumed: true).isEmpty)
    }

    /// An OB 3.0 credential has texts without a language; Europass gets them in English, with one
    /// warning, and no `.und` field in the loss report, in either Europass format.
    @Test(arguments: ["elm-xml", "elm"] as [FormatName])
    func europassReportsNoUndeterminedTextAsLost(_ format: FormatName) throws {
        var d = try #require(try JSONParser().parse([UInt8](try Data(contentsOf: TestPaths.repository("samples/ob3-microcredential.json")))).objectValue)
        d.remove("primaryLanguage")
        d.remove("translations")
        d.set("name", .string("Datenkompetenz in der Verwaltung"))
        var subject = try #require(d["credentialSubject"]?.objectValue)
        var achievement = try #require(subject["achievement"]?.objectValue)
        achievement.remove("inLanguage")
        achievement.remove("language")
        subject.set("achievement", .object(achievement))
        d.set("credentialSubject", .object(subject))
        var options = ConversionOptions(to: format)
        options.pageImage = .none
        let result = try Converter().convert(JSONWriter(style: .pretty).bytes(.object(d)), options: options)
        let text = String(decoding: result.bytes, as: UTF8.self)
        #expect(text.contains("Datenkompetenz in der Verwaltung"))
        #expect(result.report.diagnostics.contains { $0.code == .languageAssumed })
        let undetermined = result.report.lost.compactMap { d -> String? in
            guard case .modelPath(let p)? = d.location, p.hasSuffix(".und") || p == "und" else { return nil }
            return p
        }
        #expect(undetermined.isEmpty, "lost texts without a language: \(undetermined)")
    }
}
