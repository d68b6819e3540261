import Foundation

/// Choices for writing Europass ELM v3 JSON-LD.
public struct ELM3WriterOptions: Sendable {
    /// The language to prefer where one must be chosen (BCP 47).
    public var preferredLanguage: String?
    /// Makes identifiers the model lacks (a new `urn:uuid:` by default; tests pass a deterministic source).
    public var makeIdentifier: @Sendable () -> String
    /// A picture of the credential's first page (JPEG bytes) for `displayParameter`, which the EDC
    /// shapes require. When nil, a page kept from an ELM v3 input is written back; otherwise there is none
    /// and the report says so.
    public var pageImageJPEG: [UInt8]?

    public init(preferredLanguage: String? = nil, makeIdentifier: (@Sendable () -> String)? = nil, pageImageJPEG: [UInt8]? = nil) {
        self.preferredLanguage = preferredLanguage
        self.makeIdentifier = makeIdentifier ?? { "urn:uuid:" + UUID().uuidString.lowercased() }
        self.pageImageJPEG = pageImageJPEG
    }
}
