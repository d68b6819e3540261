import CredconvJSON
import CredentialModel
import FormatInterface

extension Converter {
    /// Converts a learner record (a CLR) as a whole when the target writes records (CLR, Europass, the
    /// certificate, the model); nil when the input is no record or the target holds one credential
    /// (each credential of the record is then converted alone, see ``convertEach(_:options:)``).
    func convertRecord(_ bytes: [UInt8], options: ConversionOptions) throws(Diagnostic) -> ConversionOutput? {
        guard options.signing == nil, formats.recordWriter(named: options.to) != nil, formats.mayHoldRecord(bytes) else { return nil }
        if bytes.count > options.jsonLimits.maxBytes {
            throw Diagnostic(.limitExceeded, "input larger than \(options.jsonLimits.maxBytes) bytes")
        }
        let document = try FormatRegistry.document(bytes, limits: options.jsonLimits)
        guard let format = formats.recordFormat(of: document, limits: options.jsonLimits) else { return nil }
        if let from = options.from, from != format.name {
            throw Diagnostic(.formatMismatch, "the input is not \(from): it is a learner record (\(format.name))")
        }
        if options.verification != nil {
            throw Diagnostic(.usage, "--verify checks one credential; check the credentials of a learner record with credconv verify (each is verified on its own), then convert it")
        }
        if !options.mergeDocuments.isEmpty || options.hashRecipientSalt != nil {
            throw Diagnostic(.usage, "--merge and --hash-recipient apply to one credential; split the record first (credconv split)")
        }
        var context = ReadContext(
            formats: formats, jsonLimits: options.jsonLimits, xmlMaxBytes: options.xmlMaxBytes, linkedDocuments: options.linkedDocuments)
        let record = try format.readRecord(document, context: &context)
        let detail = format.recognise(document, limits: options.jsonLimits).flatMap { r -> String? in
            if case .recognised(let d) = r { return d }
            return nil
        } ?? ""
        var report = context.report
        let out = try write(record, options: options, input: bytes, report: &report)
        return ConversionOutput(bytes: out, inputFormat: format.name, inputDetail: detail, report: report, signature: record.provenance.signature)
    }

    /// Writes a learner record as `options.to`, which must write records, then accounts for what the
    /// output lost. The output is unsigned.
    public func write(_ record: LearnerRecord, options: ConversionOptions, input: [UInt8], report: inout ConversionReport) throws(Diagnostic) -> [UInt8] {
        try checkWritable(options.to)
        guard let writer = formats.recordWriter(named: options.to) else {
            throw Diagnostic(.noFormInTarget, "\(options.to) holds one credential, and the record holds \(record.entries.count): convert its credentials one by one (credconv split, or --jsonl)")
        }
        var context = writeContext(options: options, input: input, report: report)
        do {
            let bytes = try writer.writeRecord(record, context: &context)
            report = context.report
            LossAccounting(formats: formats).account(record, writtenAs: options.to, output: bytes, serialised: context.serialisedDocument(of: bytes), options: options, report: &report)
            return bytes
        } catch where error.code.family == .data {
            throw error.prefixed("cannot write \(options.to): ")
        }
    }
}

extension Converter {
    /// Reads `bytes` as a learner record when a record format recognises them; nil otherwise.
    public func readRecordIfAny(_ bytes: [UInt8], options: ConversionOptions, report: inout ConversionReport) throws(Diagnostic) -> (LearnerRecord, FormatName)? {
        if bytes.count > options.jsonLimits.maxBytes {
            throw Diagnostic(.limitExceeded, "input larger than \(options.jsonLimits.maxBytes) bytes")
        }
        guard formats.mayHoldRecord(bytes) else { return nil }
        let document = try FormatRegistry.document(bytes, limits: options.jsonLimits)
        guard let format = formats.recordFormat(of: document, limits: options.jsonLimits) else { return nil }
        var context = ReadContext(
            formats: formats, jsonLimits: options.jsonLimits, xmlMaxBytes: options.xmlMaxBytes, linkedDocuments: options.linkedDocuments, report: report)
        let record = try format.readRecord(document, context: &context)
        report = context.report
        return (record, format.name)
    }
}
