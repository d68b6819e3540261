import CredconvJSON
import Crypto

/// Keys that are their own identifiers: did:key and did:jwk decode offline, and so do the Multikey
/// and base58 values of DID documents.
public enum DIDKeys {
    /// The key of a `did:key` DID or DID URL. A fragment, if any, must repeat the key (`did:key:z…#z…`).
    public static func key(fromDIDKey did: String) throws(JOSEError) -> PublicKey {
        guard did.hasPrefix("did:key:") else { throw JOSEError(.invalidKey, "\(did) is not a did:key") }
        let body = did.dropFirst("did:key:".count)
        let (value, fragment) = split(body)
        if let fragment, fragment != value {
            throw JOSEError(.invalidKey, "the did:key URL's fragment #\(fragment) is not its key \(value)")
        }
        guard value.first == "z" else { throw JOSEError(.invalidKey, "the did:key \(did) is not base58btc (it must start with z)") }
        return try key(fromMultikey: String(value), context: "the did:key \(did)")
    }

    /// The key of a `did:jwk` DID or DID URL (fragment `#0`).
    public static func key(fromDIDJWK did: String) throws(JOSEError) -> PublicKey {
        guard did.hasPrefix("did:jwk:") else { throw JOSEError(.invalidKey, "\(did) is not a did:jwk") }
        let (value, fragment) = split(did.dropFirst("did:jwk:".count))
        if let fragment, fragment != "0" { throw JOSEError(.invalidKey, "a did:jwk URL's fragment is #0, not #\(fragment)") }
        guard let bytes = Base64URL.decode(value),
              case .object(let jwk)? = try? JSONParser(limits: JSONLimits(maxDepth: 8, maxBytes: 64 << 10)).parse(bytes)
        else { throw JOSEError(.invalidKey, "the did:jwk does not hold a base64url JSON Web Key") }
        if jwk["d"] != nil { throw JOSEError(.invalidKey, "the did:jwk holds a private key") }
        return try PublicKey(jwk: jwk)
    }

    /// The key of a multibase, multicodec-prefixed public key (`publicKeyMultibase`, did:key).
    public static func key(fromMultikey value: String, context: String = "the Multikey value") throws(JOSEError) -> PublicKey {
        guard let bytes = Multibase.decode(value), let (code, raw) = Multibase.splitMulticodec(bytes) else {
            throw JOSEError(.invalidKey, "\(context) is not a multibase multicodec key")
        }
        guard let type = KeyType(publicKeyMulticodec: code) else {
            let known: [UInt64: String] = [0xE7: "secp256k1", 0xEC: "X25519", 0x1205: "RSA", 0xEB: "BLS12-381 G2"]
            throw JOSEError(.unsupportedKey, "\(context) is a \(known[code] ?? "multicodec 0x" + String(code, radix: 16)) key, which credconv does not verify with")
        }
        do {
            switch type {
            case .ed25519: return PublicKey(.ed25519(try Curve25519.Signing.PublicKey(rawRepresentation: raw)))
            case .p256: return PublicKey(.p256(raw.count == 33 ? try P256.Signing.PublicKey(compressedRepresentation: raw) : try P256.Signing.PublicKey(x963Representation: raw)))
            case .p384: return PublicKey(.p384(raw.count == 49 ? try P384.Signing.PublicKey(compressedRepresentation: raw) : try P384.Signing.PublicKey(x963Representation: raw)))
            case .p521: return PublicKey(.p521(raw.count == 67 ? try P521.Signing.PublicKey(compressedRepresentation: raw) : try P521.Signing.PublicKey(x963Representation: raw)))
            case .rsa: throw JOSEError(.unsupportedKey, "\(context) is an RSA key")
            }
        } catch let error as JOSEError {
            throw error
        } catch {
            throw JOSEError(.invalidKey, "\(context) is not a valid \(type) public key")
        }
    }

    /// The DID of a DID URL (`did:web:example.com#key-1` → `did:web:example.com`); the text itself otherwise.
    public static func documentPart(_ id: String) -> String {
        String(id.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? Substring(id))
    }

    private static func split(_ s: Substring) -> (Substring, Substring?) {
        guard let hash = s.firstIndex(of: "#") else { return (s, nil) }
        return (s[..<hash], s[s.index(after: hash)...])
    }
}
