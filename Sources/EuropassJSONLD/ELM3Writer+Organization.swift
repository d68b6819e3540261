import CredconvJSON
import CredentialModel

extension ELM3WriteContext {
    /// An `Organisation`, written identically wherever it recurs (issuer, awarding body, assessor).
    func organization(_ org: Organization, role: String, isIssuer: Bool = false) -> JSONValue {
        if let written = writtenOrganizations.first(where: { $0.organization == org }) { return written.json }
        // The issuer named again (as awarding body or assessor) by id alone, or with less: one node, the issuer's.
        if !isIssuer, let issuer = credential.issuer, let id = org.id, id == issuer.id, org != issuer {
            return organization(issuer, role: "issuer", isIssuer: true)
        }
        var o = node("Organisation", id: nodeId(org.id, kind: "org"))
        if let name = languageMap(org.name, path: "\(role).name") {
            o.set("legalName", name)
        } else {
            report.warn(.valueMissing, "the \(role) has no name; ELM requires a legal name")
        }
        o.set("altLabel", ifPresent: languageMap(org.alternativeNames.first, path: "\(role).alternativeNames[0]"))
        if org.alternativeNames.count > 1 { report.lose(.modelPath("\(role).alternativeNames"), "one alternative name per ELM organisation is kept", code: .repeatedValue) }
        let country = org.address?.country
        var others: [JSONValue] = []
        var vat: [JSONValue] = [], tax: [JSONValue] = []
        for (i, identifier) in org.identifiers.enumerated() {
            let path = "\(role).identifiers[\(i)]"
            switch identifier.type {
            case Identifier.Kind.registration? where o["registration"] == nil:
                o.set("registration", legalIdentifier(identifier, fallbackCountry: country, path: path) ?? self.identifier(identifier, path: path))
            case Identifier.Kind.eIDAS? where o["eIDASIdentifier"] == nil:
                o.set("eIDASIdentifier", legalIdentifier(identifier, fallbackCountry: country, path: path) ?? self.identifier(identifier, path: path))
            case Identifier.Kind.vat?:
                if let v = legalIdentifier(identifier, fallbackCountry: country, path: path) { vat.append(v) } else { others.append(self.identifier(identifier, path: path)) }
            case Identifier.Kind.tax?:
                if let t = legalIdentifier(identifier, fallbackCountry: country, path: path) { tax.append(t) } else { others.append(self.identifier(identifier, path: path)) }
            default:
                others.append(self.identifier(identifier, path: path))
            }
        }
        o.set("vatIdentifier", ifPresent: many(vat))
        o.set("taxIdentifier", ifPresent: many(tax))
        o.set("identifier", ifPresent: many(others))
        if isIssuer, o["eIDASIdentifier"] == nil {
            if let registration = org.identifiers.first(where: { $0.type == Identifier.Kind.registration }),
                let legal = legalIdentifier(registration, fallbackCountry: country, path: "\(role).identifiers")
            {
                // ELM defines both as "the official identification number of the organisation, as awarded by
                // the relevant national authority": the registration number is that number.
                report.warn(.valueSubstituted, "the issuer's registration number \(registration.value) is also written as its eIDAS legal identifier, which the EDC shapes require of an issuer (ELM defines both as the official number awarded by the national authority)")
                o.set("eIDASIdentifier", legal)
            } else {
                report.warn(.valueMissing, "the issuer has no eIDAS identifier or registration number; the EDC shapes require one for the issuer (credconv does not make one up)")
            }
        }
        if let url = org.url { o.set("homepage", ifPresent: webResource(url, path: "\(role).url")) }
        if org.email != nil || org.phone != nil {
            var contact = node("ContactPoint", id: localId("contactPoint"))
            if let email = org.email { contact.set("emailAddress", .object(node("Mailbox", id: EmailAddress.mailtoIRI(email)))) }
            if let phone = org.phone {
                var p = node("Phone", id: localId("phone"))
                p.set("phoneNumber", .string(phone))
                contact.set("phone", .object(p))
            }
            o.set("contactPoint", .object(contact))
        }
        o.set("location", ifPresent: location(org.address, role: role))
        if let image = org.image { o.set("logo", ifPresent: mediaObject(image, path: "\(role).image")) }
        if let parent = org.parent { o.set("subOrganizationOf", organization(parent.value, role: "\(role).parent")) }
        if org.description != nil { report.lose(.modelPath("\(role).description"), "ELM v3 organisations have no description") }
        if org.official != nil { report.lose(.modelPath("\(role).official"), "ELM v3 organisations have no official") }
        for (i, _) in org.endorsements.enumerated() { report.lose(.modelPath("\(role).endorsements[\(i)]"), "ELM v3 has no endorsements") }
        for f in org.extensions.fields { report.lose(kept: f, "ELM v3 has no place for this \(f.family) property of the organisation", writerFamily: ELM3Reader.family) }
        writtenOrganizations.append((org, .object(o)))
        return .object(o)
    }

    /// The organisation's `Location`: an address with its country (which ELM requires) and full text.
    func location(_ address: Address?, role: String) -> JSONValue? {
        guard let address, let country = address.country else {
            if let code = address?.unlistedCountryCode {
                report.lose(.modelPath("\(role).address.unlistedCountryCode"), "\(code) is in no ISO 3166-1 list; ELM needs the EU country table's code, so the address is not written", code: .valueNotExpressible)
            }
            report.warn(.valueMissing, "the \(role) has no country; ELM wants a location with one (Annex I: country of the provider)")
            return nil
        }
        var a = node("Address", id: localId("address"))
        a.set("countryCode", ifPresent: countryConcept(country, path: "\(role).address.country"))
        var full = address.fullAddress
        if full == nil {
            let parts = [address.street, address.postOfficeBox, [address.postalCode, address.locality].compactMap { $0 }.joined(separator: " "), address.region]
                .compactMap { $0 }.filter { !$0.isEmpty }
            if !parts.isEmpty { full = LocalizedString(parts.joined(separator: ", ")) }
        }
        a.set("fullAddress", ifPresent: note(full, path: "\(role).address"))
        var l = node("Location", id: localId("location"))
        l.set("address", .object(a))
        l.set("geographicName", ifPresent: languageMap(address.locationName, path: "\(role).address.locationName"))
        for (field, value) in [("latitude", address.latitude), ("longitude", address.longitude)] where value != nil {
            report.lose(.modelPath("\(role).address.\(field)"), "credconv does not write ELM coordinates")
        }
        return .object(l)
    }

    /// A `LegalIdentifier` (it needs a country: its own or the organisation's); nil when neither is known.
    func legalIdentifier(_ id: Identifier, fallbackCountry: Country?, path: String) -> JSONValue? {
        guard let country = id.spatial.flatMap(Country.init(anyCode:)) ?? fallbackCountry else {
            report.warn(.valueMissing, "the \(id.type ?? "legal") identifier \(id.value) has no country; it is written as a plain identifier", at: .modelPath(path))
            return nil
        }
        var o = node("LegalIdentifier", id: localId("legalIdentifier"))
        o.set("notation", .string(id.value))
        o.set("spatial", ifPresent: countryConcept(country, path: path))
        o.set("schemeName", ifPresent: id.schemeName.map(JSONValue.string))
        return .object(o)
    }

    /// An `Identifier` with its scheme.
    func identifier(_ id: Identifier, path: String) -> JSONValue {
        var o = node("Identifier", id: localId("identifier"))
        o.set("notation", .string(id.value))
        o.set("schemeName", ifPresent: (id.schemeName ?? id.type.map { $0.hasPrefix("ext:") ? String($0.dropFirst(4)) : $0 }).map(JSONValue.string))
        if let scheme = id.schemeID {
            if isIRI(scheme) { o.set("schemeId", .string(scheme)) } else { report.lose(.modelPath("\(path).schemeID"), "an ELM scheme id is an IRI; \(scheme) is not one") }
        }
        if let agency = id.schemeAgency { o.set("schemeAgency", ifPresent: languageMap(LocalizedString(agency), path: "\(path).schemeAgency")) }
        o.set("dateIssued", ifPresent: dateTime(id.issuedDate, path: "\(path).issuedDate"))
        return .object(o)
    }
}
