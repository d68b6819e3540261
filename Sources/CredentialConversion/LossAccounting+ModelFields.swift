import CredentialModel

/// The stored properties of the model types `DifferingParts` enters, in declaration order.
extension DifferingParts {
    /// Every stored property of ``Credential`` but its provenance.
    static let credentialFields: [Field<Credential>] = [
        whole("id", \.id), whole("kind", \.kind), whole("credentialType", \.credentialType), whole("name", \.name),
        whole("description", \.description), whole("image", \.image), whole("primaryLanguage", \.primaryLanguage),
        entered("issuer", \.issuer, organizationFields), whole("validFrom", \.validFrom), whole("validUntil", \.validUntil),
        whole("issued", \.issued), whole("awardedDate", \.awardedDate), whole("awarding", \.awarding),
        entered("learner", \.learner, learnerFields), entered("achievement", \.achievement, achievementFields),
        whole("otherAchievements", \.otherAchievements), whole("assessment", \.assessment), whole("results", \.results),
        whole("creditsEarned", \.creditsEarned), whole("activityStartDate", \.activityStartDate),
        whole("activityEndDate", \.activityEndDate), whole("term", \.term), whole("role", \.role),
        whole("licenseNumber", \.licenseNumber), whole("narrative", \.narrative), whole("subjectImage", \.subjectImage),
        whole("source", \.source), whole("endorsementComment", \.endorsementComment), whole("evidence", \.evidence),
        whole("endorsements", \.endorsements), whole("status", \.status), whole("refreshService", \.refreshService),
        whole("termsOfUse", \.termsOfUse), whole("schemas", \.schemas), whole("additionalContexts", \.additionalContexts),
        whole("extensions", \.extensions),
    ]

    /// Every stored property of ``Achievement``.
    static let achievementFields: [Field<Achievement>] = [
        whole("id", \.id), whole("awardId", \.awardId), whole("achievementType", \.achievementType),
        whole("specificationType", \.specificationType), whole("name", \.name), whole("description", \.description),
        whole("specificationName", \.specificationName), whole("specificationDescription", \.specificationDescription),
        whole("criteria", \.criteria), whole("image", \.image), whole("tags", \.tags), whole("fieldOfStudy", \.fieldOfStudy),
        whole("thematicAreas", \.thematicAreas), whole("specialization", \.specialization), whole("humanCode", \.humanCode),
        whole("identifiers", \.identifiers), whole("version", \.version), whole("languages", \.languages),
        whole("credits", \.credits), whole("additionalCredits", \.additionalCredits), whole("workload", \.workload),
        whole("duration", \.duration), whole("eqfLevel", \.eqfLevel), whole("nqfLevels", \.nqfLevels),
        whole("learningOutcomes", \.learningOutcomes), whole("learningOutcomeSummary", \.learningOutcomeSummary),
        whole("alignments", \.alignments), whole("participationForm", \.participationForm),
        whole("learningSetting", \.learningSetting), whole("assessmentType", \.assessmentType),
        whole("supervision", \.supervision), whole("qualityAssurance", \.qualityAssurance),
        whole("prerequisites", \.prerequisites), whole("stackability", \.stackability), whole("relations", \.relations),
        whole("isPartialQualification", \.isPartialQualification), whole("parts", \.parts),
        whole("partAssessment", \.partAssessment), whole("partAwarding", \.partAwarding),
        whole("resultDescriptions", \.resultDescriptions), whole("homepages", \.homepages),
        whole("supplementaryDocuments", \.supplementaryDocuments), whole("notes", \.notes), whole("creator", \.creator),
        whole("endorsements", \.endorsements), whole("extensions", \.extensions),
    ]

    /// Every stored property of ``Organization``.
    static let organizationFields: [Field<Organization>] = [
        whole("id", \.id), whole("name", \.name), whole("alternativeNames", \.alternativeNames),
        whole("description", \.description), whole("url", \.url), whole("email", \.email), whole("phone", \.phone),
        whole("address", \.address), whole("identifiers", \.identifiers), whole("parent", \.parent), whole("image", \.image),
        whole("endorsements", \.endorsements), whole("official", \.official), whole("extensions", \.extensions),
    ]

    /// Every stored property of ``Learner``.
    static let learnerFields: [Field<Learner>] = [
        whole("id", \.id), whole("fullName", \.fullName), whole("givenName", \.givenName), whole("familyName", \.familyName),
        whole("identities", \.identities), whole("identifiers", \.identifiers), whole("dateOfBirth", \.dateOfBirth),
        whole("email", \.email), whole("placeOfBirth", \.placeOfBirth), whole("gender", \.gender),
        whole("citizenship", \.citizenship), whole("extensions", \.extensions),
    ]
}
