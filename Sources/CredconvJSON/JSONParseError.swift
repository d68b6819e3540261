/// Where in a text something is: 1-based line and column (the column counts Unicode scalars).
public struct TextPosition: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    public var description: String { "\(line):\(column)" }
}

/// Why a JSON text was refused, and where.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kinds of failure, so callers and tests can match on them.
    public enum Reason: Sendable, Equatable {
        case unexpectedEndOfInput
        case unexpectedCharacter(String)
        case invalidUTF8
        case invalidEscape
        case loneSurrogate
        case controlCharacterInString
        case invalidNumber(String)
        case numberOutOfRange(String)
        case duplicateKey(String)
        case tooDeep(limit: Int)
        case tooLarge(limit: Int)
        case trailingContent
        case emptyInput
    }

    public var reason: Reason
    /// Where the problem was found.
    public var position: TextPosition
    /// Byte offset of the problem in the input (after any BOM).
    public var offset: Int

    public init(reason: Reason, position: TextPosition, offset: Int) {
        self.reason = reason
        self.position = position
        self.offset = offset
    }

    /// A one-line explanation without the position.
    public var message: String {
        switch reason {
        case .unexpectedEndOfInput: return "unexpected end of input"
        case .unexpectedCharacter(let c): return "unexpected character \(c)"
        case .invalidUTF8: return "invalid UTF-8"
        case .invalidEscape: return "invalid escape sequence in string"
        case .loneSurrogate: return "lone UTF-16 surrogate in \\u escape"
        case .controlCharacterInString: return "unescaped control character in string"
        case .invalidNumber(let n): return "invalid number '\(n)'"
        case .numberOutOfRange(let n): return "number '\(n)' does not fit a double"
        case .duplicateKey(let k): return "duplicate key \"\(k)\""
        case .tooDeep(let limit): return "nesting deeper than \(limit) levels"
        case .tooLarge(let limit): return "document larger than \(limit) bytes"
        case .trailingContent: return "unexpected content after the JSON value"
        case .emptyInput: return "empty input: no JSON value"
        }
    }

    public var description: String { "\(position): \(message)" }

    /// True when the text was refused for a limit (depth, size), not for its syntax.
    public var isLimit: Bool {
        switch reason {
        case .tooDeep, .tooLarge: return true
        default: return false
        }
    }
}
