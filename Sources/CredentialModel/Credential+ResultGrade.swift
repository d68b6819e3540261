extension Credential {
    /// How a result became the assessment's grade, for a writer's report.
    public struct ResultGrade: Sendable, Equatable {
        /// The credential with an assessment graded by the result.
        public var credential: Credential
        /// The model path of the result used (`results[0]`).
        public var resultPath: String
        /// The model path of its result description, when the achievement has it.
        public var descriptionPath: String?
    }

    /// For formats with one grade per achievement (Europass): an Open Badges result with a value stands
    /// for the assessment's grade when the credential states none. The first result tied to one of the
    /// achievement's result descriptions is taken (else the first with a value); the description's name is
    /// the assessment's title and, with its allowed values or range, the grading scheme. Nil when the
    /// assessment already has a grade or no result has a value.
    public var resultAsGrade: ResultGrade? {
        guard assessment?.grade == nil else { return nil }
        let descriptions = achievement?.resultDescriptions ?? []
        let candidates = results.enumerated().filter { $0.element.value.map { !$0.isEmpty } ?? false }
        guard let (index, result) = candidates.first(where: { r in descriptions.contains { $0.id == r.element.resultDescription } }) ?? candidates.first,
            let value = result.value
        else { return nil }
        let descriptionIndex = descriptions.firstIndex { $0.id == result.resultDescription }
        var assessment = self.assessment ?? Assessment()
        let language = plainTextLanguage ?? LocalizedString.undetermined
        assessment.grade = LocalizedString(value, language: language)
        if let d = descriptionIndex.map({ descriptions[$0] }) {
            if assessment.title == nil, !d.name.isEmpty { assessment.title = d.name }
            if assessment.gradingScheme == nil {
                var label = d.name
                if let range = Self.allowedValuesText(of: d) {
                    label = LocalizedString(entries: d.name.entries.map { .init(language: $0.language, text: "\($0.text) (\(range))") }, format: d.name.format)
                }
                assessment.gradingScheme = Concept(id: d.id, label: label.isEmpty ? nil : label)
            }
        }
        var out = self
        out.assessment = assessment
        return ResultGrade(credential: out, resultPath: "results[\(index)]", descriptionPath: descriptionIndex.map { "achievement.resultDescriptions[\($0)]" })
    }

    /// `A, B, C` for allowed values, `1–10` for a range; nil when the description states neither.
    static func allowedValuesText(of d: ResultDescription) -> String? {
        if !d.allowedValues.isEmpty { return d.allowedValues.joined(separator: ", ") }
        switch (d.valueMin, d.valueMax) {
        case let (min?, max?): return "\(min)–\(max)"
        case let (min?, nil): return "from \(min)"
        case let (nil, max?): return "up to \(max)"
        default: return nil
        }
    }
}

extension Credential {
    /// ``resultAsGrade`` applied for a writer of `target`, with the report saying where the result went;
    /// the credential itself when no result stands for a grade.
    public func gradedByResult(for target: String, report: inout ConversionReport) -> Credential {
        guard let graded = resultAsGrade else { return self }
        report.warn(.writtenDifferently, "\(target) has one grade per assessment: the result is written as the assessment's grade", at: .modelPath(graded.resultPath))
        if let d = graded.descriptionPath {
            let type = graded.credential.achievement?.resultDescriptions.first { $0.id == graded.credential.assessment?.gradingScheme?.id }?.resultType
            report.warn(.writtenDifferently, "the result description is written as the assessment's title and grading scheme" + (type.map { " (its result type \($0) is not kept)" } ?? ""), at: .modelPath(d))
        }
        return graded.credential
    }
}
