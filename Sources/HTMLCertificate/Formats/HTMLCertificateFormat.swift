import CredconvJSON
import CredentialModel
import FormatInterface

extension FormatName {
    /// Printable HTML certificates.
    public static let html: FormatName = "html"
}

/// The certificate's paper.
public enum CertificatePaperOption: FormatOptionKey {
    public static let defaultValue: HTMLCertificateOptions.Paper = .a4
}

/// Printable HTML certificates that carry their credential, in the registry's Open Badges 3.0 form,
/// as `<script type="application/ld+json">`, and read back from it.
public struct HTMLCertificateFormat: ReadableFormat, RecordWritableFormat {
    /// The format the certificate embeds its data in.
    public static let embeddedFormat: FormatName = "ob3"
    /// The format a certificate of several achievements (a transcript) embeds its data in, when the
    /// registry has it: a learner record, which holds each achievement with its own credential.
    public static let embeddedRecordFormat: FormatName = "clr"

    /// The format to embed a credential in.
    static func embeddedFormat(for credential: Credential, formats: FormatRegistry) -> FormatName {
        credential.otherAchievements.isEmpty || formats.writer(named: embeddedRecordFormat) == nil ? embeddedFormat : embeddedRecordFormat
    }

    public init() {}

    public var name: FormatName { .html }
    public var summary: String { "printable HTML certificate that carries its data" }
    public var fileExtension: String { "html" }

    public func recognise(_ document: InputDocument, limits: JSONLimits) -> Recognition? {
        guard case .bytes(let bytes) = document, bytes.trimmingASCIIWhitespace().first == UInt8(ascii: "<") else { return nil }
        let head = bytes.prefix(4096)
        guard head.hasASCIIPrefix("<!doctype html", ignoringCase: true) || head.hasASCIIPrefix("<html", ignoringCase: true)
            || (head.containsASCII("<html", ignoringCase: true) && !head.hasASCIIPrefix("<svg", ignoringCase: true)
                && !head.hasASCIIPrefix("<?xml", ignoringCase: true))
        else { return nil }
        let certificate = (try? HTMLCertificateReader.embeddedJSON(bytes)) != nil
        return .recognised(detail: certificate ? "credconv HTML certificate" : "HTML document")
    }

    public func read(_ document: InputDocument, context: inout ReadContext) throws(Diagnostic) -> Credential {
        guard case .bytes(let bytes) = document else { throw Diagnostic(.formatMismatch, "a certificate is an HTML page") }
        let embedded: (json: [UInt8], line: Int)
        do {
            embedded = try HTMLCertificateReader.embeddedJSON(bytes)
        } catch {
            throw Diagnostic(.missingProperty, "an HTML page without the credential a credconv certificate embeds (script type=\"application/ld+json\" id=\"\(HTMLCertificateWriter.dataElementId)\")")
        }
        let value: JSONValue
        do {
            value = try JSONParser(limits: context.jsonLimits).parse(embedded.json)
        } catch {
            throw Diagnostic(.jsonSyntax, "the embedded credential is not valid JSON: \(error.message)",
                             at: .position(line: embedded.line + error.position.line - 1, column: error.position.column))
        }
        do {
            let format = context.formats.recordFormat(of: .json(value), limits: context.jsonLimits)?.name == Self.embeddedRecordFormat
                ? Self.embeddedRecordFormat : Self.embeddedFormat
            var credential = try context.formats.read(.json(value), as: format, context: &context)
            credential.provenance.sourceFormat = name.rawValue
            return credential
        } catch {
            throw error.prefixed("the embedded credential: ")
        }
    }

    public func write(_ credential: Credential, context: inout WriteContext) throws(Diagnostic) -> [UInt8] {
        var embedded: String? = nil
        if !context.isForPagePicture {
            // What the embedded form cannot hold is what the certificate loses as data.
            var inner = context
            inner.jsonStyle = .compact
            inner.jsonEscapesHTML = true
            do {
                let format = Self.embeddedFormat(for: credential, formats: context.formats)
                embedded = String(decoding: try context.formats.write(credential, as: format, context: &inner), as: UTF8.self)
                context.report = inner.report
            } catch {
                context.report.merge(inner.report)
                context.report.lose(.modelPath(""), "the certificate carries no machine-readable credential: \(error.message)")
            }
        }
        let options = HTMLCertificateOptions(
            language: context.preferredLanguage, paper: context.options[CertificatePaperOption.self],
            generator: context.generator, showsRemoteImages: !context.isForPagePicture)
        var bytes = HTMLCertificateWriter(options: options).write(credential, embeddedJSON: embedded, report: &context.report)
        while bytes.last == 0x0A { bytes.removeLast() }  // the caller ends the document with one newline
        return bytes
    }
}
