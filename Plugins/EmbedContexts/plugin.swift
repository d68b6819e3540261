import Foundation
import PackagePlugin

/// Compiles the JSON-LD context documents of a target's `contexts/` folder (and credconv's own context
/// in `schemas/`) into a Swift source file, so the binary carries them and needs no resource bundle.
@main
struct EmbedContexts: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let folder = target.directoryURL.appending(path: "contexts")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".json") || $0.hasSuffix(".jsonld") }
            .sorted()
        var inputs = names.map { folder.appending(path: $0) }
        inputs.append(context.package.directoryURL.appending(path: "schemas/credconv-ob3-extension.context.jsonld"))
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedContextFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) JSON-LD contexts",
                executable: try context.tool(named: "ContextEmbedder").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}
