import CredconvJSON

/// A decimal number kept as the text it was written with (`5`, `7.5`, `42.0`).
///
/// Credit points and scores pass through conversions without binary rounding.
public struct NumberText: Sendable, Equatable, Hashable, Codable, JSONValueRepresentable, CustomStringConvertible {
    /// The JSON-grammar lexeme.
    public let text: String

    /// Accepts a JSON number lexeme (`-1`, `2.5`, `1e3`); also trims spaces around it. Nil when not a finite number.
    public init?(_ text: String) {
        let t = text.trimmingSpaces()
        guard JSONNumberGrammar.isFiniteNumber(t) else { return nil }
        self.text = t
    }

    /// The value as a double (for arithmetic and comparison only, never for output).
    public var doubleValue: Double { Double(text) ?? 0 }

    public var jsonValue: JSONValue { .number(text) }
    public var description: String { text }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(jsonValue)
    }

}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks (Europass codes sometimes
    /// carry a trailing space).
    public func trimmingSpaces() -> String {
        // Most texts start and end with a printable ASCII byte: nothing to trim, nothing to copy.
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return self
        }
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
