import ArgumentParser
import CredentialConversion

/// `credconv validate --schema FILE.xsd [INPUT]`: XSD validation with every violation and its line.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate an XML document against an XML Schema from a local file.",
        discussion: """
            Prints every violation as <input>:<line>:<col>: <message> on standard output and exits 65 when there \
            is one, 0 when the document is valid. Imports are resolved next to the schema file (an import by URL \
            uses the file of the same name there); nothing is fetched.
            """)

    @Option(name: .customLong("schema"), help: "The XSD file (e.g. genericschema_1.2.xsd).")
    var schema: String

    @Argument(help: "Input file (default: standard input).")
    var input: String?

    func run() throws {
        let name = InputOutput.displayName(input)
        let renderer = ReportRenderer(style: .text, inputName: name)
        let violations: [SchemaValidation.Violation]
        do throws(Diagnostic) {
            let bytes = try InputOutput.readAll(input, limit: 16 << 20)
            violations = try SchemaValidation.validate(bytes, schemaPath: schema)
        } catch {
            InputOutput.diagnose(renderer.render(error))
            throw ExitCode(error.exitCode)
        }
        for v in violations { print("\(name):\(v.line)" + (v.column > 0 ? ":\(v.column)" : "") + ": \(v.message)") }
        guard violations.isEmpty else {
            InputOutput.diagnose("credconv: error: \(name): \(violations.count) violation\(violations.count == 1 ? "" : "s") of \(schema)\n")
            throw ExitCode(65)
        }
        print("\(name): valid")
    }
}
