/// A stable diagnostic code: a family and a name, `family.name` (`data.missing-property`).
///
/// Codes are extensible (any module may declare more in an extension); every code credconv emits is
/// listed in the README's table of codes, which a test keeps in step with the sources. The family
/// decides the exit status of an error.
public struct DiagnosticCode: RawRepresentable, Sendable, Hashable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// What a code is about, which decides the exit status.
    public enum Family: String, Sendable, Hashable, CaseIterable {
        /// Wrong use: an unknown or unsupported format, bad options (exit 64).
        case usage
        /// The input is not a credential credconv can read (exit 65).
        case data
        /// The input file is missing or unreadable (exit 66).
        case input
        /// The output file cannot be created (exit 73).
        case output
        /// Reading or writing failed (exit 74).
        case io
        /// `--strict` and information was lost (exit 3).
        case strict
        /// A signature or status check failed (exit 1).
        case verify
        /// A warning (no exit status of its own).
        case warning
        /// A field the target cannot hold (no exit status of its own).
        case lost

        /// The process exit status of an error in this family.
        public var exitStatus: Int32 {
            switch self {
            case .usage: return 64
            case .data: return 65
            case .input: return 66
            case .output: return 73
            case .io: return 74
            case .strict: return 3
            case .verify: return 1
            case .warning, .lost: return 0
            }
        }

        /// The severity of a diagnostic with a code of this family.
        public var defaultSeverity: Diagnostic.Severity {
            switch self {
            case .warning: return .warning
            case .lost: return .lost
            default: return .error
            }
        }
    }

    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The family, from the part before the first dot; an unknown family counts as `data`.
    public var family: Family {
        let head = rawValue.split(separator: ".", maxSplits: 1).first.map(String.init) ?? rawValue
        return Family(rawValue: head) ?? .data
    }

    public var description: String { rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

// MARK: - The codes (documented in the README; keep the two in step)

extension DiagnosticCode {
    // usage (64)
    /// Wrong use of options or formats that has no more specific code.
    public static let usage: Self = "usage.invalid"
    /// A format name credconv does not know.
    public static let unknownFormat: Self = "usage.unknown-format"
    /// A format this build cannot write (or read, when stated with `-f`).
    public static let unsupportedFormat: Self = "usage.unsupported-format"

    // data (65)
    /// Invalid input that has no more specific code.
    public static let data: Self = "data.invalid"
    /// Not well-formed JSON (with line:column).
    public static let jsonSyntax: Self = "data.json-syntax"
    /// Not well-formed or refused XML (with line:column).
    public static let xmlSyntax: Self = "data.xml-syntax"
    /// A value of the wrong JSON type.
    public static let typeMismatch: Self = "data.type-mismatch"
    /// A property or element the format requires is absent.
    public static let missingProperty: Self = "data.missing-property"
    /// A member the format does not define (in a model document).
    public static let unknownMember: Self = "data.unknown-member"
    /// A value of the right type that is not acceptable (an unknown code, a malformed date).
    public static let invalidValue: Self = "data.invalid-value"
    /// The input is in no format credconv knows.
    public static let unknownInput: Self = "data.unknown-input"
    /// The input is not in the format stated with `-f`.
    public static let formatMismatch: Self = "data.format-mismatch"
    /// The input exceeds a size, depth or count limit.
    public static let limitExceeded: Self = "data.limit-exceeded"
    /// A reference (idref, a linked document) that points nowhere, or in a cycle.
    public static let brokenReference: Self = "data.broken-reference"
    /// A corrupt image, or one with no baked badge.
    public static let badImage: Self = "data.bad-image"
    /// The model holds too little for the target (no issuer, no title, no date).
    public static let insufficientData: Self = "data.insufficient"
    /// The kind of credential has no form in the target (an endorsement in Europass).
    public static let noFormInTarget: Self = "data.no-form-in-target"
    /// The input holds several credentials (a presentation) where one was expected; `--jsonl` converts each.
    public static let severalCredentials: Self = "data.several-credentials"
    /// Credentials put into one learner record are about different learners.
    public static let differentLearners: Self = "data.different-learners"

    // input (66), output (73), io (74), strict (3)
    /// An input file that is missing or unreadable.
    public static let noInput: Self = "input.unreadable"
    /// An output file that cannot be created.
    public static let cannotCreateOutput: Self = "output.cannot-create"
    /// Reading or writing failed.
    public static let io: Self = "io.failed"
    /// `--strict` and information would be lost.
    public static let lossy: Self = "strict.lossy"

    // warnings
    /// The input was signed or sealed; the output is unsigned derived data.
    public static let unsignedOutput: Self = "warning.unsigned-output"
    /// A signature on the input was seen, not verified.
    public static let signatureNotVerified: Self = "warning.signature-not-verified"
    /// An identifier the target requires was made up (deterministically).
    public static let identifierMinted: Self = "warning.identifier-minted"
    /// A value the target requires was filled from another field.
    public static let valueSubstituted: Self = "warning.value-substituted"
    /// A value the target wants is absent; written without it.
    public static let valueMissing: Self = "warning.value-missing"
    /// A date or time was normalised (a zone added, a Unix time converted, a date-time cut to a date).
    public static let dateNormalised: Self = "warning.date-normalised"
    /// A text's language was assumed or changed.
    public static let languageAssumed: Self = "warning.language-assumed"
    /// A value was written in another form than it came (a note, a description, another scheme).
    public static let writtenDifferently: Self = "warning.written-differently"
    /// Input that deviates from its specification and was read anyway.
    public static let nonconformingInput: Self = "warning.nonconforming-input"
    /// A wrapper (presentation, image, envelope) was unwrapped.
    public static let unwrapped: Self = "warning.unwrapped"
    /// The document was repackaged with a new identity (OB 2.0 → 3.0).
    public static let repackaged: Self = "warning.repackaged"
    /// The credential says it was revoked.
    public static let revoked: Self = "warning.revoked"
    /// The output cannot be verified as written (no hosted URLs).
    public static let unverifiableOutput: Self = "warning.unverifiable-output"
    /// The page picture could not be rendered.
    public static let pageImageNotRendered: Self = "warning.page-image-not-rendered"
    /// Unsafe content (a javascript: link, bidirectional controls) was removed from printed output.
    public static let unsafeContentRemoved: Self = "warning.unsafe-content-removed"
    /// A value was set or removed by a `--merge` document.
    public static let merged: Self = "warning.merged"
    /// The output could not be read back, so only the losses the writer named are reported.
    public static let lossCheckFailed: Self = "warning.loss-check-failed"
    /// Nothing to do for an option (`--hash-recipient` with no plain email).
    public static let nothingToDo: Self = "warning.nothing-to-do"

    // lost
    /// The target format has no place for a model field.
    public static let noPlaceInTarget: Self = "lost.no-place-in-target"
    /// A value the target cannot express (no code for it, an unsupported language).
    public static let valueNotExpressible: Self = "lost.value-not-expressible"
    /// The model has no place for a source member, and the target cannot carry it as kept data.
    public static let notInModel: Self = "lost.not-in-model"
    /// A kept property of another format family that the target cannot carry.
    public static let foreignExtension: Self = "lost.foreign-extension"
    /// A field the output holds with another value than the model's (a label replaced, a text cut).
    public static let valueChanged: Self = "lost.value-changed"
    /// A repeated value of which the target (or the model) holds one.
    public static let repeatedValue: Self = "lost.repeated-value"
}
