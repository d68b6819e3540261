import ArgumentParser
import CredentialConversion

/// `credconv detect`: prints the detected format and its version detail.
struct DetectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Print the detected format of a credential (name, a tab, version detail).")

    @Argument(help: "Input file (default: standard input).")
    var input: String?

    func run() throws {
        let renderer = ReportRenderer(style: .text, inputName: InputOutput.displayName(input))
        do throws(Diagnostic) {
            let bytes = try InputOutput.readAll(input, limit: 64 << 20)
            let detected = try CredconvFormats.registry.detect(bytes)
            print("\(detected.format.rawValue)\t\(detected.detail)")
        } catch {
            InputOutput.diagnose(renderer.render(error))
            throw ExitCode(error.exitCode)
        }
    }
}
