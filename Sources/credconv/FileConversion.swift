import CredentialConversion
import Dispatch
import Foundation

/// `credconv -t FORMAT --output-dir DIR INPUT...`: several documents at once, on all cores, each into
/// its own file in DIR named after its input with the target's extension (`badge.json` → `badge.xml`).
/// A file that fails is reported with its name and the others are still converted; an output that
/// exists is kept (and reported) unless `force`.
enum FileConversion {
    /// One input's outcome.
    private struct Outcome: Sendable {
        var output: String
        /// The rendered report of the conversion, or the error.
        var messages: String
        var exitCode: Int32
    }

    /// The exit status: 0 when every file converted, else the status of the first file that did not.
    static func run(
        inputs: [String], outputDirectory: String, options: ConversionOptions, strict: Bool, force: Bool,
        style: ReportRenderer.Style, quiet: Bool
    ) -> Int32 {
        let progress = BatchProgress(quiet: quiet)
        let files: [String]
        do throws(Diagnostic) {
            files = try expand(inputs)
            try createDirectory(outputDirectory)
        } catch {
            progress.diagnose(ReportRenderer(style: style, inputName: outputDirectory).render(error))
            return error.exitCode
        }
        let fileExtension = CredconvFormats.registry.format(named: options.to)?.fileExtension ?? options.to.rawValue
        // badge.json → badge.xml; when two inputs share a base name (badge.json, badge.jwt), each keeps its
        // own extension too (badge.json.xml, badge.jwt.xml), so no output overwrites another.
        let bases = files.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
        var baseCount: [String: Int] = [:]
        for file in Set(files) { baseCount[URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent, default: 0] += 1 }
        let outputs = zip(files, bases).map { input, base in
            let name = baseCount[base, default: 0] > 1 ? URL(fileURLWithPath: input).lastPathComponent : base
            return URL(fileURLWithPath: outputDirectory).appendingPathComponent("\(name).\(fileExtension)").path
        }
        // The same input given twice would write one file twice: the later one is refused.
        var claimedBy: [String: String] = [:]
        var sharedWith: [Int: String] = [:]
        for (i, output) in outputs.enumerated() {
            if let earlier = claimedBy[output] { sharedWith[i] = earlier } else { claimedBy[output] = files[i] }
        }
        let slots = ResultSlots<Outcome>(count: files.count)
        let shared = sharedWith
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            if let earlier = shared[i] {
                slots.set(i, Outcome(output: outputs[i], messages: ReportRenderer(style: style, inputName: files[i]).render(Diagnostic(
                    .cannotCreateOutput, "\(outputs[i]) is the output of \(earlier) already: not written for this input")), exitCode: 73))
                return
            }
            slots.set(i, convert(files[i], to: outputs[i], options: options, strict: strict, force: force, style: style))
        }
        var summary = JSONLinesBatch.Summary()
        var status: Int32 = 0
        for outcome in slots.values() {
            if !outcome.messages.isEmpty { progress.diagnose(outcome.messages) }
            if outcome.exitCode == 0 { summary.converted += 1 } else { summary.failed += 1 }
            if status == 0 { status = outcome.exitCode }
            progress.update(summary)
        }
        progress.finish(summary.line)
        return status
    }

    /// The files of the inputs: a folder stands for its files (not hidden, not in subfolders), sorted.
    static func expand(_ inputs: [String]) throws(Diagnostic) -> [String] {
        var files: [String] = []
        for input in inputs {
            guard input != "-" else { throw Diagnostic(.usage, "--output-dir converts files; standard input goes to standard output or -o") }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw Diagnostic(.noInput, "\(input): no such file or folder")
            }
            guard isDirectory.boolValue else { files.append(input); continue }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: input)) ?? []
            for name in names.sorted() where !name.hasPrefix(".") {
                let path = URL(fileURLWithPath: input).appendingPathComponent(name).path
                var inner: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &inner), !inner.boolValue { files.append(path) }
            }
        }
        guard !files.isEmpty else { throw Diagnostic(.noInput, "no input files") }
        return files
    }

    private static func createDirectory(_ path: String) throws(Diagnostic) {
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            throw Diagnostic(.cannotCreateOutput, "\(path): cannot create the output folder (\(error.localizedDescription))")
        }
    }

    /// Converts one file; never throws (its outcome carries the error).
    private static func convert(_ input: String, to output: String, options: ConversionOptions, strict: Bool, force: Bool, style: ReportRenderer.Style) -> Outcome {
        let renderer = ReportRenderer(style: style, inputName: input)
        if !force && FileManager.default.fileExists(atPath: output) {
            return Outcome(output: output, messages: renderer.render(Diagnostic(
                .cannotCreateOutput, "\(output) exists and is kept (--force replaces it)")), exitCode: 73)
        }
        do throws(Diagnostic) {
            let bytes = try InputOutput.readAll(input, limit: options.jsonLimits.maxBytes)
            let result = try Converter().convert(bytes, options: options)
            let report = renderer.render(result)
            if strict && !result.report.lost.isEmpty {
                throw Diagnostic(.lossy, "information would be lost (--strict); nothing written")
            }
            try InputOutput.writeDocument(result.bytes, to: output)
            return Outcome(output: output, messages: report, exitCode: 0)
        } catch {
            return Outcome(output: output, messages: renderer.render(error), exitCode: error.exitCode)
        }
    }
}
