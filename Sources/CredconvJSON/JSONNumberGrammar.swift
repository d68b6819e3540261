/// The number grammar of RFC 8259 §6, over bytes: one scanner shared by the parser and by whoever must
/// check that a text is a JSON number (``isFiniteNumber(_:)``) without parsing a whole document.
public enum JSONNumberGrammar {
    /// How far a number lexeme starting at `start` reaches.
    struct Scan {
        /// One past the last byte that belongs to the lexeme; on failure, the byte where it broke off.
        var end: Int
        /// True when the bytes form a complete number lexeme up to `end`.
        var isValid: Bool
        /// True when the lexeme has neither a fraction nor an exponent.
        var isInteger: Bool
    }

    /// Scans the number lexeme that starts at `start` (a `-` or a digit is expected there).
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Scan {
        func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        var index = start
        func broken() -> Scan { Scan(end: index, isValid: false, isInteger: false) }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { return broken() }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { return broken() }
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        var isInteger = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { return broken() }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard index < bytes.count, isDigit(bytes[index]) else { return broken() }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        return Scan(end: index, isValid: true, isInteger: isInteger)
    }

    /// True when a lexeme of `length` bytes has a finite value: integers of up to 15 digits always do;
    /// anything else is asked of `Double`.
    static func isFinite(_ text: String, length: Int, isInteger: Bool) -> Bool {
        if isInteger && length <= 15 { return true }
        guard let d = Double(text) else { return false }
        return d.isFinite
    }

    /// True when `text` is exactly one JSON number lexeme (no spaces around it) whose value is finite.
    public static func isFiniteNumber(_ text: String) -> Bool {
        var text = text
        let scan = text.withUTF8 { bytes in bytes.isEmpty ? nil : Self.scan(bytes, from: 0) }
        guard let scan, scan.isValid, scan.end == text.utf8.count else { return false }
        return isFinite(text, length: scan.end, isInteger: scan.isInteger)
    }
}
