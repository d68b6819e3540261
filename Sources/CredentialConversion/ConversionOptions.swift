import CredconvJSON
import Foundation
import HTMLCertificate

/// Choices for one conversion.
public struct ConversionOptions: Sendable {
    /// The input format; nil to detect it from the content (never from a file name).
    public var from: Format?
    /// The output format.
    public var to: Format
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
    /// The paper printable certificates are laid out for.
    public var paper: HTMLCertificateOptions.Paper = .a4
    /// Further JSON documents an input may refer to by id (OB 2.0 badge classes and issuers), since
    /// credconv never fetches.
    public var linkedDocuments: [JSONValue] = []
    /// When set, plain recipient emails are replaced by `sha256$` hashes with this salt.
    public var hashRecipientSalt: String?
    /// Where the page picture of ELM v3 output comes from (none by default in the library; the CLI renders).
    public var pageImage: PageImageSource = .none

    public init(
        from: Format? = nil, to: Format, compact: Bool = false, language: String? = nil,
        jsonLimits: JSONLimits = .default, makeIdentifier: (@Sendable () -> String)? = nil
    ) {
        self.from = from
        self.to = to
        self.compact = compact
        self.language = language
        self.jsonLimits = jsonLimits
        self.makeIdentifier = makeIdentifier
    }
}
