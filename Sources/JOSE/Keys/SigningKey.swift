import CredconvJSON
import Crypto
import X509
import _CryptoExtras

/// A private signature key, read from PEM (PKCS#8, SEC1, PKCS#1) or a private JWK.
///
/// Its descriptions and mirror show the key type and the public thumbprint only: private key material
/// never reaches a message, a report or a log line through string interpolation or `dump`.
public struct SigningKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    enum Material {
        case ed25519(Curve25519.Signing.PrivateKey)
        case p256(P256.Signing.PrivateKey)
        case p384(P384.Signing.PrivateKey)
        case p521(P521.Signing.PrivateKey)
        case rsa(_RSA.Signing.PrivateKey)
    }

    /// The key type.
    public let type: KeyType
    /// The library's key, made once: Ed25519 keys derive their public half on creation, which would
    /// otherwise be paid at every signature. Never shown.
    private let box: MaterialBox

    /// Holds the library's key. The key types are immutable and safe to sign with from several
    /// threads, but are not declared Sendable by swift-crypto 3.
    private final class MaterialBox: @unchecked Sendable {
        let material: Material
        init(_ material: Material) { self.material = material }
    }

    init(_ material: Material) {
        switch material {
        case .ed25519: type = .ed25519
        case .p256: type = .p256
        case .p384: type = .p384
        case .p521: type = .p521
        case .rsa: type = .rsa
        }
        box = MaterialBox(material)
    }

    /// The library's key.
    var material: Material { box.material }

    /// The public half.
    public var publicKey: PublicKey {
        switch material {
        case .ed25519(let k): return PublicKey(.ed25519(k.publicKey))
        case .p256(let k): return PublicKey(.p256(k.publicKey))
        case .p384(let k): return PublicKey(.p384(k.publicKey))
        case .p521(let k): return PublicKey(.p521(k.publicKey))
        case .rsa(let k): return PublicKey(.rsa(k.publicKey))
        }
    }


    /// A new random key. RSA keys are 3072 bits (NIST's size for use beyond 2030).
    public static func generate(_ type: KeyType) throws(JOSEError) -> SigningKey {
        switch type {
        case .ed25519: return SigningKey(.ed25519(Curve25519.Signing.PrivateKey()))
        case .p256: return SigningKey(.p256(P256.Signing.PrivateKey()))
        case .p384: return SigningKey(.p384(P384.Signing.PrivateKey()))
        case .p521: return SigningKey(.p521(P521.Signing.PrivateKey()))
        case .rsa:
            do { return SigningKey(.rsa(try _RSA.Signing.PrivateKey(keySize: .bits3072))) } catch {
                throw JOSEError(.invalidKey, "RSA key generation failed")
            }
        }
    }

    /// The key as PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`), for a key file.
    public var pkcs8PEM: String {
        switch material {
        case .ed25519(let k): return PEMBlock(label: "PRIVATE KEY", der: Self.ed25519PKCS8Prefix + Array(k.rawRepresentation)).text
        case .p256(let k): return k.pemRepresentation + "\n"
        case .p384(let k): return k.pemRepresentation + "\n"
        case .p521(let k): return k.pemRepresentation + "\n"
        case .rsa(let k): return k.pkcs8PEMRepresentation + "\n"
        }
    }

    /// Reads the one private key of a PEM text.
    public init(pem text: String) throws(JOSEError) {
        let blocks = try PEMBlock.blocks(in: text).filter { $0.label.hasSuffix("PRIVATE KEY") }
        guard blocks.count == 1, let block = blocks.first else {
            throw JOSEError(.invalidKey, blocks.isEmpty ? "no PEM private key (PRIVATE KEY, EC PRIVATE KEY or RSA PRIVATE KEY block) in the key file" : "\(blocks.count) private keys in one key file: give one")
        }
        try self.init(pemBlock: block)
    }

    init(pemBlock block: PEMBlock) throws(JOSEError) {
        switch block.label {
        case "RSA PRIVATE KEY":
            try self.init(rsaDER: block.der)
        case "EC PRIVATE KEY":
            try self.init(ecPEM: block.text)
        case "PRIVATE KEY":
            if let seed = Self.ed25519Seed(pkcs8: block.der) {
                do { self.init(.ed25519(try Curve25519.Signing.PrivateKey(rawRepresentation: seed))) } catch {
                    throw JOSEError(.invalidKey, "the Ed25519 private key is not valid")
                }
            } else if (try? _RSA.Signing.PrivateKey(unsafeDERRepresentation: block.der)) != nil {
                try self.init(rsaDER: block.der)
            } else {
                try self.init(ecPEM: block.text)
            }
        case "ENCRYPTED PRIVATE KEY":
            throw JOSEError(.unsupportedKey, "an encrypted private key: decrypt it first (openssl pkcs8 -in KEY -out PLAIN.pem)")
        default:
            throw JOSEError(.invalidKey, "a PEM \(block.label) block is no private key")
        }
    }

    private init(rsaDER der: [UInt8]) throws(JOSEError) {
        guard let unchecked = try? _RSA.Signing.PrivateKey(unsafeDERRepresentation: der) else {
            throw JOSEError(.invalidKey, "the RSA private key is not valid")
        }
        guard unchecked.keySizeInBits >= 2048 else {
            throw JOSEError(.weakKey, "an RSA key of \(unchecked.keySizeInBits) bits: credconv refuses RSA keys under 2048 bits")
        }
        self.init(.rsa(unchecked))
    }

    private init(ecPEM text: String) throws(JOSEError) {
        if let k = try? P256.Signing.PrivateKey(pemRepresentation: text) { self.init(.p256(k)); return }
        if let k = try? P384.Signing.PrivateKey(pemRepresentation: text) { self.init(.p384(k)); return }
        if let k = try? P521.Signing.PrivateKey(pemRepresentation: text) { self.init(.p521(k)); return }
        throw JOSEError(.unsupportedKey, "a private key credconv cannot read (it reads Ed25519, P-256, P-384, P-521 and RSA)")
    }

    /// Reads a private JWK (with `d`; RSA also with `p`, `q`).
    public init(jwk: JSONObject) throws(JOSEError) {
        guard let dText = jwk["d"]?.stringValue else {
            throw JOSEError(.invalidKey, "the JWK is a public key (it has no d): signing needs the private key")
        }
        guard let d = Base64URL.decode(dText) else { throw JOSEError(.invalidKey, "the JWK's d is not base64url") }
        let publicPart = try PublicKey(jwk: jwk)
        do {
            switch publicPart.material {
            case .ed25519: self.init(.ed25519(try Curve25519.Signing.PrivateKey(rawRepresentation: d)))
            case .p256: self.init(.p256(try P256.Signing.PrivateKey(rawRepresentation: d)))
            case .p384: self.init(.p384(try P384.Signing.PrivateKey(rawRepresentation: d)))
            case .p521: self.init(.p521(try P521.Signing.PrivateKey(rawRepresentation: d)))
            case .rsa:
                func member(_ name: String) throws(JOSEError) -> [UInt8] {
                    guard let v = jwk[name]?.stringValue.flatMap({ Base64URL.decode($0) }) else {
                        throw JOSEError(.invalidKey, "the RSA JWK has no usable \(name)")
                    }
                    return v
                }
                self.init(.rsa(try _RSA.Signing.PrivateKey(n: try member("n"), e: try member("e"), d: d, p: try member("p"), q: try member("q"))))
            }
        } catch let error as JOSEError {
            throw error
        } catch {
            throw JOSEError(.invalidKey, "the JWK's private key is not valid")
        }
        guard publicKey.isSameKey(as: publicPart) else {
            throw JOSEError(.invalidKey, "the JWK's private key does not belong to its public members")
        }
    }

    /// Reads a key file: PEM or a private JWK (JSON).
    public init(keyFile bytes: [UInt8]) throws(JOSEError) {
        let text = String(decoding: bytes, as: UTF8.self)
        let first = text.first(where: { !$0.isWhitespace })
        if first != "{" && text.contains("-----BEGIN ") {
            try self.init(pem: text)
            return
        }
        guard case .object(let jwk)? = try? JSONParser(limits: JSONLimits(maxDepth: 8, maxBytes: 1 << 20)).parse(bytes) else {
            throw JOSEError(.invalidKey, "the key file is neither PEM nor a JSON Web Key")
        }
        try self.init(jwk: jwk)
    }

    /// Signs `input` with `algorithm`, which must fit the key (``JWSAlgorithm/check(fits:)``).
    public func sign(_ input: [UInt8], algorithm: JWSAlgorithm) throws(JOSEError) -> [UInt8] {
        try algorithm.check(fits: publicKey)
        do {
            switch (material, algorithm) {
            case (.ed25519(let k), .edDSA), (.ed25519(let k), .ed25519):
                return Array(try k.signature(for: input))
            case (.p256(let k), .es256): return Array(try k.signature(for: SHA256.hash(data: input)).rawRepresentation)
            case (.p384(let k), .es384): return Array(try k.signature(for: SHA384.hash(data: input)).rawRepresentation)
            case (.p521(let k), .es512): return Array(try k.signature(for: SHA512.hash(data: input)).rawRepresentation)
            case (.rsa(let k), _):
                let padding: _RSA.Signing.Padding = algorithm.isPSS ? .PSS : .insecurePKCS1v1_5
                switch algorithm {
                case .rs256, .ps256: return Array(try k.signature(for: SHA256.hash(data: input), padding: padding).rawRepresentation)
                case .rs384, .ps384: return Array(try k.signature(for: SHA384.hash(data: input), padding: padding).rawRepresentation)
                default: return Array(try k.signature(for: SHA512.hash(data: input), padding: padding).rawRepresentation)
                }
            default:
                throw JOSEError(.algorithmRefused, "\(algorithm.rawValue) does not fit \(publicKey.withArticle)")
            }
        } catch let error as JOSEError {
            throw error
        } catch {
            throw JOSEError(.invalidKey, "signing with the \(publicKey.typeDescription) key failed")
        }
    }

    public var description: String { "SigningKey(\(publicKey.typeDescription), public thumbprint \(publicKey.thumbprint))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["publicKey": publicKey.description]) }

    /// PKCS#8 PrivateKeyInfo of an Ed25519 key, up to the 32-byte seed (RFC 8410 §7).
    static let ed25519PKCS8Prefix: [UInt8] = [0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]

    /// The seed of an Ed25519 PKCS#8 key (v1, or v2 with the public key after it); nil for other keys.
    static func ed25519Seed(pkcs8 der: [UInt8]) -> [UInt8]? {
        // version 0 or 1, algorithm id-Ed25519, privateKey OCTET STRING { OCTET STRING (32) }
        let algorithm: [UInt8] = [0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]
        guard der.count >= 48, der[0] == 0x30, der[2] == 0x02, der[3] == 0x01, der[4] <= 1,
              Array(der[5..<16]) == algorithm else { return nil }
        return Array(der[16..<48])
    }
}
