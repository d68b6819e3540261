/// A strict RFC 8259 JSON parser for untrusted input.
///
/// Unlike Foundation's parsers it rejects duplicate keys, invalid UTF-8, lone surrogates and numbers
/// that do not fit a double; keeps member order and number text; caps depth and size; and reports
/// every error with its line and column. A leading UTF-8 byte order mark is skipped.
public struct JSONParser: Sendable {
    public var limits: JSONLimits

    public init(limits: JSONLimits = .default) { self.limits = limits }

    /// Parses one JSON text.
    /// - Throws: ``JSONParseError`` with the position of the first problem.
    public func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { (buffer) throws(JSONParseError) -> JSONValue in
            try parse(buffer)
        }
    }

    /// Parses one JSON text from a UTF-8 string.
    public func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// Parses one JSON text from raw memory.
    public func parse(_ buffer: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> JSONValue {
        var start = 0
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }
        let body = UnsafeBufferPointer(rebasing: buffer[start...])
        var scanner = Scanner(bytes: body, limits: limits)
        if body.count > limits.maxBytes {
            throw scanner.error(.tooLarge(limit: limits.maxBytes), at: 0)
        }
        return try scanner.parseDocument()
    }
}

/// The byte-level scanner behind ``JSONParser``.
private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let limits: JSONLimits
    var index = 0
    var depth = 0

    init(bytes: UnsafeBufferPointer<UInt8>, limits: JSONLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        if index >= bytes.count { throw error(.emptyInput, at: index) }
        let value = try parseValue()
        skipWhitespace()
        if index < bytes.count { throw error(.trailingContent, at: index) }
        return value
    }

    // MARK: values

    mutating func parseValue() throws(JSONParseError) -> JSONValue {
        guard index < bytes.count else { throw error(.unexpectedEndOfInput, at: index) }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw unexpected(at: index)
        }
    }

    mutating func enter() throws(JSONParseError) {
        depth += 1
        if depth > limits.maxDepth { throw error(.tooDeep(limit: limits.maxDepth), at: index) }
    }

    mutating func parseObject() throws(JSONParseError) -> JSONValue {
        try enter()
        index += 1  // {
        var members: [JSONObject.Member] = []
        var seen: Set<String>? = nil
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(JSONObject())
        }
        // Room for the members of most objects at once: growing from one member doubled the array
        // three or four times per object (an allocation and a copy each).
        members.reserveCapacity(8)
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw error(.unexpectedEndOfInput, at: index) }
            guard bytes[index] == UInt8(ascii: "\"") else { throw unexpected(at: index) }
            let keyOffset = index
            let key = try parseString()
            // Linear scan for small objects, a set once they grow.
            if members.count < 12 {
                if members.contains(where: { $0.key == key }) { throw error(.duplicateKey(key), at: keyOffset) }
            } else {
                if seen == nil { seen = Set(members.map(\.key)) }
                if !seen!.insert(key).inserted { throw error(.duplicateKey(key), at: keyOffset) }
            }
            skipWhitespace()
            guard index < bytes.count else { throw error(.unexpectedEndOfInput, at: index) }
            guard bytes[index] == UInt8(ascii: ":") else { throw unexpected(at: index) }
            index += 1
            skipWhitespace()
            let value = try parseValue()
            members.append(JSONObject.Member(key: key, value: value))
            if seen != nil { _ = seen!.insert(key) }
            skipWhitespace()
            guard index < bytes.count else { throw error(.unexpectedEndOfInput, at: index) }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; break }
            throw unexpected(at: index)
        }
        depth -= 1
        return .object(JSONObject(uniqueMembers: members))
    }

    mutating func parseArray() throws(JSONParseError) -> JSONValue {
        try enter()
        index += 1  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array([])
        }
        elements.reserveCapacity(4)  // as for members: most arrays at once
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw error(.unexpectedEndOfInput, at: index) }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; break }
            throw unexpected(at: index)
        }
        depth -= 1
        return .array(elements)
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let count = literal.utf8CodeUnitCount
        let start = literal.utf8Start
        for i in 0..<count {
            guard index + i < bytes.count else { throw error(.unexpectedEndOfInput, at: index + i) }
            if bytes[index + i] != start[i] { throw unexpected(at: index + i) }
        }
        index += count
    }

    // MARK: strings

    mutating func parseString() throws(JSONParseError) -> String {
        index += 1  // opening quote
        let start = index
        // Fast path: no escapes.
        var asciiOnly = true
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                if asciiOnly { return String(decoding: slice, as: UTF8.self) }
                guard let s = String(validating: slice, as: UTF8.self) else {
                    throw error(.invalidUTF8, at: firstInvalidUTF8(from: start, to: index - 1))
                }
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw error(.controlCharacterInString, at: index) }
            if b >= 0x80 { asciiOnly = false }
            index += 1
        }
        if index >= bytes.count { throw error(.unexpectedEndOfInput, at: index) }
        // Slow path: decode escapes into a byte buffer, validate at the end.
        var out = [UInt8](UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                index += 1
                guard let s = String(validating: out, as: UTF8.self) else {
                    throw error(.invalidUTF8, at: firstInvalidUTF8(from: start, to: index - 1))
                }
                return s
            }
            if b < 0x20 { throw error(.controlCharacterInString, at: index) }
            if b != UInt8(ascii: "\\") {
                out.append(b)
                index += 1
                continue
            }
            let escapeStart = index
            index += 1
            guard index < bytes.count else { throw error(.unexpectedEndOfInput, at: index) }
            let e = bytes[index]
            index += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4(at: escapeStart)
                if (0xD800...0xDBFF).contains(scalar) {
                    // Must be followed by a low surrogate escape.
                    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                        bytes[index + 1] == UInt8(ascii: "u")
                    else { throw error(.loneSurrogate, at: escapeStart) }
                    index += 2
                    let low = try hex4(at: escapeStart)
                    guard (0xDC00...0xDFFF).contains(low) else { throw error(.loneSurrogate, at: escapeStart) }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw error(.loneSurrogate, at: escapeStart)
                }
                out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
            default:
                throw error(.invalidEscape, at: escapeStart)
            }
        }
        throw error(.unexpectedEndOfInput, at: index)
    }

    mutating func hex4(at escapeStart: Int) throws(JSONParseError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error(.invalidEscape, at: escapeStart) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[index]
            let digit: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c - UInt8(ascii: "A") + 10
            default: throw error(.invalidEscape, at: escapeStart)
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// The offset of the first byte that breaks UTF-8 in `start..<end`, for the error position.
    func firstInvalidUTF8(from start: Int, to end: Int) -> Int {
        var i = start
        while i < end {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            if i + length > end { return i }
            let slice = UnsafeBufferPointer(rebasing: bytes[i..<(i + length)])
            if String(validating: slice, as: UTF8.self) == nil { return i }
            i += length
        }
        return start
    }

    // MARK: numbers

    mutating func parseNumber() throws(JSONParseError) -> String {
        let start = index
        let scan = JSONNumberGrammar.scan(bytes, from: start)
        index = scan.end
        guard scan.isValid else { throw invalidNumber(from: start) }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard JSONNumberGrammar.isFinite(text, length: index - start, isInteger: scan.isInteger) else {
            throw error(.numberOutOfRange(text), at: start)
        }
        return text
    }

    mutating func invalidNumber(from start: Int) -> JSONParseError {
        var end = index
        while end < bytes.count, end - start < 40,
            !" \t\r\n,]}".utf8.contains(bytes[end])
        { end += 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<max(end, start + 1)]), as: UTF8.self)
        return error(.invalidNumber(text), at: start)
    }

    // MARK: whitespace and errors

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    func unexpected(at offset: Int) -> JSONParseError {
        let b = bytes[offset]
        let shown: String
        if b >= 0x80 {
            // Show the whole scalar when it decodes.
            var end = offset + 1
            while end < bytes.count, end - offset < 4, bytes[end] & 0xC0 == 0x80 { end += 1 }
            shown = String(validating: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
                .map { "'\($0)'" } ?? String(format: b)
        } else if b < 0x20 || b == 0x7F {
            shown = String(format: b)
        } else {
            shown = "'\(Character(Unicode.Scalar(b)))'"
        }
        return error(.unexpectedCharacter(shown), at: offset)
    }

    func error(_ reason: JSONParseError.Reason, at offset: Int) -> JSONParseError {
        JSONParseError(reason: reason, position: position(of: offset), offset: offset)
    }

    /// Line and column of a byte offset; only computed for errors.
    func position(of offset: Int) -> TextPosition {
        var line = 1
        var column = 1
        var i = 0
        let end = min(offset, bytes.count)
        while i < end {
            let b = bytes[i]
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return TextPosition(line: line, column: column)
    }
}

extension String {
    fileprivate init(format byte: UInt8) {
        let hex = String(byte, radix: 16, uppercase: true)
        self = "byte 0x" + (hex.count == 1 ? "0" + hex : hex)
    }
}
