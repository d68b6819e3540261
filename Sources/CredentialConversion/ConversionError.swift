import CredconvJSON
import CredentialModel

/// A failure of a conversion, with the exit status the CLI uses for it (sysexits).
public struct ConversionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure, which decides the exit status.
    public enum Kind: Sendable, Equatable {
        /// Wrong use: an unknown or unsupported format, bad options (64).
        case usage
        /// The input is not a credential credconv can read (65).
        case data
        /// The input file is missing or unreadable (66).
        case noInput
        /// The output file cannot be created (73).
        case cannotCreateOutput
        /// Reading or writing failed (74).
        case io
        /// `--strict` and information was lost (3).
        case lossy
    }

    public var kind: Kind
    public var message: String
    /// Where in the input, when known.
    public var location: SourceLocation?

    public init(_ kind: Kind, _ message: String, at location: SourceLocation? = nil) {
        self.kind = kind
        self.message = message
        self.location = location
    }

    /// The process exit status for this failure.
    public var exitCode: Int32 {
        switch kind {
        case .usage: return 64
        case .data: return 65
        case .noInput: return 66
        case .cannotCreateOutput: return 73
        case .io: return 74
        case .lossy: return 3
        }
    }

    /// `12:7: message` or `/a/b: message`.
    public var description: String {
        if let location { return "\(location): \(message)" }
        return message
    }

    init(_ error: JSONParseError) {
        self.init(.data, "invalid JSON: " + error.message, at: .position(line: error.position.line, column: error.position.column))
    }

    init(_ error: CredentialDataError) {
        self.init(.data, error.message, at: error.location)
    }
}
