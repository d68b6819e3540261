import SDJWT

/// The EU Digital Identity Wallet's Learning Credential ("Micro-Credential Attestation"), SD-JWT VC type
/// `urn:eu.europa.ec.eudi:learning:credential:1`: its claims as the type metadata
/// (eudi-srv-pid-issuer, `vct/learning_credential.json`) lists them, with whether each is mandatory and
/// whether it must travel as a selective disclosure. A test holds this table equal to the metadata file.
public enum LearningCredentialType {
    /// The `vct` value.
    public static let vct = "urn:eu.europa.ec.eudi:learning:credential:1"
    /// The JOSE `typ` of an SD-JWT VC (`vc+sd-jwt` is its earlier name, accepted on input).
    public static let mediaType = "dc+sd-jwt"
    public static let formerMediaType = "vc+sd-jwt"

    /// One claim of the type.
    public struct Claim: Sendable, Equatable {
        public var path: ClaimPath
        public var isMandatory: Bool
        /// `sd: always` in the metadata: the claim must be a disclosure; else (`never`) a plain claim.
        public var isSelectivelyDisclosed: Bool
        /// The metadata's English label.
        public var label: String
        /// Where the model holds it (for messages and `check`).
        public var modelPath: String

        init(_ names: [String?], mandatory: Bool, sd: Bool, _ label: String, _ modelPath: String) {
            path = ClaimPath(names.map { $0.map(ClaimPath.Component.name) ?? .anyElement })
            isMandatory = mandatory
            isSelectivelyDisclosed = sd
            self.label = label
            self.modelPath = modelPath
        }

        /// The claim's top-level name.
        public var name: String {
            if case .name(let n)? = path.components.first { return n }
            return ""
        }
    }

    /// Every claim, in the metadata's order.
    public static let claims: [Claim] = [
        Claim(["jti"], mandatory: true, sd: false, "JWT ID", "id"),
        Claim(["iat"], mandatory: true, sd: false, "Issued At", "issued"),
        Claim(["exp"], mandatory: true, sd: false, "Expiration Time", "validUntil"),
        Claim(["vct"], mandatory: true, sd: false, "Verifiable Credential Type", "(the type)"),
        Claim(["iss"], mandatory: true, sd: false, "Issuer", "issuer.id"),
        Claim(["cnf"], mandatory: true, sd: false, "Confirmation", "(--holder-key)"),
        Claim(["cnf", "jwk"], mandatory: true, sd: false, "Json Web Key", "(--holder-key)"),
        Claim(["issuing_authority"], mandatory: true, sd: false, "Issuing Authority", "issuer.name"),
        Claim(["issuing_country"], mandatory: true, sd: false, "Issuing Country", "issuer.address.country"),
        Claim(["date_of_issuance"], mandatory: true, sd: false, "Date of Issuance", "issued"),
        Claim(["date_of_expiry"], mandatory: false, sd: false, "Date of Expiry", "validUntil"),
        Claim(["family_name"], mandatory: true, sd: true, "Family Name(s)", "learner.familyName"),
        Claim(["given_name"], mandatory: false, sd: true, "Given Name(s)", "learner.givenName"),
        Claim(["achievement_title"], mandatory: true, sd: false, "Achievement Title", "achievement.name"),
        Claim(["achievement_description"], mandatory: false, sd: false, "Achievement Description", "achievement.description"),
        Claim(["learning_outcomes"], mandatory: false, sd: true, "Learning Outcomes", "achievement.learningOutcomes"),
        Claim(["learning_outcomes", nil], mandatory: false, sd: false, "Learning Outcome", "achievement.learningOutcomes"),
        Claim(["assessment_grade"], mandatory: false, sd: true, "Assessment Grade", "assessment.grade"),
        Claim(["language_of_classes"], mandatory: true, sd: false, "Language of classes", "achievement.languages"),
        Claim(["language_of_classes", nil], mandatory: true, sd: false, "Language of classes", "achievement.languages"),
        Claim(["learner_identification"], mandatory: true, sd: true, "Learner identification", "learner.identifiers"),
        Claim(["expected_study_time"], mandatory: true, sd: true, "Expected study time", "achievement.workload"),
        Claim(["level_of_learning_experience"], mandatory: true, sd: true, "Level of learning experience", "achievement.eqfLevel"),
        Claim(["types_of_quality_assurance"], mandatory: true, sd: true, "Types of quality assurance", "achievement.qualityAssurance"),
        Claim(["types_of_quality_assurance", nil], mandatory: true, sd: false, "Type of quality assurance", "achievement.qualityAssurance"),
        Claim(["prerequisites_to_enroll"], mandatory: false, sd: true, "Prerequisites to enroll", "achievement.prerequisites"),
        Claim(["prerequisites_to_enroll", nil], mandatory: false, sd: false, "Prerequisite to enroll", "achievement.prerequisites"),
        Claim(["integration_stackability_options"], mandatory: false, sd: true, "Integration or Stackability options", "achievement.stackability"),
    ]

    /// The top-level claims (one per name), in order.
    public static let topLevelClaims: [Claim] = claims.filter { $0.path.components.count == 1 }

    /// The names of the mandatory top-level claims.
    public static let mandatoryClaimNames: [String] = topLevelClaims.filter(\.isMandatory).map(\.name)

    /// The paths written as disclosures.
    public static let concealedPaths: Set<ClaimPath> = Set(claims.filter(\.isSelectivelyDisclosed).map(\.path))

    /// The claim of that top-level name.
    public static func claim(named name: String) -> Claim? { topLevelClaims.first { $0.name == name } }
}
