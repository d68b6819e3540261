import CredconvJSON
import CredentialModel
import FormatInterface

extension FormatName {
    /// Europass ELM v3 JSON-LD.
    public static let elm: FormatName = "elm"
}

/// Where the page picture of an ELM v3 credential (`displayParameter`), which the EDC shapes require,
/// comes from.
public enum PageImageSource: Sendable, Equatable {
    /// Picture the credential's certificate with the context's page renderer (none without one; reported).
    case render
    /// No page picture (reported).
    case none
    /// A JPEG the caller supplies.
    case jpeg([UInt8])
}

/// The ELM v3 writer's page picture option.
public enum PageImageOption: FormatOptionKey {
    public static let defaultValue: PageImageSource = .none
}

/// Europass ELM v3 JSON-LD (`EuropeanDigitalCredential`), plain or sealed in a JAdES envelope.
public struct ELM3Format: ReadableFormat, RecordWritableFormat {
    public init() {}

    public var name: FormatName { .elm }
    public var summary: String { "Europass ELM v3 JSON-LD (EuropeanDigitalCredential)" }
    public var fileExtension: String { "jsonld" }

    public func recognise(_ document: InputDocument, limits: JSONLimits) -> Recognition? {
        guard case .json(.object(let o)) = document else { return nil }
        let types = o["type"].map(JSONValue.strings) ?? []
        let contexts = o["@context"].map(JSONValue.strings) ?? []
        if types.contains("EuropeanDigitalCredential")
            || contexts.contains(where: { $0.hasPrefix("http://data.europa.eu/snb/model/context") || $0.hasPrefix("https://data.europa.eu/snb/model/context") })
        {
            return .recognised(detail: "ELM v3 EuropeanDigitalCredential")
        }
        if o["payload"] != nil && o["signatures"] != nil {
            return .recognised(detail: "JAdES-sealed JSON (ELM v3 envelope)")
        }
        return nil
    }

    public func read(_ document: InputDocument, context: inout ReadContext) throws(Diagnostic) -> Credential {
        guard case .json(let value) = document else { throw Diagnostic(.formatMismatch, "ELM v3 is a JSON-LD document") }
        return try ELM3Reader().read(value, report: &context.report, limits: context.jsonLimits)
    }

    public func write(_ credential: Credential, context: inout WriteContext) throws(Diagnostic) -> [UInt8] {
        var options = ELM3WriterOptions(preferredLanguage: context.preferredLanguage, makeIdentifier: context.makeIdentifier)
        switch context.options[PageImageOption.self] {
        case .none: break
        case .jpeg(let bytes): options.pageImageJPEG = bytes
        case .render:
            if !ELM3Writer.hasKeptPageImage(credential) { options.pageImageJPEG = Self.renderPage(of: credential, context: &context) }
        }
        let value = try ELM3Writer(options: options).write(credential, report: &context.report)
        return context.serialise(value)
    }

    /// The certificate's first page as a JPEG, through the registry's certificate writer and the
    /// context's page renderer; nil (reported) when either is missing or fails.
    static func renderPage(of credential: Credential, context: inout WriteContext) -> [UInt8]? {
        guard let renderer = context.pageRenderer else {
            context.report.warn(.pageImageNotRendered, "the page image was not rendered: no page renderer is available")
            return nil
        }
        var page = context
        page.isForPagePicture = true
        page.report = ConversionReport()
        guard let html = try? context.formats.write(credential, as: "html", context: &page) else {
            context.report.warn(.pageImageNotRendered, "the page image was not rendered: no certificate could be written")
            return nil
        }
        return renderer.jpeg(ofPage: html, report: &context.report)
    }
}
