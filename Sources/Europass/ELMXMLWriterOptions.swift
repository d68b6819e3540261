import Foundation

/// Choices for writing Europass XML.
public struct ELMXMLWriterOptions: Sendable {
    /// The language to prefer where one must be chosen (BCP 47).
    public var preferredLanguage: String?
    /// Makes identifiers the model lacks (a new `urn:uuid:` by default; tests pass a deterministic source).
    public var makeIdentifier: @Sendable () -> String

    public init(preferredLanguage: String? = nil, makeIdentifier: (@Sendable () -> String)? = nil) {
        self.preferredLanguage = preferredLanguage
        self.makeIdentifier = makeIdentifier ?? { "urn:uuid:" + UUID().uuidString.lowercased() }
    }
}
