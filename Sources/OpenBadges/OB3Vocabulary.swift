/// Fixed IRIs and names of Open Badges 3.0 and the W3C Verifiable Credentials data model.
public enum OB3Vocabulary {
    public static let credentialsV2Context = "https://www.w3.org/ns/credentials/v2"
    public static let credentialsV1Context = "https://www.w3.org/2018/credentials/v1"
    /// The OB context credconv writes.
    public static let obContext = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
    /// 1EdTech's extensions context, needed when `1EdTech…` types are used.
    public static let extensionsContext = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"
    public static let achievementCredentialSchema =
        "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
    public static let endorsementCredentialSchema =
        "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_endorsementcredential_schema.json"
    public static let schemaValidatorType = "1EdTechJsonSchemaValidator2019"

    /// True for `https://purl.imsglobal.org/spec/ob/v3p0/context.json` and `context-3.x.y.json`.
    public static func isOBContext(_ iri: String) -> Bool {
        if iri == preReleaseContext { return true }
        // On the UTF-8 buffer: Character-wise, then generic sequence, prefix tests showed in the profile
        // of every read.
        var text = iri
        return text.withUTF8 { bytes in
            let prefix = obContextPrefix, suffix = jsonSuffix
            guard bytes.count >= prefix.count + suffix.count,
                bytes.prefix(prefix.count).elementsEqual(prefix), bytes.suffix(suffix.count).elementsEqual(suffix)
            else { return false }
            let middle = bytes[prefix.count..<(bytes.count - suffix.count)]
            if middle.isEmpty { return true }
            // -3.0.3
            guard middle.first == UInt8(ascii: "-") else { return false }
            return isThreePartVersion(middle.dropFirst())
        }
    }

    /// True for `digits.digits.digits`, each part non-empty.
    private static func isThreePartVersion(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var dots = 0, partLength = 0
        for b in bytes {
            if b == UInt8(ascii: ".") {
                guard partLength > 0 else { return false }
                dots += 1
                partLength = 0
            } else if (0x30...0x39).contains(b) {
                partLength += 1
            } else {
                return false
            }
        }
        return dots == 2 && partLength > 0
    }

    private static let obContextPrefix = Array("https://purl.imsglobal.org/spec/ob/v3p0/context".utf8)
    private static let jsonSuffix = Array(".json".utf8)

    /// The context of OB 3.0 drafts, still seen in early VC-JWTs.
    public static let preReleaseContext = "https://imsglobal.github.io/openbadges-specification/context.json"

    /// The version in an OB context IRI (`3.0.3`; `3.0` for the unversioned one).
    public static func obContextVersion(_ iri: String) -> String {
        if iri == preReleaseContext { return "3.0 draft" }
        let bytes = iri.utf8
        guard let dash = bytes.lastIndex(of: UInt8(ascii: "-")) else { return "3.0" }
        return String(decoding: bytes[bytes.index(after: dash)...].dropLast(jsonSuffix.count), as: UTF8.self)
    }

    /// Contexts credconv itself manages: they are never carried as "additional" contexts.
    public static func isStandardContext(_ iri: String) -> Bool {
        iri == credentialsV2Context || iri == credentialsV1Context || isOBContext(iri) || iri == extensionsContext
            || iri == CredconvExtension.contextIRI
    }

    /// Contexts that only define proof vocabularies (Data Integrity, Ed25519Signature2020, …).
    public static func isProofContext(_ iri: String) -> Bool {
        iri.hasPrefix("https://w3id.org/security/")
    }

    /// The `achievementType` values of the OB 3.0 enumeration (others must be `ext:` values).
    public static let achievementTypes: Set<String> = [
        "Achievement", "ApprenticeshipCertificate", "Assessment", "Assignment", "AssociateDegree", "Award", "Badge",
        "BachelorDegree", "Certificate", "CertificateOfCompletion", "Certification", "CommunityService", "Competency",
        "Course", "CoCurricular", "Degree", "Diploma", "DoctoralDegree", "Fieldwork", "GeneralEducationDevelopment",
        "JourneymanCertificate", "LearningProgram", "License", "Membership", "ProfessionalDoctorate",
        "QualityAssuranceCredential", "MasterCertificate", "MasterDegree", "MicroCredential", "ResearchDoctorate",
        "SecondarySchoolDiploma",
    ]
}
