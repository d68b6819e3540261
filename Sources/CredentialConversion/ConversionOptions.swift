import CredconvJSON
import CredentialVerification
import EuropassJSONLD
import FormatInterface
import HTMLCertificate

/// Choices for one conversion.
public struct ConversionOptions: Sendable {
    /// The input format; nil to detect it from the content (never from a file name).
    public var from: FormatName?
    /// The output format.
    public var to: FormatName
    /// One-line JSON output instead of indented.
    public var compact: Bool
    /// The language to prefer for single-language outputs (BCP 47).
    public var language: String?
    /// Caps for JSON input.
    public var jsonLimits: JSONLimits
    /// Size cap for XML input (16 MiB by default).
    public var xmlMaxBytes: Int = 16 << 20
    /// Makes identifiers a target requires and the model lacks. Nil (the default): `urn:uuid:` values derived
    /// from the input's bytes, so converting the same input twice gives the same output.
    public var makeIdentifier: (@Sendable () -> String)?
    /// Further JSON documents an input may refer to by id (OB 2.0 badge classes and issuers), since
    /// credconv never fetches.
    public var linkedDocuments: [JSONValue] = []
    /// Partial model documents laid over what was read, in order (`--merge`; JSON Merge Patch of the model).
    public var mergeDocuments: [MergeDocument] = []
    /// When set, plain recipient emails are replaced by `sha256$` hashes with this salt.
    public var hashRecipientSalt: String?
    /// The formats' own options (``paper``, ``pageImage`` and others by their keys).
    public var formatOptions = FormatOptions()
    /// Pictures certificate pages for ELM v3 output; the library has none of its own (the CLI injects one).
    public var pageRenderer: (any PageImageRendering)?
    /// Verify each input first and convert only what verifies (`convert --verify`).
    public var verification: VerificationOptions?
    /// Sign the output (`-t ob3-jwt --sign-key`, `credconv sign`).
    public var signing: SigningRequest?

    public init(
        from: FormatName? = nil, to: FormatName, compact: Bool = false, language: String? = nil,
        jsonLimits: JSONLimits = .default, makeIdentifier: (@Sendable () -> String)? = nil
    ) {
        self.from = from
        self.to = to
        self.compact = compact
        self.language = language
        self.jsonLimits = jsonLimits
        self.makeIdentifier = makeIdentifier
    }

    /// The paper printable certificates are laid out for.
    public var paper: HTMLCertificateOptions.Paper {
        get { formatOptions[CertificatePaperOption.self] }
        set { formatOptions[CertificatePaperOption.self] = newValue }
    }

    /// Where the page picture of ELM v3 output comes from (none by default).
    public var pageImage: PageImageSource {
        get { formatOptions[PageImageOption.self] }
        set { formatOptions[PageImageOption.self] = newValue }
    }
}
