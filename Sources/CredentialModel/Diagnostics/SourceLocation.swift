/// Where something is: in the input (a JSON pointer, a line and column, an XPath, a byte offset) or in
/// the model (for what a writer could not express). Never prose.
public enum SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// An RFC 6901 JSON pointer (`/credentialSubject/achievement/name`).
    case jsonPointer(String)
    /// A 1-based line and column.
    case position(line: Int, column: Int)
    /// An XPath (`/europassCredential/credentialSubject[1]`), with the element's line when known.
    case xpath(String, line: Int? = nil)
    /// A path within the model (`achievement.credits[0].value`), for what a writer could not express.
    case modelPath(String)
    /// A byte offset in binary input (a PNG image).
    case byteOffset(Int)

    public var description: String {
        switch self {
        case .jsonPointer(let p): return p.isEmpty ? "/" : p
        case .position(let line, let column): return "\(line):\(column)"
        case .xpath(let x, let line): return line.map { "\(x) (line \($0))" } ?? x
        case .modelPath(let m): return m
        case .byteOffset(let n): return "byte \(n)"
        }
    }

    /// The kind of location, as `--report json` names it.
    public var kind: String {
        switch self {
        case .jsonPointer: return "jsonPointer"
        case .position: return "position"
        case .xpath: return "xpath"
        case .modelPath: return "model"
        case .byteOffset: return "byteOffset"
        }
    }

    /// True for a line:column position (printed right after the input name, as compilers do).
    public var isPosition: Bool {
        if case .position = self { return true }
        return false
    }
}
