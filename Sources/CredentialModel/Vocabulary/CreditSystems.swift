/// The credit systems credentials name, with the identifiers each family uses for them: one table for
/// every reader and writer.
public enum CreditSystems {
    /// The ECTS scheme id of Europass XML (`hasECTSCreditPoints/@schemeID`, `hasCreditPoints/@schemeID`).
    public static let ectsSchemeID = "http://data.europa.eu/europass/educationalCreditPointSystem/ects"
    /// The ECVET scheme id of Europass XML.
    public static let ecvetSchemeID = "http://data.europa.eu/europass/educationalCreditPointSystem/ecvet"

    /// The European Credit Transfer and Accumulation System (the EU credit-system concept).
    public static var ects: Concept { EUVocabulary.ects }

    /// The European Credit system for Vocational Education and Training, by its Europass XML scheme id.
    public static let ecvet = Concept(id: ecvetSchemeID, notation: "ECVET",
                                      label: LocalizedString("European Credit system for Vocational Education and Training", language: "en"))

    /// Whether a credit system is ECVET, by id or notation.
    public static func isECVET(_ system: Concept?) -> Bool { system?.id == ecvetSchemeID || system?.notation == "ECVET" }
}
