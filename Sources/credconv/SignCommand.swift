import ArgumentParser
import CredentialConversion
import Foundation

/// `credconv sign --key FILE [--kid ID] [--alg ALG] [-t ob3-jwt|vc-jwt|ob2] [INPUT]`.
struct SignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Sign a credential: convert it and write it as an OB 3.0 VC-JWT, a VC-JOSE-COSE vc+jwt or an OB 2.0 signed assertion.",
        discussion: """
            The input is read in any format credconv reads, converted to Open Badges 3.0 (ob3-jwt, vc-jwt) or \
            2.0 (ob2), and signed with the private key (PEM PKCS#8, SEC1 or PKCS#1, or a private JWK). \
            The kid defaults to the key's did:key (Ed25519, P-256, P-384, P-521); an RSA key without --kid \
            goes into the header as a jwk. OB 2.0 names its key by URL: --kid is required there.

            Verifiers tie the key to the issuer only through the issuer's DID document or profile, or when \
            the issuer's id is the key's DID; credconv warns when neither is evident from the credential.

            Examples:
              credconv keys generate --type ed25519 --did-key -o issuer.pem
              credconv sign --key issuer.pem badge.json > badge.jwt
              credconv verify badge.jwt
            """)

    @Option(name: .customLong("key"), help: ArgumentHelp("The private signing key file.", valueName: "FILE"))
    var keyFile: String

    @OptionGroup var signing: SigningArguments

    @OptionGroup(title: "Learning Credential (-t eudi-lc)") var learningCredential: LearningCredentialArguments

    @OptionGroup var contexts: ContextArguments

    @Option(name: [.customShort("t"), .customLong("to")], help: "The signed form: ob3-jwt (default), vc-jwt, ob3 (an embedded Data Integrity proof, --suite), ob2 or eudi-lc (an SD-JWT VC Learning Credential).")
    var form: SigningRequest.Form = .ob3JWT

    @Option(name: [.customShort("f"), .customLong("from")], help: "Input format (default: detected from the content).")
    var from: FormatName?

    @Option(name: .customLong("with"), help: ArgumentHelp("A JSON document the input refers to by id; repeatable.", valueName: "FILE"))
    var linked: [String] = []

    @Option(name: .customLong("merge"), help: ArgumentHelp(
        "A partial model document (JSON Merge Patch of 'credconv -t model' output) laid over what was read; repeatable.",
        valueName: "FILE"))
    var merge: [String] = []

    @Flag(help: "Input is JSON Lines: one credential per line, one signed credential per line out.")
    var jsonl = false

    @Flag(help: "Exit with status 3, writing nothing, when the signed form cannot hold everything.")
    var strict = false

    @Option(help: "How to report warnings and losses on standard error: text or json.")
    var report: ReportRenderer.Style = .text

    @Option(name: [.customShort("o"), .customLong("output")], help: "Write to FILE instead of standard output.")
    var output: String?

    @Argument(help: "Input file (default: standard input).")
    var input: String?

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let renderer = ReportRenderer(style: report, inputName: InputOutput.displayName(input))
        var batchStatus: Int32 = 0
        do throws(Diagnostic) {
            let target: FormatName = form == .ob2 ? .ob2 : form == .ob3 ? .ob3 : form == .learningCredential ? .eudiLearningCredential : .ob3JWT
            var options = ConversionOptions(from: from, to: target, compact: form != .ob3)
            try learningCredential.apply(to: &options, target: target)
            options.signing = try signing.request(keyFile: keyFile, form: form, renderer: renderer, jsonld: try contexts.processor())
            options.linkedDocuments = try InputOutput.readJSONDocuments(linked, option: "--with", limits: options.jsonLimits)
            let merges = try InputOutput.readJSONDocuments(merge, option: "--merge", limits: options.jsonLimits)
            options.mergeDocuments = zip(merge, merges).map { MergeDocument(name: $0.0, value: $0.1) }
            if jsonl {
                options.compact = true
                batchStatus = BatchConversion.run(input: input, options: options, strict: strict, output: output, renderer: renderer)
            } else {
                try InputOutput.convertOne(input: input, options: options, strict: strict, output: output, renderer: renderer)
            }
        } catch {
            InputOutput.diagnose(renderer.render(error))
            throw ExitCode(error.exitCode)
        }
        if batchStatus != 0 { throw ExitCode(batchStatus) }
    }
}
