import ArgumentParser
import CredconvJSON
import CredentialConversion

/// `credconv verify [--key FILE]... [--status FILE]... [--at TIME] [--report text|json] [INPUT]`.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a signed credential (VC-JWT, vc+jwt, OB 2.0 signed assertion; also baked in PNG/SVG), offline.",
        discussion: """
            Runs each check and reports it with a stable code: verify.well-formed, verify.algorithm-allowed \
            (no none, no HMAC, RSA of 2048 bits or more, an alg that fits the key), verify.key-resolved, \
            verify.signature, verify.key-bound (the key is the issuer's), verify.claims-consistent (iss, sub, \
            jti, nbf, exp), verify.in-date (at --at, default now) and verify.status (against --status lists).

            Keys come from the JWS header (jwk), from a kid that is a did:key or did:jwk, or from --key files; \
            credconv never fetches a key, a DID document or a status list. A key that is named but not given \
            is reported as such: give it with --key.

            Exit status: 0 verified, 1 not verified (the first failing check is named on standard error), \
            65 the input is not a credential, 66 a file is missing.
            """)

    @OptionGroup var trust: VerificationArguments

    @Option(name: .customLong("with"), help: ArgumentHelp(
        "A JSON document the credential refers to by id (an OB 2.0 badge class or issuer profile); repeatable.", valueName: "FILE"))
    var linked: [String] = []

    @Option(help: "Output: text or json.")
    var report: ReportRenderer.Style = .text

    @Option(name: [.customShort("f"), .customLong("from")], help: "Input format (default: detected from the content).")
    var from: FormatName?

    @Argument(help: "Input file (default: standard input).")
    var input: String?

    func run() throws {
        let name = InputOutput.displayName(input)
        let renderer = ReportRenderer(style: report, inputName: name)
        var options = ConversionOptions(from: from, to: .model)
        let results: [VerifiedCredential]
        do throws(Diagnostic) {
            options.linkedDocuments = try InputOutput.readJSONDocuments(linked, option: "--with", limits: options.jsonLimits)
            let verification = try trust.options(limits: options.jsonLimits)
            let bytes = try InputOutput.readAll(input, limit: options.jsonLimits.maxBytes)
            results = try CredentialVerifier().verifyEach(bytes, options: options, verification: verification)
        } catch {
            InputOutput.diagnose(renderer.render(error))
            throw ExitCode(error.exitCode)
        }
        var status: Int32 = 0
        var reports: [JSONValue] = []
        for (index, result) in results.enumerated() {
            let label = results.count > 1 ? "\(name) (credential \(index + 1) of \(results.count))" : name
            // An input that carries no proof and is no credential either is invalid input, not a verdict.
            if let error = result.readError, result.report.firstFailure?.code == .proofPresent {
                InputOutput.diagnose(ReportRenderer(style: report, inputName: label).render(error))
                status = max(status, error.exitCode)
                continue
            }
            if let error = result.readError, result.report.verified {
                InputOutput.diagnose(ReportRenderer(style: report, inputName: label).render(warning: Diagnostic(
                    error.code, "the credential verifies, but credconv cannot read it into its model: \(error.message)", at: error.location, severity: .warning)))
            }
            switch report {
            case .text: print(result.report.text(inputName: label), terminator: "")
            case .json:
                var o = result.report.json.objectValue ?? JSONObject()
                o.set("input", .string(label))
                o.set("format", result.detected.map { .string($0.format.rawValue) } ?? .null)
                reports.append(.object(o))
            }
            if let failure = result.report.firstFailure {
                InputOutput.diagnose("credconv: not verified: \(label): \(failure.code.rawValue): \(failure.detail)\n")
                status = max(status, 1)
            }
        }
        if report == .json, !reports.isEmpty {
            print(JSONWriter(style: .pretty).string(reports.count == 1 ? reports[0] : .array(reports)))
        }
        if status != 0 { throw ExitCode(status) }
    }
}
