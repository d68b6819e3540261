import CredentialModel

/// The stored properties of the model types `DifferingParts` enters, in declaration order (texts
/// with `text`, compared knowing an assumed language).
extension DifferingParts {
    /// Every stored property of ``Credential`` but its provenance.
    static let credentialFields: [Field<Credential>] = [
        whole("id", \.id), whole("kind", \.kind), whole("credentialType", \.credentialType), text("name", \.name),
        text("description", \.description), whole("image", \.image), whole("primaryLanguage", \.primaryLanguage),
        entered("issuer", \.issuer, organizationFields), whole("validFrom", \.validFrom), whole("validUntil", \.validUntil),
        whole("issued", \.issued), whole("awardedDate", \.awardedDate), whole("awarding", \.awarding),
        entered("learner", \.learner, learnerFields), entered("achievement", \.achievement, achievementFields),
        whole("otherAchievements", \.otherAchievements), whole("assessment", \.assessment), whole("results", \.results),
        whole("creditsEarned", \.creditsEarned), whole("activityStartDate", \.activityStartDate),
        whole("activityEndDate", \.activityEndDate), whole("term", \.term), whole("role", \.role),
        whole("licenseNumber", \.licenseNumber), text("narrative", \.narrative), whole("subjectImage", \.subjectImage),
        whole("source", \.source), text("endorsementComment", \.endorsementComment), whole("evidence", \.evidence),
        whole("endorsements", \.endorsements), whole("status", \.status), whole("refreshService", \.refreshService),
        whole("termsOfUse", \.termsOfUse), whole("schemas", \.schemas), whole("additionalContexts", \.additionalContexts),
        whole("extensions", \.extensions),
    ]

    /// Every stored property of ``Achievement``.
    static let achievementFields: [Field<Achievement>] = [
        whole("id", \.id), whole("awardId", \.awardId), whole("achievementType", \.achievementType),
        whole("specificationType", \.specificationType), text("name", \.name), text("description", \.description),
        text("specificationName", \.specificationName), text("specificationDescription", \.specificationDescription),
        whole("criteria", \.criteria), whole("image", \.image), whole("tags", \.tags), text("fieldOfStudy", \.fieldOfStudy),
        whole("thematicAreas", \.thematicAreas), text("specialization", \.specialization), whole("humanCode", \.humanCode),
        whole("identifiers", \.identifiers), whole("version", \.version), whole("languages", \.languages),
        whole("credits", \.credits), whole("additionalCredits", \.additionalCredits), whole("workload", \.workload),
        whole("duration", \.duration), whole("eqfLevel", \.eqfLevel), whole("nqfLevels", \.nqfLevels),
        whole("learningOutcomes", \.learningOutcomes), text("learningOutcomeSummary", \.learningOutcomeSummary),
        whole("alignments", \.alignments), whole("participationForm", \.participationForm),
        whole("learningSetting", \.learningSetting), whole("assessmentType", \.assessmentType),
        whole("supervision", \.supervision), whole("qualityAssurance", \.qualityAssurance),
        text("prerequisites", \.prerequisites), text("stackability", \.stackability), whole("relations", \.relations),
        whole("isPartialQualification", \.isPartialQualification), whole("parts", \.parts),
        whole("partAssessment", \.partAssessment), whole("partAwarding", \.partAwarding),
        whole("resultDescriptions", \.resultDescriptions), whole("homepages", \.homepages),
        whole("supplementaryDocuments", \.supplementaryDocuments), whole("notes", \.notes), whole("creator", \.creator),
        whole("endorsements", \.endorsements), whole("extensions", \.extensions),
    ]

    /// Every stored property of ``Organization``.
    static let organizationFields: [Field<Organization>] = [
        whole("id", \.id), text("name", \.name), whole("alternativeNames", \.alternativeNames),
        text("description", \.description), whole("url", \.url), whole("email", \.email), whole("phone", \.phone),
        whole("address", \.address), whole("identifiers", \.identifiers), whole("parent", \.parent), whole("image", \.image),
        whole("endorsements", \.endorsements), whole("official", \.official), whole("extensions", \.extensions),
    ]

    /// Every stored property of ``Learner``.
    static let learnerFields: [Field<Learner>] = [
        whole("id", \.id), text("fullName", \.fullName), text("givenName", \.givenName), text("familyName", \.familyName),
        whole("identities", \.identities), whole("identifiers", \.identifiers), whole("dateOfBirth", \.dateOfBirth),
        whole("email", \.email), whole("placeOfBirth", \.placeOfBirth), whole("gender", \.gender),
        whole("citizenship", \.citizenship), whole("extensions", \.extensions),
    ]
}
