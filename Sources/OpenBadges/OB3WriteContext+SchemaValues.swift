import CredentialModel

/// Values the OB 3.0 JSON Schema constrains (enumerations, language tags, dates, durations), written
/// only in a form it takes: a value that has none is reported, never written as it came.
extension OB3WriteContext {
    /// The `alignment.targetType` values of the OB 3.0 enumeration (others must be `ext:` values).
    static let alignmentTargetTypes: Set<String> = [
        "ceasn:Competency", "ceterms:Credential", "CFItem", "CFRubric", "CFRubricCriterion", "CFRubricCriterionLevel", "CTDL",
    ]

    /// The `ext:` form of a value outside an enumeration: the characters the schema's pattern
    /// `(ext:)[a-z|A-Z|0-9|.|-|_]+` allows (letters, digits, `.`, `_` and `|`; its `|-|` is a range, so
    /// not the hyphen), each other one as `_`. Nil when nothing is left (an empty value).
    static func extValue(_ value: String) -> String? {
        let trimmed = value.trimmingSpaces()
        let name = trimmed.hasPrefix("ext:") ? trimmed.dropFirst(4) : Substring(trimmed)
        guard !name.isEmpty else { return nil }
        let allowed: (Character) -> Bool = { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_") }
        return "ext:" + String(name.map { allowed($0) ? $0 : "_" })
    }

    /// A value of one of OB 3.0's extensible enumerations: itself when listed, else its `ext:` form
    /// (said in a warning when it changed); nil, reported, when it is empty.
    func enumerated(_ value: String, allowed: Set<String>, property: String, at path: String, report: inout ConversionReport) -> String? {
        if allowed.contains(value) { return value }
        guard let ext = Self.extValue(value) else {
            report.lose(.modelPath(path), "an empty \(property) is no value of the Open Badges 3.0 vocabulary", code: .valueNotExpressible)
            return nil
        }
        if ext != value {
            report.warn(.writtenDifferently, "\(property) \"\(value)\" is not in the Open Badges 3.0 vocabulary; written as \(ext)", at: .modelPath(path))
        }
        return ext
    }

    /// A language tag as OB 3.0's `inLanguage` pattern takes it (`en`, `de-CH`, `zh-Hant-TW`), its case
    /// made canonical; nil, reported, for any other text.
    func inLanguageTag(_ tag: String, at path: String, report: inout ConversionReport) -> String? {
        let canonical = LanguageCode.canonicalCase(tag.trimmingSpaces())
        guard Self.isInLanguageTag(canonical) else {
            report.lose(.modelPath(path), "\"\(tag)\" is not a language tag Open Badges 3.0 takes (such as en or de-CH)", code: .valueNotExpressible)
            return nil
        }
        return canonical
    }

    /// `^[a-z]{2,4}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$`
    static func isInLanguageTag(_ tag: String) -> Bool {
        var parts = tag.split(separator: "-", omittingEmptySubsequences: false)[...]
        guard let language = parts.popFirst(), (2...4).contains(language.count), language.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return false }
        if let script = parts.first, script.count == 4, script.first!.isUppercase, script.allSatisfy({ $0.isASCII && $0.isLetter }),
           script.dropFirst().allSatisfy(\.isLowercase) {
            parts = parts.dropFirst()
        }
        if let region = parts.first {
            let isRegion = (region.count == 2 && region.allSatisfy { $0.isASCII && $0.isUppercase })
                || (region.count == 3 && region.allSatisfy { $0.isASCII && $0.isNumber })
            guard isRegion else { return false }
            parts = parts.dropFirst()
        }
        return parts.isEmpty
    }

    /// A BCP 47-shaped tag for a credconv extension term (`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`); nil, reported, otherwise.
    func extensionLanguageTag(_ tag: String, at path: String, report: inout ConversionReport) -> String? {
        guard LanguageCode.isWellFormed(tag) else {
            report.lose(.modelPath(path), "\"\(tag)\" is not a language tag", code: .valueNotExpressible)
            return nil
        }
        return tag
    }

    /// A date or date-time of the calendar, as written; nil, reported, for any other text.
    func dateTimeText(_ value: String, at path: String, report: inout ConversionReport) -> String? {
        guard ISODateText.dateTime(value) != nil else {
            report.lose(.modelPath(path), "\"\(value)\" is not an ISO 8601 date or date-time", code: .valueNotExpressible)
            return nil
        }
        return value
    }

    /// An ISO 8601 duration, as written (a decimal comma as a point, which the extension's pattern
    /// wants); nil, reported, for any other text.
    func durationText(_ value: String, at path: String, report: inout ConversionReport) -> String? {
        guard let normalised = XSDDuration.normalised(value) else {
            report.lose(.modelPath(path), "\"\(value)\" is not an ISO 8601 duration (PT125H)", code: .valueNotExpressible)
            return nil
        }
        return value.contains(",") ? normalised : value.trimmingSpaces()
    }
}
