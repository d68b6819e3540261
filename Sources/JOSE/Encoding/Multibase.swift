import CredconvJSON

/// Multibase texts (`z` base58btc, `u` base64url) and multicodec prefixes, as DID documents' Multikey
/// values and did:key identifiers carry keys.
public enum Multibase {
    /// The bytes of a multibase text in base58btc (`z…`) or base64url (`u…`); nil for other bases.
    public static func decode<S: StringProtocol>(_ text: S) -> [UInt8]? {
        guard let first = text.first else { return nil }
        let rest = text.dropFirst()
        switch first {
        case "z": return Base58.decode(rest)
        case "u": return Base64URL.decode(rest)
        default: return nil
        }
    }

    /// A multicodec varint prefix and the bytes after it.
    public static func splitMulticodec(_ bytes: [UInt8]) -> (code: UInt64, value: [UInt8])? {
        var code: UInt64 = 0
        var shift: UInt64 = 0
        for (i, b) in bytes.prefix(9).enumerated() {
            code |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { return (code, Array(bytes[(i + 1)...])) }
            shift += 7
        }
        return nil
    }

    /// `code` as an unsigned varint, followed by `value`.
    public static func prefixed(_ code: UInt64, _ value: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var rest = code
        repeat {
            let low = UInt8(rest & 0x7F)
            rest >>= 7
            out.append(rest == 0 ? low : low | 0x80)
        } while rest != 0
        return out + value
    }
}
