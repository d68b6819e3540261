import ArgumentParser
import CredentialConversion
import Foundation

/// `credconv bake --image badge.png [INPUT] > baked.png`: a credential baked into a badge image.
struct BakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bake",
        abstract: "Bake a credential into a PNG or SVG badge image (Open Badges Baking).",
        discussion: """
            Reads a credential in any format credconv reads and writes the image with it baked in: a PNG iTXt \
            chunk (keyword openbadgecredential for ob3, openbadges for ob2) placed after IHDR, every other \
            chunk kept, or an SVG element right after <svg>. A badge already in the image is replaced. A \
            credential already in the target format (a signed VC-JWT, say) is baked unchanged, so its \
            signature still holds; anything else is converted first (and is unsigned). Read it back with \
            credconv -t ob3 baked.png.
            """)

    @Option(name: .customLong("image"), help: "The PNG or SVG image to bake into.")
    var image: String

    @Option(name: [.customShort("t"), .customLong("as")], help: "What to bake: ob3 (default) or ob2.")
    var target: FormatName = "ob3"

    @Option(name: [.customShort("o"), .customLong("output")], help: "Write to FILE instead of standard output.")
    var output: String?

    @Option(help: "How to report warnings and losses on standard error: text or json.")
    var report: ReportRenderer.Style = .text

    @Argument(help: "The credential (default: standard input).")
    var input: String?

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let renderer = ReportRenderer(style: report, inputName: InputOutput.displayName(input))
        do throws(Diagnostic) {
            let options = ConversionOptions(to: target)
            let imageBytes = try InputOutput.readAll(image, limit: 32 << 20)
            let credential = try InputOutput.readAll(input, limit: options.jsonLimits.maxBytes)
            let result = try BadgeBaker().bake(credential, into: imageBytes, as: target, options: options)
            let output = ConversionOutput(bytes: result.image, inputFormat: result.payloadFormat, inputDetail: result.bakedUnchanged ? "baked unchanged" : "converted, then baked", report: result.report, signature: nil)
            let text = renderer.render(output)
            if !text.isEmpty { InputOutput.diagnose(text) }
            let sink = try InputOutput.OutputSink(path: self.output)
            try sink.write(result.image)
            try sink.finish()
        } catch {
            InputOutput.diagnose(renderer.render(error))
            throw ExitCode(error.exitCode)
        }
    }
}
