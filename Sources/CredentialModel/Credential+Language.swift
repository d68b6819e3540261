extension Credential {
    /// The primary language a writer that needs one uses, and where it came from.
    public struct LanguageChoice: Sendable, Equatable {
        /// The language tag, as the writer's `acceptable` mapping gave it.
        public var tag: String
        /// True when nothing in the credential or the request named it (the writer says so).
        public var isDefault: Bool

        public init(tag: String, isDefault: Bool) {
            self.tag = tag
            self.isDefault = isDefault
        }
    }

    /// The primary language of the credential's texts, one rule for every writer: a preferred language
    /// (`--lang`) the credential has texts in; else the primary language it states; else the language
    /// most of its titles and descriptions are in; else `fallback`, marked as a default.
    ///
    /// - Parameter acceptable: maps a tag to the form the target accepts (`en-GB` → `en`), nil when the
    ///   target cannot write it, so the next candidate is taken.
    public func primaryLanguage(
        preferring preferred: [String], fallback: String = "en", acceptable: (String) -> String? = { $0 }
    ) -> LanguageChoice {
        let texts = [name, description, achievement?.name, achievement?.description].compactMap { $0 }
        var counts: [String: Int] = [:]
        for text in texts {
            for e in text.entries where e.language != LocalizedString.undetermined {
                if let l = acceptable(e.language) { counts[l, default: 0] += 1 }
            }
        }
        for tag in preferred {
            if let l = acceptable(tag), counts[l] != nil { return LanguageChoice(tag: l, isDefault: false) }
        }
        if let stated = primaryLanguage, let l = acceptable(stated) { return LanguageChoice(tag: l, isDefault: false) }
        if let most = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key { return LanguageChoice(tag: most, isDefault: false) }
        for tag in preferred { if let l = acceptable(tag) { return LanguageChoice(tag: l, isDefault: false) } }
        return LanguageChoice(tag: acceptable(fallback) ?? fallback, isDefault: true)
    }
}

extension Credential {
    /// The language an Open Badges plain string (a text without a language map) is in: the stated
    /// primary language, else the achievement's language (`inLanguage`), as its primary subtag
    /// (`nl-NL` → `nl`); nil when neither is known. One rule for the Open Badges readers and writers.
    public var plainTextLanguage: String? {
        primaryLanguage ?? achievement?.languages.first.flatMap(LanguageCode.primarySubtag)
    }
}

extension LanguageCode {
    /// The primary language subtag of a BCP 47 tag, lower-cased (`nl-NL` → `nl`); nil for an empty tag.
    public static func primarySubtag(_ tag: String) -> String? {
        let primary = tag.split(separator: "-").first.map { $0.lowercased() } ?? ""
        return primary.isEmpty || primary == LocalizedString.undetermined ? nil : primary
    }
}
