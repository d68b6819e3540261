extension Credential {
    /// Refuses an endorsement for a target that has only achievement credentials (Europass): an
    /// endorsement written there would be an empty personal credential.
    public func requireAchievementCredential(for target: String) throws(Diagnostic) {
        guard kind == .endorsement else { return }
        throw Diagnostic(.noFormInTarget,
            "an Open Badges endorsement credential has no \(target) form (\(target) credentials are awarded to a learner); convert it to ob3, ob2 or html",
            at: .modelPath("kind"))
    }
}

extension Credential {
    /// The credential as a Europass writer (one awarded credential, one grade per assessment) writes it:
    /// an endorsement refused, a result standing for the grade (see ``gradedByResult(for:report:)``).
    public func preparedForEuropass(_ target: String, report: inout ConversionReport) throws(Diagnostic) -> Credential {
        try requireAchievementCredential(for: target)
        return gradedByResult(for: target, report: &report)
    }
}
