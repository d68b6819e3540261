import Dispatch
import Foundation
@_spi(FixedExpiryValidationTime) import X509

/// X.509 certificate chains as JWS headers carry them (`x5c`): the subject's key, its names, and path
/// validation against trust anchors the user gives (RFC 5280, by swift-certificates). Nothing is
/// fetched: no AIA chasing, no CRL or OCSP (a revoked certificate is not detected).
public struct CertificateChain: Sendable {
    /// The certificates, leaf first, DER.
    public var certificates: [[UInt8]]

    public init(certificates: [[UInt8]]) { self.certificates = certificates }

    /// The chain of an `x5c` header value: standard base64 (with padding) DER certificates, leaf first.
    public init(x5c: [String]) throws(JOSEError) {
        guard !x5c.isEmpty else { throw JOSEError(.malformed, "the JWS header's x5c is empty") }
        var out: [[UInt8]] = []
        for (i, text) in x5c.enumerated() {
            guard let der = Data(base64Encoded: text) else { throw JOSEError(.malformed, "x5c[\(i)] is not base64 DER") }
            out.append(Array(der))
        }
        certificates = out
    }

    /// The DER certificates of a PEM text's CERTIFICATE blocks, in order.
    public static func certificates(inPEM text: String) throws(JOSEError) -> [[UInt8]] {
        try PEMBlock.blocks(in: text).filter { $0.label == "CERTIFICATE" }.map(\.der)
    }

    /// The leaf certificate's subject key.
    public func leafKey() throws(JOSEError) -> PublicKey {
        guard let leaf = certificates.first else { throw JOSEError(.malformed, "an empty certificate chain") }
        guard let spki = DERReader.certificatePublicKeyInfo(leaf) else {
            throw JOSEError(.invalidKey, "the first certificate is not an X.509 certificate credconv can read")
        }
        return try PublicKey(publicKeyDER: spki)
    }

    /// The leaf's subject alternative names: DNS names and URIs.
    public func leafNames() -> (dns: [String], uris: [String]) {
        guard let der = certificates.first, let certificate = try? Certificate(derEncoded: der),
              let names = try? certificate.extensions.subjectAlternativeNames else { return ([], []) }
        var dns: [String] = [], uris: [String] = []
        for name in names {
            switch name {
            case .dnsName(let d): dns.append(d)
            case .uniformResourceIdentifier(let u): uris.append(u)
            default: continue
            }
        }
        return (dns, uris)
    }

    /// The leaf's subject, for reports (`CN=…, O=…`).
    public func leafSubject() -> String {
        guard let der = certificates.first, let certificate = try? Certificate(derEncoded: der) else { return "an unreadable certificate" }
        return String(describing: certificate.subject)
    }

    /// Validates the chain to one of `anchors` (DER certificates) at `time` (Unix seconds), with the
    /// RFC 5280 policy: signatures, validity periods, CA constraints, path length. The chain's own
    /// certificates after the leaf are intermediates; a root in the chain is used only if it is an anchor.
    /// - Returns: nil when valid, else why not.
    public func validationFailure(anchors: [[UInt8]], at time: Int64) -> String? {
        guard !anchors.isEmpty else { return "no trust anchor given (--trust FILE)" }
        let parsed: [Certificate], roots: [Certificate]
        do {
            parsed = try certificates.map { try Certificate(derEncoded: $0) }
            roots = try anchors.map { try Certificate(derEncoded: $0) }
        } catch {
            return "a certificate cannot be read (\(String(describing: error).prefix(120)))"
        }
        guard let leaf = parsed.first else { return "an empty certificate chain" }
        let intermediates = Array(parsed.dropFirst())
        let date = Date(timeIntervalSince1970: TimeInterval(time))
        let outcome = Self.waitFor {
            var verifier = Verifier(rootCertificates: CertificateStore(roots)) { RFC5280Policy(fixedExpiryValidationTime: date) }
            let result = await verifier.validate(leaf: leaf, intermediates: CertificateStore(intermediates))
            switch result {
            case .validCertificate: return nil
            case .couldNotValidate(let failures):
                let reasons = failures.prefix(3).map { String(describing: $0.policyFailureReason) }
                return reasons.isEmpty ? "no path to a trust anchor" : reasons.joined(separator: "; ")
            }
        }
        return outcome
    }

    /// Runs swift-certificates' asynchronous validation from synchronous code (it does no I/O).
    private static func waitFor(_ work: @escaping @Sendable () async -> String?) -> String? {
        final class Box: @unchecked Sendable { var value: String?? }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            box.value = .some(await work())
            done.signal()
        }
        done.wait()
        return box.value ?? "the validation did not finish"
    }
}
