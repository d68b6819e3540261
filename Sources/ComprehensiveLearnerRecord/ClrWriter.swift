import CredconvJSON
import CredentialModel
import FormatInterface

/// Writes a learner record as a CLR 2.0 `ClrCredential` (VCDM 2.0): the header, issuer and learner as
/// OB 3.0 writes them (``OpenBadgesScaffold``), each entry's signed original embedded as it was (so its
/// proof still verifies) or the entry written as an OB 3.0 credential, the achievement definitions and
/// the associations. The CLR itself is unsigned.
struct ClrWriter {
    func write(_ record: LearnerRecord, context: inout WriteContext) throws(Diagnostic) -> JSONValue {
        guard !record.entries.isEmpty else {
            throw Diagnostic(.insufficientData, "a CLR holds at least one credential; the record has none")
        }
        var header = try headerCredential(record, report: &context.report, makeIdentifier: context.makeIdentifier)
        header.achievement = Achievement(id: OpenBadgesScaffold.placeholderId, name: LocalizedString("scaffold"))
        var clr = try OpenBadgesScaffold.write(
            header, keeping: { !OpenBadgesScaffold.path($0, isIn: "achievement") }, rebase: { $0 }, context: &context)

        clr.set("type", .array([.string("VerifiableCredential"), .string("ClrCredential")]))
        // The CLR context goes second, before the OB one (the official schema wants them in that order).
        var contexts = ClrReader.many(clr["@context"])
        contexts.insert(.string(ClrVocabulary.context), at: min(1, contexts.count))
        clr.set("@context", .array(contexts))
        if let partial = record.partial { clr.set("partial", .bool(partial)) }
        let schemas = [JSONValue.object(JSONObject(["id": .string(ClrVocabulary.schema), "type": .string(ClrVocabulary.schemaType)]))]
            + record.schemas.map { s in .object(JSONObject(uniqueMembers: [s.id.map { JSONObject.Member(key: "id", value: .string($0)) }, JSONObject.Member(key: "type", value: .string(s.type))].compactMap { $0 })) }
        clr.set("credentialSchema", .array(schemas))

        guard case .object(var subject)? = clr["credentialSubject"] else {
            throw Diagnostic(.io, "the Open Badges 3.0 writer wrote no credentialSubject")
        }
        _ = subject.remove("achievement")
        subject.set("type", .array([.string("ClrSubject")]))
        var credentials: [JSONValue] = []
        for (i, entry) in record.entries.enumerated() {
            credentials.append(try embedded(entry, at: "entries[\(i)]", context: &context))
        }
        subject.set("verifiableCredential", .array(credentials))
        if !record.achievements.isEmpty {
            var definitions: [JSONValue] = []
            for (i, a) in record.achievements.enumerated() { definitions.append(try definition(a, at: "achievements[\(i)]", context: &context)) }
            subject.set("achievement", .array(definitions))
        }
        if !record.associations.isEmpty {
            subject.set("association", .array(record.associations.map { a in
                .object(JSONObject([
                    "type": .string("Association"), "associationType": .string(a.kind.rawValue),
                    "sourceId": .string(a.sourceId), "targetId": .string(a.targetId),
                ]))
            }))
        }
        clr.set("credentialSubject", .object(subject))
        return .object(clr)
    }

    /// The record's own data as a credential for the OB 3.0 writer; what a CLR requires and the record
    /// lacks is taken from its entries (and reported) or refused.
    func headerCredential(_ record: LearnerRecord, report: inout ConversionReport, makeIdentifier: () -> String) throws(Diagnostic) -> Credential {
        var h = record.headerCredential(awardedDateAs: \.awardedDate)
        h.schemas = []  // written with the CLR schema below
        h.learner = record.learner.isEmpty ? record.entries.first?.credential.learner ?? record.learner : record.learner
        if h.id == nil {
            h.id = makeIdentifier()
            report.warn(.identifierMinted, "the record has no id; the CLR's id \(h.id ?? "") was made", at: .modelPath("id"))
        }
        if h.issuer == nil {
            let issuers = record.entries.compactMap(\.credential.issuer)
            guard let first = issuers.first, issuers.allSatisfy({ $0.id == first.id }) else {
                throw Diagnostic(.insufficientData, "a CLR needs the issuer of the record (the registrar compiling it), and its credentials have different issuers: give one (credconv bundle --issuer FILE)", at: .modelPath("issuer"))
            }
            h.issuer = first
            report.warn(.valueSubstituted, "the record has no issuer; its credentials' issuer \(first.id ?? "") issues the CLR", at: .modelPath("issuer"))
        }
        if h.name == nil {
            let whose = record.learner.fullName?.best() ?? record.entries.first?.credential.learner.fullName?.best()
            h.name = LocalizedString("Learner record" + (whose.map { " of \($0)" } ?? ""))
            report.warn(.valueSubstituted, "the record has no name; the CLR is called \"\(h.name?.best() ?? "")\"", at: .modelPath("name"))
        }
        if h.validFrom == nil {
            guard let latest = record.entries.compactMap({ $0.credential.validFrom ?? $0.credential.awardedDate }).max() else {
                throw Diagnostic(.insufficientData, "a CLR needs a validFrom date, and neither the record nor its credentials have one", at: .modelPath("validFrom"))
            }
            h.validFrom = latest
            report.warn(.valueSubstituted, "the record has no validFrom; the latest of its credentials' (\(latest)) was written", at: .modelPath("validFrom"))
        }
        return h
    }

    /// An entry: its signed original as it was when that is a VCDM 2.0 JSON-LD credential with an embedded
    /// proof (what a CLR 2.0 holds), else the credential written as OB 3.0 from the model, unsigned: a
    /// VC-JWT string or a VCDM 1.1 credential in a ClrCredential fails the official schema.
    func embedded(_ entry: RecordEntry, at path: String, context: inout WriteContext) throws(Diagnostic) -> JSONValue {
        if let original = entry.signedOriginal {
            switch original.form {
            case .compactJWS:
                context.report.lose(.modelPath("\(path).signedOriginal"), "a CLR 2.0 holds JSON-LD credentials: the credential is written from the model, and its VC-JWT signature does not carry over")
            case .jsonLD:
                guard case .object(let o)? = try? JSONParser().parse(Array(original.text.utf8)) else {
                    throw Diagnostic(.invalidValue, "the entry's signed original is no JSON object", at: .modelPath("\(path).signedOriginal"))
                }
                if Self.isVCDM2(o) { return .object(o) }
                context.report.lose(.modelPath("\(path).signedOriginal"), "a CLR 2.0 holds VCDM 2.0 credentials: this VCDM 1.1 credential is written again from the model, and its proof does not carry over")
            }
        }
        return .object(try OpenBadgesScaffold.write(entry.credential, keeping: { _ in true }, rebase: { "\(path).credential.\($0)" }, context: &context))
    }

    /// True for a credential of the VC Data Model 2.0 (its first context, `validFrom`).
    static func isVCDM2(_ o: JSONObject) -> Bool {
        ClrReader.many(o["@context"]).first?.stringValue == ClrVocabulary.credentialsV2 && o["issuanceDate"] == nil
    }

    /// An achievement definition, written as OB 3.0 writes an achievement.
    func definition(_ a: Achievement, at path: String, context: inout WriteContext) throws(Diagnostic) -> JSONValue {
        var c = Credential(provenance: Provenance(sourceFormat: ClrVocabulary.family))
        c.issuer = Organization(id: OpenBadgesScaffold.placeholderId, name: LocalizedString("scaffold"))
        c.validFrom = "2000-01-01T00:00:00Z"
        c.id = OpenBadgesScaffold.placeholderId
        c.achievement = a
        let o = try OpenBadgesScaffold.write(
            c, keeping: { OpenBadgesScaffold.path($0, isIn: "achievement") }, rebase: { path + $0.dropFirst("achievement".count) }, context: &context)
        guard case .object(let subject)? = o["credentialSubject"], let written = subject["achievement"] else {
            throw Diagnostic(.io, "the Open Badges 3.0 writer wrote no achievement")
        }
        return written
    }
}
