import CredentialModel

/// The EU micro-credential elements of an achievement as a short Markdown list, for people reading
/// `criteria.narrative` in any Open Badges displayer.
struct MicroCredentialSummary {
    let achievement: Achievement
    let assessment: Assessment?
    let languages: [String]

    /// True when the achievement holds an EU element Open Badges 3.0 has no native property for
    /// (credit points alone are native: `creditsAvailable`).
    var hasNonNativeElements: Bool {
        let a = achievement
        return a.credits?.system != nil || a.workload != nil || a.eqfLevel != nil || !a.nqfLevels.isEmpty
            || a.assessmentType != nil || a.supervision != nil || assessment?.grade != nil || a.participationForm != nil
            || a.learningSetting != nil || !a.qualityAssurance.isEmpty || a.prerequisites != nil || a.stackability != nil
            || a.relations.contains { $0.kind == .isPartOf || $0.kind == .stacksInto } || !a.learningOutcomes.isEmpty
    }

    /// The Markdown, or nil when the achievement holds none of the elements OB 3.0 lacks. The values are
    /// the Annex I projection `check` shows (``MicroCredentialElements/values(of:assessment:preferring:)``).
    var markdown: String? {
        guard hasNonNativeElements else { return nil }
        let v = MicroCredentialElements.values(of: achievement, assessment: assessment, preferring: languages)
        var lines: [String] = []
        func add(_ label: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            lines.append("- **\(label):** \(value)")
        }
        add("Workload", v.workload)
        add("Level", v.level)
        add("Type of assessment", v.assessmentType)
        add("Supervision and identity verification", v.supervision)
        add("Grade", v.grade)
        add("Form of participation", v.participation)
        add("Quality assurance", v.qualityAssurance)
        add("Prerequisites", v.prerequisites)
        add("Integration and stackability", v.stackability)
        add("Further information", v.homepages.joined(separator: ", "))
        if !v.learningOutcomes.isEmpty {
            lines.append("- **Learning outcomes:**")
            for outcome in v.learningOutcomes { lines.append("  - \(outcome)") }
        }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }
}
