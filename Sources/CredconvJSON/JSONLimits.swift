/// Caps applied while parsing untrusted JSON.
public struct JSONLimits: Sendable, Equatable {
    /// Deepest nesting of arrays and objects accepted. Default 256 (an OB 3.0 credential is about 8 deep).
    public var maxDepth: Int
    /// Largest document accepted, in bytes. Default 64 MiB.
    public var maxBytes: Int

    public init(maxDepth: Int = 256, maxBytes: Int = 64 << 20) {
        self.maxDepth = maxDepth
        self.maxBytes = maxBytes
    }

    /// The documented defaults: depth 256, 64 MiB.
    public static let `default` = JSONLimits()
}
