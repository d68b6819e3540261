import CredconvJSON
import CredentialModel
import CredentialVerification
import JOSE

/// Key and status list files read into what verification and signing use, with diagnostics that name
/// the file and never its content.
public enum KeyFiles {
    /// The public keys of a `--key` file.
    public static func verificationKeys(_ bytes: [UInt8], name: String) throws(Diagnostic) -> [SuppliedKey] {
        do { return try KeyDocuments.keys(in: bytes, name: name) } catch {
            throw Diagnostic(.invalidKey, error.message.hasPrefix(name) ? error.message : "\(name): \(error.message)")
        }
    }

    /// The private key of a `--sign-key` file (PEM PKCS#8, SEC1, PKCS#1, or a private JWK).
    public static func signingKey(_ bytes: [UInt8], name: String) throws(Diagnostic) -> SigningKey {
        do { return try SigningKey(keyFile: bytes) } catch {
            throw Diagnostic(.invalidKey, "\(name): \(error.message)")
        }
    }

    /// A `--status` list.
    public static func statusList(_ bytes: [UInt8], name: String) throws(Diagnostic) -> StatusListDocument {
        do { return try StatusListDocument.read(bytes, name: name) } catch {
            throw Diagnostic(.invalidStatusList, error.message)
        }
    }

    /// A time option (`--at`, `--expires`): an ISO 8601 date-time (or date), or Unix seconds.
    public static func instant(_ text: String, option: String = "--at") throws(Diagnostic) -> Int64 {
        if let seconds = ISOInstant.seconds(text) { return seconds }
        if let seconds = Int64(text) { return seconds }
        throw Diagnostic(.usage, "\(option) \(text) is neither an ISO 8601 date-time (2026-12-01T12:00:00Z) nor Unix seconds")
    }

    /// The public key of a `--holder-key` file (a JWK, PEM or other key document holding one key), as
    /// the public JWK a Learning Credential's `cnf` carries; a private key file gives its public half.
    public static func holderKey(_ bytes: [UInt8], name: String) throws(Diagnostic) -> JSONObject {
        let keys = try verificationKeys(bytes, name: name)
        guard keys.count == 1, let key = keys.first else {
            throw Diagnostic(.invalidKey, "\(name): --holder-key needs a file with one key, not \(keys.count)")
        }
        return key.key.jwk
    }

    /// The certificates of a `--sign-cert` file (PEM, leaf first), DER.
    public static func certificateChain(_ bytes: [UInt8], name: String) throws(Diagnostic) -> [[UInt8]] {
        let chain: [[UInt8]]
        do { chain = try CertificateChain.certificates(inPEM: String(decoding: bytes, as: UTF8.self)) } catch {
            throw Diagnostic(.invalidKey, "\(name): \(error.message)")
        }
        guard !chain.isEmpty else { throw Diagnostic(.invalidKey, "\(name): no PEM CERTIFICATE block") }
        return chain
    }
}
