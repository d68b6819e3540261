/// Writes ``JSONValue`` as deterministic JSON text.
///
/// Members are written in their stored order (readers and writers in credconv build objects in a
/// readable order: `@context`, `id`, `type`, `name`, …). Non-ASCII is written as is, `/` is never
/// escaped, and number lexemes are written exactly as held.
public struct JSONWriter: Sendable {
    /// Layout of the output.
    public enum Style: Sendable, Equatable {
        /// Two-space indentation, one member per line, `"key": value`.
        case pretty
        /// One line, no spaces.
        case compact
    }

    public var style: Style
    /// Escape `<`, `>` and `&` as `\u003c`…, so the text can sit inside an HTML `<script>` element.
    public var escapeHTMLSensitive: Bool

    public init(style: Style = .pretty, escapeHTMLSensitive: Bool = false) {
        self.style = style
        self.escapeHTMLSensitive = escapeHTMLSensitive
    }

    /// The JSON text of `value`, without a trailing newline.
    public func string(_ value: JSONValue) -> String {
        String(decoding: bytes(value), as: UTF8.self)
    }

    /// The UTF-8 bytes of `value`, without a trailing newline.
    public func bytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(value, into: &out)
        return out
    }

    /// Appends the UTF-8 bytes of `value` to `out`.
    public func write(_ value: JSONValue, into out: inout [UInt8]) {
        write(value, indent: 0, into: &out)
    }

    private func write(_ value: JSONValue, indent: Int, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n): out.append(contentsOf: n.utf8)
        case .string(let s): writeString(s, into: &out)
        case .array(let elements):
            if elements.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 1, into: &out)
                write(element, indent: indent + 1, into: &out)
            }
            newline(indent, into: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            if object.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            for (i, member) in object.members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 1, into: &out)
                writeString(member.key, into: &out)
                out.append(UInt8(ascii: ":"))
                if style == .pretty { out.append(UInt8(ascii: " ")) }
                write(member.value, indent: indent + 1, into: &out)
            }
            newline(indent, into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    private func newline(_ indent: Int, into out: inout [UInt8]) {
        guard style == .pretty else { return }
        out.append(0x0A)
        for _ in 0..<indent { out.append(0x20); out.append(0x20) }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        let table = escapeHTMLSensitive ? Self.escapedWithHTML : Self.escapedPlain
        table.withUnsafeBufferPointer { escaped in
            s.withUTF8 { bytes in
                // Copy runs of bytes that need no escape in one go.
                var runStart = 0
                for i in 0..<bytes.count {
                    let b = bytes[i]
                    guard escaped[Int(b)] else { continue }
                    if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                    appendEscape(b, into: &out)
                    runStart = i + 1
                }
                if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// For each byte value, whether it is written as an escape: `"`, `\\`, the C0 controls and DEL, and
    /// for ``escapeHTMLSensitive`` also `<`, `>` and `&` (one load per byte written, no branch per kind).
    private static let escapedPlain = escapeTable(html: false)
    private static let escapedWithHTML = escapeTable(html: true)

    private static func escapeTable(html: Bool) -> [Bool] {
        (0...255).map { (b: Int) -> Bool in
            b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F || (html && (b == 0x3C || b == 0x3E || b == 0x26))
        }
    }

    private func appendEscape(_ b: UInt8, into out: inout [UInt8]) {
        switch b {
        case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
        case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
        case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
        case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
        case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
        case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
        case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
        default: appendUnicodeEscape(b, into: &out)
        }
    }

    private func appendUnicodeEscape(_ b: UInt8, into out: inout [UInt8]) {
        out.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
        out.append(Self.hexDigits[Int(b >> 4)])
        out.append(Self.hexDigits[Int(b & 0xF)])
    }
}
