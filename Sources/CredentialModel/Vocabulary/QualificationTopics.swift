/// The Europass qualification topics (`http://data.europa.eu/snb/qualification-topics#…`) that give an
/// additional note a model meaning: one table for the Europass XML and ELM v3 readers and writers.
public enum QualificationTopics {
    /// The namespace every topic IRI starts with.
    public static let namespace = "http://data.europa.eu/snb/qualification-topics#"

    /// Accreditation and quality assurance: a note under it is the achievement's quality assurance.
    public static let qualityAssurance = topic("accreditation-and-quality-assurance", "Accreditation and quality assurance")
    /// Pathways: a note under it is the achievement's stackability.
    public static let pathways = topic("pathways", "Pathways")
    public static let entryRequirements = topic("entry-requirements", "Entry requirements")
    public static let learningOutcomes = topic("learning-outcomes", "Learning outcomes")
    public static let assessment = topic("assessment", "Assessment")

    /// Whether an IRI is a qualification topic.
    public static func isTopic(_ iri: String?) -> Bool { iri?.hasPrefix(namespace) ?? false }

    static func topic(_ name: String, _ label: String) -> Concept {
        Concept(id: namespace + name, label: LocalizedString(label, language: "en"))
    }
}
