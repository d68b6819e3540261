import CredconvJSON
import CredconvTestSupport
import CredentialModel
import Foundation
import HTMLCertificate
import OpenBadges
import Testing

@Suite("HTML escaping")
struct HTMLEscapingTests {
    @Test func escapesTextAndAttributesAlike() {
        #expect(HTMLEscaping.escape("<a href=\"x\" onclick='y'>&</a>") == "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;")
        #expect(HTMLEscaping.escape("a\u{202E}b\u{2066}c\u{0}d") == "abcd")
        #expect(HTMLEscaping.hasBidiControls("evil\u{202E}gnp.exe"))
    }

    @Test(arguments: ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)", "vbscript:x",
                      "data:text/html;base64,PHNjcmlwdD4=", "/relative", "ftp://x", "https://a b"])
    func unsafeLinksAreRefused(_ url: String) {
        #expect(HTMLEscaping.linkURL(url) == nil)
    }

    @Test func safeLinksPass() {
        #expect(HTMLEscaping.linkURL("https://example.org/a?b=c") == "https://example.org/a?b=c")
        #expect(HTMLEscaping.linkURL("mailto:a@example.org") == "mailto:a@example.org")
    }

    @Test func onlyRasterDataImagesAndHTTPSPass() {
        #expect(HTMLEscaping.imageURL("data:image/png;base64,iVBORw0KGgo=") != nil)
        #expect(HTMLEscaping.imageURL("data:image/svg+xml;base64,PHN2Zz4=") == nil)
        #expect(HTMLEscaping.imageURL("data:image/png;base64,\"onerror=alert(1)") == nil)
        #expect(HTMLEscaping.imageURL("http://example.org/x.png") == nil)
        #expect(HTMLEscaping.imageURL("https://example.org/x.png") == "https://example.org/x.png")
    }

    @Test func europassHTMLBecomesText() {
        #expect(HTMLText.plainText(of: "<p>Line <b>one</b></p><p>R&amp;D &lt;x&gt;</p>") == "Line one\nR&D <x>")
    }
}

@Suite("HTML certificates")
struct HTMLCertificateTests {
    static func page(_ c: Credential, language: String? = nil, json: String? = nil) -> (String, ConversionReport) {
        var report = ConversionReport()
        let bytes = HTMLCertificateWriter(options: HTMLCertificateOptions(language: language)).write(c, embeddedJSON: json, report: &report)
        return (String(decoding: bytes, as: UTF8.self), report)
    }

    static func hostile() -> Credential {
        var c = RichCredential.make()
        c.name = LocalizedString("<script>alert(1)</script>", language: "en")
        c.learner.fullName = LocalizedString("Mallory \u{202E}gnp.exe", language: "en")
        c.issuer?.name = LocalizedString("\"><img src=x onerror=alert(1)>", language: "en")
        c.issuer?.image = Image(id: "javascript:alert(1)")
        c.achievement?.image = Image(id: "data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+")
        c.achievement?.homepages = ["javascript:alert(document.cookie)", "https://ok.example/</script><script>alert(1)</script>"]
        c.achievement?.description = LocalizedString("<p onmouseover=alert(1)>Hover</p><script>x()</script>", language: "en", format: .html)
        var e = Evidence(id: "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")
        e.name = LocalizedString("</script><script>alert('evidence')</script>")
        c.evidence = [e]
        return c
    }

    @Test func showsTheEUElementsAndTheVerificationBlock() {
        let (html, _) = Self.page(RichCredential.make())
        for expected in ["Applied Machine Learning", "Jan Kowalski", "6 ECTS credits", "150 hours", "EQF level 6", "continuous evaluation",
                         "Blended", "formal learning", "Programme accreditation", "Programming in Python", "Supervised with ID verification",
                         "9.1 (sobresaliente)", "Stacks into the Diploma in Data Science", "Train and evaluate supervised models.",
                         "Spain", "Credential id", "urn:uuid:5a0c7e52-8a39-4d67-9d1c-2f7c1b3e6a10", "not signed", "<svg", "Content-Security-Policy"] {
            #expect(html.contains(expected), "missing \(expected)")
        }
    }

    @Test(arguments: ["en", "es", "fr", "de", "tr"])
    func labelsFollowTheLanguage(_ language: String) {
        let expected = ["en": "Type of assessment", "es": "Tipo de evaluación", "fr": "Type d&#39;évaluation", "de": "Art der Prüfung", "tr": "Değerlendirme türü"][language]!
        let (html, _) = Self.page(RichCredential.make(), language: language)
        #expect(html.contains(expected))
        #expect(html.contains("<html lang=\"\(language)\">"))
        if language == "es" { #expect(html.contains("Aprendizaje automático aplicado")) }
    }

    @Test func signatureStatesArePlainWords() {
        var sealed = RichCredential.make()
        sealed.provenance.signature = SignatureInfo(kind: .xades)
        #expect(Self.page(sealed).0.contains("converted from a sealed Europass credential: the seal does not survive conversion"))
        var signed = RichCredential.make()
        signed.provenance.signature = SignatureInfo(kind: .embeddedProof, detail: "DataIntegrityProof eddsa-rdfc-2022")
        #expect(Self.page(signed).0.contains("signed, signature not verified by credconv"))
    }

    @Test func hostileCredentialProducesNoExecutableContent() throws {
        let json = #"{"name":"\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e"}"#
        let (html, report) = Self.page(Self.hostile(), json: json)
        #expect(!html.contains("<script>"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("<img src=x"))
        #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!html.contains("\u{202E}"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(report.warnings.contains { $0.message.contains("bidirectional") })
        #expect(report.warnings.contains { $0.message.contains("not an http(s) or mailto URL and was dropped") })
        // An independent HTML parser agrees.
        let file = TestPaths.temporaryDirectory().appendingPathComponent("hostile.html")
        try Data(html.utf8).write(to: file)
        let r = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", TestPaths.repository("scripts/html-safety-check.py").path, file.path])
        #expect(r.status == 0, "\(r.stdoutText)")
    }

    @Test func embeddedDataIsFoundAgain() throws {
        let (html, _) = Self.page(RichCredential.make(), json: #"{"a":"\u003c/script\u003e"}"#)
        let (json, line) = try HTMLCertificateReader.embeddedJSON(Array(html.utf8))
        #expect(String(decoding: json, as: UTF8.self) == #"{"a":"\u003c/script\u003e"}"#)
        #expect(line > 1)
        #expect(throws: HTMLCertificateReader.Failure.self) { try HTMLCertificateReader.embeddedJSON(Array("<html><body>x</body></html>".utf8)) }
    }
}

/// Values from controlled vocabularies are shown in the certificate's language: a label the source gives
/// in that language first, and country and language names from Debian's iso-codes translations.
@Suite("Certificate values in the certificate's language")
struct CertificateLanguageTests {
    static func spanishPage() throws -> String {
        var text = try String(contentsOf: TestPaths.repository("samples/ob3-microcredential.json"), encoding: .utf8)
        text = text.replacingOccurrences(of: #""prefLabel": "written examination""#, with: #""prefLabel": {"en": "written examination", "es": "examen escrito"}"#)
        #expect(text.contains("examen escrito"))
        var report = ConversionReport()
        let credential = try OB3Reader().read(try JSONParser().parse(text), report: &report)
        var options = HTMLCertificateOptions()
        options.language = "es"
        return String(decoding: HTMLCertificateWriter(options: options).write(credential, embeddedJSON: nil, report: &report), as: UTF8.self)
    }

    @Test func spanishCertificate() throws {
        let html = try Self.spanishPage()
        #expect(html.contains("<dt>País del emisor</dt><dd>Alemania</dd>"))
        #expect(html.contains("<dd>Inglés, Alemán</dd>"))
        #expect(html.contains("<dt>Tipo de evaluación</dt><dd>examen escrito</dd>"), "the source's Spanish label")
        #expect(!html.contains(">Germany<") && !html.contains("English, German"))
    }

    @Test func namesInEveryEuropassLanguageAndEnglishFallback() {
        let spain = Country(alpha2: "ES")!
        #expect(spain.name(in: "de") == "Spanien" && spain.name(in: "fr") == "Espagne" && spain.name(in: "hr-HR") == "Španjolska")
        #expect(spain.name(in: "en") == "Spain" && spain.name(in: "xx") == "Spain" && spain.name(in: nil) == "Spain")
        #expect(LanguageCode.name(ofBCP47: "nl-NL", in: "fr") == "néerlandais")
        #expect(LanguageCode.name(ofBCP47: "es", in: "de") == "Spanisch")
        #expect(LanguageCode.name(ofBCP47: "de", in: "nb") == LanguageCode.name(ofBCP47: "de", in: "no"))
    }
}
