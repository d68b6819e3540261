import CredentialModel

extension CertificatePage {
    /// For a credential of several achievements (a learner record, a Europass credential): every
    /// achievement with who awarded it, when, its credits and grade, the credits added up per system,
    /// and what stacks into what among them.
    mutating func transcript() {
        let c = credential
        let all = c.allAchievements
        guard all.count > 1 else { return }
        b.open("section", [("class", "transcript")])
        b.element("h2", text: labels[.transcript])
        b.open("table")
        b.open("thead")
        b.open("tr")
        for key in [CertificateLabels.Key.achievementColumn, .awardingBody, .awardedOn, .creditsColumn, .grade] {
            b.element("th", [("scope", "col")], text: labels[key])
        }
        b.close("tr")
        b.close("thead")
        b.open("tbody")
        for (i, a) in all.enumerated() {
            let awarding = i == 0 ? c.awarding : a.partAwarding
            let assessment = i == 0 ? c.assessment : a.partAssessment
            let bodies = awarding?.bodies ?? []
            let awardedBy = (bodies.isEmpty ? [c.issuer].compactMap { $0 } : bodies).compactMap { text($0.name, "awarding body") }
            b.open("tr")
            b.element("td", text: text(a.name, "achievement name") ?? a.id ?? "")
            b.element("td", text: awardedBy.joined(separator: "; "))
            b.element("td", text: Self.day(awarding?.date ?? (i == 0 ? c.awardedDate : nil)) ?? "")
            b.element("td", [("class", "number")], text: a.credits.map(creditsText) ?? "")
            b.element("td", text: text(assessment?.grade, "grade") ?? "")
            b.close("tr")
        }
        b.close("tbody")
        let totals = c.creditTotals
        if !totals.isEmpty {
            b.open("tfoot")
            b.open("tr")
            b.element("th", [("scope", "row"), ("colspan", "3")], text: labels[.totalCredits])
            b.element("td", [("class", "number")], text: totals.map(creditsText).joined(separator: "; "))
            b.element("td", text: "")
            b.close("tr")
            b.close("tfoot")
        }
        b.close("table")
        let stacks = stackLines(all)
        if !stacks.isEmpty {
            b.open("ul", [("class", "stacks")])
            for line in stacks { b.element("li", text: line) }
            b.close("ul")
        }
        b.close("section")
    }

    /// `5 ECTS credits`, `3 credits`.
    func creditsText(_ credits: CreditPoints) -> String {
        "\(credits.value) " + (credits.isECTS ? labels[.ects] : labels[.credits])
    }

    /// The part-of relations among the listed achievements, in words: `A part of B`.
    mutating func stackLines(_ all: [Achievement]) -> [String] {
        var names: [String: String] = [:]
        for a in all { if let id = a.id { names[id] = text(a.name, "achievement name") ?? id } }
        var lines: [String] = []
        for a in all {
            let name = text(a.name, "achievement name") ?? a.id ?? ""
            for r in a.relations {
                guard let target = names[r.id] else { continue }
                let verb: String
                switch r.kind {
                case .isPartOf: verb = labels[.partOf]
                case .stacksInto: verb = labels[.stacksInto]
                case .hasPart: verb = labels[.hasPart]
                default: continue
                }
                lines.append("\(name) — \(verb) — \(target)")
            }
        }
        return lines
    }
}
