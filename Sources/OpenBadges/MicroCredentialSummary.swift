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

    /// The Markdown, or nil when the achievement holds none of the elements OB 3.0 lacks.
    var markdown: String? {
        guard hasNonNativeElements else { return nil }
        let a = achievement
        var lines: [String] = []
        func add(_ label: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            lines.append("- **\(label):** \(value)")
        }
        var workload: [String] = []
        if let credits = a.credits {
            workload.append(credits.isECTS ? "\(credits.value) ECTS credits"
                : "\(credits.value) credits" + (credits.system.map { " (\($0.displayText(preferring: languages)))" } ?? ""))
        }
        if let w = a.workload { workload.append(Self.describeDuration(w)) }
        add("Workload", workload.joined(separator: "; "))
        var levels: [String] = []
        if let eqf = a.eqfLevel { levels.append(eqf.displayText(preferring: languages)) }
        levels += a.nqfLevels.map { $0.displayText(preferring: languages) }
        add("Level", levels.joined(separator: "; "))
        var assessmentParts: [String] = []
        if let t = a.assessmentType { assessmentParts.append(t.displayText(preferring: languages)) }
        add("Type of assessment", assessmentParts.joined(separator: "; "))
        add("Supervision and identity verification", a.supervision?.displayText(preferring: languages))
        add("Grade", assessment?.grade?.best(preferring: languages))
        var participation: [String] = []
        if let p = a.participationForm { participation.append(p.displayText(preferring: languages)) }
        if let s = a.learningSetting { participation.append(s.displayText(preferring: languages)) }
        add("Form of participation", participation.joined(separator: "; "))
        let qa = a.qualityAssurance.map { q in
            [q.type?.displayText(preferring: languages), q.body?.name?.best(preferring: languages), q.note?.best(preferring: languages)]
                .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        }.filter { !$0.isEmpty }
        add("Quality assurance", qa.joined(separator: "; "))
        add("Prerequisites", a.prerequisites?.best(preferring: languages))
        var stack: [String] = []
        if let s = a.stackability { stack.append(s.best(preferring: languages)) }
        for r in a.relations where r.kind == .isPartOf || r.kind == .stacksInto {
            let label = r.kind == .isPartOf ? "part of" : "stacks into"
            stack.append("\(label) \(r.name?.best(preferring: languages) ?? r.id)")
        }
        add("Integration and stackability", stack.joined(separator: "; "))
        add("Further information", a.homepages.joined(separator: ", "))
        if !a.learningOutcomes.isEmpty {
            lines.append("- **Learning outcomes:**")
            for lo in a.learningOutcomes { lines.append("  - \(lo.text.best(preferring: languages))") }
        }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    /// `PT150H` → `150 hours (PT150H)`; other durations are shown as written.
    static func describeDuration(_ iso: String) -> String {
        guard let hours = WorkloadText.hours(iso) else { return iso }
        return "\(hours) hours (\(iso))"
    }
}
