/// An SD-JWT in compact serialisation: `<issuer-signed JWT>~<disclosure>~…~<key-binding JWT or nothing>`.
///
/// Parsing splits the parts only; the issuer JWT's signature is checked by the JOSE layer, the
/// disclosures by ``DisclosedClaims``.
public struct CompactSDJWT: Sendable, Equatable {
    /// The issuer-signed JWT (`header.payload.signature`).
    public var issuerJWT: String
    /// The disclosures, base64url, in order.
    public var disclosures: [String]
    /// The key-binding JWT, when the holder added one.
    public var keyBindingJWT: String?

    public init(issuerJWT: String, disclosures: [String], keyBindingJWT: String? = nil) {
        self.issuerJWT = issuerJWT
        self.disclosures = disclosures
        self.keyBindingJWT = keyBindingJWT
    }

    /// Parses the compact form; white space around and inside (a line-wrapped copy) is ignored.
    /// - Throws: ``SDJWTError/Code/malformed`` without a `~`, with an empty disclosure, or when the
    ///   issuer part or the key-binding part is not three dot-separated parts.
    public init(_ text: String) throws(SDJWTError) {
        let bytes = Array(text.utf8).filter { !Self.isWhiteSpace($0) }
        let parts = bytes.split(separator: UInt8(ascii: "~"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        guard parts.count >= 2 else {
            throw SDJWTError(.malformed, "not an SD-JWT: no ~ after the issuer-signed JWT")
        }
        guard Self.isCompactJWS(parts[0]) else {
            throw SDJWTError(.malformed, "the SD-JWT's first part is not a compact JWS (three dot-separated parts)")
        }
        let middle = parts[1..<(parts.count - 1)]
        if let empty = middle.firstIndex(where: \.isEmpty) {
            throw SDJWTError(.malformed, "the SD-JWT's part \(empty + 1) is empty (two ~ in a row)")
        }
        let last = parts[parts.count - 1]
        if !last.isEmpty && !Self.isCompactJWS(last) {
            throw SDJWTError(.malformed, "the SD-JWT's last part is neither empty nor a key-binding JWT (an SD-JWT ends with ~)")
        }
        issuerJWT = parts[0]
        disclosures = Array(middle)
        keyBindingJWT = last.isEmpty ? nil : last
    }

    /// The compact text.
    public var text: String { presentationWithoutKeyBinding + (keyBindingJWT ?? "") }

    /// `<issuer JWT>~<disclosure>~…~`: what a key-binding JWT's `sd_hash` is the digest of.
    public var presentationWithoutKeyBinding: String {
        var out = issuerJWT + "~"
        for d in disclosures { out += d + "~" }
        return out
    }

    /// True when `bytes` (trimmed) has the shape of a compact SD-JWT: base64url, dots and at least one `~`,
    /// beginning with a JWS. Cheap: for detection.
    public static func looksLikeSDJWT(_ bytes: [UInt8]) -> Bool {
        var tildes = 0, dotsBeforeTilde = 0
        var start = 0, end = bytes.count
        while start < end, isWhiteSpace(bytes[start]) { start += 1 }
        while end > start, isWhiteSpace(bytes[end - 1]) { end -= 1 }
        guard end - start >= 6, end - start < 64 << 20 else { return false }
        for b in bytes[start..<end] {
            switch b {
            case UInt8(ascii: "~"): tildes += 1
            case UInt8(ascii: "."): if tildes == 0 { dotsBeforeTilde += 1 }
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"):
                continue
            default:
                if isWhiteSpace(b) { continue }
                return false
            }
        }
        return tildes >= 1 && dotsBeforeTilde == 2
    }

    /// A JOSE `typ` as a media type to compare: lower case, without the `application/` prefix RFC 7515
    /// §4.1.9 lets it carry (`application/DC+SD-JWT` → `dc+sd-jwt`).
    public static func mediaType(ofTyp typ: String?) -> String? {
        guard let t = typ?.lowercased() else { return nil }
        return t.hasPrefix("application/") ? String(t.dropFirst("application/".count)) : t
    }

    private static func isCompactJWS(_ part: String) -> Bool {
        let pieces = part.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return pieces.count == 3 && !pieces[0].isEmpty && !pieces[1].isEmpty
    }

    private static func isWhiteSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }
}
