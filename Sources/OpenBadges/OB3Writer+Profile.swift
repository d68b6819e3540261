import CredconvJSON
import CredentialModel

extension OB3WriteContext {
    /// A Profile object (issuer, creator, source, endorser, parent organisation); `role` names it in
    /// messages, `path` is its model path, where the losses are reported.
    func profileObject(_ org: Organization, role: String, at path: String, report: inout ConversionReport) -> JSONObject {
        var o = JSONObject()
        var translations = JSONObject()
        o.set("id", .string(org.id ?? generatedId("\(role) id", report: &report)))
        o.set("type", .array([.string("Profile")]))
        if let name = org.name { o.set("name", text(name, "name", into: &translations)) }
        o.set("url", ifPresent: org.url.map(JSONValue.string))
        o.set("phone", ifPresent: org.phone.map(JSONValue.string))
        if let d = org.description { o.set("description", text(d, "description", into: &translations)) }
        writeEndorsements(org.endorsements, into: &o, at: "\(path).endorsements", report: &report)
        if let image = org.image { o.set("image", imageObject(image, at: "\(path).image", report: &report)) }
        o.set("email", ifPresent: org.email.map(JSONValue.string))
        if let address = org.address { o.set("address", .object(addressObject(address, report: &report))) }
        if !org.identifiers.isEmpty {
            o.set("otherIdentifier", .array(org.identifiers.enumerated().map { i, id in
                identifierEntry(id, at: "\(path).identifiers[\(i)]", report: &report)
            }))
        }
        o.set("official", ifPresent: org.official.map(JSONValue.string))
        if let parent = org.parent { o.set("parentOrg", .object(profileObject(parent.value, role: "\(role) parent organisation", at: "\(path).parent", report: &report))) }
        if !org.alternativeNames.isEmpty {
            report.lose(.modelPath("\(path).alternativeNames"), "Open Badges 3.0 has no alternative names for a profile")
        }
        finishTranslations(&o, translations)
        writeExtensions(org.extensions, into: &o, report: &report)
        return o
    }

    func addressObject(_ a: Address, report: inout ConversionReport) -> JSONObject {
        var o = JSONObject()
        var translations = JSONObject()
        o.set("type", .array([.string("Address")]))
        if let name = a.countryName {
            o.set("addressCountry", text(name, "addressCountry", into: &translations))
        } else if let country = a.country {
            o.set("addressCountry", .string(country.englishName))
        }
        o.set("addressCountryCode", ifPresent: (a.country?.alpha2 ?? a.unlistedCountryCode).map(JSONValue.string))
        o.set("addressRegion", ifPresent: a.region.map(JSONValue.string))
        o.set("addressLocality", ifPresent: a.locality.map(JSONValue.string))
        o.set("streetAddress", ifPresent: a.street.map(JSONValue.string))
        o.set("postOfficeBoxNumber", ifPresent: a.postOfficeBox.map(JSONValue.string))
        o.set("postalCode", ifPresent: a.postalCode.map(JSONValue.string))
        if let lat = a.latitude, let lon = a.longitude {
            o.set("geo", .object(JSONObject(["type": .string("GeoCoordinates"), "latitude": lat.jsonValue, "longitude": lon.jsonValue])))
        }
        if let full = a.fullAddress { setExtension(&o, "fullAddress", textJSON(full)) }
        if let name = a.locationName { setExtension(&o, "locationName", textJSON(name)) }
        finishTranslations(&o, translations)
        writeExtensions(a.extensions, into: &o, report: &report)
        return o
    }

    /// An IdentifierEntry; a type outside OB 3.0's enumeration is written as an `ext:` value.
    func identifierEntry(_ id: Identifier, at path: String, report: inout ConversionReport) -> JSONValue {
        var o = JSONObject()
        o.set("type", .string("IdentifierEntry"))
        o.set("identifier", .string(id.value))
        o.set("identifierType", .string(Self.identifierType(id.type)))
        for (field, value) in [("schemeID", id.schemeID), ("schemeName", id.schemeName), ("schemeAgency", id.schemeAgency),
                               ("issuedDate", id.issuedDate), ("spatial", id.spatial)] where value != nil {
            report.lose(.modelPath("\(path).\(field)"), "an Open Badges 3.0 IdentifierEntry has only the identifier and its type")
        }
        return .object(o)
    }

    static let identifierTypes: Set<String> = [
        "name", "sourcedId", "systemId", "productId", "userName", "accountId", "emailAddress", "nationalIdentityNumber",
        "isbn", "issn", "lisSourcedId", "oneRosterSourcedId", "sisSourcedId", "ltiContextId", "ltiDeploymentId",
        "ltiToolId", "ltiPlatformId", "ltiUserId", "identifier",
    ]

    /// An `identifierType` / `identityType`: listed, else its `ext:` form; `identifier` (the generic
    /// type) when there is none.
    static func identifierType(_ type: String?) -> String {
        guard let type, !type.isEmpty else { return "identifier" }
        if identifierTypes.contains(type) { return type }
        return extValue(type) ?? "identifier"
    }

    /// An Image object; `path` is the image's model path, where losses are reported.
    func imageObject(_ image: Image, at path: String, report: inout ConversionReport) -> JSONValue {
        var o = JSONObject()
        o.set("id", .string(image.id))
        o.set("type", .string("Image"))
        if let caption = image.caption {
            if caption.entries.count > 1 {
                report.lose(.modelPath("\(path).caption"), "an Image caption holds one language; \(caption.languages.dropFirst().joined(separator: ", ")) dropped")
            }
            o.set("caption", .string(caption.best(preferring: preferredLanguages)))
        }
        for f in image.extensions.fields {
            report.lose(kept: f, "an Open Badges 3.0 Image has only id, type and caption", writerFamily: OB3Reader.family)
        }
        return .object(o)
    }

    func evidenceObject(_ e: Evidence, report: inout ConversionReport) -> JSONValue {
        var o = JSONObject()
        var translations = JSONObject()
        o.set("id", ifPresent: e.id.map(JSONValue.string))
        o.set("type", .array([.string("Evidence")] + e.types.map(JSONValue.string)))
        if let n = e.name { o.set("name", text(n, "name", into: &translations)) }
        if let d = e.description { o.set("description", text(d, "description", into: &translations)) }
        if let n = e.narrative { o.set("narrative", text(n, "narrative", into: &translations)) }
        o.set("genre", ifPresent: e.genre.map(JSONValue.string))
        o.set("audience", ifPresent: e.audience.map(JSONValue.string))
        finishTranslations(&o, translations)
        writeExtensions(e.extensions, into: &o, report: &report)
        return .object(o)
    }

    /// Endorsements: embedded EndorsementCredentials pass unchanged (their own proofs stay valid);
    /// ones known only by their fields are rebuilt, unsigned; JWTs go to `endorsementJwt`.
    func writeEndorsements(_ endorsements: [Endorsement], into o: inout JSONObject, at path: String, report: inout ConversionReport) {
        var documents: [JSONValue] = []
        var jwts: [JSONValue] = []
        for (i, e) in endorsements.enumerated() {
            // Where the endorsement was in the source (a JSON pointer the reader kept), else its model path.
            let where_: SourceLocation = e.sourcePath.map { .jsonPointer($0) } ?? .modelPath("\(path)[\(i)]")
            if let document = e.document, Self.isCurrentEndorsement(document) {
                documents.append(document)
            } else if let jwt = e.jwt {
                jwts.append(.string(jwt))
            } else if let rebuilt = rebuiltEndorsement(e) {
                if e.document != nil {
                    report.warn(.writtenDifferently, "endorsement rewritten as a VCDM 2.0 EndorsementCredential; its own proof does not survive", at: where_)
                }
                documents.append(rebuilt)
            } else {
                report.lose(where_, "the endorsement is not a VCDM 2.0 EndorsementCredential and lacks the id, name, issuer, date or subject to rebuild one")
            }
        }
        if !documents.isEmpty { o.set("endorsement", .array(documents)) }
        if !jwts.isEmpty { o.set("endorsementJwt", .array(jwts)) }
    }

    /// True when an embedded endorsement can pass unchanged: VCDM 2.0 with the properties OB 3.0 requires.
    static func isCurrentEndorsement(_ document: JSONValue) -> Bool {
        guard case .object(let o) = document, case .array(let contexts)? = o["@context"],
            contexts.first?.stringValue == OB3Vocabulary.credentialsV2Context
        else { return false }
        return ["id", "name", "issuer", "validFrom", "credentialSubject"].allSatisfy { o[$0] != nil }
    }

    private func rebuiltEndorsement(_ e: Endorsement) -> JSONValue? {
        guard let id = e.id, let name = e.name, let issuer = e.issuer, let issuerId = issuer.id, let validFrom = e.validFrom,
            let subjectId = e.subjectId
        else { return nil }
        var o = JSONObject()
        o.set("@context", .array([.string(OB3Vocabulary.credentialsV2Context), .string(OB3Vocabulary.obContext)]))
        o.set("id", .string(id))
        o.set("type", .array([.string("VerifiableCredential"), .string("EndorsementCredential")]))
        o.set("name", .string(name.best(preferring: preferredLanguages)))
        var issuerObject = JSONObject()
        issuerObject.set("id", .string(issuerId))
        issuerObject.set("type", .array([.string("Profile")]))
        if let n = issuer.name { issuerObject.set("name", .string(n.best(preferring: preferredLanguages))) }
        o.set("issuer", .object(issuerObject))
        o.set("validFrom", .string(validFrom))
        o.set("validUntil", ifPresent: e.validUntil.map(JSONValue.string))
        var s = JSONObject()
        s.set("id", .string(subjectId))
        s.set("type", .array([.string("EndorsementSubject")]))
        if let c = e.comment { s.set("endorsementComment", .string(c.best(preferring: preferredLanguages))) }
        o.set("credentialSubject", .object(s))
        return .object(o)
    }
}
