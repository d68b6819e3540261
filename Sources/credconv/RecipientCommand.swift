import ArgumentParser
import CredentialConversion
import CredentialModel

/// `credconv recipient --check EMAIL [INPUT]`: is this person the credential's recipient?
struct RecipientCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recipient",
        abstract: "Check whether an email (or other identity) is the recipient of a credential, hashed or plain.",
        discussion: """
            Compares the identity with every recipient identity of the credential: sha256$ and md5$ hashes \
            (salted or not, hex in either case) and plain values; emails are compared without regard to case. \
            Exits 0 when it matches, 1 when not, 65 when the input is not a credential.
            """)

    @Option(name: .customLong("check"), help: "The identity to check (an email address, URL or id).")
    var identity: String

    @Option(name: [.customShort("f"), .customLong("from")], help: "Input format (default: detected from the content).")
    var from: FormatName?

    @Option(name: .customLong("with"), help: ArgumentHelp("A JSON document the input refers to by id; repeatable.", valueName: "FILE"))
    var linked: [String] = []

    @Argument(help: "Input file (default: standard input).")
    var input: String?

    func run() throws {
        let name = InputOutput.displayName(input)
        let renderer = ReportRenderer(style: .text, inputName: name)
        var options = ConversionOptions(from: from, to: .model)
        let match: RecipientIdentity.Match
        do throws(Diagnostic) {
            options.linkedDocuments = try InputOutput.readJSONDocuments(linked, option: "--with", limits: options.jsonLimits)
            let bytes = try InputOutput.readAll(input, limit: options.jsonLimits.maxBytes)
            var report = ConversionReport()
            let (credential, _) = try Converter().read(bytes, options: options, report: &report)
            match = RecipientIdentity.check(identity, against: credential)
        } catch {
            InputOutput.diagnose(renderer.render(error))
            throw ExitCode(error.exitCode)
        }
        print(match.matched ? "\(name): recipient matches (\(match.detail))" : "\(name): not the recipient (\(match.detail))")
        if !match.matched { throw ExitCode(1) }
    }
}
