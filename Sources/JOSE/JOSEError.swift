/// Why a JOSE operation failed: a stable code and a message for people.
///
/// Messages name keys by id, type and thumbprint only; they never hold key material.
public struct JOSEError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable codes, the last part of a diagnostic code (`key-not-supplied`).
    public struct Code: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { rawValue = value }

        /// Not a compact JWS, or a part of it is not what JWS requires.
        public static let malformed: Code = "malformed-jws"
        /// The `alg` is refused (none, HMAC, unknown) or does not fit the key.
        public static let algorithmRefused: Code = "algorithm-refused"
        /// A key document or key value that is not a usable public or private key.
        public static let invalidKey: Code = "invalid-key"
        /// A key type credconv does not support (secp256k1, X25519, symmetric).
        public static let unsupportedKey: Code = "unsupported-key"
        /// An RSA key under 2048 bits.
        public static let weakKey: Code = "weak-key"
        /// The key the JWS names was not given and cannot be derived from its identifier.
        public static let keyNotSupplied: Code = "key-not-supplied"
        /// The signature does not verify.
        public static let badSignature: Code = "bad-signature"
        /// A critical header parameter credconv does not understand.
        public static let unsupportedCritical: Code = "unsupported-critical-header"
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
