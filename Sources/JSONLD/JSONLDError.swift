/// A JSON-LD processing error: the error code the JSON-LD 1.1 API names (`invalid term definition`,
/// `loading remote context failed`, …), what was wrong, and where in the document when known.
public struct JSONLDError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The JSON-LD 1.1 API error code, as the specification spells it.
    public var code: String
    public var message: String
    /// A JSON pointer into the document being processed, when the error is tied to a member.
    public var pointer: String?

    public init(_ code: String, _ message: String, pointer: String? = nil) {
        self.code = code
        self.message = message
        self.pointer = pointer
    }

    public var description: String {
        "\(code): \(message)" + (pointer.map { " (at \($0.isEmpty ? "/" : $0))" } ?? "")
    }
}

/// The JSON-LD keywords and the `@`-form the specification reserves.
enum Keyword {
    static let all: Set<String> = [
        "@base", "@container", "@context", "@default", "@direction", "@embed", "@explicit", "@graph", "@id",
        "@import", "@included", "@index", "@json", "@language", "@list", "@nest", "@none", "@omitDefault",
        "@prefix", "@preserve", "@protected", "@requireAll", "@reverse", "@set", "@type", "@value", "@version",
        "@vocab", "@propagate",
    ]

    static func isKeyword(_ s: String) -> Bool { s.utf8.first == UInt8(ascii: "@") && all.contains(s) }

    /// `@` followed by one or more ASCII letters: reserved for future keywords, ignored with a warning.
    static func hasKeywordForm(_ s: String) -> Bool {
        var bytes = s.utf8.makeIterator()
        guard bytes.next() == UInt8(ascii: "@") else { return false }
        var count = 0
        while let b = bytes.next() {
            guard (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") else { return false }
            count += 1
        }
        return count > 0
    }
}

extension StringProtocol {
    /// Whether the string holds the ASCII character `c` (a byte scan; `contains(String)` would go
    /// through Foundation's locale-aware search).
    func hasASCII(_ c: Unicode.Scalar) -> Bool { utf8.contains(UInt8(ascii: c)) }
}
