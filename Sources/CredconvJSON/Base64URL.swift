/// base64url without padding (RFC 4648 §5, RFC 7515 §2).
///
/// ``decode(_:)`` is strict: it refuses padding, characters outside the alphabet, a length that leaves a
/// lone character and non-zero unused bits, so that each byte string has exactly one text (a JWS whose
/// text was changed never decodes to the bytes that were signed). ``decodeLenient(bytes:)`` reads what
/// issuers write when nothing is verified: padding and the standard alphabet too.
public enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = UInt8(i) }
        return table
    }()
    private static let lenientValues: [UInt8] = {
        var table = values
        table[Int(UInt8(ascii: "+"))] = 62
        table[Int(UInt8(ascii: "/"))] = 63
        return table
    }()

    /// The text of `bytes`.
    public static func encode<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count * 4 + 2) / 3)
        var iterator = bytes.makeIterator()
        while let a = iterator.next() {
            let b = iterator.next()
            let c = b == nil ? nil : iterator.next()
            out.append(alphabet[Int(a >> 2)])
            out.append(alphabet[Int((a & 0x03) << 4 | (b ?? 0) >> 4)])
            if let b { out.append(alphabet[Int((b & 0x0F) << 2 | (c ?? 0) >> 6)]) }
            if let c { out.append(alphabet[Int(c & 0x3F)]) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of a strict base64url text; nil when it is not one.
    public static func decode<S: StringProtocol>(_ text: S) -> [UInt8]? {
        decode(bytes: ArraySlice(text.utf8))
    }

    /// The bytes of strict base64url text given as UTF-8; nil when it is not one.
    public static func decode(bytes chars: ArraySlice<UInt8>) -> [UInt8]? {
        decode(chars, table: values, canonical: true)
    }

    /// The bytes of base64url or base64 text, padded or not; nil when it is neither.
    public static func decodeLenient(bytes: ArraySlice<UInt8>) -> [UInt8]? {
        var chars = bytes
        while chars.last == UInt8(ascii: "=") { chars = chars.dropLast() }
        return decode(chars, table: lenientValues, canonical: false)
    }

    private static func decode(_ chars: ArraySlice<UInt8>, table values: [UInt8], canonical: Bool) -> [UInt8]? {
        guard chars.count % 4 != 1 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(chars.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        for c in chars {
            let v = values[Int(c)]
            guard v != 0xFF else { return nil }
            accumulator = (accumulator << 6 | UInt32(v)) & 0xFFFFFF
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        // Unused low bits of the last character must be zero (canonical encoding).
        guard !canonical || accumulator & ((1 << UInt32(bits)) - 1) == 0 else { return nil }
        return out
    }
}
