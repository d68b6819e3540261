import Foundation
import BakedImages
import CredconvJSON
import CredentialModel
import Europass
import EuropassJSONLD
import HTMLCertificate
import OpenBadges

/// The readers credconv has, by format (pandoc's reader list).
enum ReaderRegistry {
    static let readable: Set<Format> = [.ob3, .ob3JWT, .ob2, .elmXML, .elm, .html, .png, .svg]

    static func read(_ input: DetectedInput, options: ConversionOptions, report: inout ConversionReport) throws(ConversionError) -> Credential {
        do {
            switch (input.format, input.document) {
            case (.ob3, .json(let value)):
                return try OB3Reader().read(value, report: &report)
            case (.ob3JWT, .compactJWS(let text)):
                return try OB3Reader().readJWT(text, report: &report, limits: options.jsonLimits)
            case (.elmXML, .bytes(let bytes)):
                return try ELMXMLReader(maxBytes: options.xmlMaxBytes).read(bytes, report: &report)
            case (.ob2, .json(let value)):
                return try OB2Reader().read(value, linked: options.linkedDocuments, report: &report)
            case (.ob2, .compactJWS(let text)):
                return try OB2Reader().readSigned(text, linked: options.linkedDocuments, report: &report, limits: options.jsonLimits)
            case (.elm, .json(let value)):
                return try ELM3Reader().read(value, report: &report, limits: options.jsonLimits)
            case (.html, .bytes(let bytes)):
                return try readCertificate(bytes, options: options, report: &report)
            case (.png, .bytes(let bytes)), (.svg, .bytes(let bytes)):
                return try readBakedImage(bytes, format: input.format, options: options, report: &report)
            default:
                throw ConversionError(.data, "credconv cannot read \(input.format) yet (detected: \(input.detail))")
            }
        } catch let error as CredentialDataError {
            throw ConversionError(error)
        } catch let error as ConversionError {
            throw error
        } catch {
            throw ConversionError(.data, "\(error)")
        }
    }
}

extension ReaderRegistry {
    /// A credconv certificate: the Open Badges 3.0 credential it embeds.
    static func readCertificate(_ bytes: [UInt8], options: ConversionOptions, report: inout ConversionReport) throws(ConversionError) -> Credential {
        let embedded: (json: [UInt8], line: Int)
        do {
            embedded = try HTMLCertificateReader.embeddedJSON(bytes)
        } catch {
            throw ConversionError(.data, "an HTML page without the credential a credconv certificate embeds (script type=\"application/ld+json\" id=\"\(HTMLCertificateWriter.dataElementId)\")")
        }
        let value: JSONValue
        do {
            value = try JSONParser(limits: options.jsonLimits).parse(embedded.json)
        } catch {
            throw ConversionError(.data, "the embedded credential is not valid JSON: \(error.message)",
                                  at: .position(line: embedded.line + error.position.line - 1, column: error.position.column))
        }
        do {
            return try OB3Reader().read(value, report: &report, formatName: "html")
        } catch {
            throw ConversionError(.data, "the embedded credential: \(error.message)", at: error.location)
        }
    }
}

extension ReaderRegistry {
    /// A badge image: the credential baked into it, read in its own format.
    static func readBakedImage(_ bytes: [UInt8], format: Format, options: ConversionOptions, report: inout ConversionReport) throws(ConversionError) -> Credential {
        let payload: BakedPayload?
        do {
            payload = format == .png ? try PNGBaking.unbake(bytes) : try SVGBaking.unbake(bytes)
        } catch {
            throw ConversionError(.data, "a corrupt \(format) badge image: \(error.message)",
                                  at: error.line.map { .position(line: $0, column: 1) } ?? error.byteOffset.map { .byteOffset($0) })
        }
        guard let payload else {
            throw ConversionError(.data, "no baked badge in this \(format) image (no openbadges or openbadgecredential \(format == .png ? "iTXt chunk" : "element"))")
        }
        if payload.isReferenceOnly {
            throw ConversionError(.data, "the image holds only a link to a hosted badge (\(payload.text.prefix(200))) at \(payload.location); credconv never fetches: download that JSON and convert it")
        }
        let inner: DetectedInput
        do {
            inner = try FormatDetector(jsonLimits: options.jsonLimits).detect(Array(payload.text.utf8))
        } catch {
            // Positions inside the payload are not positions in the image: say them in the message.
            throw ConversionError(error.kind, "the badge baked into the image (\(payload.location)): \(error.message)" + (error.location.map { " (at \($0) of the baked text)" } ?? ""))
        }
        guard [.ob2, .ob3, .ob3JWT].contains(inner.format) else {
            throw ConversionError(.data, "the image holds a \(inner.format) document, not an Open Badge (\(payload.location))")
        }
        report.warn("read the \(inner.detail) baked into the image (\(payload.location))")
        return try read(inner, options: options, report: &report)
    }
}

/// The writers credconv has, by format (pandoc's writer list).
enum WriterRegistry {
    static let writable: Set<Format> = [.ob3, .ob2, .elmXML, .elm, .html, .model]

    static func write(_ credential: Credential, options: ConversionOptions, report: inout ConversionReport) throws(ConversionError) -> [UInt8] {
        let style: JSONWriter.Style = options.compact ? .compact : .pretty
        switch options.to {
        case .ob3:
            let writer = OB3Writer(options: OB3WriterOptions(preferredLanguage: options.language, makeIdentifier: options.makeIdentifier))
            do {
                return JSONWriter(style: style).bytes(try writer.write(credential, report: &report))
            } catch {
                throw ConversionError(.data, "cannot write ob3: \(error.message)", at: error.location)
            }
        case .ob2:
            let writer = OB2Writer(options: OB3WriterOptions(preferredLanguage: options.language, makeIdentifier: options.makeIdentifier))
            do {
                return JSONWriter(style: style).bytes(try writer.write(credential, report: &report))
            } catch {
                throw ConversionError(.data, "cannot write ob2: \(error.message)", at: error.location)
            }
        case .html:
            // The certificate embeds the credential's Open Badges 3.0 form: what that form cannot hold is
            // what the certificate loses as data.
            let writer = OB3Writer(options: OB3WriterOptions(preferredLanguage: options.language, makeIdentifier: options.makeIdentifier))
            var embedded: String? = nil
            do {
                embedded = JSONWriter(style: .compact, escapeHTMLSensitive: true).string(try writer.write(credential, report: &report))
            } catch {
                report.lose("(the whole credential)", "the certificate carries no machine-readable credential: \(error.message)")
            }
            let options = HTMLCertificateOptions(language: options.language, paper: options.paper, generator: "credconv \(CredconvInfo.version)")
            var bytes = HTMLCertificateWriter(options: options).write(credential, embeddedJSON: embedded, report: &report)
            while bytes.last == 0x0A { bytes.removeLast() }  // the CLI ends the document with one newline
            return bytes
        case .elmXML:
            let writer = ELMXMLWriter(options: ELMXMLWriterOptions(preferredLanguage: options.language, makeIdentifier: options.makeIdentifier))
            do {
                var bytes = try writer.write(credential, report: &report)
                // xmlTextWriter ends the document with a newline; the CLI adds its own.
                while bytes.last == 0x0A { bytes.removeLast() }
                return bytes
            } catch {
                throw ConversionError(.data, "cannot write elm-xml: \(error.message)", at: error.location)
            }
        case .elm:
            var writerOptions = ELM3WriterOptions(preferredLanguage: options.language, makeIdentifier: options.makeIdentifier)
            switch options.pageImage {
            case .none: break
            case .render:
                if !ELM3Writer.hasKeptPageImage(credential) {
                    writerOptions.pageImageJPEG = PageImageRenderer.jpeg(of: credential, options: options, report: &report)
                }
            case .file(let path):
                guard let data = FileManager.default.contents(atPath: path) else { throw ConversionError(.noInput, "cannot read the page image \(path)") }
                guard data.starts(with: [0xFF, 0xD8, 0xFF]) else { throw ConversionError(.usage, "the page image \(path) is not a JPEG") }
                writerOptions.pageImageJPEG = Array(data)
            }
            do {
                return JSONWriter(style: style).bytes(try ELM3Writer(options: writerOptions).write(credential, report: &report))
            } catch {
                throw ConversionError(.data, "cannot write elm: \(error.message)", at: error.location)
            }
        case .model:
            do {
                return JSONWriter(style: style).bytes(try JSONValueEncoder().encode(credential))
            } catch {
                throw ConversionError(.io, "cannot encode the model: \(error)")
            }
        default:
            throw ConversionError(.usage, "credconv cannot write \(options.to) yet; it writes: \(writable.map(\.rawValue).sorted().joined(separator: ", "))")
        }
    }
}
