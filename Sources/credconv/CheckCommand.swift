import ArgumentParser
import CredconvJSON
import CredentialConversion

extension CredentialCheck.Profile: ExpressibleByArgument {}

/// `credconv check [--profile P] [--report json] [INPUT]`: the EU micro-credential elements a credential holds.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "List the EU micro-credential elements (Annex I) a credential holds, in any format credconv reads.",
        discussion: """
            Prints each element as present, MISSING (mandatory) or absent (optional), with its value. Exits 0 when \
            every mandatory element is present, 1 when one is missing, 65 when the input is not a credential. \
            --profile edc adds what the EDC shapes require before a Europass credential can be issued \
            (an eIDAS identifier of the issuer, a grade for each assessment). --profile jsonld lists, by JSON \
            pointer, what JSON-LD processing drops from a JSON-LD document or VC-JWT (terms no context \
            defines, relative types and ids): data JSON-LD consumers do not see and RDFC proofs do not cover; \
            it exits 1 when there is any. --profile eudi-lc lists the claims of the EUDI Wallet's Learning \
            Credential as -t eudi-lc would write them, and what is missing (supply it with --merge, \
            --expires and --holder-key).
            """)

    @Option(help: "eu-microcredential (Annex I), edc (Annex I and the EDC requirements), jsonld (what JSON-LD drops) or eudi-lc (the EUDI Learning Credential's claims).")
    var profile: CredentialCheck.Profile = .euMicrocredential

    @Option(help: "Output: text or json.")
    var report: ReportRenderer.Style = .text

    @Option(name: [.customShort("f"), .customLong("from")], help: "Input format (default: detected from the content).")
    var from: FormatName?

    @Option(name: .customLong("lang"), help: "Preferred language (BCP 47) for the values shown.")
    var language: String?

    @OptionGroup(title: "JSON-LD (with --profile jsonld)") var contexts: ContextArguments

    @Argument(help: "Input file (default: standard input).")
    var input: String?

    func run() throws {
        let name = InputOutput.displayName(input)
        let options = ConversionOptions(from: from, to: .model, language: language)
        if profile == .jsonld { return try checkJSONLD(name: name, options: options) }
        let result: CredentialCheck.Result
        do throws(Diagnostic) {
            let bytes = try InputOutput.readAll(input, limit: options.jsonLimits.maxBytes)
            result = try CredentialCheck().check(bytes, profile: profile, options: options)
        } catch {
            InputOutput.diagnose(ReportRenderer(style: report, inputName: name).render(error))
            throw ExitCode(error.exitCode)
        }
        switch report {
        case .json: print(JSONWriter(style: .pretty).string(CredentialCheck.json(result, inputName: name)))
        case .text: print(CredentialCheck.text(result, inputName: name), terminator: "")
        }
        if !result.isConformant { throw ExitCode(1) }
    }

    private func checkJSONLD(name: String, options: ConversionOptions) throws {
        let result: JSONLDCheck.Result
        do throws(Diagnostic) {
            let bytes = try InputOutput.readAll(input, limit: options.jsonLimits.maxBytes)
            result = try JSONLDCheck(processor: try contexts.processor()).check(bytes, limits: options.jsonLimits)
        } catch {
            InputOutput.diagnose(ReportRenderer(style: report, inputName: name).render(error))
            throw ExitCode(error.exitCode)
        }
        switch report {
        case .json: print(JSONWriter(style: .pretty).string(JSONLDCheck.json(result, inputName: name)))
        case .text: print(JSONLDCheck.text(result, inputName: name), terminator: "")
        }
        if !result.isConformant { throw ExitCode(1) }
    }
}
