import CredconvJSON
import CredentialModel
import FormatInterface
import JSONMapping

/// Reads a CLR 2.0 `ClrCredential` (JSON-LD, VCDM 2.0 or 1.1, or its VC-JWT form) into a learner record:
/// every embedded credential (JSON-LD or VC-JWT) through the registry, signed ones kept verbatim; the
/// header, learner and achievement definitions through the OB 3.0 format (``OpenBadgesScaffold``); the
/// associations here.
struct ClrReader {
    /// The CLR object of a document, where it sits, and the signature of its JWT form.
    static func clrObject(_ document: InputDocument, limits: JSONLimits) -> (JSONObject, JSONPointer, SignatureInfo?)? {
        switch document {
        case .json(.object(let o)):
            return isClr(o) ? (o, .root, nil) : nil
        case .compactJWS(let text):
            guard let jws = try? CompactJWS(text, limits: limits), case .object(let claims)? = try? JSONParser(limits: limits).parse(jws.payload)
            else { return nil }
            let signature = SignatureInfo(kind: .jws, detail: jws.algorithm, keyReference: jws.keyId)
            if case .object(let vc)? = claims["vc"], isClr(vc) { return (vc, JSONPointer.root / "vc", signature) }
            return isClr(claims) ? (claims, .root, signature) : nil
        default:
            return nil
        }
    }

    static func isClr(_ o: JSONObject) -> Bool { (o["type"].map(JSONValue.strings) ?? []).contains("ClrCredential") }

    func read(_ document: InputDocument, context: inout ReadContext) throws(Diagnostic) -> LearnerRecord {
        guard let (clr, base, jwsSignature) = Self.clrObject(document, limits: context.jsonLimits) else {
            throw Diagnostic(.formatMismatch, "not a CLR 2.0 ClrCredential", at: .jsonPointer(""))
        }
        // The members are read below, each through the format that maps it.
        ReadLedger.current?.consume(.root)
        guard case .object(let subject)? = clr["credentialSubject"] else {
            throw Diagnostic(.missingProperty, "the CLR has no credentialSubject object", at: .jsonPointer((base / "credentialSubject").description))
        }
        let subjectPointer = base / "credentialSubject"
        var record = try header(clr, subject: subject, base: base, context: &context)
        if let jwsSignature { record.provenance.signature = jwsSignature }
        let versions = (clr["@context"].map(JSONValue.strings) ?? []).filter(ClrVocabulary.contexts.contains)
        record.provenance.sourceFormat = ClrFormat.name.rawValue
        record.provenance.sourceVersion = (["ClrCredential"] + versions.map { $0 == ClrVocabulary.context ? "CLR context 2.0.1" : "CLR context 2.0" }).joined(separator: ", ")

        for (i, entry) in Self.many(subject["verifiableCredential"]).enumerated() {
            let at = Self.pointer(subjectPointer / "verifiableCredential", i, of: subject["verifiableCredential"])
            record.entries.append(try self.entry(entry, at: at, context: &context))
        }
        guard !record.entries.isEmpty else {
            throw Diagnostic(.missingProperty, "the CLR holds no credential (credentialSubject.verifiableCredential is absent or empty)", at: .jsonPointer(subjectPointer.description))
        }
        for (i, achievement) in Self.many(subject["achievement"]).enumerated() {
            let at = Self.pointer(subjectPointer / "achievement", i, of: subject["achievement"])
            record.achievements.append(try definition(achievement, at: at, context: &context))
        }
        for (i, association) in Self.many(subject["association"]).enumerated() {
            let at = Self.pointer(subjectPointer / "association", i, of: subject["association"])
            record.associations.append(try Self.association(association, at: at))
        }
        return record
    }

    /// The record's own data: an OB 3.0 credential made of the CLR's members, its subject the learner.
    func header(_ clr: JSONObject, subject: JSONObject, base: JSONPointer, context: inout ReadContext) throws(Diagnostic) -> LearnerRecord {
        var scaffold = clr
        var partial: Bool?
        if let value = scaffold.remove("partial") {
            guard case .bool(let b) = value else {
                throw Diagnostic(.typeMismatch, "partial is true or false, not a \(value.typeName)", at: .jsonPointer((base / "partial").description))
            }
            partial = b
        }
        scaffold.set("type", .array(Self.many(clr["type"]).map { $0.stringValue == "ClrCredential" ? .string("OpenBadgeCredential") : $0 }))
        var contexts = Self.many(clr["@context"]).filter { !ClrVocabulary.contexts.contains($0.stringValue ?? "") }
        if !contexts.contains(where: { $0.stringValue?.hasPrefix("https://purl.imsglobal.org/spec/ob/v3p0/context") == true }) {
            contexts.insert(.string(ClrVocabulary.openBadgesContext), at: min(1, contexts.count))
        }
        scaffold.set("@context", .array(contexts))
        var learner = subject
        for key in ["verifiableCredential", "achievement", "association"] { _ = learner.remove(key) }
        learner.set("type", .array([.string("AchievementSubject")]))
        learner.set("achievement", OpenBadgesScaffold.placeholderAchievement)
        scaffold.set("credentialSubject", .object(learner))
        let placeholder = "/credentialSubject/achievement"
        let prefix = base.description
        let c = try OpenBadgesScaffold.read(
            scaffold, keeping: { p in !OpenBadgesScaffold.pointer(p, isIn: placeholder) && p != "/type" && p != "/@context" },
            rebase: { prefix + $0 }, context: &context)
        var record = LearnerRecord(provenance: c.provenance)
        record.takeHeader(of: c, awardedDateFrom: \.awardedDate)
        record.partial = partial
        record.schemas.removeAll { $0.id == ClrVocabulary.schema }
        return record
    }

    /// One embedded credential, read by the format it is in; a signed one is kept as it was.
    func entry(_ value: JSONValue, at pointer: JSONPointer, context: inout ReadContext) throws(Diagnostic) -> RecordEntry {
        let document: InputDocument
        switch value {
        case .object: document = .json(value)
        case .string(let text) where CompactJWS.looksLikeCompactJWS(Array(text.utf8)): document = .compactJWS(text)
        default:
            throw Diagnostic(.typeMismatch, "a CLR's credential is an object or a VC-JWT string, not a \(value.typeName)", at: .jsonPointer(pointer.description))
        }
        let (credential, _) = try context.formats.readEmbedded(document, at: pointer, context: &context)
        guard credential.provenance.signature != nil else { return RecordEntry(credential: credential) }
        switch value {
        case .string(let jws): return RecordEntry(credential: credential, signedOriginal: SignedOriginal(form: .compactJWS, text: jws))
        default: return RecordEntry(credential: credential, signedOriginal: SignedOriginal(form: .jsonLD, text: String(decoding: JSONWriter(style: .compact).bytes(value), as: UTF8.self)))
        }
    }

    /// An achievement the record lists without a credential, read as the achievement of a placeholder.
    func definition(_ value: JSONValue, at pointer: JSONPointer, context: inout ReadContext) throws(Diagnostic) -> Achievement {
        guard case .object = value else {
            throw Diagnostic(.typeMismatch, "an achievement is an object, not a \(value.typeName)", at: .jsonPointer(pointer.description))
        }
        let scaffold = JSONObject([
            "@context": .array([.string(ClrVocabulary.credentialsV2), .string(ClrVocabulary.openBadgesContext)]),
            "type": .array([.string("VerifiableCredential"), .string("OpenBadgeCredential")]),
            "issuer": OpenBadgesScaffold.placeholderIssuer, "validFrom": .string("2000-01-01T00:00:00Z"),
            "credentialSubject": .object(JSONObject(["type": .array([.string("AchievementSubject")]), "achievement": value])),
        ])
        let inside = "/credentialSubject/achievement"
        let c = try OpenBadgesScaffold.read(
            scaffold, keeping: { OpenBadgesScaffold.pointer($0, isIn: inside) },
            rebase: { pointer.description + $0.dropFirst(inside.count) }, context: &context)
        guard let achievement = c.achievement else {
            throw Diagnostic(.invalidValue, "the achievement could not be read", at: .jsonPointer(pointer.description))
        }
        return achievement
    }

    static func association(_ value: JSONValue, at pointer: JSONPointer) throws(Diagnostic) -> AchievementAssociation {
        guard case .object(let o) = value else {
            throw Diagnostic(.typeMismatch, "an association is an object, not a \(value.typeName)", at: .jsonPointer(pointer.description))
        }
        func text(_ key: String) throws(Diagnostic) -> String {
            guard let v = o[key] else { throw Diagnostic(.missingProperty, "an association needs \(key)", at: .jsonPointer((pointer / key).description)) }
            guard case .string(let s) = v else { throw Diagnostic(.typeMismatch, "\(key) is a string, not a \(v.typeName)", at: .jsonPointer((pointer / key).description)) }
            return s
        }
        for m in o where !["type", "associationType", "sourceId", "targetId"].contains(m.key) {
            throw Diagnostic(.unknownMember, "an association has type, associationType, sourceId and targetId only, not \(m.key)", at: .jsonPointer((pointer / m.key).description))
        }
        if o["type"] != nil, try text("type") != "Association" {
            throw Diagnostic(.invalidValue, "an association's type is Association", at: .jsonPointer((pointer / "type").description))
        }
        let name = try text("associationType")
        guard let kind = AchievementAssociation.Kind(rawValue: name) else {
            throw Diagnostic(.invalidValue, "unknown associationType \"\(name)\"; CLR 2.0 has \(AchievementAssociation.Kind.allCases.map(\.rawValue).joined(separator: ", "))", at: .jsonPointer((pointer / "associationType").description))
        }
        return AchievementAssociation(kind, source: try text("sourceId"), target: try text("targetId"))
    }

    /// JSON-LD's one-or-many.
    static func many(_ value: JSONValue?) -> [JSONValue] {
        guard let value else { return [] }
        return value.arrayValue ?? [value]
    }

    /// The pointer of the i-th of one-or-many values.
    static func pointer(_ member: JSONPointer, _ i: Int, of value: JSONValue?) -> JSONPointer {
        value?.arrayValue != nil ? member / i : member
    }
}
