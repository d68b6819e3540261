import CredconvJSON
import CredentialModel
import XMLSupport

/// Reading the value types of Europass XML: texts, notes, codes, identifiers, dates, media objects.
extension ELMReadContext {
    /// A `TextType` (`<text lang content-type>…`) as a multilingual string; HTML stays marked as HTML.
    func text(_ element: XMLElementView?) -> LocalizedString? {
        guard let element else { return nil }
        var entries: [LocalizedString.Entry] = []
        var isHTML = false
        for t in element.children("text") {
            let lang = t.attribute("lang") ?? LocalizedString.undetermined
            if t.attribute("content-type") == "text/html" { isHTML = true }
            entries.append(.init(language: lang, text: t.text))
        }
        guard !entries.isEmpty else { return nil }
        return LocalizedString(entries: entries, format: isHTML ? .html : .plain)
    }

    /// A `NoteType`: its text and its subjects.
    func note(_ element: XMLElementView) -> Note? {
        guard let text = text(element) else { return nil }
        let subject = element.child("subject").map { s -> Concept in
            Concept(id: s.attribute("uri")?.trimmingSpaces(), label: LocalizedString(s.text.trimmingSpaces()))
        }
        return Note(subject: subject, text: text)
    }

    /// A `CodeType` as a Concept: the IRI, the scheme, the notation, the labels and the scheme's name.
    /// A notation that only names the table (`targetNotation="country"`) is dropped, and so is the name
    /// of a scheme credconv knows (writers put the official one).
    func concept(_ element: XMLElementView?) -> Concept? {
        guard let element else { return nil }
        let scheme = element.attribute("targetFrameworkUrl")?.trimmingSpaces()
        var schemeName = text(element.child("targetFrameworkName"))
        if let scheme, EUVocabulary.schemeNames[scheme] != nil { schemeName = nil }
        return EUVocabulary.withoutPlaceholderNotation(Concept(
            id: element.attribute("uri")?.trimmingSpaces(),
            scheme: scheme,
            notation: element.attribute("targetNotation"),
            label: text(element.child("targetName")),
            schemeName: schemeName))
    }

    /// An `IdentifierType` with its scheme attributes.
    func identifier(_ element: XMLElementView, type: String? = nil) -> Identifier {
        var id = Identifier(value: element.text.trimmingSpaces(), type: type ?? element.attribute("type"))
        id.schemeID = element.attribute("schemeID")
        id.schemeName = element.attribute("schemeName")
        id.schemeAgency = element.attribute("schemeAgencyName")
        id.issuedDate = element.attribute("issuedDate")
        id.spatial = element.attribute("spatialID")
        return id
    }

    /// A BCP 47 tag from a language code (`…/language/ENG` → `en`), reporting codes it cannot convert.
    func language(_ element: XMLElementView) -> String? {
        guard let uri = element.attribute("uri") else { return nil }
        if let tag = LanguageCode.bcp47(fromAlpha3: uri) {
            XMLReadLedger.current?.consume(element)  // its labels are the authority table's
            return tag
        }
        report.lose(element.location, "language code \(uri) has no BCP 47 equivalent credconv knows", code: .valueNotExpressible)
        return nil
    }

    /// A `MediaObjectType` as an image: a `data:` URI of its content (the content URL is kept as its caption
    /// source when there is no content).
    func image(_ element: XMLElementView) -> Image? {
        let contentType = element.child("contentType")
        let fileType = contentType?.attribute("uri").flatMap { $0.split(separator: "/").last.map(String.init) } ?? ""
        if let contentType, FileTypes.mime(forCode: fileType) != nil { XMLReadLedger.current?.consume(contentType) }
        // The content is base64 (what Europass's one encoding code says), so the encoding is read with it.
        if let encoding = element.child("contentEncoding") { XMLReadLedger.current?.consume(encoding) }
        let mime = FileTypes.mime(forCode: fileType) ?? "application/octet-stream"
        let content = element.child("content")?.text.filter { !$0.isWhitespace } ?? ""
        if !content.isEmpty { return Image(id: "data:\(mime);base64,\(content)") }
        if let url = element.child("contentUrl")?.text.trimmingSpaces(), !url.isEmpty { return Image(id: url) }
        return nil
    }

    /// A date or date-time element's text.
    func date(_ element: XMLElementView?) -> String? {
        element.map { $0.text.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The URIs of `DocumentType` children (`homepage`, `supplementaryDoc`).
    func documentURIs(_ elements: [XMLElementView]) -> [String] {
        elements.compactMap { $0.attribute("uri")?.trimmingSpaces() }
    }

    /// A `LocationType`/`AddressType` as an address: location name, full address, country.
    /// Consumes an `<id>` child that is a document-local node id (`urn:epass:location:1`): it names nothing
    /// outside the document, and writers make their own.
    func skipLocalIdElement(_ element: XMLElementView) {
        guard let ledger = XMLReadLedger.current else { return }
        for id in element.childrenWithoutReading where id.name == "id" && id.textWithoutReading.trimmingSpaces().hasPrefix("urn:epass:") {
            ledger.consume(id)  // any other id stays for the ledger to report
        }
    }

    func address(location: XMLElementView) -> Address {
        skipLocalIdElement(location)
        var a = Address()
        a.locationName = text(location.child("name"))
        if let address = location.child("hasAddress") {
            a.fullAddress = address.child("fullAddress").flatMap { note($0)?.text }
            if let country = address.child("country") {
                a.country = country.attribute("uri").flatMap(Country.init(anyCode:))
                if a.country != nil { XMLReadLedger.current?.consume(country) }  // labels: the authority table's
                if a.country == nil { report.lose(country.location, "country code \(country.attribute("uri") ?? "") is not an ISO 3166 country", code: .valueNotExpressible) }
            }
        } else if let spatial = location.child("spatialCode") {
            a.country = spatial.attribute("uri").flatMap(Country.init(anyCode:))
        }
        return a
    }
}
