/// A value from a controlled vocabulary: an IRI, the IRI of its scheme, a notation and labels.
///
/// Europass codes (EQF levels, ISCED-F fields, assessment types, modes, countries …) and Open Badges
/// enumerations both become Concepts, so a writer can choose the IRI, the notation or a label.
public struct Concept: Sendable, Equatable, Codable {
    /// The concept IRI, e.g. `http://data.europa.eu/snb/eqf/6`.
    public var id: String?
    /// The concept scheme IRI, e.g. `http://data.europa.eu/snb/eqf/25831c2`.
    public var scheme: String?
    /// A short code within the scheme (`6`, `0613`, `IRL`).
    public var notation: String?
    /// Human labels.
    public var label: LocalizedString?
    /// The scheme's name (Europass `targetFrameworkName`), when the source gave one.
    public var schemeName: LocalizedString?

    public init(id: String? = nil, scheme: String? = nil, notation: String? = nil, label: LocalizedString? = nil, schemeName: LocalizedString? = nil) {
        self.id = id
        self.scheme = scheme
        self.notation = notation
        self.label = label
        self.schemeName = schemeName
    }

    /// The best label for display, else the notation, else the IRI.
    public func displayText(preferring languages: [String] = []) -> String {
        if let label, !label.isEmpty { return label.best(preferring: languages) }
        return notation ?? id ?? ""
    }
}
