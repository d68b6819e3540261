import CredconvJSON
import CredentialModel

/// A format whose documents can hold a learner record of several credentials (CLR 2.0).
///
/// It is also a ``ReadableFormat``: read as one credential, a record is ``LearnerRecord/combined(report:)``.
public protocol RecordReadableFormat: ReadableFormat {
    /// Reads one document as a record. Warnings and losses go to `context.report`.
    func readRecord(_ document: InputDocument, context: inout ReadContext) throws(Diagnostic) -> LearnerRecord

    /// A quick look at raw bytes, before any parsing: false when they cannot be a record of this format
    /// (so that batches of single credentials are not parsed twice).
    func mayHoldRecord(_ bytes: [UInt8]) -> Bool
}

/// A format that writes a learner record as one document: CLR 2.0 (one embedded credential each), or a
/// format whose credential holds several achievements (Europass, the certificate, the model), which
/// writes the record as one credential by default.
public protocol RecordWritableFormat: WritableFormat {
    /// Writes a record as one document, without a trailing newline.
    func writeRecord(_ record: LearnerRecord, context: inout WriteContext) throws(Diagnostic) -> [UInt8]
}

extension RecordWritableFormat {
    /// The record as one credential (``LearnerRecord/combined(report:)``), written as this format.
    public func writeRecord(_ record: LearnerRecord, context: inout WriteContext) throws(Diagnostic) -> [UInt8] {
        let credential = record.combined(report: &context.report)
        return try write(credential, context: &context)
    }
}

extension FormatRegistry {
    /// The record format of a document, when one recognises it.
    public func recordFormat(of document: InputDocument, limits: JSONLimits) -> (any RecordReadableFormat)? {
        guard let detected = try? detect(document: document, limits: limits) else { return nil }
        return format(named: detected.format) as? any RecordReadableFormat
    }

    /// False when no record format could read these bytes (a quick look, no parsing).
    public func mayHoldRecord(_ bytes: [UInt8]) -> Bool {
        formats.contains { ($0 as? any RecordReadableFormat)?.mayHoldRecord(bytes) == true }
    }

    /// The writer of that name when it writes records.
    public func recordWriter(named name: FormatName) -> (any RecordWritableFormat)? { format(named: name) as? any RecordWritableFormat }

    /// Reads a document embedded in another (a credential inside a record) with a report of its own,
    /// whose findings are then placed under `pointer` in the outer document.
    public func readEmbedded(
        _ document: InputDocument, at pointer: JSONPointer, context: inout ReadContext
    ) throws(Diagnostic) -> (Credential, DetectedInput) {
        var inner = context
        inner.report = ConversionReport()
        let read: (Credential, DetectedInput)
        do {
            read = try self.read(document: document, context: &inner)
        } catch {
            throw error.placed(under: pointer)
        }
        for d in inner.report.diagnostics { context.report.add(d.placed(under: pointer)) }
        return read
    }
}

extension Diagnostic {
    /// The finding of an embedded document placed in the outer one: its JSON pointer prefixed with the
    /// embedded document's pointer, and a finding without a JSON location located at it.
    public func placed(under pointer: JSONPointer) -> Diagnostic {
        var copy = self
        switch location {
        case .jsonPointer(let inner)?: copy.location = .jsonPointer(pointer.description + inner)
        case nil, .position?: copy.location = .jsonPointer(pointer.description)
        default: break
        }
        return copy
    }

    /// A writer's finding about a part of the model written on its own, placed at that part's model path.
    public func placed(underModelPath prefix: String) -> Diagnostic {
        var copy = self
        if case .modelPath(let inner)? = location { copy.location = .modelPath(inner.isEmpty ? prefix : "\(prefix).\(inner)") }
        return copy
    }
}
