import Foundation

/// Choices for writing Open Badges 3.0.
public struct OB3WriterOptions: Sendable {
    /// The language to write plain-string texts in (BCP 47); other languages go to `translations`.
    /// Nil: the credential's primary language, else each text's first language.
    public var preferredLanguage: String?
    /// Makes an identifier where OB 3.0 requires one the model lacks (a new `urn:uuid:` by default).
    /// Tests pass a deterministic source.
    public var makeIdentifier: @Sendable () -> String

    public init(preferredLanguage: String? = nil, makeIdentifier: (@Sendable () -> String)? = nil) {
        self.preferredLanguage = preferredLanguage
        self.makeIdentifier = makeIdentifier ?? { "urn:uuid:" + UUID().uuidString.lowercased() }
    }
}
