import CredconvJSON

/// A human text in one or more languages.
///
/// Every human-readable value in the model is a `LocalizedString`: Europass gives each text in several
/// languages, Open Badges 3.0 may use language maps, and a certificate picks the reader's language.
/// Texts whose language the source did not state are held under ``undetermined`` (`und`, BCP 47).
public struct LocalizedString: Sendable, Equatable, Codable, JSONValueRepresentable {
    /// The BCP 47 tag for "language not stated".
    public static let undetermined = "und"

    /// How the text is marked up.
    public enum Format: String, Sendable, Equatable, Codable, CaseIterable {
        case plain
        /// Markdown, as Open Badges narratives are.
        case markdown
        /// HTML, as Europass `content-type="text/html"` texts are. Never emitted unescaped.
        case html
    }

    /// One language's text.
    public struct Entry: Sendable, Equatable {
        public var language: String
        public var text: String
        public init(language: String, text: String) {
            self.language = language
            self.text = text
        }
    }

    /// The texts, in source order; at most one per language tag.
    public private(set) var entries: [Entry]
    /// The markup of the texts.
    public var format: Format

    /// A text with no stated language.
    public init(_ text: String, format: Format = .plain) {
        entries = [Entry(language: Self.undetermined, text: text)]
        self.format = format
    }

    /// A text in one language.
    public init(_ text: String, language: String, format: Format = .plain) {
        entries = [Entry(language: language, text: text)]
        self.format = format
    }

    /// Texts by language, in the given order; two texts in one language are both kept (see ``append(_:for:)``).
    public init(entries: [Entry], format: Format = .plain) {
        self.entries = []
        self.format = format
        for e in entries { append(e.text, for: e.language) }
    }

    /// Adds a further text in a language: a second one is joined to the first as a new line (as ELM's
    /// `{"en": ["…", "…"]}` is read), never replaces it.
    public mutating func append(_ text: String, for language: String) {
        if let i = entries.firstIndex(where: { $0.language.lowercased() == language.lowercased() }) {
            if entries[i].text != text { entries[i].text += "\n" + text }
        } else {
            entries.append(Entry(language: language, text: text))
        }
    }

    /// Sets the text for a language, replacing an existing one in place.
    public mutating func set(_ text: String, for language: String) {
        if let i = entries.firstIndex(where: { $0.language.lowercased() == language.lowercased() }) {
            entries[i].text = text
        } else {
            entries.append(Entry(language: language, text: text))
        }
    }

    /// The language tags present, in order.
    public var languages: [String] { entries.map(\.language) }

    /// The text for a language tag: an exact match, then the same primary language (`en` for `en-GB`).
    public func text(for language: String) -> String? {
        let wanted = language.lowercased()
        if let e = entries.first(where: { $0.language.lowercased() == wanted }) { return e.text }
        let primary = wanted.split(separator: "-").first.map(String.init) ?? wanted
        return entries.first(where: {
            ($0.language.lowercased().split(separator: "-").first.map(String.init) ?? "") == primary
        })?.text
    }

    /// The best text for a reader: the first preferred language found, else the first entry.
    public func best(preferring languages: [String] = []) -> String {
        for l in languages { if let t = text(for: l) { return t } }
        return entries.first?.text ?? ""
    }

    /// True when there is no entry with text.
    public var isEmpty: Bool { entries.allSatisfy { $0.text.isEmpty } }

    /// True when the only entry's language is not stated.
    public var isSingleUndetermined: Bool {
        entries.count == 1 && entries[0].language == Self.undetermined
    }

    /// `{"en": "…", "de": "…"}` (plus `"@format"` when not plain), for the model dump.
    public var jsonValue: JSONValue {
        var o = JSONObject()
        for e in entries { o.set(e.language, .string(e.text)) }
        if format != .plain { o.set("@format", .string(format.rawValue)) }
        return .object(o)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(jsonValue)
    }
}
