import ArgumentParser
import CredconvJSON
import CredentialConversion
import Foundation

/// `credconv bundle [--issuer FILE] [--name TEXT] [-t clr|elm|…] [INPUT...]`: credentials of one learner
/// into one learner record.
struct BundleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: "Put several credentials of one learner into one learner record: a CLR 2.0 (default) or a Europass credential.",
        discussion: """
            Reads each INPUT (any format credconv reads; a learner record or a presentation adds all it holds), \
            or JSON Lines on standard input (one credential per line) when no INPUT is given. The credentials \
            must be about one learner (the same subject id, identifier, email or name): otherwise nothing is \
            written and the error names each learner with its inputs (exit 65).

            Signed credentials (VCDM 2.0 JSON-LD with an embedded proof) are embedded in the CLR as they \
            are, so their proofs still verify; others are written as Open Badges 3.0 from the model (the \
            loss report says which). The CLR itself is unsigned. Its issuer is --issuer (an Open Badges 3.0 \
            Profile document), else the issuer the credentials share.

            -t elm, elm-xml, html or model write the record as one credential holding every achievement \
            (a transcript certificate with -t html).

            Examples:
              credconv bundle --issuer registrar.json a.json b.jwt c.json > record.json
              cat badges.jsonl | credconv bundle -t html > transcript.html
              credconv split record.json
            """)

    @Option(name: [.customShort("t"), .customLong("to")], help: "Output format: clr (default), elm, elm-xml, html or model.")
    var to: FormatName = .clr

    @Option(name: .customLong("issuer"), help: ArgumentHelp("The record's issuer, an Open Badges 3.0 Profile JSON document.", valueName: "FILE"))
    var issuerFile: String?

    @Option(name: .customLong("name"), help: "The record's name (default: \"Learner record of NAME\").")
    var name: String?

    @Flag(help: "Write the record on one line.")
    var compact = false

    @Flag(help: "Exit with status 3, writing nothing, when the record cannot hold everything.")
    var strict = false

    @Option(help: "How to report warnings and losses on standard error: text or json.")
    var report: ReportRenderer.Style = .text

    @Option(name: [.customShort("o"), .customLong("output")], help: "Write to FILE instead of standard output.")
    var output: String?

    @Argument(help: "Credential files (default: JSON Lines on standard input).")
    var inputs: [String] = []

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let renderer = ReportRenderer(style: report, inputName: inputs.isEmpty ? "<stdin>" : inputs.joined(separator: ", "))
        do throws(Diagnostic) {
            var options = ConversionOptions(to: to, compact: compact)
            let bundling = RecordBundling()
            guard bundling.formats.recordWriter(named: to) != nil else {
                throw Diagnostic(.usage, "a learner record is written as \(bundling.formats.formats.filter { $0 is any RecordWritableFormat }.map(\.name.rawValue).joined(separator: ", ")); not \(to)")
            }
            var report = ConversionReport()
            var entries: [(source: String, entry: RecordEntry)] = []
            var inputBytes: [UInt8] = []
            for (name, bytes) in try Self.inputs(inputs, limit: options.jsonLimits.maxBytes) {
                do throws(Diagnostic) {
                    for entry in try bundling.entries(of: bytes, options: options, report: &report) { entries.append((name, entry)) }
                } catch {
                    throw error.prefixed("\(name): ")
                }
                inputBytes += bytes
            }
            var issuer: Organization?
            if let issuerFile {
                let profile = try InputOutput.readJSONDocuments([issuerFile], option: "--issuer", limits: options.jsonLimits)[0]
                var context = ReadContext(formats: bundling.formats)
                do throws(Diagnostic) { issuer = try ClrFormat().issuerProfile(profile, context: &context) } catch { throw error.prefixed("--issuer \(issuerFile): ") }
                report.merge(context.report)
            }
            let record = try bundling.bundle(entries, issuer: issuer, name: name.map { LocalizedString($0) }, report: &report)
            options.compact = compact
            let bytes = try Converter(formats: bundling.formats).write(record, options: options, input: inputBytes, report: &report)
            let result = ConversionOutput(bytes: bytes, inputFormat: "bundle", inputDetail: "\(entries.count) credentials", report: report, signature: nil)
            InputOutput.diagnose(renderer.render(result))
            if strict && !report.lost.isEmpty { throw Diagnostic(.lossy, "information would be lost (--strict); nothing written") }
            try InputOutput.writeDocument(bytes, to: output)
        } catch {
            InputOutput.diagnose(renderer.render(error))
            throw ExitCode(error.exitCode)
        }
    }

    /// The inputs with their names: each file, or each non-empty line of standard input.
    static func inputs(_ paths: [String], limit: Int) throws(Diagnostic) -> [(String, [UInt8])] {
        if !paths.isEmpty { return try paths.map { p throws(Diagnostic) in (p, try InputOutput.readAll(p, limit: limit)) } }
        let all = try InputOutput.readAll(nil, limit: limit)
        let lines = all.split(separator: 0x0A, omittingEmptySubsequences: false)
        // One document over several lines (a pretty-printed presentation or record, XML) is one input.
        if let first = lines.first(where: { !Array($0).trimmingASCIIWhitespace().isEmpty }), !JSONLinesBatch.isOneRecordPerLine(Array(first)) {
            return [("<stdin>", all)]
        }
        var out: [(String, [UInt8])] = []
        for (i, line) in lines.enumerated() {
            let bytes = Array(line)
            if bytes.trimmingASCIIWhitespace().isEmpty { continue }
            out.append(("<stdin> line \(i + 1)", bytes))
        }
        return out
    }
}
