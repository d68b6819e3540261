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

    /// Bakes `input` (any format credconv reads) into `image` as `target` (ob3 or ob2). An input already
    /// in the target format (a signed VC-JWT or OB 2.0 JWS, or JSON) is baked byte for byte, so its
    /// signature survives; anything else is converted first.
    public func bake(_ input: [UInt8], into image: [UInt8], as target: FormatName, options: ConversionOptions) throws(Diagnostic) -> Result {
        guard target == .ob3 || target == .ob2 else { throw Diagnostic(.unsupportedFormat, "credconv bakes ob3 or ob2 credentials, not \(target)") }
        let imageFormat: FormatName
        if image.starts(with: PNGImage.signature) {
            imageFormat = .png
        } else if String(decoding: image.prefix(4096), as: UTF8.self).contains("<svg") {
            imageFormat = .svg
        } else {
            throw Diagnostic(.usage, "the image is neither PNG nor SVG; credconv bakes badges into those two only")
        }
        var report = ConversionReport()
        let detected = try CredconvFormats.registry.detect(input, limits: options.jsonLimits)
        let payloadText: String
        let unchanged: Bool
        let slotFormat: FormatName
        if (detected.format == target && target == .ob3) || (target == .ob3 && detected.format == .ob3JWT) {
            payloadText = String(decoding: input.trimmingASCIIWhitespace(), as: UTF8.self)
            unchanged = true
            slotFormat = target
        } else if detected.format == .ob2, target == .ob2, case .json(.array) = detected.document {
            // Linked documents: bake the one assertion they make.
            var o = options
            o.to = .ob2
            o.compact = true
            let converted = try Converter().convert(input, options: o)
            report = converted.report
            payloadText = String(decoding: converted.bytes, as: UTF8.self)
            unchanged = false
            slotFormat = .ob2
        } else if detected.format == .ob2, target == .ob2 {
            payloadText = String(decoding: input.trimmingASCIIWhitespace(), as: UTF8.self)
            unchanged = true
            slotFormat = .ob2
        } else {
            var o = options
            o.to = target
            o.compact = true
            let converted = try Converter().convert(input, options: o)
            report = converted.report
            payloadText = String(decoding: converted.bytes, as: UTF8.self)
            unchanged = false
            slotFormat = target
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
            throw Diagnostic(.badImage, "the \(imageFormat) image: \(error.message)", at: error.line.map { .position(line: $0, column: 1) } ?? error.byteOffset.map { .byteOffset($0) })
        }
    }
}
