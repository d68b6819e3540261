/// A country, held as its ISO 3166-1 alpha-2 code; the alpha-3 code the EU's authority tables use
/// (`http://publications.europa.eu/resource/authority/country/IRL`) is derived.
public struct Country: Sendable, Equatable, Hashable, Codable {
    /// ISO 3166-1 alpha-2, upper case (`IE`).
    public let alpha2: String

    /// From an alpha-2 code (any case); nil when it is not a known country.
    public init?(alpha2 code: String) {
        let c = code.uppercased()
        guard Self.byAlpha2[c] != nil else { return nil }
        alpha2 = c
    }

    /// From an alpha-3 code (any case); nil when it is not a known country.
    public init?(alpha3 code: String) {
        guard let a2 = Self.byAlpha3[code.uppercased()] else { return nil }
        alpha2 = a2
    }

    /// From an EU authority IRI (`…/authority/country/IRL`), an alpha-2 or an alpha-3 code.
    public init?(anyCode code: String) {
        // The last non-empty path segment, found without splitting the whole IRI.
        var end = code.endIndex
        while end > code.startIndex, code[code.index(before: end)] == "/" { end = code.index(before: end) }
        let start = code[..<end].lastIndex(of: "/").map { code.index(after: $0) } ?? code.startIndex
        let last = String(code[start..<end])
        if last.count == 2, let c = Country(alpha2: last) { self = c; return }
        if last.count == 3, let c = Country(alpha3: last) { self = c; return }
        return nil
    }

    /// ISO 3166-1 alpha-3 (`IRL`), as the EU authority table uses it.
    public var alpha3: String { Self.byAlpha2[alpha2]!.alpha3 }

    /// English short name.
    public var englishName: String { Self.byAlpha2[alpha2]!.name }

    /// The EU Publications Office authority IRI.
    public var euAuthorityIRI: String { "http://publications.europa.eu/resource/authority/country/\(alpha3)" }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(alpha2)
    }

    private static let byAlpha2: [String: (alpha3: String, name: String)] = {
        var d: [String: (String, String)] = [:]
        for row in ISOCodeTables.countries { d[row.alpha2] = (row.alpha3, row.name) }
        return d
    }()

    private static let byAlpha3: [String: String] = {
        var d: [String: String] = [:]
        for row in ISOCodeTables.countries { d[row.alpha3] = row.alpha2 }
        return d
    }()
}

/// Language code conversions between BCP 47 / ISO 639-1 and the three-letter codes of the EU
/// authority table (`http://publications.europa.eu/resource/authority/language/ENG`).
public enum LanguageCode {
    /// `en` → `ENG`, `de-AT` → `DEU`; nil when the primary subtag is unknown.
    public static func euAlpha3(fromBCP47 tag: String) -> String? {
        let primary = tag.split(separator: "-").first.map { $0.lowercased() } ?? ""
        if primary.count == 3, byAlpha3[primary] != nil { return primary.uppercased() }
        return byAlpha2[primary]?.uppercased()
    }

    /// `ENG`, `eng`, `GER` or `…/language/ENG` → `en`; nil when unknown.
    public static func bcp47(fromAlpha3 code: String) -> String? {
        let last = (code.split(separator: "/").last.map(String.init) ?? code).lowercased()
        if last.count == 2, byAlpha2[last] != nil { return last }
        return byAlpha3[last]
    }

    /// The EU authority IRI for a BCP 47 tag.
    public static func euAuthorityIRI(fromBCP47 tag: String) -> String? {
        euAlpha3(fromBCP47: tag).map { "http://publications.europa.eu/resource/authority/language/\($0)" }
    }

    /// English name of a language tag's primary language.
    public static func englishName(ofBCP47 tag: String) -> String? {
        let primary = tag.split(separator: "-").first.map { $0.lowercased() } ?? ""
        return ISOCodeTables.languages.first { $0.alpha2 == primary }?.name
    }

    /// Whether `tag` has the shape of a BCP 47 language tag: a 2–8 letter language, then subtags of
    /// 1–8 letters or digits (`en`, `de-CH`, `zh-Hant-TW`, `und`). Says nothing of whether it is registered.
    public static func isWellFormed(_ tag: String) -> Bool {
        let subtags = tag.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard let language = subtags.first, (2...8).contains(language.count),
              language.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) else { return false }
        return subtags.dropFirst().allSatisfy { subtag in
            (1...8).contains(subtag.count) && subtag.allSatisfy { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }
        }
    }

    /// Canonical case for a BCP 47 tag as Open Badges 3.0 requires it: `en-us` → `en-US`, `zh-hant-tw` → `zh-Hant-TW`.
    public static func canonicalCase(_ tag: String) -> String {
        var parts = tag.replacingUnderscores().split(separator: "-").map(String.init)
        guard !parts.isEmpty else { return tag }
        parts[0] = parts[0].lowercased()
        for i in 1..<parts.count {
            let p = parts[i]
            if p.count == 4, p.allSatisfy(\.isLetter) {
                parts[i] = p.prefix(1).uppercased() + p.dropFirst().lowercased()
            } else if p.count == 2, p.allSatisfy(\.isLetter) {
                parts[i] = p.uppercased()
            } else {
                parts[i] = p.lowercased()
            }
        }
        return parts.joined(separator: "-")
    }

    private static let byAlpha2: [String: String] = {
        var d: [String: String] = [:]
        for row in ISOCodeTables.languages { d[row.alpha2] = row.alpha3 }
        return d
    }()

    private static let byAlpha3: [String: String] = {
        var d: [String: String] = [:]
        for row in ISOCodeTables.languages {
            d[row.alpha3] = row.alpha2
            if !row.bibliographic.isEmpty { d[row.bibliographic] = row.alpha2 }
        }
        return d
    }()
}

extension String {
    fileprivate func replacingUnderscores() -> String { String(map { $0 == "_" ? "-" : $0 }) }
}
