import CredconvJSON
import CredentialModel
import JSONMapping

/// Reads Open Badges 3.0 credentials (JSON-LD, VCDM 2.0 or 1.1; OpenBadgeCredential,
/// AchievementCredential or EndorsementCredential) into the model.
///
/// Tolerates what the specification allows (a `type` string or array, one value or an array, language
/// maps), refuses what it cannot map with a located error, keeps unknown properties in the extension
/// bags, and recognises the credconv extension and SURF Edubadges' micro-credential terms.
public struct OB3Reader: Sendable {
    /// The format family name recorded on kept extension fields.
    public static let family = "ob3"

    public init() {}

    /// `credentialSubject.achievement.inLanguage`, looked at without reading it (the achievement reader does).
    static func achievementLanguage(_ document: JSONValue) -> String? {
        guard case .object(let root) = document, case .object(let subject)? = root["credentialSubject"],
            case .object(let achievement)? = subject["achievement"], case .string(let language)? = achievement["inLanguage"]
        else { return nil }
        return language
    }

    /// Maps one credential document.
    /// - Parameters:
    ///   - document: the parsed JSON.
    ///   - report: receives warnings (repairs, unverified signatures).
    ///   - formatName: the format name to record in provenance (`ob3`, or `ob3-jwt` when unwrapped from a JWT).
    public func read(
        _ document: JSONValue, report: inout ConversionReport, formatName: String = "ob3"
    ) throws(Diagnostic) -> Credential {
        var c = try ObjectCursor(document, at: .root, what: "a JSON object (an Open Badges 3.0 credential)")
        let contexts = try readContexts(&c)
        let types = try c.types()
        let kind: Credential.Kind
        if types.contains("OpenBadgeCredential") || types.contains("AchievementCredential") {
            kind = .achievement
        } else if types.contains("EndorsementCredential") {
            kind = .endorsement
        } else {
            throw Diagnostic(.invalidValue, 
                "not an Open Badges 3.0 credential: type must include OpenBadgeCredential, AchievementCredential or EndorsementCredential (found \(types.isEmpty ? "none" : types.joined(separator: ", ")))",
                at: .jsonPointer("/type"))
        }
        if !types.contains("VerifiableCredential") {
            report.warn(.nonconformingInput, "type does not include VerifiableCredential; read anyway", at: .jsonPointer("/type"))
        }

        var credential = Credential(provenance: Provenance(sourceFormat: formatName))
        credential.kind = kind
        credential.additionalContexts = contexts.additional
        credential.provenance.sourceVersion = contexts.versionDescription
        credential.id = try c.string("id")
        credential.provenance.originalId = credential.id
        // A declared primary language (credconv extension), else the achievement's `inLanguage`, is the
        // language of plain strings (``Credential/plainTextLanguage``).
        credential.primaryLanguage = try c.string(CredconvExtension.CredentialTerm.primaryLanguage)
        c.defaultLanguage = credential.primaryLanguage ?? Self.achievementLanguage(document).flatMap(LanguageCode.primarySubtag)
        let translations = try TranslationTable(&c)
        credential.name = try translations.apply("name", try c.localized("name"))
        credential.description = try translations.apply("description", try c.localized("description"))
        credential.image = try readImage(&c, "image", report: &report)

        // Dates: VCDM 2.0 first, 1.1 names as a fallback.
        let validFrom = try c.string("validFrom")
        let issuanceDate = try c.string("issuanceDate")
        credential.validFrom = validFrom ?? issuanceDate
        credential.validUntil = try c.string(anyOf: "validUntil", "expirationDate")
        credential.awardedDate = try c.string("awardedDate")
        if credential.validFrom == nil {
            throw Diagnostic(.missingProperty, "required property \"validFrom\" (or VCDM 1.1 \"issuanceDate\") is missing", at: .jsonPointer("/validFrom"))
        }
        if let validFrom, let issuanceDate, validFrom != issuanceDate {
            report.warn(.nonconformingInput, "both validFrom and issuanceDate given; validFrom is used", at: .jsonPointer("/issuanceDate"))
        }

        guard let issuer = try c.idOrObject("issuer") else { throw c.missing("issuer") }
        credential.issuer = try readProfileOrId(issuer, at: JSONPointer.root / "issuer", report: &report)

        // credconv extension on the credential.
        credential.credentialType = try ExtensionCodec.concept(&c, CredconvExtension.CredentialTerm.credentialType)
        credential.issued = try c.string(CredconvExtension.CredentialTerm.issued)

        // The subject.
        let subjects = try c.objects("credentialSubject")
        guard var subject = subjects.first else { throw c.missing("credentialSubject") }
        if subjects.count > 1 {
            for i in 1..<subjects.count {
                report.lose(.jsonPointer("/credentialSubject/\(i)"), "only the first credential subject is converted", code: .repeatedValue)
            }
        }
        switch kind {
        case .achievement:
            try readAchievementSubject(&subject, into: &credential, report: &report)
        case .endorsement:
            credential.learner.id = try subject.string("id")
            let translations = try TranslationTable(&subject)
            credential.endorsementComment = try translations.apply("endorsementComment", try subject.localized("endorsementComment", format: .markdown))
            try subject.consumeTypes()
            credential.learner.extensions = subject.unreadMembers(family: Self.family)
        }

        for e in try c.objects("evidence") { credential.evidence.append(try readEvidence(e)) }
        credential.endorsements = try readEndorsements(&c, report: &report)
        credential.status = try c.objects("credentialStatus").map(readServiceReference)
        credential.refreshService = try c.objects("refreshService").first.map(readServiceReference)
        credential.termsOfUse = try c.objects("termsOfUse").map(readServiceReference)
        // The official OB schemas and credconv's own are the writer's business; others (an issuer's extension schemas) are kept.
        credential.schemas = try c.objects("credentialSchema").map(readServiceReference).filter {
            !($0.id?.hasPrefix("https://purl.imsglobal.org/spec/ob/v3p0/schema/") ?? false) && $0.id != CredconvExtension.schemaIRI
        }
        credential.provenance.signature = try readProof(&c)
        credential.extensions = c.unreadMembers(family: Self.family)
        return credential
    }

    // MARK: contexts

    struct Contexts {
        var additional: [String] = []
        var versionDescription: String
    }

    private func readContexts(_ c: inout ObjectCursor) throws(Diagnostic) -> Contexts {
        guard let raw = c.raw("@context") else { throw c.missing("@context") }
        var entries: [JSONValue]
        switch raw {
        case .array(let a): entries = a
        case .string, .object: entries = [raw]
        default: throw ObjectCursor.typeError("an array of context IRIs", found: raw, at: .root / "@context")
        }
        guard case .string(let first)? = entries.first,
            first == OB3Vocabulary.credentialsV2Context || first == OB3Vocabulary.credentialsV1Context
        else {
            throw Diagnostic(.invalidValue, 
                "the first @context must be \(OB3Vocabulary.credentialsV2Context) (or the VCDM 1.1 \(OB3Vocabulary.credentialsV1Context))",
                at: .jsonPointer("/@context/0"))
        }
        var obVersion: String? = nil
        var additional: [String] = []
        for (i, entry) in entries.enumerated().dropFirst() {
            guard case .string(let iri) = entry else {
                throw Diagnostic(.invalidValue, "inline JSON-LD contexts are not supported; use context IRIs", at: .jsonPointer("/@context/\(i)"))
            }
            if OB3Vocabulary.isOBContext(iri) {
                obVersion = OB3Vocabulary.obContextVersion(iri)
            } else if OB3Vocabulary.isProofContext(iri) {
                continue  // only the proof used it, and proofs are never carried
            } else if !OB3Vocabulary.isStandardContext(iri) {
                additional.append(iri)
            }
        }
        guard let obVersion else {
            throw Diagnostic(.invalidValue, "@context has no Open Badges 3.0 context (https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json)", at: .jsonPointer("/@context"))
        }
        let vcdm = first == OB3Vocabulary.credentialsV2Context ? "VCDM 2.0" : "VCDM 1.1"
        return Contexts(additional: additional, versionDescription: "\(vcdm), OB context \(obVersion)")
    }

    // MARK: proof

    private func readProof(_ c: inout ObjectCursor) throws(Diagnostic) -> SignatureInfo? {
        let proofs = try c.objects("proof")
        guard var first = proofs.first else { return nil }
        let type = try first.string("type") ?? "proof"
        let suite = try first.string("cryptosuite")
        let method = try first.string("verificationMethod")
        var detail = [type, suite].compactMap { $0 }.joined(separator: " ")
        if proofs.count > 1 { detail += " and \(proofs.count - 1) more" }
        // The proofs as a whole: what they say is in the signature statement, and they never survive
        // conversion (the unsigned-output warning says so).
        c.skip("proof")
        return SignatureInfo(kind: .embeddedProof, detail: detail, keyReference: method)
    }

    // MARK: small objects

    func readImage(_ c: inout ObjectCursor, _ key: String, report: inout ConversionReport) throws(Diagnostic) -> Image? {
        guard let ref = try c.idOrObject(key) else { return nil }
        guard var o = ref.object else {
            report.warn(.nonconformingInput, "image given as a bare IRI; OB 3.0 wants an Image object", at: .jsonPointer((c.pointer / key).description))
            return Image(id: ref.id ?? "")
        }
        guard let id = try o.string("id") else { throw o.missing("id") }
        var image = Image(id: id)
        try o.consumeTypes()
        image.caption = try o.localized("caption")
        image.extensions = o.unreadMembers(family: Self.family)
        return image
    }

    func readEvidence(_ cursor: ObjectCursor) throws(Diagnostic) -> Evidence {
        var o = cursor
        var e = Evidence(id: try o.string("id"))
        e.types = try o.types().filter { $0 != "Evidence" }
        let translations = try TranslationTable(&o)
        e.name = try translations.apply("name", try o.localized("name"))
        e.description = try translations.apply("description", try o.localized("description"))
        e.narrative = try translations.apply("narrative", try o.localized("narrative", format: .markdown))
        e.genre = try o.string("genre")
        e.audience = try o.string("audience")
        e.extensions = o.unreadMembers(family: Self.family)
        return e
    }

    func readServiceReference(_ cursor: ObjectCursor) throws(Diagnostic) -> ServiceReference {
        var o = cursor
        let id = try o.string("id")
        let types = try o.types()
        var rest = JSONObject()
        for m in o.object where m.key != "id" && m.key != "type" { rest.set(m.key, m.value) }
        o.consumeWhole()  // every member is kept in the reference
        return ServiceReference(id: id, type: types.first ?? "", properties: rest.isEmpty ? nil : rest)
    }

    func readEndorsements(_ c: inout ObjectCursor, report: inout ConversionReport) throws(Diagnostic) -> [Endorsement] {
        var out: [Endorsement] = []
        for cursor in try c.objects("endorsement") {
            var o = cursor
            var e = Endorsement()
            e.document = .object(o.object)  // kept whole, so consumed whole
            o.consumeWhole()
            e.sourcePath = o.pointer.description
            e.id = try o.string("id")
            e.name = try o.localized("name")
            if let issuer = try o.idOrObject("issuer") {
                e.issuer = try readProfileOrId(issuer, at: o.pointer / "issuer", report: &report)
            }
            e.validFrom = try o.string(anyOf: "validFrom", "issuanceDate")
            e.validUntil = try o.string(anyOf: "validUntil", "expirationDate")
            if var subject = try o.objects("credentialSubject").first {
                e.subjectId = try subject.string("id")
                e.comment = try subject.localized("endorsementComment", format: .markdown)
            }
            out.append(e)
        }
        for (i, jwt) in try c.strings("endorsementJwt").enumerated() {
            var e = Endorsement()
            e.jwt = jwt
            e.sourcePath = (c.pointer / "endorsementJwt" / i).description
            out.append(e)
        }
        return out
    }
}
