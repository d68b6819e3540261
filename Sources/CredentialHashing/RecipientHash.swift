import Crypto

/// Open Badges recipient identity hashes: `sha256$` followed by the hex digest of the identity with the
/// salt appended (Open Badges 2.0 IdentityObject, 3.0 IdentityObject). Reading accepts `md5$` and
/// upper-case hex too, as issuers wrote them.
public enum RecipientHash {
    /// The algorithms a hash may name.
    public enum Algorithm: String, Sendable {
        case sha256
        case md5
    }

    /// `sha256$<hex>` of `identity + salt`.
    public static func hash(_ identity: String, salt: String?) -> String {
        let digest = SHA256.hash(data: Array((identity + (salt ?? "")).utf8))
        return "sha256$" + hex(digest)
    }

    /// Whether `identity` is the one a hash was made from. Email addresses are also tried lower-cased,
    /// since issuers hashed them both ways. Nil when the hash names an algorithm credconv does not know.
    public static func matches(_ identity: String, hash: String, salt: String?) -> Bool? {
        guard let dollar = hash.firstIndex(of: "$"), let algorithm = Algorithm(rawValue: hash[..<dollar].lowercased()) else { return nil }
        let expected = hash[hash.index(after: dollar)...].lowercased()
        var candidates = [identity]
        if identity.lowercased() != identity { candidates.append(identity.lowercased()) }
        for candidate in candidates {
            let data = Array((candidate + (salt ?? "")).utf8)
            let digest: String
            switch algorithm {
            case .sha256: digest = hex(SHA256.hash(data: data))
            case .md5: digest = hex(Insecure.MD5.hash(data: data))
            }
            if constantTimeEqual(Array(digest.utf8), Array(expected.utf8)) { return true }
        }
        return false
    }

    /// Equal byte strings, compared in time that depends on their length only (not on where they differ).
    public static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in a.indices { difference |= a[i] ^ b[i] }
        return difference == 0
    }

    /// A random salt: 16 bytes as hex.
    public static func randomSalt() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format2: UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        digest.map { String(format2: $0) }.joined()
    }
}

extension String {
    /// Two lower-case hex digits.
    init(format2 byte: UInt8) {
        let digits = Array("0123456789abcdef")
        self = String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
