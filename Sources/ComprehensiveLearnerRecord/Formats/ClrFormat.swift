import CredconvJSON
import CredentialModel
import FormatInterface
import JSONMapping

extension FormatName {
    /// 1EdTech Comprehensive Learner Record 2.0.
    public static let clr: FormatName = "clr"
}

/// 1EdTech Comprehensive Learner Record 2.0: a `ClrCredential` holding a learner's credentials and the
/// associations between their achievements. Read and written as a ``LearnerRecord``; read as one
/// credential it is the record combined, and one credential written as a CLR is split into one entry
/// per achievement.
public struct ClrFormat: RecordReadableFormat, RecordWritableFormat {
    public init() {}

    static let name: FormatName = .clr
    public var name: FormatName { .clr }
    public var summary: String { "1EdTech Comprehensive Learner Record 2.0 (ClrCredential JSON-LD; reads its VC-JWT form)" }

    public func recognise(_ document: InputDocument, limits: JSONLimits) -> Recognition? {
        guard let (clr, base, signature) = ClrReader.clrObject(document, limits: limits) else { return nil }
        let contexts = (clr["@context"].map(JSONValue.strings) ?? []).filter(ClrVocabulary.contexts.contains)
        let count = ClrReader.many(clr["credentialSubject"]?.objectValue?["verifiableCredential"]).count
        var detail = ["ClrCredential"] + contexts.map { $0 == ClrVocabulary.context ? "CLR context 2.0.1" : "CLR context 2.0" }
        if signature != nil, base != .root { detail.append("VC-JWT") }
        detail.append("\(count) credential\(count == 1 ? "" : "s")")
        return .recognised(detail: detail.joined(separator: ", "))
    }

    /// JSON that names `ClrCredential`, or a compact JWS (whose payload may).
    public func mayHoldRecord(_ bytes: [UInt8]) -> Bool {
        CompactJWS.looksLikeCompactJWS(bytes) || bytes[...].containsASCII("ClrCredential")
    }

    public func readRecord(_ document: InputDocument, context: inout ReadContext) throws(Diagnostic) -> LearnerRecord {
        try ClrReader().read(document, context: &context)
    }

    /// The record as one credential (``LearnerRecord/combined(report:)``).
    public func read(_ document: InputDocument, context: inout ReadContext) throws(Diagnostic) -> Credential {
        try readRecord(document, context: &context).combined(report: &context.report)
    }

    public func writeRecord(_ record: LearnerRecord, context: inout WriteContext) throws(Diagnostic) -> [UInt8] {
        let document = try ClrWriter().write(record, context: &context)
        return context.serialise(document)
    }

    /// One credential as a record of its achievements (``LearnerRecord/init(splitting:)``).
    public func write(_ credential: Credential, context: inout WriteContext) throws(Diagnostic) -> [UInt8] {
        try writeRecord(LearnerRecord(splitting: credential), context: &context)
    }
}

extension ClrFormat {
    /// The issuer of a record from an OB 3.0 `Profile` document (`credconv bundle --issuer FILE`), read
    /// as OB 3.0 reads an issuer; findings are located in that document.
    public func issuerProfile(_ profile: JSONValue, context: inout ReadContext) throws(Diagnostic) -> Organization {
        guard case .object = profile else {
            throw Diagnostic(.typeMismatch, "an issuer profile is a JSON object (an Open Badges 3.0 Profile), not a \(profile.typeName)", at: .jsonPointer(""))
        }
        let scaffold = JSONObject([
            "@context": .array([.string(ClrVocabulary.credentialsV2), .string(ClrVocabulary.openBadgesContext)]),
            "type": .array([.string("VerifiableCredential"), .string("OpenBadgeCredential")]),
            "issuer": profile, "validFrom": .string("2000-01-01T00:00:00Z"),
            "credentialSubject": .object(JSONObject(["type": .array([.string("AchievementSubject")]), "achievement": OpenBadgesScaffold.placeholderAchievement])),
        ])
        let c = try OpenBadgesScaffold.read(
            scaffold, keeping: { OpenBadgesScaffold.pointer($0, isIn: "/issuer") }, rebase: { String($0.dropFirst("/issuer".count)) }, context: &context)
        guard let issuer = c.issuer else { throw Diagnostic(.invalidValue, "the issuer profile could not be read", at: .jsonPointer("")) }
        return issuer
    }
}
