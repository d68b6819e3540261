/// The JSON Canonicalization Scheme (JCS, RFC 8785): members sorted by their UTF-16 code units, no white
/// space, strings with the minimal escapes, numbers as ECMAScript writes them. What `eddsa-jcs-2022` and
/// `ecdsa-jcs-2019` proofs sign.
public enum JSONCanonicalization {
    /// A value JCS cannot write: a number that is not an IEEE 754 double (too large, NaN).
    public struct Failure: Error, Sendable, Equatable {
        public var message: String
    }

    /// The canonical UTF-8 bytes of `value`.
    public static func bytes(_ value: JSONValue) throws(Failure) -> [UInt8] {
        var out = ""
        try write(value, into: &out)
        return Array(out.utf8)
    }

    static func write(_ value: JSONValue, into out: inout String) throws(Failure) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let text): out += try number(text)
        case .string(let s): string(s, into: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                try write(item, into: &out)
            }
            out += "]"
        case .object(let o):
            out += "{"
            let sorted = o.members.sorted { a, b in a.key.utf16.lexicographicallyPrecedes(b.key.utf16) }
            for (i, member) in sorted.enumerated() {
                if i > 0 { out += "," }
                string(member.key, into: &out)
                out += ":"
                try write(member.value, into: &out)
            }
            out += "}"
        }
    }

    static func string(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x08: out += "\\b"
            case 0x0C: out += "\\f"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x00...0x1F:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// ECMAScript's Number::toString of the double nearest to `text` (RFC 8785 §3.2.2.3).
    public static func number(_ text: String) throws(Failure) -> String {
        guard let value = Double(text), value.isFinite else {
            throw Failure(message: "the number \(text) is no finite IEEE 754 double, which JCS requires")
        }
        if value == 0 { return "0" }
        // Swift writes the shortest digits that read back as the same double; take them and the exponent.
        let swift = String(describing: abs(value))
        var mantissa = Substring(swift)
        var exponent = 0
        if let e = swift.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = swift[..<e]
            exponent = Int(swift[swift.index(after: e)...]) ?? 0
        }
        var digits = ""
        var pointPosition = mantissa.count
        if let dot = mantissa.firstIndex(of: ".") {
            pointPosition = mantissa.distance(from: mantissa.startIndex, to: dot)
            digits = String(mantissa[..<dot]) + String(mantissa[mantissa.index(after: dot)...])
        } else {
            digits = String(mantissa)
        }
        // value = 0.DIGITS × 10^n
        var n = pointPosition + exponent
        let leadingZeros = digits.prefix(while: { $0 == "0" }).count
        digits.removeFirst(leadingZeros)
        n -= leadingZeros
        while digits.hasSuffix("0") { digits.removeLast() }
        if digits.isEmpty { return "0" }
        let k = digits.count
        let sign = value < 0 ? "-" : ""
        if k <= n && n <= 21 { return sign + digits + String(repeating: "0", count: n - k) }
        if 0 < n && n <= 21 {
            return sign + String(digits.prefix(n)) + "." + String(digits.dropFirst(n))
        }
        if -6 < n && n <= 0 { return sign + "0." + String(repeating: "0", count: -n) + digits }
        let e = n - 1
        let exponentText = (e >= 0 ? "+" : "-") + String(abs(e))
        if k == 1 { return sign + digits + "e" + exponentText }
        return sign + String(digits.prefix(1)) + "." + String(digits.dropFirst()) + "e" + exponentText
    }
}
