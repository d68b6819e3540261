import Crypto
import X509
import _CryptoExtras

extension PublicKey {
    /// The public keys of a PEM text: `PUBLIC KEY` (SPKI), `RSA PUBLIC KEY` (PKCS#1), `CERTIFICATE`
    /// (X.509: its subject's key) and private key blocks (their public half). Empty when there is no block.
    public static func keys(inPEM text: String) throws(JOSEError) -> [(key: PublicKey, label: String)] {
        var out: [(PublicKey, String)] = []
        for block in try PEMBlock.blocks(in: text) {
            switch block.label {
            case "PUBLIC KEY", "RSA PUBLIC KEY":
                out.append((try PublicKey(publicKeyDER: block.der), block.label))
            case "CERTIFICATE":
                // Only the subject's key is used (credconv validates no certificate chain); it is read from
                // the DER here, so that an RSA key never reaches swift-crypto's DER parser.
                guard let spki = DERReader.certificatePublicKeyInfo(block.der) else {
                    throw JOSEError(.invalidKey, "the PEM CERTIFICATE is not an X.509 certificate credconv can read")
                }
                out.append((try PublicKey(publicKeyDER: spki), "CERTIFICATE"))
            case "PRIVATE KEY", "EC PRIVATE KEY", "RSA PRIVATE KEY":
                out.append((try SigningKey(pemBlock: block).publicKey, block.label))
            case "ENCRYPTED PRIVATE KEY":
                throw JOSEError(.unsupportedKey, "an encrypted private key: decrypt it first (openssl pkcs8 -in KEY -out PLAIN.pem)")
            default:
                throw JOSEError(.unsupportedKey, "a PEM block \(block.label): credconv reads PUBLIC KEY, RSA PUBLIC KEY, CERTIFICATE and private keys")
            }
        }
        return out
    }

    /// The key of a DER SubjectPublicKeyInfo (or an RSA PKCS#1 public key). RSA keys are read here and
    /// made from their numbers (swift-crypto 3.x aborts on RSA public key DER it cannot parse).
    public init(publicKeyDER der: [UInt8]) throws(JOSEError) {
        if let (n, e) = DERReader.rsaPublicKey(der) {
            try self.init(rsaModulus: n, exponent: e)
            return
        }
        if DERReader.isRSASubjectPublicKeyInfo(der) {
            throw JOSEError(.invalidKey, "not an RSA public key credconv can read (its SubjectPublicKeyInfo is not DER)")
        }
        let spki: Certificate.PublicKey
        do { spki = try Certificate.PublicKey(derEncoded: der) } catch {
            throw JOSEError(.invalidKey, "not a public key credconv can read (\(Self.shortReason(error)))")
        }
        try self.init(spki)
    }

    /// The key of an X.509 public key.
    public init(_ key: Certificate.PublicKey) throws(JOSEError) {
        if let k = Curve25519.Signing.PublicKey(key) { self.init(.ed25519(k)); return }
        if let k = P256.Signing.PublicKey(key) { self.init(.p256(k)); return }
        if let k = P384.Signing.PublicKey(key) { self.init(.p384(k)); return }
        if let k = P521.Signing.PublicKey(key) { self.init(.p521(k)); return }
        if let k = _RSA.Signing.PublicKey(key) {
            guard k.keySizeInBits >= 2048 else {
                throw JOSEError(.weakKey, "an RSA key of \(k.keySizeInBits) bits: credconv refuses RSA keys under 2048 bits")
            }
            self.init(.rsa(k))
            return
        }
        throw JOSEError(.unsupportedKey, "a certificate key of a type credconv does not support")
    }

    /// The SubjectPublicKeyInfo PEM of this key.
    public var pem: String {
        switch material {
        case .ed25519(let k): return Certificate.PublicKey(k).pemString
        case .p256(let k): return k.pemRepresentation
        case .p384(let k): return k.pemRepresentation
        case .p521(let k): return k.pemRepresentation
        case .rsa(let k): return k.pemRepresentation
        }
    }

    /// A library error in a few words, never the input.
    static func shortReason(_ error: any Error) -> String {
        String(String(describing: error).prefix(120))
    }
}

extension Certificate.PublicKey {
    /// The PEM text of the SubjectPublicKeyInfo.
    var pemString: String {
        (try? serializeAsPEM().pemString) ?? ""
    }
}
