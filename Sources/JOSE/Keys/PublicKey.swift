import CredconvJSON
import Crypto
import _CryptoExtras

/// A public signature key, whatever document it came from.
///
/// It keeps the key's bytes (swift-crypto's key types are not `Sendable`) and makes the library's key
/// when it is used; every initialiser has checked that the bytes make one.
public struct PublicKey: Sendable, CustomStringConvertible {
    /// The library's key.
    public enum Material {
        case ed25519(Curve25519.Signing.PublicKey)
        case p256(P256.Signing.PublicKey)
        case p384(P384.Signing.PublicKey)
        case p521(P521.Signing.PublicKey)
        case rsa(_RSA.Signing.PublicKey)
    }

    /// The key's type.
    public let type: KeyType
    /// The key's size in bits (the modulus for RSA, the curve for the others).
    public let bits: Int
    /// Raw (Ed25519) or X9.63 (curves) bytes; the modulus for RSA.
    let bytes: [UInt8]
    /// The public exponent (RSA only).
    let exponent: [UInt8]

    public init(_ material: Material) {
        switch material {
        case .ed25519(let k): (type, bits, bytes, exponent) = (.ed25519, 256, Array(k.rawRepresentation), [])
        case .p256(let k): (type, bits, bytes, exponent) = (.p256, 256, Array(k.x963Representation), [])
        case .p384(let k): (type, bits, bytes, exponent) = (.p384, 384, Array(k.x963Representation), [])
        case .p521(let k): (type, bits, bytes, exponent) = (.p521, 521, Array(k.x963Representation), [])
        case .rsa(let k):
            // The primitives of a public key cannot fail to be read.
            let primitives = try? k.getKeyPrimitives()
            (type, bits) = (.rsa, k.keySizeInBits)
            bytes = Self.unsignedMagnitude(primitives.map { Array($0.modulus) } ?? [])
            exponent = Self.unsignedMagnitude(primitives.map { Array($0.publicExponent) } ?? [])
        }
    }

    /// An RSA key of 2048 bits or more from its modulus and exponent (big-endian).
    init(rsaModulus n: [UInt8], exponent e: [UInt8]) throws(JOSEError) {
        let bits = Self.bitLength(n)
        guard bits >= 2048 else { throw JOSEError(.weakKey, "an RSA key of \(bits) bits: credconv refuses RSA keys under 2048 bits") }
        guard bits <= 16384 else { throw JOSEError(.invalidKey, "an RSA key of \(bits) bits: larger than credconv reads (16384)") }
        do { self.init(.rsa(try _RSA.Signing.PublicKey(n: n, e: e))) } catch {
            throw JOSEError(.invalidKey, "not a valid RSA public key (its modulus or exponent)")
        }
    }

    /// The library's key (the bytes were checked when this key was made).
    public var material: Material {
        switch type {
        case .ed25519: return .ed25519(try! Curve25519.Signing.PublicKey(rawRepresentation: bytes))
        case .p256: return .p256(try! P256.Signing.PublicKey(x963Representation: bytes))
        case .p384: return .p384(try! P384.Signing.PublicKey(x963Representation: bytes))
        case .p521: return .p521(try! P521.Signing.PublicKey(x963Representation: bytes))
        case .rsa: return .rsa(try! _RSA.Signing.PublicKey(n: bytes, e: exponent))
        }
    }

    /// `Ed25519`, `P-256`, `RSA 2048`.
    public var typeDescription: String { type == .rsa ? "RSA \(bits)" : type.description }

    /// `an Ed25519 key`, `a P-256 key`, `an RSA 2048 key`.
    public var withArticle: String { (type == .p256 || type == .p384 || type == .p521 ? "a " : "an ") + typeDescription + " key" }

    /// The public JWK (RFC 7517), its members in the order RFC 7638 hashes them.
    public var jwk: JSONObject {
        switch material {
        case .ed25519(let key):
            return JSONObject(["crv": .string("Ed25519"), "kty": .string("OKP"), "x": .string(Base64URL.encode(key.rawRepresentation))])
        case .p256(let key): return Self.ecJWK("P-256", x963: Array(key.x963Representation))
        case .p384(let key): return Self.ecJWK("P-384", x963: Array(key.x963Representation))
        case .p521(let key): return Self.ecJWK("P-521", x963: Array(key.x963Representation))
        case .rsa:
            return JSONObject(["e": .string(Base64URL.encode(exponent)), "kty": .string("RSA"), "n": .string(Base64URL.encode(bytes))])
        }
    }

    /// The RFC 7638 thumbprint: base64url of the SHA-256 of the canonical public JWK.
    public var thumbprint: String {
        Base64URL.encode(Array(SHA256.hash(data: Array(JSONWriter(style: .compact).string(.object(jwk)).utf8))))
    }

    /// The did:key of this key (Ed25519, P-256, P-384, P-521; compressed points for the curves).
    public var didKey: String? {
        guard let codec = type.publicKeyMulticodec else { return nil }
        let raw: [UInt8]
        switch material {
        case .ed25519(let key): raw = Array(key.rawRepresentation)
        case .p256(let key): raw = Array(key.compressedRepresentation)
        case .p384(let key): raw = Array(key.compressedRepresentation)
        case .p521(let key): raw = Array(key.compressedRepresentation)
        case .rsa: return nil
        }
        return "did:key:z" + Base58.encode(Multibase.prefixed(codec, raw))
    }

    /// The did:key verification method id (`did:key:z…#z…`).
    public var didKeyVerificationMethod: String? {
        guard let did = didKey else { return nil }
        return did + "#" + did.dropFirst("did:key:".count)
    }

    /// The did:jwk of this key.
    public var didJWK: String {
        "did:jwk:" + Base64URL.encode(Array(JSONWriter(style: .compact).string(.object(jwk)).utf8))
    }

    /// The same key (by thumbprint)?
    public func isSameKey(as other: PublicKey) -> Bool { thumbprint == other.thumbprint }

    /// `Ed25519 key (thumbprint …)`: what messages say about a key.
    public var description: String { "\(typeDescription) key (thumbprint \(thumbprint))" }

    static func ecJWK(_ curve: String, x963: [UInt8]) -> JSONObject {
        let size = (x963.count - 1) / 2
        return JSONObject([
            "crv": .string(curve), "kty": .string("EC"),
            "x": .string(Base64URL.encode(x963[1...size])), "y": .string(Base64URL.encode(x963[(size + 1)...])),
        ])
    }

    /// Big-endian bytes without leading zeros (JWK integers).
    static func unsignedMagnitude<D: Collection>(_ bytes: D) -> [UInt8] where D.Element == UInt8 {
        let trimmed = Array(bytes.drop(while: { $0 == 0 }))
        return trimmed.isEmpty ? [0] : trimmed
    }
}
