extension LearnerRecord {
    /// The record's own data (id, name, issuer, dates, learner, services, evidence, endorsements, kept
    /// fields) as a credential without achievements. The record's `awardedDate` goes to `awardedDateField`:
    /// `\.awardedDate` where the credential stands for the record itself (a CLR header), `\.issued` where
    /// its `awardedDate` belongs to its first achievement (the record combined into one credential).
    public func headerCredential(awardedDateAs awardedDateField: WritableKeyPath<Credential, String?>) -> Credential {
        var c = Credential(provenance: provenance)
        c.id = id
        c.name = name
        c.description = description
        c.image = image
        c.issuer = issuer
        c.validFrom = validFrom
        c.validUntil = validUntil
        c[keyPath: awardedDateField] = awardedDate
        c.learner = learner
        c.status = status
        c.refreshService = refreshService
        c.termsOfUse = termsOfUse
        c.schemas = schemas
        c.evidence = evidence
        c.endorsements = endorsements
        c.extensions = extensions
        return c
    }

    /// Takes the record's own data from a credential's: the inverse of ``headerCredential(awardedDateAs:)``.
    public mutating func takeHeader(of c: Credential, awardedDateFrom awardedDateField: KeyPath<Credential, String?>) {
        id = c.id
        name = c.name
        description = c.description
        image = c.image
        issuer = c.issuer
        validFrom = c.validFrom
        validUntil = c.validUntil
        awardedDate = c[keyPath: awardedDateField]
        learner = c.learner
        status = c.status
        refreshService = c.refreshService
        termsOfUse = c.termsOfUse
        schemas = c.schemas
        evidence = c.evidence
        endorsements = c.endorsements
        extensions = c.extensions
    }
}
