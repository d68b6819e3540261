import CredentialModel
import FormatInterface

extension Converter {
    /// The input's format, named only when that format's reader accepts the input: `detect` and
    /// `convert` agree. When the content looks like a format whose reader refuses it, the error is the
    /// reader's, prefixed with what it looked like.
    /// A wrapper (a presentation, a CLR) is looked into: the format is its credential's, the detail says
    /// what held it.
    /// A learner record (CLR) is a format of its own: it is named as such, once its reader accepts it.
    public func detect(_ bytes: [UInt8], options: ConversionOptions) throws(Diagnostic) -> DetectedInput {
        if formats.mayHoldRecord(bytes), case let document = try FormatRegistry.document(bytes, limits: options.jsonLimits),
           formats.recordFormat(of: document, limits: options.jsonLimits) != nil {
            let detected = try formats.detect(document: document, limits: options.jsonLimits)
            var report = ConversionReport()
            do {
                _ = try readRecordIfAny(bytes, options: options, report: &report)
            } catch {
                throw error.prefixed("looks like \(detected.format) (\(detected.detail)), but ")
            }
            return detected
        }
        var detected: DetectedInput
        let records = try formats.records(bytes, limits: options.jsonLimits)
        if let first = records.first, let wrapper = first.wrappers.last {
            if let document = first.document {
                detected = try formats.detect(document: document, limits: options.jsonLimits)
            } else {
                detected = try formats.detect(first.bytes, limits: options.jsonLimits)
            }
            detected.detail += records.count > 1 ? ", in a \(wrapper) of \(records.count) credentials" : ", in a \(wrapper)"
        } else {
            detected = try formats.detect(bytes, limits: options.jsonLimits)
        }
        var report = ConversionReport()
        do {
            _ = try read(bytes, options: options, report: &report)
        } catch {
            throw error.prefixed("looks like \(detected.format) (\(detected.detail)), but ")
        }
        return detected
    }
}
