import CredconvJSON
import CredentialModel
import Foundation
import JSONMapping

/// Reads Europass ELM v3 JSON-LD (`EuropeanDigitalCredential`, ELM 3.1/3.2, as the EU's EDC tools issue it),
/// plain or sealed in a JAdES envelope (`{"payload", "signatures"}`; the seal is recorded as "sealed, not
/// verified").
///
/// Language maps may hold a string or an array of strings per language; Concepts keep their IRI, scheme,
/// notation and labels; the organisation repeated at every level (issuer, awarding bodies, assessors) is
/// read once per id. Claims beyond the first become ``Credential/otherAchievements``; activities and
/// entitlements are reported.
public struct ELM3Reader: Sendable {
    public static let family = "elm"

    public init() {}

    /// Maps a document (the envelope is unwrapped first).
    public func read(_ document: JSONValue, report: inout ConversionReport, limits: JSONLimits = .default) throws(Diagnostic) -> Credential {
        var credentialJSON = document
        var signature: SignatureInfo? = nil
        if case .object(let o) = document, o["payload"] != nil, o["signatures"] != nil {
            (credentialJSON, signature) = try Self.unwrapJAdES(o, limits: limits)
        }
        var c = try ObjectCursor(credentialJSON, at: .root, what: "a JSON object (a European Digital Credential)")
        var context = ELM3ReadContext(report: report)
        context.indexDescribedNodes(credentialJSON, at: .root)
        var credential = try context.credential(&c)
        if let signature { credential.provenance.signature = signature }
        report = context.report
        return credential
    }

    /// The credential inside a JAdES JSON envelope: the payload is the credential's JSON text (with
    /// `b64: false`) or its base64url form.
    static func unwrapJAdES(_ envelope: JSONObject, limits: JSONLimits) throws(Diagnostic) -> (JSONValue, SignatureInfo) {
        guard case .string(let payload)? = envelope["payload"] else {
            throw Diagnostic(.invalidValue, "the JAdES payload is not a string", at: .jsonPointer("/payload"))
        }
        var header: JSONObject? = nil
        if case .array(let signatures)? = envelope["signatures"], case .object(let first)? = signatures.first,
            let protected = first["protected"]?.stringValue, let bytes = CompactJWS.base64URLDecode(protected),
            case .object(let h)? = try? JSONParser(limits: limits).parse(bytes)
        {
            header = h
        }
        let unencoded = header?["b64"] == .bool(false)
        let bytes: [UInt8]
        if unencoded {
            bytes = Array(payload.utf8)
        } else if let decoded = CompactJWS.base64URLDecode(payload) {
            bytes = decoded
        } else {
            bytes = Array(payload.utf8)
        }
        let value: JSONValue
        do {
            value = try JSONParser(limits: limits).parse(bytes)
        } catch {
            throw Diagnostic(.invalidValue, "the JAdES payload is not a JSON credential: \(error.message) (at \(error.position) of the payload)", at: .jsonPointer("/payload"))
        }
        let alg = header?["alg"]?.stringValue
        return (value, SignatureInfo(kind: .jades, detail: "JAdES" + (alg.map { " \($0)" } ?? ""), keyReference: header?["kid"]?.stringValue.map { String($0.prefix(40)) + "…" }))
    }
}

/// The state of reading one ELM v3 credential.
struct ELM3ReadContext {
    var report: ConversionReport
    var organizations: [String: Organization] = [:]
    var followingOrganizations: [String] = []
    /// Every object with an id and more than its id, by id (the fullest description wins), so that a
    /// node given only by its IRI can be found.
    var described: [String: (object: JSONObject, pointer: JSONPointer)] = [:]

    init(report: ConversionReport) { self.report = report }

    mutating func indexDescribedNodes(_ value: JSONValue, at pointer: JSONPointer) {
        var tokens = pointer.tokens
        indexDescribedNodes(value, tokens: &tokens)
    }

    /// The walk behind ``indexDescribedNodes(_:at:)``: the path is one token list extended and cut
    /// back in place, made into a pointer only for the nodes indexed (not for every member).
    private mutating func indexDescribedNodes(_ value: JSONValue, tokens: inout [String]) {
        func holdsNodes(_ v: JSONValue) -> Bool {
            switch v {
            case .object, .array: return true
            default: return false
            }
        }
        switch value {
        case .object(let o):
            if let id = o["id"]?.stringValue, o.count > 1, (described[id]?.object.count ?? 0) < o.count {
                described[id] = (o, JSONPointer(tokens: tokens))
            }
            for m in o where holdsNodes(m.value) {
                tokens.append(m.key)
                indexDescribedNodes(m.value, tokens: &tokens)
                tokens.removeLast()
            }
        case .array(let a):
            for (i, v) in a.enumerated() where holdsNodes(v) {
                tokens.append(String(i))
                indexDescribedNodes(v, tokens: &tokens)
                tokens.removeLast()
            }
        default: break
        }
    }

    static let family = ELM3Reader.family

    mutating func credential(_ c: inout ObjectCursor) throws(Diagnostic) -> Credential {
        let types = try c.types()
        guard types.contains("EuropeanDigitalCredential") || types.contains("EuropassCredential") else {
            throw Diagnostic(.invalidValue, "not a European Digital Credential: " + (types.isEmpty ? "it has no type" : "type is \(types.joined(separator: ", "))"), at: .jsonPointer("/type"))
        }
        var credential = Credential(provenance: Provenance(sourceFormat: "elm"))
        _ = c.raw("@context")
        credential.id = try c.string("id")
        credential.provenance.originalId = credential.id
        credential.provenance.sourceVersion = "ELM v3 JSON-LD"
        credential.credentialType = try concepts(&c, "credentialProfiles").first
        if let display = try c.objects("displayParameter").first { try readDisplay(display, into: &credential) }
        credential.issued = try c.string("issued")
        let issuanceDate = try c.string("issuanceDate")
        credential.validFrom = try c.string("validFrom") ?? issuanceDate
        if credential.issued == nil { credential.issued = issuanceDate }
        credential.validUntil = try c.string(anyOf: "validUntil", "expirationDate")
        guard let issuer = try organizations(&c, "issuer").first else { throw c.missing("issuer") }
        credential.issuer = issuer
        guard var subject = try c.objects("credentialSubject").first else { throw c.missing("credentialSubject") }
        try readPerson(&subject, into: &credential)
        _ = c.raw("credentialSchema")
        if let proof = try c.objects("proof").first {
            var p = proof
            credential.provenance.signature = SignatureInfo(kind: .embeddedProof, detail: try p.string("type"), keyReference: try p.string("verificationMethod"))
        }
        for f in c.unreadMembers(family: Self.family).fields { credential.extensions.keep(f.key, f.value, at: f.source, family: f.family) }
        return credential
    }

    mutating func readDisplay(_ cursor: ObjectCursor, into credential: inout Credential) throws(Diagnostic) {
        var d = cursor
        try d.consumeTypes()
        credential.name = try d.localized("title")
        credential.description = try d.localized("description")
        if let primary = try concepts(&d, "primaryLanguage").first, let id = primary.id { credential.primaryLanguage = LanguageCode.bcp47(fromAlpha3: id) }
        _ = d.raw("language")
        _ = d.raw("id")
        // Page images and the summary display are kept for ELM output.
        for f in d.unreadMembers(family: Self.family).fields {
            credential.extensions.keep("displayParameter." + f.key, f.value, at: f.source, family: Self.family)
        }
    }

    // MARK: the person and the claims

    mutating func readPerson(_ s: inout ObjectCursor, into credential: inout Credential) throws(Diagnostic) {
        var learner = Learner(id: try s.string("id"))
        try s.consumeTypes()
        learner.givenName = try s.localized("givenName")
        learner.familyName = try s.localized("familyName")
        learner.fullName = try s.localized("fullName")
        learner.dateOfBirth = try s.string("dateOfBirth")
        let nationalIds = try s.objects("nationalID") + s.objects("nationalId")
        if let national = nationalIds.first {
            learner.identifiers.append(try legalIdentifier(national, kind: Identifier.Kind.nationalId))
        }
        for entry in try s.objects("identifier") { learner.identifiers.append(try identifier(entry)) }
        for contact in try s.objects("contactPoint") {
            var cp = contact
            try cp.consumeTypes()
            _ = cp.raw("id")
            for mailbox in try cp.objects("emailAddress") {
                var m = mailbox
                if let id = try m.string("id") {
                    if learner.email == nil {
                        learner.email = EmailAddress.plain(id)
                    } else {
                        report.lose(.jsonPointer((m.pointer / "id").description), "the model holds one email of the learner", code: .repeatedValue)
                    }
                }
            }
            for f in cp.unreadMembers(family: Self.family).fields { report.lose(f.source, "credconv keeps the learner's email, not other contact details", code: .notInModel) }
        }
        learner.gender = try concepts(&s, "gender").first
        learner.citizenship = try concepts(&s, "citizenshipCountry")
        if let place = try s.objects("placeOfBirth").first {
            var p = place
            learner.placeOfBirth = try concepts(&p, "spatialCode").first
            if learner.placeOfBirth == nil, var address = try p.objects("address").first { learner.placeOfBirth = try concepts(&address, "countryCode").first }
        }
        var claims: [ObjectCursor] = []
        let allClaims = try s.objects("hasClaim")
        for claim in allClaims {
            var probe = claim
            let types = try probe.types()
            if types.contains("LearningAchievement") {
                claims.append(claim)
            } else if allClaims.count > 1 {
                report.lose(.jsonPointer(claim.pointer.description), "credconv's model holds learning achievements; a \(types.joined(separator: ", ")) claim has no place", code: .notInModel)
            } else {
                claims.append(claim)
            }
        }
        if claims.isEmpty, let first = allClaims.first { claims = [first] }
        for (i, claim) in claims.enumerated() {
            var (achievement, assessment, awarding) = try learningAchievement(claim)
            if i == 0 {
                credential.assessment = assessment
                credential.awarding = awarding
                credential.awardedDate = awarding?.date
            } else {
                achievement.partAssessment = assessment
                achievement.partAwarding = awarding
            }
            if i == 0 { credential.achievement = achievement } else { credential.otherAchievements.append(achievement) }
        }
        learner.extensions = s.unreadMembers(family: Self.family)
        for f in learner.extensions.fields { report.lose(f.source, "credconv's model has no place for the person's \(f.key)", code: .notInModel) }
        learner.extensions = ExtensionBag()
        credential.learner = learner
    }

    /// A claim: `LearningAchievement` (others are reported), with its specification, assessment and awarding.
    mutating func learningAchievement(_ cursor: ObjectCursor) throws(Diagnostic) -> (Achievement, Assessment?, Awarding?) {
        var e = cursor
        let types = try e.types()
        if !types.contains("LearningAchievement") {
            report.warn(.nonconformingInput, "a claim of type \(types.joined(separator: ", ")) is read as a learning achievement", at: .jsonPointer(e.pointer.description))
        }
        var a = Achievement()
        if let spec = try e.objects("specifiedBy").first { a = try specification(spec) }
        a.awardId = try e.string("id")
        if let title = try e.localized("title") {
            if a.name != nil && a.name != title { a.specificationName = a.name }
            a.name = title
        }
        if let description = try e.localized("description") {
            if a.description != nil && a.description != description { a.specificationDescription = a.description }
            a.description = description
        }
        for note in try e.objects("additionalNote") { if let n = try self.note(note) { a.notes.append(n) } }
        var assessment: Assessment? = nil
        let assessments = try e.objects("provenBy")
        if let first = assessments.first { assessment = try self.assessment(first, into: &a) }
        for extra in assessments.dropFirst() { report.lose(.jsonPointer(extra.pointer.description), "one assessment per achievement is kept", code: .repeatedValue) }
        var awarding: Awarding? = nil
        if let process = try e.objects("awardedBy").first { awarding = try self.awarding(process) }
        for part in try e.objects("hasPart") {
            var (p, partAssessment, partAwarding) = try learningAchievement(part)
            p.partAssessment = partAssessment
            p.partAwarding = partAwarding
            a.parts.append(p)
        }
        for key in ["influencedBy", "entitlesTo", "isPartOf", "supplementaryDocument", "identifier", "creditReceived"] where e.has(key) {
            _ = e.raw(key)
            report.lose(.jsonPointer((e.pointer / key).description), "credconv's model has no place for the claim's \(key)", code: .notInModel)
        }
        for f in e.unreadMembers(family: Self.family).fields { report.lose(f.source, "credconv's model has no place for the claim's \(f.key)", code: .notInModel) }
        return (a, assessment, awarding)
    }

    mutating func awarding(_ cursor: ObjectCursor) throws(Diagnostic) -> Awarding {
        var p = cursor
        try p.consumeTypes()
        _ = p.raw("id")
        var a = Awarding()
        a.bodies = try organizations(&p, "awardingBody")
        a.date = try p.string("awardingDate")
        if var location = try p.objects("location").first {
            a.location = try location.localized("geographicName")
            if a.location == nil, var address = try location.objects("address").first {
                a.location = try concepts(&address, "countryCode").first?.label
            }
        }
        a.description = try p.localized("description")
        for f in p.unreadMembers(family: Self.family).fields { report.lose(f.source, "credconv keeps the awarding body, date, place and description", code: .notInModel) }
        return a
    }

    mutating func assessment(_ cursor: ObjectCursor, into a: inout Achievement) throws(Diagnostic) -> Assessment {
        var x = cursor
        try x.consumeTypes()
        var assessment = Assessment()
        assessment.id = try x.string("id")
        assessment.title = try x.localized("title")
        if let grade = try x.objects("grade").first {
            var g = grade
            try g.consumeTypes()
            _ = g.raw("id")
            assessment.grade = try g.localized("noteLiteral")
        }
        assessment.date = try x.string(anyOf: "dateIssued", "issuedDate")
        assessment.identityVerification = try concepts(&x, "idVerification").first
        if a.supervision == nil { a.supervision = assessment.identityVerification }
        assessment.assessor = try organizations(&x, "assessedBy").first
        if let spec = try x.objects("specifiedBy").first {
            var s = spec
            try s.consumeTypes()
            Self.skipLocalId(&s)
            if let specTitle = try s.localized("title") {
                // The specification carries the assessment's title (credconv writes it there too).
                if assessment.title == nil {
                    assessment.title = specTitle
                } else if assessment.title != specTitle {
                    report.lose(.jsonPointer((s.pointer / "title").description), "the assessment specification's title differs from the assessment's; the model holds one", code: .repeatedValue)
                }
            }
            if let type = try concepts(&s, "dcType").first {
                a.assessmentType = type
            } else if let description = try s.localized("description") {
                a.assessmentType = Concept(label: description)
            }
            if a.participationForm == nil { a.participationForm = try concepts(&s, "mode").first }
            if let scheme = try s.objects("gradingScheme").first {
                var g = scheme
                g.skip("type")  // GradingScheme
                let title = try g.localized("title")
                let description = try g.localized("description")
                assessment.gradingScheme = Concept(id: try g.string("id"), label: title ?? description)
            }
        }
        _ = x.raw("awardedBy")
        return assessment
    }

    /// The specifications another is part of, or has as parts, by id (IRIs or nodes; of a node given
    /// here, only its id is read).
    mutating func specificationLinks(_ s: inout ObjectCursor, _ key: String, as kind: AchievementRelation.Kind) throws(Diagnostic) -> [AchievementRelation] {
        guard let value = s.raw(key) else { return [] }
        let items = value.arrayValue ?? [value]
        var out: [AchievementRelation] = []
        for (i, item) in items.enumerated() {
            let pointer = value.arrayValue != nil ? s.pointer / key / i : s.pointer / key
            switch item {
            case .string(let iri): out.append(AchievementRelation(kind: kind, id: iri))
            case .object(let o):
                guard case .string(let iri)? = o["id"] else {
                    throw Diagnostic(.missingProperty, "a specification \(key) names its specification by id", at: .jsonPointer(pointer.description))
                }
                out.append(AchievementRelation(kind: kind, id: iri))
                if o.keys.contains(where: { $0 != "id" && $0 != "type" }) {
                    report.lose(.jsonPointer(pointer.description), "credconv keeps the link to the specification \(iri), not the description given here", code: .notInModel)
                }
            default:
                throw Diagnostic(.typeMismatch, "\(key) names specifications (IRIs or objects), not a \(item.typeName)", at: .jsonPointer(pointer.description))
            }
        }
        return out
    }

    /// A `Qualification` or `LearningAchievementSpecification`.
    mutating func specification(_ cursor: ObjectCursor) throws(Diagnostic) -> Achievement {
        var s = cursor
        try s.consumeTypes()
        var a = Achievement(id: try s.string("id"))
        a.name = try s.localized("title")
        a.description = try s.localized("description")
        a.specificationType = try concepts(&s, "dcType").first
        a.eqfLevel = try concepts(&s, "eqfLevel").first
        a.nqfLevels = try concepts(&s, "nqfLevel")
        a.thematicAreas = try concepts(&s, "thematicArea")
        for (i, credit) in try s.objects("creditPoint").enumerated() {
            var cp = credit
            try cp.consumeTypes()
            _ = cp.raw("id")
            let framework = try concepts(&cp, "framework").first
            guard let pointText = try cp.scalarText("point"), let point = NumberText(pointText) else {
                throw Diagnostic(.invalidValue, "credit points must be a number", at: .jsonPointer((cp.pointer / "point").description))
            }
            let credits = CreditPoints(value: point, system: framework.map(EUVocabulary.completed))
            if i == 0 { a.credits = credits } else { a.additionalCredits.append(credits) }
        }
        a.workload = try s.string("volumeOfLearning")
        a.duration = try s.string("maximumDuration")
        if let entry = try s.objects("entryRequirement").first { a.prerequisites = try note(entry)?.text }
        if let summary = try s.objects("learningOutcomeSummary").first { a.learningOutcomeSummary = try note(summary)?.text }
        a.isPartialQualification = try s.bool("isPartialQualification")
        for lo in try s.objects("learningOutcome") {
            var o = lo
            try o.consumeTypes()
            guard let title = try o.localized("title") else { throw o.missing("title") }
            var outcome = LearningOutcome(id: try o.string("id"), text: title)
            outcome.relatedSkills = try concepts(&o, "relatedESCOSkill") + concepts(&o, "relatedSkill")
            outcome.skillType = try concepts(&o, "dcType").first
            outcome.reuseLevel = try concepts(&o, "reusabilityLevel").first
            for f in o.unreadMembers(family: Self.family).fields { report.lose(f.source, "credconv keeps a learning outcome's title, skills, type and reuse level", code: .notInModel) }
            a.learningOutcomes.append(outcome)
        }
        a.learningSetting = try concepts(&s, "learningSetting").first
        let modes = try concepts(&s, "mode")
        a.participationForm = modes.first
        if modes.count > 1 { report.lose(.jsonPointer((s.pointer / "mode").description), "one mode of learning is kept", code: .repeatedValue) }
        a.languages = try concepts(&s, "language").compactMap { $0.id.flatMap(LanguageCode.bcp47(fromAlpha3:)) }
        for note in try s.objects("additionalNote") {
            guard let n = try self.note(note) else { continue }
            switch n.subject?.id {
            case QualificationTopics.pathways.id: a.stackability = n.text
            case QualificationTopics.qualityAssurance.id: a.qualityAssurance.append(QualityAssurance(note: n.text))
            default: a.notes.append(n)
            }
        }
        for page in try s.objects("homepage") {
            var p = page
            Self.skipLocalId(&p)
            p.skip("type")  // WebResource
            if let url = try p.string("contentURL") { a.homepages.append(url) }
        }
        for doc in try s.objects("supplementaryDocument") { var d = doc; if let url = try d.string("contentURL") { a.supplementaryDocuments.append(url) } }
        for accreditation in try s.objects("accreditation") {
            var q = accreditation
            try q.consumeTypes()
            var qa = QualityAssurance(id: try q.string("id"), type: try concepts(&q, "dcType").first)
            let title = try q.localized("title")
            let description = try q.localized("description")
            qa.note = description ?? title
            qa.body = try organizations(&q, "accreditingAgent").first
            qa.validUntil = try q.string("expiryDate")
            a.qualityAssurance.append(qa)
        }
        for identifier in try s.objects("identifier") { a.identifiers.append(try self.identifier(identifier)) }
        a.relations += try specificationLinks(&s, "isPartOf", as: .isPartOf) + specificationLinks(&s, "hasPart", as: .hasPart)
        for f in s.unreadMembers(family: Self.family).fields { report.lose(f.source, "credconv's model has no place for the specification's \(f.key)", code: .notInModel) }
        return a
    }

    // MARK: organisations and values

    /// The organisations a property names: objects, or IRIs of organisations described elsewhere in the
    /// document (JSON-LD node references); an IRI described nowhere is an organisation known by id only.
    mutating func organizations(_ c: inout ObjectCursor, _ key: String) throws(Diagnostic) -> [Organization] {
        guard let value = c.raw(key) else { return [] }
        let items: [JSONValue]
        if case .array(let a) = value { items = a } else { items = [value] }
        var out: [Organization] = []
        for (i, item) in items.enumerated() {
            let pointer = value.arrayValue != nil ? c.pointer / key / i : c.pointer / key
            switch item {
            case .object(let o):
                out.append(try organization(ObjectCursor(o, at: pointer).inheriting(c.defaultLanguage)))
            case .string(let iri):
                if let described = described[iri] {
                    out.append(try organization(ObjectCursor(described.object, at: described.pointer)))
                } else {
                    report.warn(.nonconformingInput, "the organisation \(iri) is named but not described in the document", at: .jsonPointer(pointer.description))
                    out.append(organizations[iri] ?? Organization(id: iri))
                }
            default:
                throw Diagnostic(.typeMismatch, "expected an organisation (an object or an IRI), found \(item.typeName)", at: .jsonPointer(pointer.description))
            }
        }
        return out
    }

    mutating func organization(_ cursor: ObjectCursor) throws(Diagnostic) -> Organization {
        var o = cursor
        let id = try o.string("id") ?? ""
        if let known = organizations[id], !id.isEmpty { return known }
        if followingOrganizations.contains(id) {
            throw Diagnostic(.invalidValue, "cyclic organisation reference: \((followingOrganizations + [id]).joined(separator: " → "))", at: .jsonPointer(o.pointer.description))
        }
        followingOrganizations.append(id)
        defer { followingOrganizations.removeLast() }
        try o.consumeTypes()
        var org = Organization(id: id.isEmpty ? nil : id)
        let legalName = try o.localized("legalName")
        let prefLabel = try o.localized("prefLabel")
        org.name = legalName ?? prefLabel
        if let alt = try o.localized("altLabel") { org.alternativeNames = [alt] }
        if let r = try o.objects("registration").first { org.identifiers.append(try legalIdentifier(r, kind: Identifier.Kind.registration)) }
        if let e = try o.objects("eIDASIdentifier").first { org.identifiers.append(try legalIdentifier(e, kind: Identifier.Kind.eIDAS)) }
        for v in try o.objects("vatIdentifier") { org.identifiers.append(try legalIdentifier(v, kind: Identifier.Kind.vat)) }
        for t in try o.objects("taxIdentifier") { org.identifiers.append(try legalIdentifier(t, kind: Identifier.Kind.tax)) }
        for i in try o.objects("identifier") { org.identifiers.append(try identifier(i)) }
        if let page = try o.objects("homepage").first { var p = page; org.url = try p.string("contentURL") }
        for contact in try o.objects("contactPoint") {
            var cp = contact
            for mailbox in try cp.objects("emailAddress") {
                var m = mailbox
                guard let mid = try m.string("id") else { continue }
                if org.email == nil {
                    org.email = EmailAddress.plain(mid)
                } else {
                    report.lose(.jsonPointer((m.pointer / "id").description), "the model holds one email per organisation", code: .repeatedValue)
                }
            }
            for phone in try cp.objects("phone") {
                var p = phone
                let number = try p.string("phoneNumber")
                if org.phone == nil { org.phone = number }
            }
        }
        if let location = try o.objects("location").first {
            var l = location
            var address = Address()
            address.locationName = try l.localized("geographicName")
            if var a = try l.objects("address").first {
                if let code = try concepts(&a, "countryCode").first {
                    address.country = code.id.flatMap(Country.init(anyCode:))
                    if address.country == nil { report.lose(.jsonPointer((a.pointer / "countryCode").description), "country code \(code.id ?? "") is not an ISO 3166 country", code: .valueNotExpressible) }
                }
                if let full = try a.objects("fullAddress").first { address.fullAddress = try note(full)?.text }
            }
            org.address = address
        }
        if let logo = try o.objects("logo").first { org.image = try mediaObject(logo) }
        if let parent = try organizations(&o, "subOrganizationOf").first { org.parent = Indirect(parent) }
        for key in ["groupMemberOf", "accreditation", "hasSubOrganization"] where o.has(key) {
            _ = o.raw(key)
            report.lose(.jsonPointer((o.pointer / key).description), "credconv's model has no place for the organisation's \(key)", code: .notInModel)
        }
        if !id.isEmpty { organizations[id] = org }
        return org
    }

    mutating func legalIdentifier(_ cursor: ObjectCursor, kind: String) throws(Diagnostic) -> Identifier {
        var i = cursor
        try i.consumeTypes()
        let notation = try i.requiredString("notation")
        var id = Identifier(value: notation, type: kind)
        if let spatial = try concepts(&i, "spatial").first, let iri = spatial.id {
            id.spatial = Country(anyCode: iri)?.alpha2 ?? iri
        }
        id.schemeName = try i.string("schemeName")
        return id
    }

    mutating func identifier(_ cursor: ObjectCursor) throws(Diagnostic) -> Identifier {
        var i = cursor
        try i.consumeTypes()
        var id = Identifier(value: try i.requiredString("notation"))
        id.schemeName = try i.string("schemeName")
        id.schemeID = try i.string("schemeId")
        id.schemeAgency = try i.localized("schemeAgency")?.best()
        id.issuedDate = try i.string("dateIssued")
        return id
    }

    /// Consumes a node's id when it is document-local (`urn:epass:note:1`, as EDC tools and credconv make
    /// them for nodes that need one): it names nothing outside the document, and writers make their own.
    /// Any other id is left for the reader to map, or for the ledger to report.
    static func skipLocalId(_ c: inout ObjectCursor) {
        if case .string(let id)? = c.object["id"], id.hasPrefix("urn:epass:") { c.skip("id") }
    }

    mutating func note(_ cursor: ObjectCursor) throws(Diagnostic) -> Note? {
        var n = cursor
        try n.consumeTypes()
        Self.skipLocalId(&n)
        guard var text = try n.localized("noteLiteral") else { return nil }
        if let format = try concepts(&n, "noteFormat").first, format.id?.hasSuffix("/HTML") == true || format.notation == "html" { text.format = .html }
        return Note(subject: try concepts(&n, "subject").first, text: text)
    }

    mutating func mediaObject(_ cursor: ObjectCursor) throws(Diagnostic) -> Image? {
        var m = cursor
        let type = try concepts(&m, "contentType").first?.id?.split(separator: "/").last.map(String.init) ?? ""
        let content = try m.string("content") ?? ""
        let mime = FileTypes.mime(forCode: type) ?? "application/octet-stream"
        if !content.isEmpty { return Image(id: "data:\(mime);base64,\(content)") }
        if let url = try m.string("contentURL") { return Image(id: url) }
        return nil
    }

    /// A Concept or an array of them.
    mutating func concepts(_ c: inout ObjectCursor, _ key: String) throws(Diagnostic) -> [Concept] {
        var out: [Concept] = []
        for cursor in try c.objects(key) {
            var o = cursor
            var concept = Concept(id: try o.string("id"))
            o.skip("type")  // Concept: what the property already says
            if let scheme = try o.idOrObject("inScheme") {
                concept.scheme = scheme.id
                if var s = scheme.object {
                    _ = try s.string("id")
                    s.skip("type")  // ConceptScheme
                    concept.schemeName = try s.localized("prefLabel")
                }
            }
            concept.notation = try o.scalarText("notation")
            concept.label = try o.localized("prefLabel")
            out.append(EUVocabulary.withoutPlaceholderNotation(concept))
        }
        return out
    }
}
