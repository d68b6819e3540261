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

    /// A `--at` time: an ISO 8601 date-time (or date), or Unix seconds.
    public static func instant(_ text: String) throws(Diagnostic) -> Int64 {
        if let seconds = ISOInstant.seconds(text) { return seconds }
        if let seconds = Int64(text) { return seconds }
        throw Diagnostic(.usage, "--at \(text) is neither an ISO 8601 date-time (2026-12-01T12:00:00Z) nor Unix seconds")
    }
}
