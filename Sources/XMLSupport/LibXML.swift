import CLibXML2
import Synchronization

/// One problem libxml2 reported: a parse error, a schema violation, a warning.
public struct XMLIssue: Sendable, Equatable, CustomStringConvertible {
    public enum Level: Sendable, Equatable { case warning, error }

    public var level: Level
    /// 1-based line (0 when unknown).
    public var line: Int
    /// 1-based column (0 when unknown).
    public var column: Int
    public var message: String
    /// The file or URL the issue is about, when it is not the document itself (a schema import).
    public var file: String?

    public init(level: Level, line: Int, column: Int, message: String, file: String? = nil) {
        self.level = level
        self.line = line
        self.column = column
        self.message = message
        self.file = file
    }

    /// `12:7: message` (or `12: message` without a column).
    public var description: String {
        let place = line > 0 ? (column > 0 ? "\(line):\(column): " : "\(line): ") : ""
        return place + message
    }
}

/// Why an XML input or schema was refused.
public enum XMLFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The document has a DOCTYPE; credential formats need none, and DTDs are how XXE and billion-laughs
    /// attacks arrive.
    case doctypeForbidden(line: Int)
    /// Not well-formed XML; the first issue has the position.
    case malformed([XMLIssue])
    /// Larger than the size cap.
    case tooLarge(limit: Int)
    /// No content.
    case empty
    /// A schema could not be compiled.
    case schemaUnusable([XMLIssue])

    public var description: String {
        switch self {
        case .doctypeForbidden(let line): return "\(line):1: DOCTYPE is not allowed (no DTDs or entities are processed)"
        case .malformed(let issues): return issues.first?.description ?? "not well-formed XML"
        case .tooLarge(let limit): return "input larger than \(limit) bytes"
        case .empty: return "empty input: no XML document"
        case .schemaUnusable(let issues):
            return "the schema cannot be used: " + (issues.first.map { ($0.file.map { "\($0): " } ?? "") + $0.description } ?? "unknown error")
        }
    }
}

/// Process-wide libxml2 set-up, done once and thread-safely: parser and schema-type initialisation
/// (xmlSchemaInitTypes is not thread-safe on first use), silenced generic error output, and the
/// resource loader that keeps every load local.
enum LibXML {
    static let initialized: Void = {
        xmlInitParser()
        xmlSchemaInitTypes()
        clx_silence_generic_errors()
        ResourceLoader.install()
    }()

    /// The libxml2 version, e.g. `2.9.14`.
    static var version: String { String(cString: clx_version()) }
}

/// Collects issues from libxml2's structured error callbacks.
final class IssueCollector {
    var issues: [XMLIssue] = []
    /// Stop recording after this many (a hostile document can produce millions).
    let limit = 1000

    func add(_ error: xmlErrorPtr?) {
        guard let e = error?.pointee, issues.count < limit else { return }
        var message = e.message.map { String(cString: $0) } ?? "unknown XML error"
        while message.last?.isNewline == true || message.last == " " { message.removeLast() }
        let level: XMLIssue.Level = e.level == XML_ERR_WARNING ? .warning : .error
        let file = e.file.map { String(cString: $0) }
        issues.append(XMLIssue(level: level, line: Int(e.line), column: Int(e.int2), message: message, file: file))
    }

    var errors: [XMLIssue] { issues.filter { $0.level == .error } }
}

/// The C callback for parser contexts: userData is the parser context, whose state points at the collector.
let parserErrorCallback: clx_error_fn = { context, error in
    guard let state = clx_state_of(context), let collector = state.pointee.collector else { return }
    Unmanaged<IssueCollector>.fromOpaque(collector).takeUnretainedValue().add(error)
}

/// The C callback for schema contexts: userData is the collector itself.
let collectorErrorCallback: clx_error_fn = { userData, error in
    guard let userData else { return }
    Unmanaged<IssueCollector>.fromOpaque(userData).takeUnretainedValue().add(error)
}
