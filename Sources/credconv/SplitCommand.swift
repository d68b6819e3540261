import ArgumentParser
import CredconvJSON
import CredentialConversion
import Foundation

/// `credconv split [-t FORMAT] [INPUT]`: a learner record into its credentials, one per line.
struct SplitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split",
        abstract: "Take a learner record (CLR 2.0, or a Europass credential of several achievements) apart: its credentials, one per line.",
        discussion: """
            Without -t each credential is written as the record holds it: a signed one as it was signed (its \
            proof intact), the others as Open Badges 3.0 JSON. With -t each is converted from the model \
            (ob3, ob2, elm or model; signatures do not carry over). Output is JSON Lines.

            Examples:
              credconv split record.json > credentials.jsonl
              credconv split -t elm transcript.jsonld | head -1
            """)

    @Option(name: [.customShort("t"), .customLong("to")], help: "Write each credential as ob3, ob2, elm or model (default: as the record holds it).")
    var to: FormatName?

    @Flag(help: "Exit with status 3, writing nothing, when a credential cannot hold everything.")
    var strict = false

    @Option(help: "How to report warnings and losses on standard error: text or json.")
    var report: ReportRenderer.Style = .text

    @Option(name: [.customShort("o"), .customLong("output")], help: "Write to FILE instead of standard output.")
    var output: String?

    @Argument(help: "Input file (default: standard input).")
    var input: String?

    static let lineTargets: Set<FormatName> = [.ob3, .ob2, .elm, .model]

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let renderer = ReportRenderer(style: report, inputName: InputOutput.displayName(input))
        do throws(Diagnostic) {
            if let to, !Self.lineTargets.contains(to) {
                throw Diagnostic(.usage, "split writes JSON Lines: -t ob3, ob2, elm or model, not \(to)")
            }
            let options = ConversionOptions(to: to ?? .ob3, compact: true)
            let bundling = RecordBundling()
            let bytes = try InputOutput.readAll(input, limit: options.jsonLimits.maxBytes)
            var readReport = ConversionReport()
            let entries = try bundling.split(bytes, options: options, report: &readReport)
            InputOutput.diagnose(renderer.render(ConversionOutput(bytes: [], inputFormat: "record", inputDetail: "", report: readReport, signature: nil)))
            var lines: [UInt8] = []
            var lossy = false
            for (i, entry) in entries.enumerated() {
                var report = ConversionReport()
                let line: [UInt8]
                do throws(Diagnostic) { line = try bundling.write(entry, as: to, options: options, report: &report) } catch {
                    throw error.prefixed("credential \(i + 1) of \(entries.count): ")
                }
                InputOutput.diagnose(renderer.render(ConversionOutput(bytes: line, inputFormat: "record", inputDetail: "", report: report, signature: nil), record: i + 1))
                lossy = lossy || !report.lost.isEmpty
                lines += line + [0x0A]
            }
            if strict && lossy { throw Diagnostic(.lossy, "information would be lost (--strict); nothing written") }
            let sink = try InputOutput.OutputSink(path: output)
            do throws(Diagnostic) {
                try sink.write(lines)
                try sink.finish()
            } catch {
                sink.discard()
                throw error
            }
        } catch {
            InputOutput.diagnose(renderer.render(error))
            throw ExitCode(error.exitCode)
        }
    }
}
