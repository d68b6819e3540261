import CredconvJSON
import CredentialModel
import JSONMapping

extension OB3Reader {
    /// An issuer, creator or source: an IRI or a Profile object.
    func readProfileOrId(
        _ ref: (id: String?, object: ObjectCursor?), at pointer: JSONPointer, report: inout ConversionReport
    ) throws(Diagnostic) -> Organization {
        guard let object = ref.object else { return Organization(id: ref.id) }
        return try readProfile(object, report: &report)
    }

    /// A Profile object.
    func readProfile(_ cursor: ObjectCursor, report: inout ConversionReport) throws(Diagnostic) -> Organization {
        var o = cursor
        var org = Organization(id: try o.string("id"))
        try o.consumeTypes()
        let translations = try TranslationTable(&o)
        org.name = try translations.apply("name", try o.localized("name"))
        org.description = try translations.apply("description", try o.localized("description"))
        org.url = try o.string("url")
        org.email = try o.string("email")
        org.phone = try o.string("phone")
        org.official = try o.string("official")
        org.image = try readImage(&o, "image", report: &report)
        if let a = try o.object("address") { org.address = try readAddress(a, report: &report) }
        for entry in try o.objects("otherIdentifier") { org.identifiers.append(try readIdentifierEntry(entry)) }
        if let parent = try o.idOrObject("parentOrg") {
            org.parent = Indirect(try readProfileOrId(parent, at: o.pointer / "parentOrg", report: &report))
        }
        org.endorsements = try readEndorsements(&o, report: &report)
        org.extensions = o.unreadMembers(family: Self.family)
        return org
    }

    func readAddress(_ cursor: ObjectCursor, report: inout ConversionReport) throws(Diagnostic) -> Address {
        var o = cursor
        var a = Address()
        try o.consumeTypes()
        let translations = try TranslationTable(&o)
        // The schemas allow any string here (and an object, kept unread): a code outside the ISO list
        // is kept as written, with a warning.
        if case .string? = o.object["addressCountryCode"], let code = try o.string("addressCountryCode") {
            if let country = Country(alpha2: code.trimmingSpaces()) {
                a.country = country
            } else {
                a.unlistedCountryCode = code
                report.warn(.nonconformingInput, "\"\(code)\" is not an ISO 3166-1 alpha-2 country code; kept as written", at: .jsonPointer((o.pointer / "addressCountryCode").description))
            }
        }
        a.countryName = try translations.apply("addressCountry", try o.localized("addressCountry"))
        if let name = a.countryName, name.entries.count == 1, name.entries[0].text == a.country?.englishName {
            a.countryName = nil  // derivable from the code
        }
        a.region = try o.string("addressRegion")
        a.locality = try o.string("addressLocality")
        a.street = try o.string("streetAddress")
        a.postOfficeBox = try o.string("postOfficeBoxNumber")
        a.postalCode = try o.string("postalCode")
        if var geo = try o.object("geo") {
            try geo.consumeTypes()
            a.latitude = try geo.number("latitude")
            a.longitude = try geo.number("longitude")
        }
        a.fullAddress = try o.localized("fullAddress")
        a.locationName = try o.localized("locationName")
        a.extensions = o.unreadMembers(family: Self.family)
        return a
    }

    func readIdentifierEntry(_ cursor: ObjectCursor) throws(Diagnostic) -> Identifier {
        var o = cursor
        try o.consumeTypes()
        let value = try o.requiredString("identifier")
        var type = try o.string("identifierType")
        // Europass identifier kinds travel as ext: values.
        if let t = type, t.hasPrefix("ext:"), Identifier.Kind.europassKinds.contains(String(t.dropFirst(4))) { type = String(t.dropFirst(4)) }
        return Identifier(value: value, type: type)
    }
}
