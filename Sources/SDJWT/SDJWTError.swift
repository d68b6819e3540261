/// Why an SD-JWT was refused, with a stable code per kind of failure.
public struct SDJWTError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kinds of failure, each with its own code so that reports and tests can tell them apart.
    public enum Code: String, Sendable, CaseIterable {
        /// The serialisation is broken: no `~`, an empty part, a part that is no JWS, a payload that is no object.
        case malformed = "malformed"
        /// A disclosure is not base64url of a JSON array `[salt, name, value]` or `[salt, value]`.
        case malformedDisclosure = "malformed-disclosure"
        /// A disclosure whose digest the issuer-signed JWT does not contain: changed, or from another SD-JWT.
        case unreferencedDisclosure = "unreferenced-disclosure"
        /// A digest that appears twice (in the JWT or in disclosures), or a disclosure given twice.
        case duplicateDigest = "duplicate-digest"
        /// `_sd_alg` names a hash credconv does not know, is no string, or is not the hash the digests were made with.
        case digestAlgorithm = "digest-algorithm"
        /// An object-property disclosure in an array, or an array-element disclosure in an object.
        case misplacedDisclosure = "misplaced-disclosure"
        /// A disclosed claim name that the object already has, or that is `_sd` or `...`.
        case claimClash = "claim-clash"
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
