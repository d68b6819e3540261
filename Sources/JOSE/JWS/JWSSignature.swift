import Crypto
import _CryptoExtras

/// Checking a JWS signature value with a public key (the algorithm already allowed and fitted).
enum JWSSignature {
    static func isValid(_ signature: [UInt8], of input: [UInt8], key: PublicKey, algorithm: JWSAlgorithm) -> Bool {
        switch key.material {
        case .ed25519(let k):
            return signature.count == 64 && k.isValidSignature(signature, for: input)
        case .p256(let k):
            guard signature.count == 64, let s = try? P256.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
            return k.isValidSignature(s, for: SHA256.hash(data: input))
        case .p384(let k):
            guard signature.count == 96, let s = try? P384.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
            return k.isValidSignature(s, for: SHA384.hash(data: input))
        case .p521(let k):
            guard signature.count == 132, let s = try? P521.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
            return k.isValidSignature(s, for: SHA512.hash(data: input))
        case .rsa(let k):
            guard signature.count == (k.keySizeInBits + 7) / 8 else { return false }
            let s = _RSA.Signing.RSASignature(rawRepresentation: signature)
            let padding: _RSA.Signing.Padding = algorithm.isPSS ? .PSS : .insecurePKCS1v1_5
            switch algorithm {
            case .rs256, .ps256: return k.isValidSignature(s, for: SHA256.hash(data: input), padding: padding)
            case .rs384, .ps384: return k.isValidSignature(s, for: SHA384.hash(data: input), padding: padding)
            case .rs512, .ps512: return k.isValidSignature(s, for: SHA512.hash(data: input), padding: padding)
            default: return false
            }
        }
    }
}
