import CredconvJSON
import CredentialModel
import Europass
import OpenBadges

/// The readers credconv has, by format (pandoc's reader list).
enum ReaderRegistry {
    static let readable: Set<Format> = [.ob3, .ob3JWT, .elmXML]

    static func read(_ input: DetectedInput, options: ConversionOptions, report: inout ConversionReport) throws(ConversionError) -> Credential {
        do {
            switch (input.format, input.document) {
            case (.ob3, .json(let value)):
                return try OB3Reader().read(value, report: &report)
            case (.ob3JWT, .compactJWS(let text)):
                return try OB3Reader().readJWT(text, report: &report, limits: options.jsonLimits)
            case (.elmXML, .bytes(let bytes)):
                return try ELMXMLReader(maxBytes: options.xmlMaxBytes).read(bytes, report: &report)
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

/// The writers credconv has, by format (pandoc's writer list).
enum WriterRegistry {
    static let writable: Set<Format> = [.ob3, .elmXML, .model]

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
