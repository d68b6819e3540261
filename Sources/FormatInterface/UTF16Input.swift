import CredconvJSON
import CredentialModel

/// Input in UTF-16, which XML allows (every XML processor must read it: XML 1.0 §4.3.3) and JSON,
/// JWS and SD-JWT do not (RFC 8259 §8.1: JSON exchanged between systems is UTF-8).
///
/// Told by its byte order mark, or without one by XML's opening `<?` in either byte order (XML 1.0
/// Appendix F). UTF-16 XML is handed on as UTF-8, its declaration saying so, so every format sees the
/// one encoding its recognisers look for; anything else in UTF-16 is refused with a message saying
/// what it is. Unpaired surrogates and an odd byte count are errors with their line and column: no
/// character is replaced silently.
public enum UTF16Input {
    enum ByteOrder { case littleEndian, bigEndian }

    /// The byte order and the length of the byte order mark (0 when there is none), when `bytes` is UTF-16.
    static func detect(_ bytes: [UInt8]) -> (order: ByteOrder, markLength: Int)? {
        guard bytes.count >= 2 else { return nil }
        switch (bytes[0], bytes[1]) {
        case (0xFF, 0xFE):
            // FF FE 00 00 is UTF-32 (little-endian): not UTF-16, and not read.
            if bytes.count >= 4, bytes[2] == 0, bytes[3] == 0 { return nil }
            return (.littleEndian, 2)
        case (0xFE, 0xFF): return (.bigEndian, 2)
        default: break
        }
        guard bytes.count >= 4 else { return nil }
        if bytes[0...3] == [0x3C, 0x00, 0x3F, 0x00] { return (.littleEndian, 0) }
        if bytes[0...3] == [0x00, 0x3C, 0x00, 0x3F] { return (.bigEndian, 0) }
        return nil
    }

    /// `bytes` as UTF-8 when they are UTF-16 XML; nil when they are not UTF-16 at all.
    /// - Throws: `data.xml-syntax` for broken UTF-16, `data.unknown-input` for UTF-16 that is not XML.
    public static func xmlAsUTF8(_ bytes: [UInt8]) throws(Diagnostic) -> [UInt8]? {
        guard let (order, markLength) = detect(bytes) else { return nil }
        var utf8 = try transcode(bytes, order: order, from: markLength)
        guard utf8.trimmingASCIIWhitespace().first == UInt8(ascii: "<") else {
            throw Diagnostic(.unknownInput,
                "the input is UTF-16 text that is not XML; JSON, a JWS and an SD-JWT must be UTF-8 (RFC 8259 §8.1): convert it first (iconv -f UTF-16 -t UTF-8)",
                at: .position(line: 1, column: 1))
        }
        declareUTF8(&utf8)
        return utf8
    }

    /// The UTF-8 form of the code units from byte `start` on.
    private static func transcode(_ bytes: [UInt8], order: ByteOrder, from start: Int) throws(Diagnostic) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count - start)
        var line = 1, column = 1
        func broken(_ what: String) -> Diagnostic {
            Diagnostic(.xmlSyntax, "not well-formed XML: \(what) in the UTF-16 input", at: .position(line: line, column: column))
        }
        func unit(at i: Int) -> UInt16 {
            order == .littleEndian ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
        }
        guard (bytes.count - start) % 2 == 0 else { throw broken("an odd number of bytes") }
        var i = start
        while i < bytes.count {
            let first = unit(at: i)
            i += 2
            let scalar: UInt32
            switch first {
            case 0xD800...0xDBFF:
                guard i < bytes.count, case let second = unit(at: i), (0xDC00...0xDFFF).contains(second) else {
                    throw broken("a high surrogate without its low surrogate")
                }
                i += 2
                scalar = 0x10000 + (UInt32(first - 0xD800) << 10) + UInt32(second - 0xDC00)
            case 0xDC00...0xDFFF:
                throw broken("a low surrogate without its high surrogate")
            default:
                scalar = UInt32(first)
            }
            appendUTF8(scalar, to: &out)
            if scalar == 0x0A { line += 1; column = 1 } else { column += 1 }
        }
        return out
    }

    private static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | scalar >> 6))
            out.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | scalar >> 12))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        default:
            out.append(UInt8(0xF0 | scalar >> 18))
            out.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// Makes the XML declaration's `encoding` say UTF-8 (libxml2 refuses UTF-8 labelled UTF-16). The
    /// value is padded with spaces before `?>`, so every column of the first line stays where it was.
    static func declareUTF8(_ xml: inout [UInt8]) {
        guard xml[...].hasASCIIPrefix("<?xml"), let end = xml[...].firstIndex(ofASCII: "?>"),
              let name = xml[..<end].firstIndex(ofASCII: "encoding")
        else { return }
        // encoding S? = S? ("…" | '…')
        var i = name + "encoding".utf8.count
        func skipSpace() { while i < end, [0x20, 0x09, 0x0D, 0x0A].contains(xml[i]) { i += 1 } }
        skipSpace()
        guard i < end, xml[i] == UInt8(ascii: "=") else { return }
        i += 1
        skipSpace()
        guard i < end, xml[i] == UInt8(ascii: "\"") || xml[i] == UInt8(ascii: "'") else { return }
        let quote = xml[i]
        let valueStart = i + 1
        guard let valueEnd = xml[valueStart..<end].firstIndex(of: quote) else { return }
        let utf8Name = Array("UTF-8".utf8)
        let padding = max(0, (valueEnd - valueStart) - utf8Name.count)
        // The closing quote, then the spaces that keep the columns: `encoding="UTF-8"  ?>`.
        xml.replaceSubrange(valueStart...valueEnd, with: utf8Name + [quote] + Array(repeating: 0x20, count: padding))
    }
}
