import ArgumentParser
import CredconvJSON
import CredentialConversion
import Foundation
import EuropassJSONLD
import FormatInterface
import HTMLCertificate
import PageRendering

/// `credconv convert`: the default subcommand.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a credential (the default subcommand).",
        discussion: "Formats: \(CredconvFormats.registry.names.map(\.rawValue).joined(separator: ", ")). See 'credconv formats' for what this build reads and writes."
    )

    @Option(name: [.customShort("f"), .customLong("from")], help: "Input format (default: detected from the content).")
    var from: FormatName?

    @Option(name: [.customShort("t"), .customLong("to")], help: "Output format.")
    var to: FormatName

    @Flag(help: "Input is JSON Lines: one credential per line; output is one compact document per line.")
    var jsonl = false

    @Flag(help: "Exit with status 3, writing nothing, when the target cannot hold everything.")
    var strict = false

    @Option(help: "How to report warnings and losses on standard error: text or json.")
    var report: ReportRenderer.Style = .text

    @Flag(help: "Write JSON on one line.")
    var compact = false

    @Option(name: .customLong("lang"), help: "Preferred language (BCP 47) for texts written in one language.")
    var language: String?

    @Option(help: "Paper for HTML certificates: a4 or letter.")
    var paper: HTMLCertificateOptions.Paper = .a4

    @Option(name: .customLong("page-image"), help: ArgumentHelp(
        "Page picture for elm output: render (with chromium and pdftoppm), none, or a JPEG file.",
        discussion: "Default: render for one document, none for --jsonl (rendering takes about a second per credential).",
        valueName: "render|none|FILE"))
    var pageImage: String?

    @Option(name: .customLong("with"), help: ArgumentHelp(
        "A JSON document the input refers to by id (an OB 2.0 badge class or issuer); repeatable.",
        valueName: "FILE"))
    var linked: [String] = []

    @Option(name: .customLong("merge"), help: ArgumentHelp(
        "A partial model document (JSON Merge Patch of 'credconv -t model' output) laid over what was read; repeatable.",
        valueName: "FILE"))
    var merge: [String] = []

    @Flag(name: .customLong("hash-recipient"), help: "Replace a plain recipient email with a salted sha256$ hash.")
    var hashRecipient = false

    @Option(help: "The salt for --hash-recipient (default: 16 random bytes as hex).")
    var salt: String?

    @Option(name: .customLong("max-bytes"), help: ArgumentHelp(
        "Largest input accepted, in bytes: a document, or one JSON Lines line (default 64 MiB; XML 16 MiB).",
        valueName: "N"))
    var maxBytes: Int?

    @Flag(help: "Convert only what verifies (exit 1 otherwise); the model's provenance then says with which key.")
    var verify = false

    @OptionGroup(title: "Verification (with --verify)") var trust: VerificationArguments

    @Option(name: .customLong("sign-key"), help: ArgumentHelp(
        "Sign the output with this private key (PEM or JWK): -t ob3-jwt (a VC-JWT), -t ob3 (a Data Integrity proof, eddsa-rdfc-2022 or ecdsa-rdfc-2019 unless --suite says otherwise), -t ob2 (a signed assertion) or -t eudi-lc (an SD-JWT VC, ES256 by default).", valueName: "FILE"))
    var signKey: String?

    @OptionGroup(title: "Signing (with --sign-key)") var signing: SigningArguments

    @OptionGroup(title: "Learning Credential (-t eudi-lc)") var learningCredential: LearningCredentialArguments

    @OptionGroup(title: "JSON-LD (Data Integrity proofs with the RDFC suites)") var contexts: ContextArguments

    @Option(name: [.customShort("o"), .customLong("output")], help: "Write to FILE instead of standard output.")
    var output: String?

    @Option(name: .customLong("output-dir"), help: ArgumentHelp(
        "Convert every INPUT (a folder: its files) into its own file in DIR, named after it with the target's extension, in parallel.",
        valueName: "DIR"))
    var outputDirectory: String?

    @Flag(help: "With --output-dir: replace output files that exist (default: keep them, and report each).")
    var force = false

    @Flag(name: .customLong("fail-fast"), help: "With --jsonl: stop at the first record that fails (exit with its status); what came before it is written.")
    var failFast = false

    @Flag(help: "No progress line and no closing summary (shown only when standard error is a terminal).")
    var quiet = false

    @Argument(help: "Input file (default: standard input, also '-'); several, or folders, with --output-dir.")
    var inputs: [String] = []

    /// The one input of a single conversion or batch (nil: standard input).
    var input: String? { inputs.first }

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        var options = ConversionOptions(from: from, to: to, compact: compact, language: language)
        options.paper = paper
        let renderer = ReportRenderer(style: report, inputName: InputOutput.displayName(input))
        if let maxBytes {
            guard maxBytes > 0 else {
                InputOutput.diagnose(renderer.render(Diagnostic(.usage, "--max-bytes must be a positive number of bytes")))
                throw ExitCode(64)
            }
            options.jsonLimits.maxBytes = maxBytes
            options.xmlMaxBytes = min(options.xmlMaxBytes, maxBytes)
        }
        do throws(Diagnostic) {
            options.pageImage = try InputOutput.pageImage(pageImage, batch: jsonl)
        } catch {
            InputOutput.diagnose(renderer.render(error))
            throw ExitCode(error.exitCode)
        }
        if options.pageImage == .render { options.pageRenderer = ChromiumPageRenderer() }
        if salt != nil && !hashRecipient { throw ValidationError("--salt goes with --hash-recipient") }
        if hashRecipient { options.hashRecipientSalt = salt ?? RecipientIdentity.randomSalt() }
        do throws(Diagnostic) {
            if verify {
                options.verification = try trust.options(limits: options.jsonLimits, jsonld: try contexts.processor())
            } else if !trust.keys.isEmpty || !trust.statusLists.isEmpty || trust.at != nil {
                throw Diagnostic(.usage, "--key, --status and --at go with --verify (or credconv verify)")
            }
            if let signKey {
                let forms: [FormatName: SigningRequest.Form] = [.ob3JWT: .ob3JWT, .ob2: .ob2, .ob3: .ob3, .eudiLearningCredential: .learningCredential]
                guard let form = forms[to] else {
                    throw Diagnostic(.usage, "--sign-key signs -t ob3-jwt (a VC-JWT), -t ob3 (a Data Integrity proof), -t ob2 (a signed assertion) or -t eudi-lc (an SD-JWT VC), not -t \(to)")
                }
                options.signing = try signing.request(keyFile: signKey, form: form, renderer: renderer, jsonld: try contexts.processor())
                if to == .ob3JWT { options.compact = true }
            } else if signing.keyId != nil || signing.algorithm != nil || signing.certificates != nil {
                throw Diagnostic(.usage, "--kid, --alg and --sign-cert go with --sign-key")
            }
            try learningCredential.apply(to: &options, target: to)
            options.linkedDocuments = try InputOutput.readJSONDocuments(linked, option: "--with", limits: options.jsonLimits)
            let merges = try InputOutput.readJSONDocuments(merge, option: "--merge", limits: options.jsonLimits)
            options.mergeDocuments = zip(merge, merges).map { MergeDocument(name: $0.0, value: $0.1) }
        } catch {
            InputOutput.diagnose(renderer.render(error))
            throw ExitCode(error.exitCode)
        }
        if let outputDirectory {
            guard !jsonl, output == nil else {
                InputOutput.diagnose(renderer.render(Diagnostic(.usage, "--output-dir writes one file per input document: it goes with neither -o nor --jsonl")))
                throw ExitCode(64)
            }
            throw ExitCode(FileConversion.run(
                inputs: inputs, outputDirectory: outputDirectory, options: options, strict: strict, force: force, style: report, quiet: quiet))
        }
        guard inputs.count <= 1 else {
            InputOutput.diagnose(renderer.render(Diagnostic(.usage, "\(inputs.count) inputs: convert several files with --output-dir DIR (one output each), or one stream with --jsonl")))
            throw ExitCode(64)
        }
        if force {
            InputOutput.diagnose(renderer.render(Diagnostic(.usage, "--force goes with --output-dir")))
            throw ExitCode(64)
        }
        if jsonl {
            throw ExitCode(runBatch(options: options, renderer: renderer))
        }
        if failFast {
            InputOutput.diagnose(renderer.render(Diagnostic(.usage, "--fail-fast goes with --jsonl (one document stops at its first error anyway)")))
            throw ExitCode(64)
        }
        throw ExitCode(runSingle(options: options, renderer: renderer))
    }

    /// One document: all or nothing on stdout.
    private func runSingle(options: ConversionOptions, renderer: ReportRenderer) -> Int32 {
        do throws(Diagnostic) {
            try InputOutput.convertOne(input: input, options: options, strict: strict, output: output, renderer: renderer)
            return 0
        } catch {
            InputOutput.diagnose(renderer.render(error))
            return error.exitCode
        }
    }

    /// JSON Lines: record by record, flushed as it goes.
    private func runBatch(options: ConversionOptions, renderer: ReportRenderer) -> Int32 {
        BatchConversion.run(input: input, options: options, strict: strict, output: output, renderer: renderer, failFast: failFast, quiet: quiet)
    }
}

extension FormatName: ExpressibleByArgument {
    public init?(argument: String) {
        let name = FormatName(rawValue: argument.lowercased())
        guard CredconvFormats.registry.format(named: name) != nil else { return nil }
        self = name
    }
    public static var allValueStrings: [String] { CredconvFormats.registry.names.map(\.rawValue) }
}

extension ReportRenderer.Style: ExpressibleByArgument {}
extension HTMLCertificateOptions.Paper: ExpressibleByArgument {}
