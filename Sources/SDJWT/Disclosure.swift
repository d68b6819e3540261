import CredconvJSON

/// One disclosure of an SD-JWT: the base64url of the JSON array `[salt, name, value]` (an object
/// property) or `[salt, value]` (an array element), exactly as written, so that its digest is the
/// issuer's.
public struct Disclosure: Sendable, Equatable {
    /// The base64url text as received or written: digests are over this text, never a re-encoding.
    public let encoded: String
    public let salt: String
    /// The claim name for an object property; nil for an array element.
    public let claimName: String?
    public let value: JSONValue

    /// Decodes a disclosure.
    /// - Throws: ``SDJWTError/Code/malformedDisclosure`` when it is not base64url of a JSON array of a
    ///   salt and a value, with a claim name between them for an object property (not `_sd`, not `...`).
    public init(encoded: String, limits: JSONLimits = .default) throws(SDJWTError) {
        let shown = encoded.count > 24 ? String(encoded.prefix(20)) + "…" : encoded
        guard let bytes = Base64URL.decode(encoded) else {
            throw SDJWTError(.malformedDisclosure, "the disclosure \(shown) is not base64url")
        }
        let parsed: JSONValue
        do { parsed = try JSONParser(limits: limits).parse(bytes) } catch {
            throw SDJWTError(.malformedDisclosure, "the disclosure \(shown) is not JSON: \(error.message)")
        }
        guard case .array(let elements) = parsed, elements.count == 2 || elements.count == 3 else {
            throw SDJWTError(.malformedDisclosure, "the disclosure \(shown) is not an array of two or three elements")
        }
        guard let salt = elements[0].stringValue else {
            throw SDJWTError(.malformedDisclosure, "the disclosure \(shown) has no salt string")
        }
        if elements.count == 3 {
            guard let name = elements[1].stringValue else {
                throw SDJWTError(.malformedDisclosure, "the disclosure \(shown) has no claim name string")
            }
            guard name != "_sd", name != "..." else {
                throw SDJWTError(.claimClash, "the disclosure \(shown) discloses a claim named \(name), which SD-JWT reserves")
            }
            claimName = name
        } else {
            claimName = nil
        }
        self.encoded = encoded
        self.salt = salt
        self.value = elements[elements.count - 1]
    }

    /// Makes a disclosure of a claim (`claimName`) or an array element (nil).
    public init(salt: String, claimName: String?, value: JSONValue) {
        var elements: [JSONValue] = [.string(salt)]
        if let claimName { elements.append(.string(claimName)) }
        elements.append(value)
        self.encoded = Base64URL.encode(JSONWriter(style: .compact).bytes(.array(elements)))
        self.salt = salt
        self.claimName = claimName
        self.value = value
    }

    /// The digest the issuer-signed JWT names this disclosure by.
    public func digest(_ algorithm: DigestAlgorithm) -> String { algorithm.digest(of: encoded) }

    /// A new salt: 128 random bits (the SD-JWT specification's recommendation), base64url.
    public static func randomSalt() -> String {
        var generator = SystemRandomNumberGenerator()
        return Base64URL.encode((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }
}
