extension Credential {
    /// A date the model derives, with the field it came from.
    public struct DerivedDate: Sendable, Equatable {
        /// The ISO 8601 text.
        public var value: String
        /// The model field it was taken from (`issued`, `awardedDate`, `awarding.date`, `validFrom`).
        public var modelPath: String

        public init(value: String, modelPath: String) {
            self.value = value
            self.modelPath = modelPath
        }
    }

    /// The date of issue (Annex I "date of issuing"): one rule for every writer, `check` and the
    /// certificate. The stated date of issue (Europass `issued`) first; else the date the achievement
    /// was awarded (Open Badges `awardedDate`, which keeps the original date when a credential is
    /// re-issued with a later `validFrom`), else the awarding process's date; else the start of validity.
    public var dateOfIssue: DerivedDate? {
        if let issued { return DerivedDate(value: issued, modelPath: "issued") }
        if let awardedDate { return DerivedDate(value: awardedDate, modelPath: "awardedDate") }
        if let date = awarding?.date { return DerivedDate(value: date, modelPath: "awarding.date") }
        if let validFrom { return DerivedDate(value: validFrom, modelPath: "validFrom") }
        return nil
    }

    /// The date the achievement was awarded: `awardedDate`, else the awarding process's date.
    public var dateAwarded: String? { awardedDate ?? awarding?.date }

    /// The start of validity, else the date of issue (a target that needs a start of validity).
    public var validityStart: DerivedDate? {
        validFrom.map { DerivedDate(value: $0, modelPath: "validFrom") } ?? dateOfIssue
    }
}
