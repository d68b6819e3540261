import CredconvJSON
import CredentialConversion

/// What every fuzz target does with an input: read it the way the CLI does, with the limits a user
/// gets, and (for the round trip) write what was read in every format. Errors are expected; a crash,
/// a hang or unbounded memory is what the fuzzer looks for.
public enum FuzzInput {
    /// Options with small limits, so a fuzz input cannot spend its time on size alone.
    public static func options(to target: FormatName = .model, from: FormatName? = nil) -> ConversionOptions {
        var options = ConversionOptions(from: from, to: target)
        options.pageImage = .none
        options.jsonLimits = JSONLimits(maxDepth: 256, maxBytes: 1 << 20)
        options.xmlMaxBytes = 1 << 20
        return options
    }

    /// Reads `bytes` as `format` (nil: detected), as `credconv -f FORMAT -t model` would.
    public static func read(_ bytes: [UInt8], as format: FormatName?) {
        var report = ConversionReport()
        _ = try? Converter().read(bytes, options: options(from: format), report: &report)
    }

    /// Reads anything and writes every writable format (each write read back by the loss accounting).
    public static func roundTrip(_ bytes: [UInt8]) {
        let converter = Converter()
        var report = ConversionReport()
        guard let (credential, _) = try? converter.read(bytes, options: options(), report: &report) else { return }
        for target in CredconvFormats.registry.writableNames {
            var writeReport = ConversionReport()
            _ = try? converter.write(credential, options: options(to: target), input: bytes, report: &writeReport)
        }
    }

    /// The bytes libFuzzer hands over.
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }
}
