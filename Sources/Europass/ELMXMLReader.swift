import CredconvJSON
import CredentialModel
import XMLSupport

/// Reads Europass ELM v2 credential XML (`europassCredential`, schema 1.0, 1.1 and 1.2, also wrapped in a
/// `vp:verifiablePresentation`) into the model.
///
/// The id/idref graph is resolved (a dangling or cyclic reference is a located error); every text
/// becomes a multilingual string (HTML stays marked as HTML); every code becomes a Concept with its
/// labels. A `proof` with a signature is recorded as "sealed, not verified". Elements the model has no
/// place for are named in the report; the display parameters, attachments and identifiers of the
/// credential are kept for Europass XML output.
public struct ELMXMLReader: Sendable {
    /// The format family name recorded on kept extension fields.
    public static let family = "elm-xml"
    public var maxBytes: Int
    /// Whether what the reader did not read is listed as lost (the default). Off where only the model
    /// matters (the loss check reads outputs back), which spares the walk over the whole tree.
    public var listsUnread: Bool

    public init(maxBytes: Int = XMLTree.defaultMaxBytes, listsUnread: Bool = true) {
        self.maxBytes = maxBytes
        self.listsUnread = listsUnread
    }

    /// Parses and maps one document.
    public func read(_ bytes: [UInt8], report: inout ConversionReport) throws(Diagnostic) -> Credential {
        let tree: XMLTree
        do {
            tree = try XMLTree(parsing: bytes, maxBytes: maxBytes)
        } catch {
            throw Diagnostic(xml: error)
        }
        guard let root = tree.root else { throw Diagnostic(.invalidValue, "no root element", at: .position(line: 1, column: 1)) }
        return try read(root, report: &report)
    }

    /// Maps a parsed document.
    public func read(_ root: XMLElementView, report: inout ConversionReport) throws(Diagnostic) -> Credential {
        var document = root
        var wrapper: String? = nil
        if root.name == "verifiablePresentation" && root.namespaceURI == ELMNamespaces.vp {
            guard let inner = Self.firstDescendant(named: "europassCredential", namespace: ELMNamespaces.snb, in: root) else {
                throw Diagnostic(.invalidValue, "the verifiable presentation holds no europassCredential", at: .position(line: root.line, column: 1))
            }
            document = inner
            wrapper = "in a verifiable presentation"
        }
        guard document.name == "europassCredential", document.namespaceURI == ELMNamespaces.snb else {
            throw Diagnostic(.invalidValue, 
                "not a Europass credential: the root element is \(root.name) in \(root.namespaceURI.map { "namespace \($0)" } ?? "no namespace"), expected europassCredential in \(ELMNamespaces.snb)",
                at: .position(line: root.line, column: 1))
        }
        func map() throws(Diagnostic) -> (Credential, ELMReadContext) {
            XMLReadLedger.current?.visit(document)
            let context = try ELMReadContext(root: document, report: report)
            return (try context.credential(document, version: Self.schemaVersion(of: document), wrapper: wrapper), context)
        }
        let mapped: (Credential, ELMReadContext)
        var ledger: XMLReadLedger?
        if listsUnread {
            let (m, l) = try XMLReadLedger.withLedger { () throws(Diagnostic) -> (Credential, ELMReadContext) in try map() }
            mapped = m
            ledger = l
        } else {
            mapped = try map()
        }
        var credential = mapped.0
        let context = mapped.1
        if wrapper != nil {
            context.report.warn(.unwrapped, "the credential was unwrapped from a verifiable presentation; the presentation itself is not converted", at: root.location)
        }
        if let ledger { Self.reportUnread(ledger.unconsumed(in: document), report: &context.report) }
        report = context.report
        credential.provenance.sourceFormat = "elm-xml"
        return credential
    }

    /// Reports what no part of the reader read (an element, an attribute, a text) and nothing else named:
    /// the XML side of "nothing read can vanish".
    static func reportUnread(_ unread: [XMLReadLedger.Unread], report: inout ConversionReport) {
        let named = Set(report.diagnostics.compactMap { d -> String? in
            if case .xpath(let path, _)? = d.location { return path }
            return nil
        })
        /// The path or an element above it is named.
        func isNamed(_ path: String) -> Bool {
            var p = Substring(path)
            while !p.isEmpty {
                if named.contains(String(p)) { return true }
                guard let slash = p.lastIndex(of: "/") else { break }
                p = p[..<slash]
            }
            return false
        }
        for u in unread where !isNamed(u.path) {
            report.lose(.xpath(u.path, line: u.line), "credconv read nothing from this \(u.path.hasSuffix("text()") ? "text" : u.path.contains("/@") ? "attribute" : "element"): no model field holds it", code: .notInModel)
        }
    }

    /// `1.0`, `1.1` or `1.2` from the schema location file name (`@xsdVersion` is always 0.10.0).
    static func schemaVersion(of root: XMLElementView) -> String {
        let location = Array((root.attribute("schemaLocation", namespace: ELMNamespaces.xsi) ?? "").utf8)[...]
        if location.containsASCII("_1.2.xsd") { return "1.2" }
        if location.containsASCII("_1.1.xsd") { return "1.1" }
        if location.containsASCII("schema.xsd") { return "1.0" }  // genericschema.xsd too
        guard let available = root.child("availableLanguages") else { return "1.0" }
        // The languages the texts are in: writers derive them from the texts again.
        XMLReadLedger.current?.consume(available)
        return "1.1 or later"
    }

    static func firstDescendant(named name: String, namespace: String, in element: XMLElementView) -> XMLElementView? {
        for child in element.children {
            if child.name == name && child.namespaceURI == namespace { return child }
            if let found = firstDescendant(named: name, namespace: namespace, in: child) { return found }
        }
        return nil
    }

}

extension ELMReadContext {
    /// The root `europassCredential`.
    func credential(_ e: XMLElementView, version: String, wrapper: String?) throws(Diagnostic) -> Credential {
        var c = Credential(provenance: Provenance(sourceFormat: "elm-xml"))
        c.provenance.sourceVersion = "ELM v2 XML schema \(version)" + (wrapper.map { ", \($0)" } ?? "")
        guard let id = e.attribute("id", namespace: ELMNamespaces.cred) else {
            throw Diagnostic(.invalidValue, "europassCredential has no cred:id", at: .position(line: e.line, column: 1))
        }
        c.id = id
        c.provenance.originalId = id
        c.credentialType = concept(e.child("type"))
        c.primaryLanguage = e.child("primaryLanguage")?.text.trimmingSpaces()
        c.validFrom = date(e.child("validFrom", namespace: ELMNamespaces.cred))
        c.issued = date(e.child("issued", namespace: ELMNamespaces.cred))
        c.validUntil = date(e.child("validUntil", namespace: ELMNamespaces.cred))
        if let issuer = e.child("issuer", namespace: ELMNamespaces.cred) {
            c.issuer = try organization(reference: issuer)
        } else {
            throw Diagnostic(.invalidValue, "europassCredential has no cred:issuer", at: .position(line: e.line, column: 1))
        }
        c.name = text(e.child("title"))
        c.description = text(e.child("description"))
        guard let subject = e.child("credentialSubject") else {
            throw Diagnostic(.invalidValue, "europassCredential has no credentialSubject", at: .position(line: e.line, column: 1))
        }
        try readSubject(subject, into: &c)
        // Document structure the writers make again: the languages the texts are in (1.1+
        // availableLanguages, 1.0 language), and the fixed xsdVersion.
        for name in ["availableLanguages", "language"] { if let languages = e.child(name) { XMLReadLedger.current?.consume(languages) } }
        _ = e.attribute("xsdVersion")
        if let proof = e.child("proof") {
            XMLReadLedger.current?.consume(proof)  // the seal as a whole: "sealed, not verified", never carried over
        }
        if let proof = e.child("proof"), let signature = proof.children.first {
            let method = Self.firstText(named: "SignatureMethod", in: signature)
            c.provenance.signature = SignatureInfo(kind: .xades, detail: "XML-DSig/XAdES" + (method.map { " \($0)" } ?? ""))
        }
        // Reference sections are read through the references that point into them; what nothing points
        // at is reported by the read ledger (or below, for sections the model has no place for at all).
        keepUnread(e, in: &c.extensions, keep: ["identifier", "displayParameters", "attachmentList"])
        reportUnreferenced(e)
        return c
    }

    /// Reference sections whose entries nothing the model holds points at (activity specifications, …).
    private func reportUnreferenced(_ e: XMLElementView) {
        for section in ["learningActivitySpecificationReferences", "entitlementSpecificationReferences", "learningOpportunityReferences",
                        "semanticFrameworkReferences", "childCredentials"] {
            if let s = e.child(section) { report.lose(s.location, "credconv's model has no place for \(section)", code: .notInModel) }
        }
    }

    static func firstText(named name: String, in element: XMLElementView) -> String? {
        for child in element.children {
            if child.name == name { return child.attribute("Algorithm").map { $0.split(separator: "#").last.map(String.init) ?? $0 } }
            if let found = firstText(named: name, in: child) { return found }
        }
        return nil
    }

    // MARK: the person

    func readSubject(_ s: XMLElementView, into c: inout Credential) throws(Diagnostic) {
        var learner = Learner(id: s.attribute("id"))
        learner.identifiers = s.children("identifier").map { identifier($0) }
        for contact in s.children("contactPoint") {
            for mailbox in contact.children("mailBox") {
                guard let uri = mailbox.attribute("uri") else { continue }
                let address = EmailAddress.plain(uri)
                if learner.email == nil { learner.email = address } else { report.lose(mailbox.location, "only one learner email is kept", code: .repeatedValue) }
            }
            for child in contact.children where child.name != "mailBox" {
                report.lose(child.location, "credconv keeps the learner's email, not other contact details", code: .notInModel)
            }
        }
        if let national = s.child("nationalId") { learner.identifiers.append(identifier(national, type: Identifier.Kind.nationalId)) }
        learner.fullName = text(s.child("fullName"))
        learner.givenName = text(s.child("givenNames"))
        learner.familyName = text(s.child("familyName"))
        learner.dateOfBirth = date(s.child("dateOfBirth"))
        if let place = s.child("placeOfBirth") {
            skipLocalIdElement(place)
            learner.placeOfBirth = concept(place.child("spatialCode")) ?? place.child("hasAddress").flatMap { concept($0.child("country")) }
            if learner.placeOfBirth == nil { report.lose(place.location, "a place of birth without a country or region code") }
        }
        learner.gender = concept(s.child("gender"))
        learner.citizenship = s.children("citizenshipCountry").compactMap { concept($0) }
        var achievements: [Achievement] = []
        if let list = s.child("achievements") {
            for (i, element) in list.children.enumerated() {
                guard element.name == "learningAchievement" || element.name == "qualificationAward" else { continue }
                var (achievement, assessment) = try learningAchievement(element)
                if i == 0 {
                    c.assessment = assessment
                    if let awarding = try awarding(of: element) { c.awarding = awarding }
                } else {
                    achievement.partAssessment = assessment
                    achievement.partAwarding = try awarding(of: element)
                }
                achievements.append(achievement)
            }
        }
        c.achievement = achievements.first
        c.otherAchievements = Array(achievements.dropFirst())
        if let awarded = c.awarding?.date { c.awardedDate = awarded }
        c.learner = learner
    }

    // MARK: organisations

    /// The organisation a `cred:issuer`, `awardingBody`, `assessedBy` … element refers to.
    func organization(reference: XMLElementView) throws(Diagnostic) -> Organization {
        let target = try resolve(reference, expecting: ["organization"])
        return try organization(target)
    }

    func organization(_ e: XMLElementView) throws(Diagnostic) -> Organization {
        let id = e.attribute("id") ?? ""
        if let known = organizations[id] { return known }
        return try following(id, at: e) { () throws(Diagnostic) -> Organization in
            var org = Organization(id: id.isEmpty ? nil : id)
            org.identifiers = e.children("identifier").map { identifier($0) }
            // credconv writes the organisation's own id where the registration number is unknown: that is no registration.
            if let registration = e.child("registration"), registration.text.trimmingSpaces() != id {
                org.identifiers.append(identifier(registration, type: Identifier.Kind.registration))
            }
            org.identifiers += e.children("vatIdentifier").map { identifier($0, type: Identifier.Kind.vat) }
            org.identifiers += e.children("taxIdentifier").map { identifier($0, type: Identifier.Kind.tax) }
            org.name = text(e.child("prefLabel"))
            org.alternativeNames = e.children("altLabel").compactMap { text($0) }
            let homepages = documentURIs(e.children("homepage"))
            org.url = homepages.first
            for extra in e.children("homepage").dropFirst() { report.lose(extra.location, "one home page per organisation is kept", code: .repeatedValue) }
            for contact in e.children("contactPoint") {
                for child in contact.children {
                    switch child.name {
                    case "mailBox" where org.email == nil:
                        org.email = child.attribute("uri").map(EmailAddress.plain)
                    case "phone" where org.phone == nil:
                        org.phone = child.child("phoneNumber")?.text.trimmingSpaces()
                    case "webresource" where org.url == nil:
                        org.url = child.attribute("uri")
                    default:
                        report.lose(child.location, "credconv keeps one email, phone and web address per organisation", code: .notInModel)
                    }
                }
            }
            let locations = e.children("hasLocation")
            if let first = locations.first { org.address = address(location: first) }
            for extra in locations.dropFirst() { report.lose(extra.location, "one location per organisation is kept", code: .repeatedValue) }
            if let unit = e.child("unitOf") { org.parent = Indirect(try organization(reference: unit)) }
            if let logo = e.child("logo") { org.image = image(logo) }
            if !id.isEmpty { organizations[id] = org }
            return org
        }
    }
}

extension Diagnostic {
    /// An XML document libxml2 refused, located: malformed or with a DOCTYPE (`data.xml-syntax`), too
    /// large (`data.limit-exceeded`), empty.
    public init(xml failure: XMLFailure) {
        switch failure {
        case .doctypeForbidden(let line):
            self.init(.xmlSyntax, "DOCTYPE is not allowed: credconv processes no DTDs or entities", at: .position(line: line, column: 1))
        case .malformed(let issues):
            let first = issues.first
            self.init(.xmlSyntax, "not well-formed XML: \(first?.message ?? "unknown error")",
                      at: .position(line: max(first?.line ?? 1, 1), column: max(first?.column ?? 1, 1)))
        case .tooLarge(let limit):
            self.init(.limitExceeded, "input larger than \(limit) bytes (the size cap)")
        case .empty:
            self.init(.unknownInput, "empty input: no XML document", at: .position(line: 1, column: 1))
        case .schemaUnusable:
            self.init(.usage, failure.description)
        }
    }
}
