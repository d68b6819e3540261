import CredentialModel
import QRCode

/// Writes a printable, self-contained HTML5 certificate of a credential.
///
/// One page on A4 (or Letter), inline CSS, no fetch of any kind, no script: a Content-Security-Policy
/// forbids scripts, and every value is escaped by ``HTMLEscaping``. Links are only http(s) and mailto;
/// images only raster `data:` URLs or https URLs. It shows every EU micro-credential element the
/// credential holds, a verification block that states the signature situation in plain words, and a QR
/// code of the credential's id. The machine-readable credential (given by the caller, normally its Open
/// Badges 3.0 form) is embedded as `<script type="application/ld+json" id="credconv-credential">`, so the
/// certificate can be read back.
public struct HTMLCertificateWriter: Sendable {
    /// The id of the embedded data element.
    public static let dataElementId = "credconv-credential"

    public var options: HTMLCertificateOptions

    public init(options: HTMLCertificateOptions = HTMLCertificateOptions()) { self.options = options }

    /// Writes the certificate.
    /// - Parameters:
    ///   - embeddedJSON: the machine-readable credential, already JSON text with `<`, `>` and `&` escaped.
    public func write(_ credential: Credential, embeddedJSON: String?, report: inout ConversionReport) -> [UInt8] {
        var page = CertificatePage(credential: credential, options: options)
        let html = page.render(embeddedJSON: embeddedJSON)
        for warning in page.warnings { report.add(warning) }
        return Array(html.utf8)
    }
}

/// The state of rendering one certificate.
struct CertificatePage {
    let credential: Credential
    let options: HTMLCertificateOptions
    let labels: CertificateLabels
    let languages: [String]
    var warnings: [Diagnostic] = []
    var b = HTMLBuilder()

    init(credential: Credential, options: HTMLCertificateOptions) {
        self.credential = credential
        self.options = options
        let preferred = options.language ?? credential.primaryLanguage
        labels = CertificateLabels(language: preferred)
        languages = [options.language, credential.primaryLanguage, "en"].compactMap { $0 }
    }

    // MARK: values

    /// The best text of a value for the reader; HTML-typed texts become plain text.
    mutating func text(_ s: LocalizedString?, _ what: String) -> String? {
        guard let s, !s.isEmpty else { return nil }
        let t = s.plainText(preferring: languages)
        warnIfBidiControls(t, what)
        return t
    }

    mutating func warnIfBidiControls(_ t: String, _ what: String) {
        if HTMLEscaping.hasBidiControls(t) {
            warnings.append(Diagnostic(.unsafeContentRemoved, "bidirectional control characters removed from the \(what)"))
        }
    }

    mutating func checkBidiControls(in v: AchievementElementValues) {
        let named: [(String?, String)] = [
            (v.workload, "workload"), (v.level, "level"), (v.assessmentType, "assessment type"), (v.participation, "form of participation"),
            (v.qualityAssurance, "quality assurance"), (v.prerequisites, "prerequisites"), (v.supervision, "supervision"),
            (v.grade, "grade"), (v.stackability, "stackability"),
        ]
        for case let (value?, what) in named { warnIfBidiControls(value, what) }
    }

    mutating func concept(_ c: Concept?, _ what: String) -> String? {
        guard let c else { return nil }
        return text(c.label, what) ?? c.notation ?? c.id
    }

    static func day(_ date: String?) -> String? {
        guard let date else { return nil }
        return String(date.prefix(10))
    }

    // MARK: the page

    mutating func render(embeddedJSON: String?) -> String {
        let c = credential
        let a = c.achievement
        let title = text(c.name, "credential name") ?? text(a?.name, "achievement name") ?? ""
        b.trusted("<!DOCTYPE html>\n")
        b.open("html", [("lang", labels.language)])
        b.newline()
        b.open("head")
        b.void("meta", [("charset", "utf-8")])
        b.void("meta", [("http-equiv", "Content-Security-Policy"),
                        ("content", "default-src 'none'; img-src data: https:; style-src 'unsafe-inline'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")])
        b.void("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
        b.void("meta", [("name", "generator"), ("content", options.generator)])
        b.void("meta", [("name", "referrer"), ("content", "no-referrer")])
        b.element("title", text: title)
        b.open("style")
        b.trusted(CertificateStyle.css(paper: options.paper))
        b.close("style")
        b.close("head")
        b.newline()
        b.open("body")
        b.open("main", [("class", "certificate")])
        header(title: title)
        award()
        transcript()
        details()
        outcomes()
        verification()
        b.close("main")
        b.newline()
        if let embeddedJSON {
            b.open("script", [("type", "application/ld+json"), ("id", HTMLCertificateWriter.dataElementId)])
            // Written with < > & as \u escapes by the caller, so it cannot close the element.
            b.trusted(embeddedJSON.replacingAll("<", with: "\\u003c").replacingAll(">", with: "\\u003e"))
            b.close("script")
            b.newline()
        }
        b.close("body")
        b.close("html")
        b.newline()
        return b.html
    }

    mutating func image(_ image: Image?, alt: String, cssClass: String, what: String) {
        guard let image else { return }
        guard let url = HTMLEscaping.imageURL(image.id) else {
            warnings.append(Diagnostic(.unsafeContentRemoved, "the \(what) is not a raster data: image or an https URL; not shown (\(image.id.prefix(40))…)"))
            return
        }
        if !options.showsRemoteImages && !url.hasPrefix("data:") { return }
        b.void("img", [("src", url), ("alt", alt), ("class", cssClass)])
    }

    mutating func link(_ url: String, label: String? = nil, what: String) {
        if let safe = HTMLEscaping.linkURL(url) {
            b.element("a", [("href", safe), ("rel", "noopener noreferrer")], text: label ?? safe)
        } else {
            // Dropped: a javascript:, data: or relative URL is neither a link nor worth printing.
            warnings.append(Diagnostic(.unsafeContentRemoved, "the \(what) is not an http(s) or mailto URL and was dropped: \(url.prefix(40))"))
            if let label { b.text(label) }
        }
    }

    mutating func header(title: String) {
        let issuerName = text(credential.issuer?.name, "issuer name") ?? credential.issuer?.id ?? ""
        b.open("header")
        image(credential.issuer?.image, alt: issuerName, cssClass: "logo", what: "issuer's logo")
        b.open("div")
        b.element("div", [("class", "issuer-name")], text: issuerName)
        b.element("h1", text: title)
        b.close("div")
        b.close("header")
        b.newline()
    }

    mutating func award() {
        let c = credential
        let l = c.learner
        var learner = text(l.fullName, "learner's name")
        if learner == nil {
            learner = [text(l.givenName, "learner's given name"), text(l.familyName, "learner's family name")].compactMap { $0 }.joined(separator: " ")
        }
        if learner?.isEmpty ?? true { learner = l.email ?? l.id ?? l.identities.first.map { $0.hashed ? "—" : $0.identityHash } }
        b.open("section", [("class", "award")])
        b.element("p", text: labels[.certifies])
        b.element("p", [("class", "learner")], text: learner ?? "—")
        if let dob = l.dateOfBirth { b.element("p", text: "\(labels[.dateOfBirth]): \(Self.day(dob) ?? dob)") }
        b.element("p", text: labels[.awarded])
        guard c.otherAchievements.isEmpty else {
            // A transcript: the achievements are in the table that follows.
            b.element("p", [("class", "achievement")], text: labels[.achievementsBelow])
            b.close("section")
            b.newline()
            return
        }
        let achievementName = text(c.achievement?.name, "achievement name") ?? text(c.name, "credential name") ?? ""
        b.element("p", [("class", "achievement")], text: achievementName)
        image(c.achievement?.image ?? c.image, alt: achievementName, cssClass: "achievement-image", what: "achievement image")
        if let d = text(c.achievement?.description ?? c.description, "description") { b.element("p", [("class", "description")], text: d) }
        b.close("section")
        b.newline()
    }

    /// The Annex I elements and the Open Badges details, as a definition list (only those present).
    mutating func details() {
        let c = credential
        let a = c.achievement
        var rows: [(CertificateLabels.Key, String)] = []
        func add(_ key: CertificateLabels.Key, _ value: String?) {
            if let value, !value.isEmpty { rows.append((key, value)) }
        }
        add(.issuedBy, text(c.issuer?.name, "issuer name"))
        let bodies = c.awarding?.bodies.compactMap { text($0.name, "awarding body") }.joined(separator: "; ")
        if bodies != text(c.issuer?.name, "issuer name") { add(.awardingBody, bodies) }
        add(.country, MicroCredentialElements.issuerCountry(of: c, preferring: [labels.language] + languages))
        add(.dateOfIssue, Self.day(c.dateOfIssue?.value))
        if let awarded = c.dateAwarded, Self.day(awarded) != Self.day(c.dateOfIssue?.value) { add(.awardedOn, Self.day(awarded)) }
        add(.validUntil, Self.day(c.validUntil))
        if let type = a?.achievementType { add(.achievementType, type.hasPrefix("ext:") ? String(type.dropFirst(4)) : type) }
        // The Annex I values are the shared projection `check` and the Open Badges 3.0 summary use, in
        // this page's words.
        let v = a.map { MicroCredentialElements.values(of: $0, assessment: c.assessment, preferring: languages, wording: labels.elementWording) }
            ?? AchievementElementValues()
        checkBidiControls(in: v)
        add(.workload, v.workload)
        add(.level, v.level)
        add(.assessment, v.assessmentType)
        add(.participation, v.participation)
        add(.qualityAssurance, v.qualityAssurance)
        add(.prerequisites, v.prerequisites)
        add(.supervision, v.supervision)
        add(.grade, v.grade)
        add(.stackability, v.stackability)
        var fields: [String] = [text(a?.fieldOfStudy, "field of study")].compactMap { $0 }
        for area in a?.thematicAreas ?? [] {
            if let label = concept(area, "field of education"), !fields.contains(label) { fields.append(label) }
        }
        add(.fieldOfStudy, fields.joined(separator: "; "))
        add(.languages, a?.languages.map { LanguageCode.name(ofBCP47: $0, in: labels.language) ?? $0 }.joined(separator: ", "))
        add(.criteria, text(a?.criteria?.narrative, "criteria"))
        let skills = a?.alignments.compactMap { text($0.targetName, "alignment") } ?? []
        add(.skills, skills.joined(separator: "; "))
        let results = c.results.compactMap { r -> String? in
            let name = a?.resultDescriptions.first { $0.id == r.resultDescription }.flatMap { text($0.name, "result") }
            let value = r.value ?? r.status
            return value.map { (name.map { "\($0): " } ?? "") + $0 }
        }
        add(.results, results.joined(separator: "\n"))
        add(.endorsements, c.endorsements.compactMap { text($0.issuer?.name, "endorser") }.joined(separator: "; "))
        add(.endorsementComment, text(c.endorsementComment, "endorsement comment"))
        // Further achievements are in the transcript table; parts of the achievement are listed here.
        let parts = (a?.parts ?? []).compactMap { part -> String? in
            guard let name = text(part.name, "part") else { return nil }
            var line = name
            if let credits = part.credits { line += " — \(credits.value) " + (credits.isECTS ? labels[.ects] : labels[.credits]) }
            if let grade = text(part.partAssessment?.grade, "grade") { line += " — \(labels[.grade]): \(grade)" }
            return line
        }
        add(.parts, parts.joined(separator: " · "))
        guard !rows.isEmpty || !(a?.homepages.isEmpty ?? true) || !c.evidence.isEmpty else { return }
        b.open("section", [("class", "details")])
        // On a transcript the details are those of its first achievement: say which.
        let first = c.otherAchievements.isEmpty ? nil : text(a?.name, "achievement name")
        b.element("h2", text: labels[.details] + (first.map { ": \($0)" } ?? ""))
        b.open("dl", [("class", "facts")])
        for (key, value) in rows {
            b.open("div", value.count > 120 ? [("class", "wide")] : [])
            b.element("dt", text: labels[key])
            b.element("dd", text: value)
            b.close("div")
        }
        let links = (a?.homepages ?? []) + (a?.supplementaryDocuments ?? []) + [a?.criteria?.id].compactMap { $0 }
        if !links.isEmpty {
            b.open("div", [("class", "wide")])
            b.element("dt", text: labels[.furtherInformation])
            b.open("dd")
            for (i, url) in links.enumerated() {
                if i > 0 { b.text(" · ") }
                link(url, what: "further-information link")
            }
            for note in a?.notes ?? [] { b.text("\n" + (text(note.text, "note") ?? "")) }
            b.close("dd")
            b.close("div")
        }
        if !c.evidence.isEmpty {
            b.open("div", [("class", "wide")])
            b.element("dt", text: labels[.evidence])
            b.open("dd")
            for (i, e) in c.evidence.enumerated() {
                if i > 0 { b.text(" · ") }
                let label = text(e.name, "evidence") ?? e.id ?? "—"
                if let id = e.id { link(id, label: label, what: "evidence link") } else { b.text(label) }
            }
            b.close("dd")
            b.close("div")
        }
        b.close("dl")
        b.close("section")
        b.newline()
    }

    mutating func outcomes() {
        guard let outcomes = credential.achievement?.learningOutcomes, !outcomes.isEmpty else { return }
        b.open("section", [("class", "outcomes")])
        b.element("h2", text: labels[.learningOutcomes])
        b.open("ul", [("class", "outcomes")])
        for o in outcomes { b.element("li", text: text(o.text, "learning outcome") ?? "") }
        b.close("ul")
        var skills: [String] = []
        for skill in outcomes.flatMap(\.relatedSkills) {
            if let label = text(skill.label, "skill") ?? skill.id, !skills.contains(label) { skills.append(label) }
        }
        if !skills.isEmpty { b.element("p", [("class", "skills")], text: "\(labels[.skills]): " + skills.joined(separator: "; ")) }
        b.close("section")
        b.newline()
    }

    mutating func verification() {
        let c = credential
        b.open("footer", [("class", "verification")])
        if let id = c.id, let qr = try? QRCode(text: id) {
            // On screen 4 CSS pixels a module (a phone reads it off a 1x screenshot); in print 0.6 mm a
            // module, quiet zone included, so a long id makes a bigger symbol rather than smaller modules.
            let printSize = Double(qr.size + 8) * 0.6
            b.open("div", [("class", "qr"), ("style", "--qr-print-size: \(printSize)mm")])
            b.trusted(qr.svg(pixelsPerModule: 4))
            b.element("p", text: labels[.qrCaption])
            b.close("div")
        }
        b.open("div")
        b.element("h2", text: labels[.verification])
        b.open("dl")
        if let id = c.id { b.element("dt", text: labels[.credentialId]); b.element("dd", text: id) }
        if let issuer = c.issuer?.id { b.element("dt", text: labels[.issuerId]); b.element("dd", text: issuer) }
        b.element("dt", text: labels[.signature])
        b.element("dd", text: signatureStatement())
        b.close("dl")
        b.element("p", [("class", "note")], text: labels[.derived])
        b.close("div")
        b.close("footer")
        b.newline()
    }

    func signatureStatement() -> String {
        guard let s = credential.provenance.signature else { return labels[.notSigned] }
        switch s.kind {
        case .xades, .jades: return labels[.sealConverted]
        case .embeddedProof, .jws:
            if s.verified {
                return labels[.signedVerified] + " (" + [s.detail, s.verification].compactMap { $0 }.joined(separator: "; ") + ")"
            }
            return labels[.signedNotVerified] + (s.detail.map { " (\($0))" } ?? "")
        }
    }

}
