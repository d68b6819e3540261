import ArgumentParser
import CredentialConversion
import Foundation

/// `--context URL=FILE`: JSON-LD contexts credconv does not embed, served from local files.
struct ContextArguments: ParsableArguments {
    @Option(name: .customLong("context"), help: ArgumentHelp(
        "Serve the JSON-LD context at URL from a local FILE (credconv embeds the contexts of the formats it writes and never fetches one); repeatable.",
        valueName: "URL=FILE"))
    var contexts: [String] = []

    /// The JSON-LD processor with the embedded contexts and the given files.
    func processor() throws(Diagnostic) -> JSONLDProcessor {
        guard !contexts.isEmpty else { return JSONLDProcessor() }
        var files: [String: String] = [:]
        for entry in contexts {
            guard let equals = entry.firstIndex(of: "="), case let url = String(entry[..<equals]), IRI.isAbsolute(url) else {
                throw Diagnostic(.usage, "--context takes URL=FILE (an absolute URL, then the file that holds its context), not \(entry)")
            }
            let path = String(entry[entry.index(after: equals)...])
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw Diagnostic(.noInput, "cannot read \(path), given with --context for \(url)")
            }
            files[url] = path
        }
        return JSONLDProcessor(loader: OfflineDocumentLoader(files: files))
    }
}
