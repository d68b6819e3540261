import CredconvJSON
import CredentialModel
import FormatInterface

extension FormatName {
    /// PNG badge images.
    public static let png: FormatName = "png"
    /// SVG badge images.
    public static let svg: FormatName = "svg"
}

/// A badge image (PNG or SVG) with a credential baked in: the credential is read in its own format,
/// which the registry detects. Images are written with `credconv bake`, not as a conversion target.
public struct BakedImageFormat: ReadableFormat {
    /// The two image kinds.
    public enum Kind: Sendable {
        case png
        case svg
    }

    public let kind: Kind

    public init(_ kind: Kind) { self.kind = kind }

    public var name: FormatName { kind == .png ? .png : .svg }
    public var summary: String { "\(kind == .png ? "PNG" : "SVG") image with a baked badge (written with credconv bake)" }
    public var fileExtension: String { kind == .png ? "png" : "svg" }

    public func recognise(_ document: InputDocument, limits: JSONLimits) -> Recognition? {
        guard case .bytes(let bytes) = document else { return nil }
        switch kind {
        case .png:
            return bytes.starts(with: PNGImage.signature) ? .recognised(detail: "PNG image") : nil
        case .svg:
            guard bytes.trimmingASCIIWhitespace().first == UInt8(ascii: "<") else { return nil }
            return bytes.prefix(4096).containsASCII("<svg") ? .recognised(detail: "SVG image") : nil
        }
    }

    public func read(_ document: InputDocument, context: inout ReadContext) throws(Diagnostic) -> Credential {
        guard case .bytes(let bytes) = document else { throw Diagnostic(.formatMismatch, "a badge image is binary or markup, not JSON") }
        let payload: BakedPayload?
        do {
            payload = kind == .png ? try PNGBaking.unbake(bytes) : try SVGBaking.unbake(bytes)
        } catch {
            throw Diagnostic(.badImage, "a corrupt \(name) badge image: \(error.message)",
                             at: error.line.map { .position(line: $0, column: 1) } ?? error.byteOffset.map { .byteOffset($0) })
        }
        guard let payload else {
            throw Diagnostic(.badImage, "no baked badge in this \(name) image (no openbadges or openbadgecredential \(kind == .png ? "iTXt chunk" : "element"))")
        }
        if payload.isReferenceOnly {
            throw Diagnostic(.brokenReference, "the image holds only a link to a hosted badge (\(payload.text.prefix(200))) at \(payload.location); credconv never fetches: download that JSON and convert it")
        }
        let inner: DetectedInput
        do {
            inner = try context.formats.detect(Array(payload.text.utf8), limits: context.jsonLimits)
        } catch {
            // Positions inside the payload are not positions in the image: say them in the message.
            throw Diagnostic(error.code, "the badge baked into the image (\(payload.location)): \(error.message)" + (error.location.map { " (at \($0) of the baked text)" } ?? ""))
        }
        guard case .bytes = inner.document else {
            guard let reader = context.formats.reader(named: inner.format) else {
                throw Diagnostic(.unsupportedFormat, "the image holds a \(inner.format) document, which credconv cannot read (\(payload.location))")
            }
            context.report.warn(.unwrapped, "read the \(inner.detail) baked into the image (\(payload.location))")
            return try reader.read(inner.document, context: &context)
        }
        throw Diagnostic(.badImage, "the image holds a \(inner.format) document, not a credential (\(payload.location))")
    }
}
