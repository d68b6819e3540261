import ArgumentParser
import CredentialConversion

/// `credconv detect`: prints the detected format and its version detail.
struct DetectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Print the detected format of a credential (name, a tab, version detail).",
        discussion: "A format is named only when its reader accepts the input (as convert would); otherwise the reader's reason, exit 65.")

    @Argument(help: "Input file (default: standard input).")
    var input: String?

    func run() throws {
        let renderer = ReportRenderer(style: .text, inputName: InputOutput.displayName(input))
        do throws(Diagnostic) {
            let options = ConversionOptions(to: .model)
            let bytes = try InputOutput.readAll(input, limit: options.jsonLimits.maxBytes)
            let detected = try Converter().detect(bytes, options: options)
            print("\(detected.format.rawValue)\t\(detected.detail)")
        } catch {
            InputOutput.diagnose(renderer.render(error))
            throw ExitCode(error.exitCode)
        }
    }
}
