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
    /// Whether images given by https URL are shown. Off for a page rendered offline (the picture of an
    /// ELM v3 credential), where they could not load and would show as broken.
    public var showsRemoteImages: Bool

    public init(language: String? = nil, paper: Paper = .a4, generator: String = "credconv", showsRemoteImages: Bool = true) {
        self.language = language
        self.paper = paper
        self.generator = generator
        self.showsRemoteImages = showsRemoteImages
    }
}
