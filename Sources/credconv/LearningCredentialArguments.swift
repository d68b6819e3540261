import ArgumentParser
import CredentialConversion
import FormatInterface

/// The options of Learning Credential output (`-t eudi-lc`): the holder's key and the expiry.
struct LearningCredentialArguments: ParsableArguments {
    @Option(name: .customLong("holder-key"), help: ArgumentHelp(
        "The holder's public key (JWK or PEM; a PEM private key gives its public half), bound as cnf.jwk: mandatory for -t eudi-lc.",
        valueName: "FILE"))
    var holderKey: String?

    @Option(help: ArgumentHelp(
        "exp of a Learning Credential whose source has no end of validity (ISO 8601 or Unix seconds); the type makes exp mandatory.",
        valueName: "TIME"))
    var expires: String?

    /// Puts the files and times into `options`; refuses them with another target.
    func apply(to options: inout ConversionOptions, target: FormatName) throws(Diagnostic) {
        guard holderKey != nil || expires != nil else { return }
        guard target == .eudiLearningCredential else {
            throw Diagnostic(.usage, "--holder-key and --expires go with -t eudi-lc")
        }
        if let holderKey {
            guard holderKey != "-" else { throw Diagnostic(.usage, "--holder-key needs a file; standard input is the credential") }
            options.formatOptions[HolderKeyOption.self] = try KeyFiles.holderKey(try InputOutput.readAll(holderKey, limit: 1 << 20), name: holderKey)
        }
        if let expires { options.formatOptions[ExpiryOption.self] = try KeyFiles.instant(expires, option: "--expires") }
    }
}
