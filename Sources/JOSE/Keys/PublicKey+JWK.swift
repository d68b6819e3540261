import CredconvJSON
import Crypto
import _CryptoExtras

extension PublicKey {
    /// The public key of a JWK (`OKP` Ed25519, `EC` P-256/P-384/P-521, `RSA`). Private members are
    /// ignored here (``SigningKey`` reads them); symmetric (`oct`) keys are refused: a verifier that takes
    /// one is open to algorithm confusion.
    public init(jwk: JSONObject) throws(JOSEError) {
        func member(_ name: String) throws(JOSEError) -> [UInt8] {
            guard let text = jwk[name]?.stringValue else { throw JOSEError(.invalidKey, "the JWK has no \(name)") }
            guard let bytes = Base64URL.decode(text) else { throw JOSEError(.invalidKey, "the JWK's \(name) is not base64url") }
            return bytes
        }
        let kty = jwk["kty"]?.stringValue
        let crv = jwk["crv"]?.stringValue
        do {
            switch (kty, crv) {
            case ("OKP"?, "Ed25519"?):
                self.init(.ed25519(try Curve25519.Signing.PublicKey(rawRepresentation: try member("x"))))
            case ("EC"?, "P-256"?):
                self.init(.p256(try P256.Signing.PublicKey(x963Representation: [0x04] + (try Self.coordinates(member("x"), member("y"), size: 32)))))
            case ("EC"?, "P-384"?):
                self.init(.p384(try P384.Signing.PublicKey(x963Representation: [0x04] + (try Self.coordinates(member("x"), member("y"), size: 48)))))
            case ("EC"?, "P-521"?):
                self.init(.p521(try P521.Signing.PublicKey(x963Representation: [0x04] + (try Self.coordinates(member("x"), member("y"), size: 66)))))
            case ("RSA"?, _):
                try self.init(rsaModulus: Array(try member("n").drop(while: { $0 == 0 })), exponent: Array(try member("e").drop(while: { $0 == 0 })))
            case ("oct"?, _):
                throw JOSEError(.unsupportedKey, "a symmetric (oct) JWK: credconv verifies public-key signatures only (HMAC keys are refused)")
            case ("EC"?, let curve?), ("OKP"?, let curve?):
                throw JOSEError(.unsupportedKey, "a JWK on curve \(curve): credconv supports Ed25519, P-256, P-384 and P-521")
            case (let type?, _):
                throw JOSEError(.unsupportedKey, "a JWK of type \(type) \(crv.map { "(\($0))" } ?? "")without a supported curve")
            case (nil, _):
                throw JOSEError(.invalidKey, "not a JWK: it has no kty")
            }
        } catch let error as JOSEError {
            throw error
        } catch {
            throw JOSEError(.invalidKey, "the JWK is not a valid \(crv ?? kty ?? "") public key")
        }
    }

    static func coordinates(_ x: [UInt8], _ y: [UInt8], size: Int) throws(JOSEError) -> [UInt8] {
        guard x.count == size, y.count == size else {
            throw JOSEError(.invalidKey, "the JWK's coordinates are not \(size) bytes each")
        }
        return x + y
    }

    /// The number of significant bits of a big-endian unsigned integer.
    static func bitLength(_ bytes: [UInt8]) -> Int {
        guard let first = bytes.firstIndex(where: { $0 != 0 }) else { return 0 }
        return (bytes.count - first - 1) * 8 + (8 - bytes[first].leadingZeroBitCount)
    }
}
