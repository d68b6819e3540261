import CredentialModel

/// Converts a JSON Lines stream record by record, with memory flat in the stream's length.
///
/// Blank lines are skipped. A record that fails is reported with its number and line and skipped;
/// every other record is still converted, in input order, each written (compact) as soon as it is done.
public struct JSONLinesBatch: Sendable {
    public var options: ConversionOptions
    public var strict: Bool

    public init(options: ConversionOptions, strict: Bool) {
        var o = options
        o.compact = true
        self.options = o
        self.strict = strict
    }

    /// What a finished batch did.
    public struct Summary: Sendable, Equatable {
        public var converted = 0
        public var failed = 0
        /// Records refused under `--strict` because they lost information.
        public var lossy = 0

        /// 0, 65 when any record failed, else 3 when any record was lossy under `--strict`.
        public var exitCode: Int32 { failed > 0 ? 65 : (lossy > 0 ? 3 : 0) }
    }

    /// Runs the batch.
    /// - Parameters:
    ///   - nextLine: returns the next line's bytes without its newline, or nil at the end.
    ///   - emit: receives each converted document (no newline) or nil when a record failed.
    ///   - diagnose: receives each record's report or error (already rendered).
    public func run(
        nextLine: () throws(ConversionError) -> [UInt8]?,
        renderer: ReportRenderer,
        emit: ([UInt8]) throws(ConversionError) -> Void,
        diagnose: (String) -> Void
    ) throws(ConversionError) -> Summary {
        var summary = Summary()
        var lineNumber = 0
        var record = 0
        let converter = Converter()
        while let line = try nextLine() {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            record += 1
            do {
                let output = try converter.convert(line, options: options)
                let rendered = renderer.render(output, record: record)
                if !rendered.isEmpty { diagnose(rendered) }
                if strict && !output.report.lost.isEmpty {
                    summary.lossy += 1
                    diagnose(renderer.render(ConversionError(.lossy, "information would be lost (--strict); record not written"), record: record, line: lineNumber))
                    continue
                }
                try emit(output.bytes)
                summary.converted += 1
            } catch {
                if error.kind == .io { throw error }
                summary.failed += 1
                diagnose(renderer.render(error, record: record, line: lineNumber))
            }
        }
        return summary
    }
}
