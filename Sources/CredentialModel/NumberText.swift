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

    /// The number without an exponent, digit for digit (`1e2` → `100`, `2.5E-1` → `0.25`): the lexical
    /// form of `xs:decimal`, which Europass wants. Nil when that would take more than
    /// ``maxDecimalDigits`` digits (`1e-99999` is a finite JSON number).
    public var decimalText: String? {
        let bytes = Array(text.utf8)
        guard let e = bytes.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) else { return text }
        let negative = bytes.first == UInt8(ascii: "-")
        let mantissa = bytes[(negative ? 1 : 0)..<e]
        let dot = mantissa.firstIndex(of: UInt8(ascii: "."))
        let whole = dot.map { mantissa[..<$0] } ?? mantissa
        let fraction = dot.map { mantissa[($0 + 1)...] } ?? []
        var digits = Array(whole) + Array(fraction)
        // The exponent's own leading zeros say nothing; more than five digits left is beyond any double.
        var exponentDigits = bytes[(e + 1)...]
        let exponentNegative = exponentDigits.first == UInt8(ascii: "-")
        if exponentDigits.first == UInt8(ascii: "-") || exponentDigits.first == UInt8(ascii: "+") { exponentDigits = exponentDigits.dropFirst() }
        exponentDigits = exponentDigits.drop { $0 == UInt8(ascii: "0") }
        if digits.allSatisfy({ $0 == UInt8(ascii: "0") }) { return "0" }
        guard exponentDigits.count <= 5 else { return nil }
        let magnitude = exponentDigits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        // Where the decimal point goes, counted in `digits`.
        let point = whole.count + (exponentNegative ? -magnitude : magnitude)
        guard max(point, digits.count) - min(point, 0) <= Self.maxDecimalDigits else { return nil }
        var out: [UInt8]
        if point <= 0 {
            out = [UInt8(ascii: "0"), UInt8(ascii: ".")] + Array(repeating: UInt8(ascii: "0"), count: -point) + digits
        } else if point >= digits.count {
            digits += Array(repeating: UInt8(ascii: "0"), count: point - digits.count)
            out = digits
        } else {
            out = Array(digits[..<point]) + [UInt8(ascii: ".")] + Array(digits[point...])
        }
        // `05` → `5`, `00.5` → `0.5`
        while out.count > 1, out[0] == UInt8(ascii: "0"), out[1] != UInt8(ascii: ".") { out.removeFirst() }
        return (negative ? "-" : "") + String(decoding: out, as: UTF8.self)
    }

    /// The most digits ``decimalText`` writes.
    public static let maxDecimalDigits = 1100

    /// True when both name the same number, however written (`1.50`, `1.5` and `15e-1`); decided on the
    /// digits, never through a double.
    public func sameValue(as other: NumberText) -> Bool {
        if text == other.text { return true }
        guard let a = decimalText.map(Self.canonical), let b = other.decimalText.map(Self.canonical) else { return false }
        return a == b
    }

    /// A decimal text without fraction zeros at its end, and `0` for any zero.
    private static func canonical(_ decimal: String) -> String {
        var s = Substring(decimal)
        if s.contains(".") {
            while s.last == "0" { s.removeLast() }
            if s.last == "." { s.removeLast() }
        }
        if s == "-0" { return "0" }
        return String(s)
    }

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
