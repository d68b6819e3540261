import CredconvJSON
import CredentialConversion

/// Converting JSON Lines, for `convert --jsonl` and `sign --jsonl`: record by record, in order, each
/// output line written as soon as it and the ones before it are done.
enum BatchConversion {
    /// JSON Lines: record by record, flushed as it goes.
    /// With `failFast`, stops at the first record that does not make it; the progress line and the
    /// summary show on a terminal unless `quiet`.
    static func run(
        input: String?, options: ConversionOptions, strict: Bool, output: String?, renderer: ReportRenderer,
        failFast: Bool = false, quiet: Bool = false
    ) -> Int32 {
        let progress = BatchProgress(quiet: quiet)
        do throws(Diagnostic) {
            let reader = try InputOutput.LineReader(path: input, maxLineBytes: options.jsonLimits.maxBytes)
            var source = try batchSource(reader, maxBytes: options.jsonLimits.maxBytes)
            let sink = try InputOutput.OutputSink(path: output)
            var batch = JSONLinesBatch(options: options, strict: strict)
            batch.failFast = failFast
            let summary: JSONLinesBatch.Summary
            do throws(Diagnostic) {
                summary = try batch.run(
                    source: &source,
                    renderer: renderer,
                    emit: { (bytes) throws(Diagnostic) in
                        try sink.write(bytes)
                        try sink.write([0x0A])
                    },
                    flush: { () throws(Diagnostic) in try sink.flush() },
                    diagnose: progress.diagnose,
                    progress: progress.update)
                try sink.finish()
            } catch {
                sink.discard()
                throw error
            }
            progress.finish(summary.line)
            return summary.exitCode
        } catch {
            progress.diagnose(renderer.render(error))
            return error.exitCode
        }
    }

    /// The batch's records: the lines of a JSON Lines stream, or — when the input is one document spread
    /// over lines (a pretty-printed presentation, XML) — that document as one record, whose credentials
    /// become the output lines.
    static func batchSource(_ reader: InputOutput.LineReader, maxBytes: Int) throws(Diagnostic) -> PrependedLineSource<InputOutput.LineReader> {
        var looked: [SourceLine] = []
        while let line = try reader.next() {
            looked.append(line)
            guard case .line(let bytes) = line else { break }
            if bytes.trimmingASCIIWhitespace().isEmpty { continue }
            if JSONLinesBatch.isOneRecordPerLine(bytes) { break }
            // One document: gather it whole (within the size limit) as the only record.
            var whole: [UInt8] = []
            for case .line(let l) in looked { whole += l + [0x0A] }
            while let more = try reader.next() {
                guard case .line(let l) = more, whole.count + l.count < maxBytes else {
                    throw Diagnostic(.limitExceeded, "the input is one document larger than \(maxBytes) bytes")
                }
                whole += l + [0x0A]
            }
            return PrependedLineSource([.line(whole)], before: reader)
        }
        return PrependedLineSource(looked, before: reader)
    }
}
