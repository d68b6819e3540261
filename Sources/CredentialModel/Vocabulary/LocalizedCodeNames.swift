/// Country and language names in the languages Europass texts use (from Debian's iso-codes, see
/// ``ISONameTranslations``), English where a name is not translated.
enum LocalizedCodeNames {
    /// language → code → name, parsed once from the generated tables.
    static let countries = parse(ISONameTranslations.countries)
    static let languages = parse(ISONameTranslations.languages)

    static func parse(_ tables: [String: String]) -> [String: [String: String]] {
        var out: [String: [String: String]] = [:]
        for (language, table) in tables {
            var names: [String: String] = [:]
            for row in table.split(separator: "|") {
                guard let eq = row.firstIndex(of: "=") else { continue }
                names[String(row[..<eq])] = String(row[row.index(after: eq)...])
            }
            out[language] = names
        }
        return out
    }

    /// The table key of a BCP 47 tag (`de-AT` → `de`; Norwegian Bokmål and Nynorsk → `no`).
    static func key(_ language: String?) -> String? {
        guard let language, let primary = LanguageCode.primarySubtag(language) else { return nil }
        return primary == "nb" || primary == "nn" ? "no" : primary
    }
}

extension Country {
    /// The country's name in a language (a BCP 47 tag): `Spain` is `España` in `es`. English when the
    /// language is English, unknown, or has no translation of this name.
    public func name(in language: String?) -> String {
        guard let key = LocalizedCodeNames.key(language), key != "en", let name = LocalizedCodeNames.countries[key]?[alpha2] else { return englishName }
        return name
    }
}

extension LanguageCode {
    /// The name of a tag's primary language in another language: `es` is `español`… `Español` in `es`,
    /// `Spanisch` in `de`. English as ``englishName(ofBCP47:)`` gives it when there is no translation.
    public static func name(ofBCP47 tag: String, in language: String?) -> String? {
        guard let code = primarySubtag(tag) else { return nil }
        if let key = LocalizedCodeNames.key(language), key != "en", let name = LocalizedCodeNames.languages[key]?[code] { return name }
        return englishName(ofBCP47: tag)
    }
}
