/// Finds tags in markup bytes that libxml2 has already found well-formed, so baking can edit the
/// document in place and keep everything else byte for byte. Comments, CDATA sections and processing
/// instructions are skipped; attribute values are read with their quotes.
enum MarkupScanner {
    struct StartTag {
        /// The index just after the tag's `>`.
        var end: Int
        var selfClosing: Bool
        var qualifiedName: String
    }

    /// The root element's start tag.
    static func rootStartTag(in bytes: [UInt8]) -> StartTag? {
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            if let skipped = skipSpecial(bytes, at: i) { i = skipped; continue }
            return startTag(bytes, at: i)
        }
        return nil
    }

    /// The byte range of the first element named `qualifiedName`, from its `<` to the end of its end tag.
    static func elementRange(in bytes: [UInt8], qualifiedName: String) -> Range<Int>? {
        let open = Array("<\(qualifiedName)".utf8)
        let close = Array("</\(qualifiedName)".utf8)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            if let skipped = skipSpecial(bytes, at: i) { i = skipped; continue }
            if matches(bytes, open, at: i), i + open.count < bytes.count, isNameEnd(bytes[i + open.count]),
                let tag = startTag(bytes, at: i)
            {
                if tag.selfClosing { return i..<tag.end }
                // Find the matching end tag (badge elements hold text or CDATA only).
                var j = tag.end
                while j < bytes.count {
                    if bytes[j] == UInt8(ascii: "<"), let skipped = skipSpecial(bytes, at: j) { j = skipped; continue }
                    if matches(bytes, close, at: j), let gt = bytes[(j + close.count)...].firstIndex(of: UInt8(ascii: ">")) { return i..<(gt + 1) }
                    j += 1
                }
                return nil
            }
            i += 1
        }
        return nil
    }

    /// Past a comment, CDATA section, processing instruction or declaration starting at `i`; nil when
    /// `i` starts an ordinary tag.
    static func skipSpecial(_ b: [UInt8], at i: Int) -> Int? {
        func past(_ terminator: String, from start: Int) -> Int {
            let t = Array(terminator.utf8)
            var j = start
            while j + t.count <= b.count {
                if matches(b, t, at: j) { return j + t.count }
                j += 1
            }
            return b.count
        }
        if matches(b, Array("<!--".utf8), at: i) { return past("-->", from: i + 4) }
        if matches(b, Array("<![CDATA[".utf8), at: i) { return past("]]>", from: i + 9) }
        if matches(b, Array("<?".utf8), at: i) { return past("?>", from: i + 2) }
        if matches(b, Array("<!".utf8), at: i) { return past(">", from: i + 2) }
        return nil
    }

    /// The start tag at `i` (`<name …>` or `<name …/>`), reading quoted attribute values whole.
    static func startTag(_ b: [UInt8], at i: Int) -> StartTag? {
        var j = i + 1
        while j < b.count, !isNameEnd(b[j]) { j += 1 }
        let name = String(decoding: b[(i + 1)..<j], as: UTF8.self)
        var quote: UInt8? = nil
        while j < b.count {
            let c = b[j]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                quote = c
            } else if c == UInt8(ascii: ">") {
                return StartTag(end: j + 1, selfClosing: j > i && b[j - 1] == UInt8(ascii: "/"), qualifiedName: name)
            }
            j += 1
        }
        return nil
    }

    static func matches(_ b: [UInt8], _ pattern: [UInt8], at i: Int) -> Bool {
        i + pattern.count <= b.count && b[i..<(i + pattern.count)].elementsEqual(pattern)
    }

    static func isNameEnd(_ c: UInt8) -> Bool {
        c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") || c == UInt8(ascii: ">") || c == UInt8(ascii: "/")
    }

    /// Text for a double-quoted attribute value.
    static func escapeAttribute(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// The bytes with a DOCTYPE that has no internal subset (`<!DOCTYPE svg PUBLIC "…" "…">`, as SVG files
    /// often carry) blanked out with spaces, line breaks kept, so positions do not move. Such a DOCTYPE
    /// declares nothing, and its external DTD is never loaded. A DOCTYPE with an internal subset (`[…]`,
    /// where entities are declared) is left in place, for the parser to refuse.
    static func blankingExternalDoctype(_ bytes: [UInt8]) -> [UInt8] {
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            if matches(bytes, Array("<!DOCTYPE".utf8), at: i) {
                var j = i + 9
                var quote: UInt8? = nil
                while j < bytes.count {
                    let c = bytes[j]
                    if let q = quote {
                        if c == q { quote = nil }
                    } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                        quote = c
                    } else if c == UInt8(ascii: "[") {
                        return bytes
                    } else if c == UInt8(ascii: ">") {
                        var out = bytes
                        for k in i...j where out[k] != UInt8(ascii: "\n") && out[k] != UInt8(ascii: "\r") { out[k] = UInt8(ascii: " ") }
                        return out
                    }
                    j += 1
                }
                return bytes
            }
            if let skipped = skipSpecial(bytes, at: i) { i = skipped; continue }
            return bytes  // the root element: no DOCTYPE before it
        }
        return bytes
    }
}
