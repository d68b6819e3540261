import CredconvJSON
import CredentialModel

/// What one conversion produced.
public struct ConversionOutput: Sendable {
    /// The output document, without a trailing newline.
    public var bytes: [UInt8]
    /// The format the input was read as.
    public var inputFormat: Format
    /// Version detail of the input.
    public var inputDetail: String
    /// Warnings and losses.
    public var report: ConversionReport
    /// The signature the input carried, if any (never carried into the output).
    public var signature: SignatureInfo?

    public init(bytes: [UInt8], inputFormat: Format, inputDetail: String, report: ConversionReport, signature: SignatureInfo?) {
        self.bytes = bytes
        self.inputFormat = inputFormat
        self.inputDetail = inputDetail
        self.report = report
        self.signature = signature
    }
}

/// Converts credentials between formats through the model: the library entry point the CLI uses.
///
/// ```swift
/// let output = try Converter().convert(bytes, options: ConversionOptions(to: .ob3))
/// ```
public struct Converter: Sendable {
    public init() {}

    /// Reads `bytes` (detecting the format unless `options.from` is set) into the model.
    public func read(_ bytes: [UInt8], options: ConversionOptions, report: inout ConversionReport) throws(ConversionError) -> (Credential, DetectedInput) {
        let detector = FormatDetector(jsonLimits: options.jsonLimits)
        if bytes.count > options.jsonLimits.maxBytes {
            throw ConversionError(.data, "input larger than \(options.jsonLimits.maxBytes) bytes")
        }
        var detected = try detector.detect(bytes)
        if let from = options.from, from != detected.format {
            // A stated format wins when the content fits it; otherwise say what was found.
            guard Self.compatible(stated: from, detected: detected.format) else {
                throw ConversionError(.data, "the input is not \(from): it looks like \(detected.format) (\(detected.detail))")
            }
            detected.format = from
        }
        guard detected.format.canRead else {
            throw ConversionError(.data, "detected \(detected.format) (\(detected.detail)), which this build of credconv cannot read yet; it reads: \(ReaderRegistry.readable.map(\.rawValue).sorted().joined(separator: ", "))")
        }
        let credential = try ReaderRegistry.read(detected, options: options, report: &report)
        return (credential, detected)
    }

    /// Converts one document.
    public func convert(_ bytes: [UInt8], options: ConversionOptions) throws(ConversionError) -> ConversionOutput {
        if options.to == .png || options.to == .svg {
            throw ConversionError(.usage, "credconv writes badge images with credconv bake --image IMAGE.\(options.to.rawValue) [INPUT]")
        }
        guard options.to.canWrite else {
            throw ConversionError(.usage, "credconv cannot write \(options.to) yet; it writes: \(WriterRegistry.writable.map(\.rawValue).sorted().joined(separator: ", "))")
        }
        var report = ConversionReport()
        var options = options
        if options.makeIdentifier == nil {
            let identifiers = DeterministicIdentifiers(input: bytes)
            options.makeIdentifier = { identifiers.next() }
        }
        var (credential, detected) = try read(bytes, options: options, report: &report)
        if let salt = options.hashRecipientSalt { RecipientIdentity.hashEmails(in: &credential, salt: salt, report: &report) }
        let out = try WriterRegistry.write(credential, options: options, report: &report)
        return ConversionOutput(bytes: out, inputFormat: detected.format, inputDetail: detected.detail, report: report, signature: credential.provenance.signature)
    }

    static func compatible(stated: Format, detected: Format) -> Bool {
        stated == detected
    }
}
