/// The warnings and losses collected while reading and writing one credential, in order.
public struct ConversionReport: Sendable, Equatable {
    /// Every finding, in the order it was made.
    public private(set) var diagnostics: [Diagnostic] = []
    /// The same findings as a set once there are many, so recording stays linear however many there
    /// are; a short report (most are) is searched instead, which costs less than hashing every message.
    private var recorded: Set<Diagnostic>?
    /// The length from which `recorded` is kept.
    private static let searchedLength = 16

    public init() {}

    /// Two reports are equal when they hold the same findings in the same order.
    public static func == (a: Self, b: Self) -> Bool { a.diagnostics == b.diagnostics }

    /// Drops every finding with `code` (a warning made untrue by a later step, such as "unsigned" once
    /// the output is signed).
    public mutating func removeAll(code: DiagnosticCode) {
        diagnostics.removeAll { $0.code == code }
        if recorded != nil { recorded = Set(diagnostics) }
    }

    /// The warnings.
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    /// The fields the target could not hold.
    public var lost: [Diagnostic] { diagnostics.filter { $0.severity == .lost } }

    /// Records a warning.
    public mutating func warn(_ code: DiagnosticCode, _ message: String, at location: SourceLocation? = nil) {
        add(Diagnostic(code, message, at: location, severity: .warning))
    }

    /// Records a loss (once: a field reached twice through references is reported once).
    public mutating func lose(_ location: SourceLocation, _ reason: String, code: DiagnosticCode = .noPlaceInTarget) {
        add(Diagnostic(code, reason, at: location, severity: .lost))
    }

    /// Records a finding; an identical one already recorded is not repeated.
    public mutating func add(_ diagnostic: Diagnostic) {
        if recorded == nil {
            if diagnostics.contains(diagnostic) { return }
            diagnostics.append(diagnostic)
            if diagnostics.count > Self.searchedLength { recorded = Set(diagnostics) }
        } else if recorded!.insert(diagnostic).inserted {
            diagnostics.append(diagnostic)
        }
    }

    /// Records every finding of another report.
    public mutating func merge(_ other: ConversionReport) {
        for d in other.diagnostics { add(d) }
    }

    /// Records a kept source field a writer did not write: a field of the writer's own family that it
    /// has no place for, or one of another family (`lost.foreign-extension`).
    public mutating func lose(kept field: ExtensionBag.Field, _ reason: String, writerFamily: String) {
        lose(field.source, reason, code: field.family == writerFamily ? .noPlaceInTarget : .foreignExtension)
    }

    /// Records every kept extension field that a writer of `family` cannot carry.
    public mutating func loseExtensions(_ bag: ExtensionBag, unlessFamily family: String, target: String) {
        for f in bag.fields where f.family != family {
            lose(f.source, "\(target) has no place for this \(f.family) property", code: .foreignExtension)
        }
    }
}
