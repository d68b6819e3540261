import ArgumentParser
import CredconvJSON
import CredentialConversion
import Foundation

/// `credconv keys generate`: a signing key for a small provider.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Make signing keys.",
        subcommands: [GenerateKeyCommand.self])
}

/// `credconv keys generate --type ed25519|p256|p384|rsa [--did-key] -o FILE`.
struct GenerateKeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a new private key (PKCS#8 PEM, mode 0600) and print its public JWK.",
        discussion: """
            The private key goes to FILE, which must not exist yet; the public JWK (which credconv verify \
            takes with --key) goes to standard output, and the key's did:key to standard error. The JWK's \
            kid is its RFC 7638 thumbprint, or with --did-key the did:key verification method: a credential \
            signed with it verifies offline when the issuer's id is that did:key.
            """)

    enum KeyKind: String, ExpressibleByArgument, CaseIterable {
        case ed25519, p256, p384, p521, rsa
        var type: KeyType {
            switch self {
            case .ed25519: return .ed25519
            case .p256: return .p256
            case .p384: return .p384
            case .p521: return .p521
            case .rsa: return .rsa
            }
        }
    }

    @Option(help: "Key type: ed25519 (default), p256, p384, p521 or rsa (3072 bits).")
    var type: KeyKind = .ed25519

    @Flag(name: .customLong("did-key"), help: "Name the key by its did:key (not for RSA).")
    var didKey = false

    @Option(name: [.customShort("o"), .customLong("output")], help: "The private key file to create.")
    var output: String

    func run() throws {
        let renderer = ReportRenderer(style: .text, inputName: output)
        do throws(Diagnostic) {
            if didKey && type == .rsa { throw Diagnostic(.usage, "credconv writes did:key for Ed25519 and the NIST curves, not RSA") }
            let key: SigningKey
            do { key = try SigningKey.generate(type.type) } catch { throw Diagnostic(.invalidKey, error.message) }
            try Self.createPrivate(output, contents: Array(key.pkcs8PEM.utf8))
            var jwk = key.publicKey.jwk
            jwk.set("kid", .string(didKey ? (key.publicKey.didKeyVerificationMethod ?? key.publicKey.thumbprint) : key.publicKey.thumbprint))
            print(JSONWriter(style: .pretty).string(.object(jwk)))
            if let did = key.publicKey.didKey {
                InputOutput.diagnose("credconv: \(output): \(type.type) key \(did) (verification method \(key.publicKey.didKeyVerificationMethod ?? did))\n")
            } else {
                InputOutput.diagnose("credconv: \(output): \(key.publicKey.typeDescription) key, thumbprint \(key.publicKey.thumbprint)\n")
            }
        } catch {
            InputOutput.diagnose(renderer.render(error))
            throw ExitCode(error.exitCode)
        }
    }

    /// Creates `path` with mode 0600, refusing an existing file.
    static func createPrivate(_ path: String, contents: [UInt8]) throws(Diagnostic) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else {
            let reason = errno == EEXIST ? "it exists (credconv does not overwrite a key file)" : String(cString: strerror(errno))
            throw Diagnostic(.cannotCreateOutput, "cannot create \(path): \(reason)")
        }
        defer { close(fd) }
        let written = contents.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == contents.count else {
            unlink(path)
            throw Diagnostic(.io, "cannot write \(path)")
        }
    }
}
