/// Choices for printing a certificate.
public struct HTMLCertificateOptions: Sendable {
    /// The paper the print style sheet lays the page out for.
    public enum Paper: String, Sendable, CaseIterable {
        case a4
        case letter
    }

    /// The reader's language (BCP 47): labels and multilingual values; nil for the credential's primary language.
    public var language: String?
    public var paper: Paper
    /// The generator name and version written into the page.
    public var generator: String

    public init(language: String? = nil, paper: Paper = .a4, generator: String = "credconv") {
        self.language = language
        self.paper = paper
        self.generator = generator
    }
}
