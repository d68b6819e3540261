/// One finding about a conversion: an error that stops it, a warning about a change, or a field the
/// target could not hold. The only diagnostic type credconv has: readers, writers, the registry and the
/// CLI all report through it, and exit codes follow from its ``code``.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// How serious it is.
    public enum Severity: String, Sendable, Hashable, CaseIterable {
        /// The conversion cannot go on.
        case error
        /// Something was read or written with a change the user should know about.
        case warning
        /// A field the target format cannot hold.
        case lost
    }

    public var severity: Severity
    /// The stable, documented code (`data.missing-property`); tests and machines compare this.
    public var code: DiagnosticCode
    /// For people; may change between versions.
    public var message: String
    /// Where, when known.
    public var location: SourceLocation?

    /// A diagnostic; its severity follows from the code's family unless given.
    public init(_ code: DiagnosticCode, _ message: String, at location: SourceLocation? = nil, severity: Severity? = nil) {
        self.code = code
        self.message = message
        self.location = location
        self.severity = severity ?? code.family.defaultSeverity
    }

    /// The process exit status for this diagnostic when it ends a conversion.
    public var exitCode: Int32 { code.family.exitStatus }

    /// `12:7: message` or `/a/b: message`.
    public var description: String {
        if let location { return "\(location): \(message)" }
        return message
    }

    /// The same finding with a message prefixed by its context (`the embedded credential: …`).
    public func prefixed(_ context: String) -> Diagnostic {
        var copy = self
        copy.message = context + copy.message
        return copy
    }
}
