import CredconvJSON
import CredentialModel
import JOSE
import SDJWT

extension CredentialSigner {
    /// The algorithms a Learning Credential is signed with: ES256 is the EUDI Wallet's profile.
    static let sdJWTAlgorithms: [JWSAlgorithm] = [.es256, .es384, .edDSA]

    /// Signs the issuer JWT of an unsigned SD-JWT (the Learning Credential writer's output): a new header
    /// (`typ: dc+sd-jwt`, `alg`, and `x5c` from the certificate chain, else `kid`), the same payload and
    /// disclosures, whose digests the signature then covers.
    func signSDJWT(_ document: [UInt8], report: inout ConversionReport) throws(Diagnostic) -> [UInt8] {
        let unsigned: CompactSDJWT
        do { unsigned = try CompactSDJWT(String(decoding: document, as: UTF8.self)) } catch {
            throw Diagnostic(.invalidValue, "the SD-JWT to sign is broken: \(error.message)")
        }
        let parts = unsigned.issuerJWT.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let payloadBytes = Base64URL.decode(parts[1]),
              case .object(let payload)? = try? JSONParser().parse(payloadBytes) else {
            throw Diagnostic(.invalidValue, "the SD-JWT to sign has no JSON payload")
        }
        let key = request.key
        let algorithm = request.algorithm ?? key.type.defaultAlgorithm
        guard Self.sdJWTAlgorithms.contains(algorithm) else {
            throw Diagnostic(.usage, "a Learning Credential is signed with ES256 (the EUDI Wallet's profile), ES384 or EdDSA, not \(algorithm.rawValue): use a P-256, P-384 or Ed25519 key")
        }
        do { try algorithm.check(fits: key.publicKey) } catch {
            throw Diagnostic(.usage, "--alg \(algorithm.rawValue) cannot sign with this key: \(error.message)")
        }
        var header = JSONObject()
        header.set("typ", .string(LearningCredentialType.mediaType))
        let issuer = payload["iss"]?.stringValue
        if !request.certificateChain.isEmpty {
            try checkCertificate(matches: key)
            header.set("x5c", .array(request.certificateChain.map { .string(Self.standardBase64($0)) }))
            if let kid = request.keyId { header.set("kid", .string(kid)) }
        } else if let kid = request.keyId ?? key.publicKey.didKeyVerificationMethod {
            header.set("kid", .string(kid))
            warnUnlessBound(kid: kid, issuer: issuer, report: &report)
        } else {
            header.set("jwk", .object(key.publicKey.jwk))
            warnUnlessBound(kid: nil, issuer: issuer, report: &report)
        }
        let jwt: String
        do {
            jwt = try SignedJWS.sign(header: header, payload: payloadBytes, key: key, algorithm: algorithm)
        } catch {
            throw Diagnostic(.invalidKey, "signing failed: \(error.message)")
        }
        let signed = CompactSDJWT(issuerJWT: jwt, disclosures: unsigned.disclosures)
        return Array(signed.text.utf8)
    }

    /// The certificate chain's leaf must certify the signing key.
    private func checkCertificate(matches key: SigningKey) throws(Diagnostic) {
        guard let certified = try? CertificateChain(certificates: request.certificateChain).leafKey() else {
            throw Diagnostic(.invalidKey, "the signing certificate cannot be read")
        }
        guard certified.isSameKey(as: key.publicKey) else {
            throw Diagnostic(.usage, "the first certificate of --sign-cert certifies another key (\(certified.thumbprint)), not the signing key (\(key.publicKey.thumbprint))")
        }
    }

    /// x5c is standard base64 with padding (RFC 7515 §4.1.6), not base64url.
    static func standardBase64(_ der: [UInt8]) -> String {
        var text = Base64URL.encode(der).replacingAll("-", with: "+").replacingAll("_", with: "/")
        while text.utf8.count % 4 != 0 { text += "=" }
        return text
    }
}
