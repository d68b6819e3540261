import CredconvJSON
import CredentialModel
import JSONMapping

/// The state of reading one OB 2.0 assertion: the linked documents and the report.
struct OB2ReadContext {
    let graph: OB2Graph
    var report: ConversionReport
    static let family = OB2Reader.family
    /// The issuer's `origin` of an Open Badges 0.5 assertion, against which its relative URLs resolve;
    /// nil for later versions.
    var origin05: String?

    init(graph: OB2Graph, report: ConversionReport) {
        self.graph = graph
        self.report = report
    }

    /// A property that holds an object or the IRI of one given elsewhere in the input.
    mutating func linked(_ cursor: inout ObjectCursor, _ key: String, what: String) throws(Diagnostic) -> ObjectCursor {
        let pointer = cursor.pointer / key
        guard let ref = try cursor.idOrObject(key) else { throw cursor.missing(key) }
        if let object = ref.object, object.object.count > 1 || ref.id == nil { return object }
        guard let id = ref.id else { throw cursor.missing(key) }
        guard let (o, at) = graph.byId[id] else {
            throw Diagnostic(.invalidValue, 
                "the \(what) \(id) is not in the input, and credconv never fetches: give the documents together as a JSON array, [assertion, badge class, issuer], or name the file with --with",
                at: .jsonPointer(pointer.description))
        }
        return ObjectCursor(o, at: at)
    }

    // MARK: the assertion

    mutating func credential(_ assertionCursor: ObjectCursor) throws(Diagnostic) -> Credential {
        var a = assertionCursor
        origin05 = Self.origin05(of: a.object)
        let version = origin05 != nil ? "0.5" : Self.contextVersion(a.raw("@context"))
        var credential = Credential(provenance: Provenance(sourceFormat: "ob2"))
        credential.provenance.sourceVersion = "Open Badges \(version)"
        try a.consumeTypes()
        let assertionId = try a.string("id")
        credential.provenance.originalId = assertionId
        // Migration guide: the 3.0 credential gets a new id; the 2.0 assertion is linked as evidence.
        if let assertionId {
            var evidence = Evidence(id: assertionId)
            evidence.types = [OB2Reader.assertionEvidenceType]
            evidence.name = LocalizedString("Open Badges \(version) assertion")
            evidence.description = LocalizedString("The original assertion this credential was repackaged from.")
            credential.evidence.append(evidence)
        }
        try readRecipient(&a, into: &credential)
        // 0.5: `issued_on`.
        credential.validFrom = try date(&a, "issuedOn")
        if credential.validFrom == nil { credential.validFrom = try date(&a, "issued_on") }
        credential.awardedDate = credential.validFrom
        credential.validUntil = try date(&a, "expires")
        if let image = try a.idOrObject("image") { credential.subjectImage = try self.image(image) }
        credential.narrative = try a.localized("narrative", format: .markdown)
        for (i, item) in try references(&a, "evidence").enumerated() {
            var e = Evidence(id: item.id)
            if var o = item.object {
                try o.consumeTypes()
                e.id = try o.string("id")
                e.name = try o.localized("name")
                e.description = try o.localized("description")
                e.narrative = try o.localized("narrative", format: .markdown)
                e.genre = try o.string("genre")
                e.audience = try o.string("audience")
                e.extensions = o.unreadMembers(family: Self.family)
            }
            if e.id == nil && e.narrative == nil && e.name == nil { report.warn(.nonconformingInput, "an empty evidence entry was skipped", at: .jsonPointer((a.pointer / "evidence" / i).description)) }
            else { credential.evidence.append(e) }
        }
        var badge = try linked(&a, "badge", what: "BadgeClass")
        let (achievement, issuer) = try badgeClass(&badge)
        credential.achievement = achievement
        credential.issuer = issuer
        credential.name = achievement.name
        let verificationObject = try a.object("verification")
        let verifyObject = try a.object("verify")
        if let verification = verificationObject ?? verifyObject {
            var v = verification
            let kind = try v.string("type") ?? "hosted"
            if kind.lowercased() == "signedbadge" || kind.lowercased() == "signed" {
                report.warn(.signatureNotVerified, "the assertion says it is signed; its signature is not verified by credconv and does not survive conversion")
            }
            _ = v.unreadMembers(family: Self.family)
        }
        if try a.bool("revoked") == true {
            let reason = try a.string("revocationReason")
            report.warn(.revoked, "the assertion is marked revoked" + (reason.map { ": \($0)" } ?? ""))
        } else {
            _ = a.raw("revocationReason")
        }
        for (i, e) in try references(&a, "endorsement").enumerated() {
            report.lose(.jsonPointer((a.pointer / "endorsement" / i).description), "an OB 2.0 endorsement (\(e.id ?? "embedded")) is not a 3.0 EndorsementCredential; it would need re-signing")
        }
        credential.extensions = a.unreadMembers(family: Self.family)
        return credential
    }

    /// The issuer's origin when the assertion is Open Badges 0.5 (no `@context`, `badge.version` 0.5 or
    /// an issuer with `origin`).
    static func origin05(of assertion: JSONObject) -> String? {
        guard OpenBadgesRecognition.legacyVersion(.object(assertion)) == "0.5", case .object(let badge)? = assertion["badge"],
            case .object(let issuer)? = badge["issuer"]
        else { return nil }
        return issuer["origin"]?.stringValue
    }

    /// A 0.5 URL relative to the issuer's origin (`/badges/x` → `https://p2pu.org/badges/x`); others as they are.
    func resolved(_ url: String) -> String {
        guard let origin = origin05, url.hasPrefix("/"), !url.hasPrefix("//") else { return url }
        return (origin.hasSuffix("/") ? String(origin.dropLast()) : origin) + url
    }

    static func contextVersion(_ context: JSONValue?) -> String {
        let contexts = context?.stringValue.map { [$0] } ?? context?.arrayValue?.compactMap(\.stringValue) ?? []
        if contexts.contains(where: { $0.hasSuffix("/openbadges/v1") }) { return "1.1" }
        if contexts.isEmpty { return "1.0" }
        return "2.0"
    }

    /// `recipient` (IdentityObject; 1.0: a plain email with `salt` at the top).
    mutating func readRecipient(_ a: inout ObjectCursor, into credential: inout Credential) throws(Diagnostic) {
        if case .string(let plain)? = a.raw("recipient") {
            // OB 1.0: recipient is the (possibly hashed) email; the salt sits beside it.
            let salt = try a.string("salt")
            let hashed = plain.contains("$")
            credential.learner.identities.append(IdentityHash(identityHash: plain, identityType: "emailAddress", hashed: hashed, salt: salt))
            if !hashed { credential.learner.email = plain }
            return
        }
        guard var r = try a.object("recipient") else { throw a.missing("recipient") }
        let type = try r.string("type") ?? "email"
        let identity = try r.requiredString("identity")
        let hashed = try r.bool("hashed") ?? false
        let salt = try r.string("salt")
        let identityType: String
        switch type {
        case "email": identityType = "emailAddress"
        case "url": identityType = "identifier"
        case "telephone": identityType = "ext:telephone"
        case "id": identityType = "identifier"
        default: identityType = type.hasPrefix("ext:") ? type : "ext:" + type
        }
        // A plain URL or id names the learner (credconv's OB 2.0 writer puts the learner's id there).
        if (type == "id" || type == "url") && !hashed {
            credential.learner.id = identity
        } else {
            credential.learner.identities.append(IdentityHash(identityHash: identity, identityType: identityType, hashed: hashed, salt: salt))
        }
        if type == "email" && !hashed { credential.learner.email = identity }
        for f in r.unreadMembers(family: Self.family).fields { report.lose(f.source, "an identity object holds type, identity, hashed and salt", code: .notInModel) }
    }

    // MARK: the badge class and the issuer

    mutating func badgeClass(_ cursor: inout ObjectCursor) throws(Diagnostic) -> (Achievement, Organization) {
        var b = cursor
        if let language = try b.string("@language") { b = b.inheriting(language) }
        try b.consumeTypes()
        _ = b.raw("@context")
        var achievement = Achievement(id: try b.string("id"))
        achievement.achievementType = nil
        guard let name = try b.localized("name") else { throw b.missing("name") }
        achievement.name = name
        achievement.description = try b.localized("description")
        if let language = b.defaultLanguage { achievement.languages = [language] }
        if let image = try b.idOrObject("image") { achievement.image = try self.image(image) }
        if let criteria = try b.idOrObject("criteria") {
            var c = Criteria(id: criteria.id.map(resolved))
            if var o = criteria.object {
                c.id = try o.string("id")
                c.narrative = try o.localized("narrative", format: .markdown)
            }
            achievement.criteria = c
        }
        for alignment in try b.objects("alignment") + b.objects("alignments") {
            var o = alignment
            guard let targetName = try o.localized("targetName") else { throw o.missing("targetName") }
            var al = Alignment(targetName: targetName, targetUrl: try o.requiredString("targetUrl"))
            al.targetDescription = try o.localized("targetDescription")
            al.targetFramework = try o.string("targetFramework")
            al.targetCode = try o.string("targetCode")
            if achievement.eqfLevel == nil, let level = EUVocabulary.eqfLevelNumber(ofIRI: al.targetUrl), let eqf = EUVocabulary.eqfLevel(level) {
                achievement.eqfLevel = eqf  // an alignment to an EQF level is the EQF level
            } else {
                achievement.alignments.append(al)
            }
        }
        achievement.tags = try b.strings("tags")
        if origin05 != nil {
            _ = b.raw("version")  // 0.5: the version of the specification, not of the badge
        } else {
            achievement.version = try b.scalarText("version")
        }
        for related in try b.objects("related") {
            var r = related
            try r.consumeTypes()
            guard let id = try r.string("id") else { continue }
            let language = try r.string(anyOf: "@language", "inLanguage")
            achievement.relations.append(AchievementRelation(kind: .relatedEdition, id: id, language: language, version: try r.scalarText("version")))
        }
        for (i, e) in try references(&b, "endorsement").enumerated() {
            report.lose(.jsonPointer((b.pointer / "endorsement" / i).description), "an OB 2.0 endorsement (\(e.id ?? "embedded")) of the badge class is not a 3.0 EndorsementCredential")
        }
        var issuerCursor = try linked(&b, "issuer", what: "issuer profile")
        let issuer = try profile(&issuerCursor)
        achievement.creator = issuer
        achievement.extensions = b.unreadMembers(family: Self.family)
        return (achievement, issuer)
    }

    mutating func profile(_ cursor: inout ObjectCursor) throws(Diagnostic) -> Organization {
        var p = cursor
        if let language = try p.string("@language") { p = p.inheriting(language) }
        try p.consumeTypes()
        _ = p.raw("@context")
        var org = Organization(id: try p.string("id"))
        org.name = try p.localized("name")
        org.url = try p.string("url")
        org.email = try p.string("email")
        if origin05 != nil {
            // 0.5: the issuer is known by its origin; `contact` is its email.
            let origin = try p.string("origin")
            org.id = org.id ?? origin
            org.url = org.url ?? origin
            let contact = try p.string("contact")
            org.email = org.email ?? contact
        }
        org.phone = try p.string("telephone")
        org.description = try p.localized("description")
        if let image = try p.idOrObject("image") { org.image = try self.image(image) }
        for key in ["publicKey", "verification", "revocationList"] where p.has(key) {
            _ = p.raw(key)
            report.lose(.jsonPointer((p.pointer / key).description), "the issuer's \(key) belongs to OB 2.0 verification; the output is unsigned")
        }
        for (i, e) in try references(&p, "endorsement").enumerated() {
            report.lose(.jsonPointer((p.pointer / "endorsement" / i).description), "an OB 2.0 endorsement (\(e.id ?? "embedded")) of the issuer is not a 3.0 EndorsementCredential")
        }
        org.extensions = p.unreadMembers(family: Self.family)
        return org
    }

    // MARK: values

    mutating func image(_ ref: (id: String?, object: ObjectCursor?)) throws(Diagnostic) -> Image? {
        if var o = ref.object {
            guard let id = try o.string("id") else { return nil }
            var image = Image(id: id)
            image.caption = try o.localized("caption")
            _ = o.raw("type")
            _ = o.raw("author")
            return image
        }
        return ref.id.map { Image(id: resolved($0)) }
    }

    /// A list that may be one IRI, one object, or an array of either.
    mutating func references(_ c: inout ObjectCursor, _ key: String) throws(Diagnostic) -> [(id: String?, object: ObjectCursor?)] {
        guard let value = c.raw(key) else { return [] }
        let items: [JSONValue]
        if case .array(let a) = value { items = a } else { items = [value] }
        var out: [(id: String?, object: ObjectCursor?)] = []
        for (i, item) in items.enumerated() {
            let pointer = c.pointer / key
            let at = value.arrayValue != nil ? pointer / i : pointer
            switch item {
            case .string(let s): out.append((resolved(s), nil))
            case .object(let o): out.append((o["id"]?.stringValue, ObjectCursor(o, at: at)))
            default: throw Diagnostic(.typeMismatch, "expected an IRI or an object, found \(item.typeName)", at: .jsonPointer(at.description))
            }
        }
        return out
    }

    /// An ISO 8601 date-time; a time without zone is read as UTC and a Unix timestamp (1.0) converted, with a warning.
    mutating func date(_ c: inout ObjectCursor, _ key: String) throws(Diagnostic) -> String? {
        let path = (c.pointer / key).description
        let isNumber = if case .number? = c.object[key] { true } else { false }
        guard let text = try c.scalarText(key) else { return nil }
        if isNumber || (!text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber }) {
            switch UnixTime.isoDateTime(fromSeconds: text) {
            case .success(let iso):
                report.warn(.dateNormalised, "the Unix time \(text) is read as \(iso)", at: .jsonPointer(path))
                return iso
            case .failure:
                throw Diagnostic(.invalidValue, "\(text) is no Unix time in the years 1–9999", at: .jsonPointer(path))
            }
        }
        if text.count == 10, ISODateText.date(text) == text { return text }
        if text.contains("T"), !(text.hasSuffix("Z") || text.dropFirst(19).contains("+") || text.dropFirst(19).contains("-")) {
            report.warn(.dateNormalised, "the date-time \(text) has no time zone; read as UTC", at: .jsonPointer(path))
            return text + "Z"
        }
        return text
    }
}
