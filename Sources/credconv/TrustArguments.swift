import CredentialModel
import ArgumentParser
import CredconvJSON
import CredentialConversion
import Foundation

/// The options that say what a verification may use: key files, status lists and the time.
struct VerificationArguments: ParsableArguments {
    @Option(name: .customLong("key"), help: ArgumentHelp(
        "A public key file: JWK, JWKS, PEM (public key or certificate), DID document, OB 2.0 CryptographicKey, or a profile listing keys; repeatable.",
        valueName: "FILE"))
    var keys: [String] = []

    @Option(name: .customLong("status"), help: ArgumentHelp(
        "A status list: a Bitstring/StatusList2021 credential (JSON or JWT), a 1EdTech revocation list or an OB 2.0 RevocationList; repeatable.",
        valueName: "FILE"))
    var statusLists: [String] = []

    @Option(name: .customLong("trust"), help: ArgumentHelp(
        "Trust anchors for x5c certificate chains (PEM certificates); repeatable.", valueName: "FILE"))
    var trustAnchors: [String] = []

    @Option(help: ArgumentHelp("The audience an SD-JWT's key-binding JWT must name (aud).", valueName: "AUD"))
    var audience: String?

    @Option(help: ArgumentHelp("The nonce an SD-JWT's key-binding JWT must carry.", valueName: "NONCE"))
    var nonce: String?

    @Option(name: .customLong("at"), help: ArgumentHelp("Check validity at this time (ISO 8601, or Unix seconds; default: now).", valueName: "TIME"))
    var at: String?

    /// The files read and parsed; `linked` are the `--with` documents.
    func options(limits: JSONLimits, jsonld: JSONLDProcessor) throws(Diagnostic) -> VerificationOptions {
        var keys: [SuppliedKey] = []
        for path in self.keys {
            guard path != "-" else { throw Diagnostic(.usage, "--key needs a file; standard input is the credential") }
            keys += try KeyFiles.verificationKeys(try InputOutput.readAll(path, limit: 4 << 20), name: path)
        }
        var lists: [StatusListDocument] = []
        for path in statusLists {
            guard path != "-" else { throw Diagnostic(.usage, "--status needs a file; standard input is the credential") }
            lists.append(try KeyFiles.statusList(try InputOutput.readAll(path, limit: limits.maxBytes), name: path))
        }
        let time = try at.map { (text) throws(Diagnostic) in try KeyFiles.instant(text) } ?? Int64(Date().timeIntervalSince1970)
        var options = VerificationOptions(keys: keys, statusLists: lists, at: time, jsonLimits: limits, jsonld: jsonld)
        for path in trustAnchors {
            guard path != "-" else { throw Diagnostic(.usage, "--trust needs a file; standard input is the credential") }
            options.trustAnchors += try KeyFiles.certificateChain(try InputOutput.readAll(path, limit: 4 << 20), name: path)
        }
        options.audience = audience
        options.nonce = nonce
        return options
    }
}

/// The options that say how to sign: the private key, its id and the algorithm.
struct SigningArguments: ParsableArguments {
    @Option(name: .customLong("kid"), help: ArgumentHelp(
        "The key id verifiers look the key up by (default: its did:key; for OB 2.0 the URL of the CryptographicKey document, required).",
        valueName: "ID"))
    var keyId: String?

    @Option(name: .customLong("alg"), help: "The algorithm: EdDSA, ES256, ES384, ES512, RS256, PS256 (default: the key type's).")
    var algorithm: JWSAlgorithm?

    @Option(name: .customLong("sign-cert"), help: ArgumentHelp(
        "The signing key's X.509 certificate chain (PEM, leaf first), written as the JWS header's x5c (-t eudi-lc).",
        valueName: "FILE"))
    var certificates: String?

    @Option(name: .customLong("suite"), help: "The Data Integrity cryptosuite of the embedded proof: eddsa-rdfc-2022 (Ed25519; the default for -t ob3), ecdsa-rdfc-2019 (P-256, P-384; their default), eddsa-jcs-2022, ecdsa-jcs-2019. With -t ob3-jwt or vc-jwt, the proof is embedded first and the JWT made over it.")
    var suite: Cryptosuite?

    /// The signing request for the key file at `path`; warns when the file is readable by others.
    func request(keyFile path: String, form: SigningRequest.Form, renderer: ReportRenderer, jsonld: JSONLDProcessor) throws(Diagnostic) -> SigningRequest {
        guard path != "-" else { throw Diagnostic(.usage, "the signing key must be a file; standard input is the credential") }
        let key = try KeyFiles.signingKey(try InputOutput.readAll(path, limit: 1 << 20), name: path)
        if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
           let mode = (attributes[.posixPermissions] as? NSNumber)?.uint16Value, mode & 0o077 != 0 {
            InputOutput.diagnose(renderer.render(warning: Diagnostic(
                .keyFileExposed, "the private key file \(path) can be read by others (mode \(String(mode & 0o777, radix: 8))): chmod 600 \(path)", severity: .warning)))
        }
        if suite != nil && form == .ob2 { throw Diagnostic(.usage, "--suite goes with -t ob3, ob3-jwt or vc-jwt (an embedded Data Integrity proof); Open Badges 2.0 has none") }
        if let suite, !suite.canSign {
            throw Diagnostic(.usage, "credconv verifies \(suite.rawValue) proofs but does not make them; sign with eddsa-rdfc-2022, ecdsa-rdfc-2019, eddsa-jcs-2022 or ecdsa-jcs-2019")
        }
        if suite != nil && form == .learningCredential { throw Diagnostic(.usage, "--suite goes with -t ob3, ob3-jwt or vc-jwt; a Learning Credential is an SD-JWT") }
        if certificates != nil && form != .learningCredential { throw Diagnostic(.usage, "--sign-cert goes with -t eudi-lc (an x5c header)") }
        let now = ISOInstant.text(Int64(Date().timeIntervalSince1970))
        var request = SigningRequest(key: key, keyId: keyId, algorithm: algorithm, form: form, suite: suite, created: now, jsonld: jsonld)
        if let certificates {
            guard certificates != "-" else { throw Diagnostic(.usage, "--sign-cert needs a file; standard input is the credential") }
            request.certificateChain = try KeyFiles.certificateChain(try InputOutput.readAll(certificates, limit: 1 << 20), name: certificates)
        }
        return request
    }
}

extension JWSAlgorithm: ExpressibleByArgument {}
extension SigningRequest.Form: ExpressibleByArgument {}
extension Cryptosuite: ExpressibleByArgument {}
