import CredconvJSON
import CredentialModel

/// A JWS in compact serialisation (`header.payload.signature`), decoded but **not verified**.
///
/// Open Badges 2.0 signed assertions and Open Badges 3.0 VC-JWTs use it. credconv reads the payload and
/// records that a signature was present; it never claims the signature is valid.
public struct CompactJWS: Sendable {
    /// The protected header.
    public let header: JSONObject
    /// The payload bytes (base64url-decoded).
    public let payload: [UInt8]
    /// True when the signature part is not empty.
    public let hasSignature: Bool

    /// The `alg` header value.
    public var algorithm: String? { header["alg"]?.stringValue }
    /// The `kid` header value.
    public var keyId: String? { header["kid"]?.stringValue }

    /// True when `bytes` (trimmed) has the shape of a compact JWS: three base64url parts joined by dots.
    /// Line breaks and spaces inside are allowed (specifications print JWS over several lines); they are
    /// no base64url characters, so removing them is unambiguous.
    public static func looksLikeCompactJWS(_ bytes: [UInt8]) -> Bool {
        let trimmed = bytes.trimmingASCIIWhitespace()
        guard trimmed.count >= 5, trimmed.count < 64 << 20 else { return false }
        var dots = 0
        for b in trimmed {
            if b == UInt8(ascii: ".") { dots += 1; continue }
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { continue }
            if !isBase64URL(b) { return false }
        }
        return dots == 2
    }

    /// The JWS text without the white space a line-wrapped copy has.
    public static func withoutWhiteSpace(_ text: String) -> String {
        guard text.utf8.contains(where: isWhiteSpace) else { return text }
        return String(decoding: text.utf8.filter { !isWhiteSpace($0) }, as: UTF8.self)
    }

    /// Decodes a compact JWS; the header must be a JSON object.
    public init(_ text: String, limits: JSONLimits = .default) throws(Diagnostic) {
        let bytes = Array(text.utf8).filter { !Self.isWhiteSpace($0) }
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            throw Diagnostic(.invalidValue, "not a compact JWS: expected three dot-separated parts, found \(parts.count)", at: .position(line: 1, column: 1))
        }
        guard let headerBytes = Self.base64URLDecode(bytes: parts[0]) else {
            throw Diagnostic(.invalidValue, "JWS header is not base64url", at: .position(line: 1, column: 1))
        }
        guard let payloadBytes = Self.base64URLDecode(bytes: parts[1]) else {
            throw Diagnostic(.invalidValue, "JWS payload is not base64url", at: .position(line: 1, column: parts[0].count + 2))
        }
        let headerValue: JSONValue
        do {
            headerValue = try JSONParser(limits: limits).parse(headerBytes)
        } catch {
            throw Diagnostic(.invalidValue, "JWS header is not valid JSON: \(error.message)", at: .position(line: 1, column: 1))
        }
        guard case .object(let header) = headerValue else {
            throw Diagnostic(.invalidValue, "JWS header is not a JSON object", at: .position(line: 1, column: 1))
        }
        self.header = header
        self.payload = payloadBytes
        self.hasSignature = !parts[2].isEmpty
    }

    /// Decodes base64url (with or without padding); nil when it is not.
    public static func base64URLDecode<S: StringProtocol>(_ s: S) -> [UInt8]? {
        base64URLDecode(bytes: ArraySlice(s.utf8))
    }

    /// Decodes base64url bytes (with or without padding, standard alphabet tolerated); nil when they are not.
    public static func base64URLDecode(bytes: ArraySlice<UInt8>) -> [UInt8]? {
        Base64URL.decodeLenient(bytes: bytes)
    }

    private static func isWhiteSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    private static func isBase64URL(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "="):
            return true
        default: return false
        }
    }
}
