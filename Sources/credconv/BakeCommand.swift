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
            chunk kept, or an SVG element right after <svg>. A badge already in the image is replaced. \
            Without -t an Open Badges credential is baked as itself (an OB 2.0 assertion stays one, under \
            openbadges, so its hosted verification still works; a signed VC-JWT keeps its signature); other \
            formats are converted to ob3 (unsigned). With -t the credential is converted first unless it is \
            already in that format. Read it back with credconv -t ob3 baked.png.
            """)

    @Option(name: .customLong("image"), help: "The PNG or SVG image to bake into.")
    var image: String

    @Option(name: [.customShort("t"), .customLong("as")], help: "Convert first, and bake as: ob3 or ob2 (default: the credential's own Open Badges version; other formats as ob3).")
    var target: FormatName?

    @Option(name: [.customShort("o"), .customLong("output")], help: "Write to FILE instead of standard output.")
    var output: String?

    @Option(help: "How to report warnings and losses on standard error: text or json.")
    var report: ReportRenderer.Style = .text

    @Argument(help: "The credential (default: standard input).")
    var input: String?

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let renderer = ReportRenderer(style: report, inputName: InputOutput.displayName(input))
        let imageRenderer = ReportRenderer(style: report, inputName: image)
        let imageBytes: [UInt8]
        do throws(Diagnostic) {
            imageBytes = try InputOutput.readAll(image, limit: 32 << 20)
        } catch {
            InputOutput.diagnose(imageRenderer.render(error))
            throw ExitCode(error.exitCode)
        }
        do {
            let options = ConversionOptions(to: target ?? .ob3)
            let credential = try InputOutput.readAll(input, limit: options.jsonLimits.maxBytes)
            let result = try BadgeBaker().bake(credential, into: imageBytes, as: target, options: options)
            let output = ConversionOutput(bytes: result.image, inputFormat: result.payloadFormat, inputDetail: result.bakedUnchanged ? "baked unchanged" : "converted, then baked", report: result.report, signature: nil)
            let text = renderer.render(output)
            if !text.isEmpty { InputOutput.diagnose(text) }
            let sink = try InputOutput.OutputSink(path: self.output)
            try sink.write(result.image)
            try sink.finish()
        } catch let failure as BadgeBaker.Failure {
            // An error about the image names the image, not the credential.
            switch failure {
            case .image(let d): InputOutput.diagnose(imageRenderer.render(d))
            case .credential(let d): InputOutput.diagnose(renderer.render(d))
            }
            throw ExitCode(failure.diagnostic.exitCode)
        } catch let error as Diagnostic {
            InputOutput.diagnose(renderer.render(error))
            throw ExitCode(error.exitCode)
        }
    }
}
