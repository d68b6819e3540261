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

        /// Whether the text is a date or date-time of the calendar (see ``ISODateText``).
        public var isCalendarDate: Bool { ISODateText.dateTime(value) != nil }
    }

    /// The date of issue (Annex I "date of issuing"): one rule for every writer, `check` and the
    /// certificate. The stated date of issue (Europass `issued`) first; else the date the achievement
    /// was awarded (Open Badges `awardedDate`, which keeps the original date when a credential is
    /// re-issued with a later `validFrom`), else the awarding process's date; else the start of validity.
    /// A text that is no calendar date (``ISODateText``) is passed over for the next; when none is one,
    /// the first given is returned, for the writer to say it is no date.
    public var dateOfIssue: DerivedDate? {
        let given = [(issued, "issued"), (awardedDate, "awardedDate"), (awarding?.date, "awarding.date"), (validFrom, "validFrom")]
            .compactMap { value, path in value.map { DerivedDate(value: $0, modelPath: path) } }
        return given.first(where: \.isCalendarDate) ?? given.first
    }

    /// The date the achievement was awarded: `awardedDate`, else the awarding process's date.
    public var dateAwarded: String? { awardedDate ?? awarding?.date }

    /// The start of validity, else the date of issue (a target that needs a start of validity).
    /// A `validFrom` that is no calendar date gives way to a date of issue that is one.
    public var validityStart: DerivedDate? {
        let start = validFrom.map { DerivedDate(value: $0, modelPath: "validFrom") }
        if let start, start.isCalendarDate { return start }
        if let issue = dateOfIssue, issue.isCalendarDate { return issue }
        return start ?? dateOfIssue
    }
}
