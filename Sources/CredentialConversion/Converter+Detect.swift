import CredentialModel
import FormatInterface

extension Converter {
    /// The input's format, named only when that format's reader accepts the input: `detect` and
    /// `convert` agree. When the content looks like a format whose reader refuses it, the error is the
    /// reader's, prefixed with what it looked like.
    public func detect(_ bytes: [UInt8], options: ConversionOptions) throws(Diagnostic) -> DetectedInput {
        let detected = try formats.detect(bytes, limits: options.jsonLimits)
        var report = ConversionReport()
        do {
            _ = try read(bytes, options: options, report: &report)
        } catch {
            throw error.prefixed("looks like \(detected.format) (\(detected.detail)), but ")
        }
        return detected
    }
}
