import CredconvJSON

/// A JWS in compact serialisation, parsed for verification: header, payload and signature, and the exact
/// bytes that were signed (the first two parts as written).
public struct SignedJWS: Sendable {
    /// The protected header.
    public let header: JSONObject
    /// The payload bytes.
    public let payload: [UInt8]
    /// The signature bytes (empty for an unsecured JWS).
    public let signature: [UInt8]
    /// `BASE64URL(header) '.' BASE64URL(payload)`, as received.
    public let signingInput: [UInt8]

    /// The `alg` header member.
    public var algorithmName: String? { header["alg"]?.stringValue }
    /// The `kid` header member.
    public var keyId: String? { header["kid"]?.stringValue }
    /// The `typ` header member.
    public var type: String? { header["typ"]?.stringValue }
    /// The `jwk` header member.
    public var embeddedJWK: JSONObject? { header["jwk"]?.objectValue }

    /// Header parameters whose meaning credconv knows; a `crit` naming any other is refused (RFC 7515 §4.1.11).
    static let understoodCritical: Set<String> = []

    /// Parses `text` (white space around and between the parts of a line-wrapped copy is ignored). Every
    /// part must be strict base64url; the header a JSON object without duplicate members.
    public init(_ text: String, limits: JSONLimits = .default) throws(JOSEError) {
        let bytes = Array(text.utf8).filter { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            throw JOSEError(.malformed, parts.count == 5 ? "a JWE (five parts), not a signed JWS" : "not a compact JWS: \(parts.count) dot-separated parts instead of 3")
        }
        guard let headerBytes = Base64URL.decode(bytes: parts[0]) else {
            throw JOSEError(.malformed, "the JWS header is not strict base64url (RFC 7515: no padding, no other characters)")
        }
        guard let payloadBytes = Base64URL.decode(bytes: parts[1]) else {
            throw JOSEError(.malformed, "the JWS payload is not strict base64url")
        }
        guard let signatureBytes = Base64URL.decode(bytes: parts[2]) else {
            throw JOSEError(.malformed, "the JWS signature is not strict base64url")
        }
        let parsed: JSONValue
        do { parsed = try JSONParser(limits: JSONLimits(maxDepth: 16, maxBytes: min(limits.maxBytes, 1 << 20))).parse(headerBytes) } catch {
            throw JOSEError(.malformed, "the JWS header is not JSON: \(error.message)")
        }
        guard case .object(let header) = parsed else { throw JOSEError(.malformed, "the JWS header is not a JSON object") }
        if let crit = header["crit"] {
            let names = crit.arrayValue?.compactMap(\.stringValue) ?? []
            guard !names.isEmpty, names.count == crit.arrayValue?.count else {
                throw JOSEError(.malformed, "the JWS header's crit is not a list of names")
            }
            if let unknown = names.first(where: { !Self.understoodCritical.contains($0) }) {
                throw JOSEError(.unsupportedCritical, "the JWS header marks \(unknown) critical, which credconv does not understand (RFC 7515 §4.1.11: refused)")
            }
        }
        if header["b64"]?.boolValue == false {
            throw JOSEError(.unsupportedCritical, "an unencoded-payload JWS (b64: false) is not supported")
        }
        self.header = header
        self.payload = payloadBytes
        self.signature = signatureBytes
        self.signingInput = Array(parts[0]) + [UInt8(ascii: ".")] + Array(parts[1])
    }

    /// Checks the signature with `key` under the header's algorithm, which must be allowed and fit the key.
    public func verify(with key: PublicKey) throws(JOSEError) {
        let algorithm = try JWSAlgorithm.allowed(algorithmName)
        try algorithm.check(fits: key)
        guard JWSSignature.isValid(signature, of: signingInput, key: key, algorithm: algorithm) else {
            throw JOSEError(.badSignature, "the signature does not verify with the \(key)")
        }
    }

    /// Makes a compact JWS of `header` and `payload`, signed with `key`: the header gets `alg`.
    public static func sign(header: JSONObject, payload: [UInt8], key: SigningKey, algorithm: JWSAlgorithm) throws(JOSEError) -> String {
        var header = header
        header.set("alg", .string(algorithm.rawValue))
        let input = Base64URL.encode(JSONWriter(style: .compact).bytes(.object(header))) + "." + Base64URL.encode(payload)
        let signature = try key.sign(Array(input.utf8), algorithm: algorithm)
        return input + "." + Base64URL.encode(signature)
    }
}
