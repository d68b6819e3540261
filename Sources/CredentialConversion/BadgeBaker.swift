import BakedImages
import CredconvJSON
import CredentialModel
import FormatInterface

/// `credconv bake`: a credential baked into a PNG or SVG badge image.
public struct BadgeBaker: Sendable {
    public init() {}

    /// What was baked, for the report.
    public struct Result: Sendable {
        public var image: [UInt8]
        public var imageFormat: FormatName
        public var payloadFormat: FormatName
        /// Set when the input was baked unchanged (so its signature, if any, still holds).
        public var bakedUnchanged: Bool
        public var report: ConversionReport
    }

    /// Why baking failed: the credential, or the image (reported under the image's name).
    public enum Failure: Error, Sendable {
        case credential(Diagnostic)
        case image(Diagnostic)

        public var diagnostic: Diagnostic {
            switch self {
            case .credential(let d), .image(let d): return d
            }
        }
    }

    /// The image's format, PNG or SVG.
    public static func imageFormat(of image: [UInt8]) throws(Diagnostic) -> FormatName {
        if image.starts(with: PNGImage.signature) { return .png }
        if image.prefix(4096).containsASCII("<svg") { return .svg }
        throw Diagnostic(.usage, "the image is neither PNG nor SVG; credconv bakes badges into those two only")
    }

    /// What a credential in `format` is baked as when no target is given: Open Badges stay what they
    /// are (an OB 2.0 assertion keeps its id and hosted verification); anything else becomes OB 3.0.
    public static func ownBakeFormat(of format: FormatName) -> FormatName {
        switch format {
        case .ob2: return .ob2
        default: return .ob3
        }
    }

    /// Bakes `input` (any format credconv reads) into `image` as `target` (ob3 or ob2; nil: the
    /// credential's own Open Badges version, see ``ownBakeFormat(of:)``). An input already in the target
    /// format (a signed VC-JWT or OB 2.0 JWS, or JSON) is baked byte for byte, so its signature survives;
    /// anything else is converted first.
    public func bake(_ input: [UInt8], into image: [UInt8], as requested: FormatName?, options: ConversionOptions) throws(Failure) -> Result {
        let imageFormat: FormatName
        do throws(Diagnostic) { imageFormat = try Self.imageFormat(of: image) } catch { throw .image(error) }
        let payloadText: String, slotFormat: FormatName, unchanged: Bool, report: ConversionReport
        do throws(Diagnostic) {
            (payloadText, slotFormat, unchanged, report) = try payload(input, as: requested, options: options)
        } catch {
            throw .credential(error)
        }
        let payload = BakedPayload(slot: slotFormat == .ob2 ? .openBadges2 : .openBadges3, text: payloadText, location: "")
        do {
            let baked: [UInt8]
            if imageFormat == .png {
                baked = try PNGBaking.bake(payload, into: image)
            } else {
                var hosted: String? = nil
                if slotFormat == .ob2, case .object(let o)? = try? JSONParser(limits: options.jsonLimits).parse(Array(payloadText.utf8)),
                    let id = o["id"]?.stringValue, id.hasPrefix("https://")
                {
                    hosted = id
                }
                baked = try SVGBaking.bake(payload, into: image, hostedURL: hosted)
            }
            return Result(image: baked, imageFormat: imageFormat, payloadFormat: slotFormat, bakedUnchanged: unchanged, report: report)
        } catch {
            throw .image(Diagnostic(.badImage, "the \(imageFormat) image: \(error.message)", at: error.line.map { .position(line: $0, column: 1) } ?? error.byteOffset.map { .byteOffset($0) }))
        }
    }

    /// The text to bake, its slot format, whether it is the input unchanged, and the conversion's report.
    func payload(_ input: [UInt8], as requested: FormatName?, options: ConversionOptions) throws(Diagnostic) -> (String, FormatName, Bool, ConversionReport) {
        let detected = try CredconvFormats.registry.detect(input, limits: options.jsonLimits)
        let target = requested ?? Self.ownBakeFormat(of: detected.format)
        guard target == .ob3 || target == .ob2 else { throw Diagnostic(.unsupportedFormat, "credconv bakes ob3 or ob2 credentials, not \(target)") }
        let isLinkedDocuments = if case .json(.array) = detected.document { true } else { false }
        let alreadyTarget = (target == .ob3 && (detected.format == .ob3 || detected.format == .ob3JWT))
            || (target == .ob2 && detected.format == .ob2 && !isLinkedDocuments)
        if alreadyTarget {
            return (String(decoding: input.trimmingASCIIWhitespace(), as: UTF8.self), target, true, ConversionReport())
        }
        var o = options
        o.to = target
        o.compact = true
        let converted = try Converter().convert(input, options: o)
        var report = converted.report
        if requested == nil, detected.format != .ob2 {
            report.warn(.repackaged, "\(detected.format) has no baked form of its own; it is baked as Open Badges 3.0 (unsigned)")
        }
        return (String(decoding: converted.bytes, as: UTF8.self), target, false, report)
    }
}
