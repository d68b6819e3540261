import CredconvJSON
import Testing

@Suite("Deterministic JSON writer")
struct JSONWriterTests {
    @Test func compactOutputRoundTripsByteForByte() throws {
        let text = #"{"@context":["https://www.w3.org/ns/credentials/v2"],"id":"urn:x","n":1.50,"a":[],"o":{},"s":"é \"q\" \\ 🎓","b":[true,false,null]}"#
        let v = try JSONParser().parse(text)
        #expect(JSONWriter(style: .compact).string(v) == text)
    }

    @Test func prettyOutputIsIndentedAndReparses() throws {
        let v = try JSONParser().parse(#"{"a":[1,{"b":"c"}],"d":{}}"#)
        let pretty = JSONWriter().string(v)
        #expect(pretty == "{\n  \"a\": [\n    1,\n    {\n      \"b\": \"c\"\n    }\n  ],\n  \"d\": {}\n}")
        #expect(try JSONParser().parse(pretty) == v)
    }

    @Test func slashesAndNonASCIIAreWrittenAsIs() {
        let s = JSONWriter(style: .compact).string(.string("https://example.org/ä"))
        #expect(s == "\"https://example.org/ä\"")
    }

    @Test func controlCharactersAreEscaped() throws {
        let s = JSONWriter(style: .compact).string(.string("a\u{1}b\u{7F}\n"))
        #expect(s == #""a\u0001b\u007f\n""#)
        #expect(try JSONParser().parse(s) == .string("a\u{1}b\u{7F}\n"))
    }

    @Test func htmlSensitiveEscapingKeepsScriptElementsClosed() throws {
        let v = JSONValue.string("</script><b>&")
        let s = JSONWriter(style: .compact, escapeHTMLSensitive: true).string(v)
        #expect(!s.contains("<"))
        #expect(!s.contains(">"))
        #expect(!s.contains("&"))
        #expect(try JSONParser().parse(s) == v)
    }

    @Test func setKeepsMemberPlace() {
        var o = JSONObject(["a": .integer(1), "b": .integer(2)])
        o.set("a", .integer(3))
        o.set("c", .integer(4))
        #expect(o.keys == ["a", "b", "c"])
        #expect(o.remove("b") == .integer(2))
        #expect(o.keys == ["a", "c"])
    }
}

/// Which bytes the writer escapes, for every ASCII byte: exactly `"`, `\`, the controls and DEL (and
/// `<`, `>`, `&` for HTML), and each written text parses back to the same string.
@Suite("JSON writer escapes, byte by byte")
struct JSONWriterEscapeTests {
    @Test(arguments: [false, true]) func everyASCIIByteIsEscapedOnlyWhenItMustBe(_ html: Bool) throws {
        let writer = JSONWriter(style: .compact, escapeHTMLSensitive: html)
        for byte in UInt8(0)..<0x80 {
            let text = "a" + String(UnicodeScalar(byte)) + "b"
            let written = writer.string(.string(text))
            let mustEscape = byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || (html && [0x3C, 0x3E, 0x26].contains(byte))
            #expect(written.utf8.contains(0x5C) == mustEscape, "byte \(byte)")
            #expect(try JSONParser().parse(written) == .string(text), "byte \(byte)")
        }
    }

    @Test func nonASCIIIsCopiedAndRunsAroundEscapesAreKept() throws {
        let text = "Zertifikat \u{1F393} \"Äpfel\"\n<b>ünd</b>\\"
        let written = JSONWriter(style: .compact).string(.string(text))
        #expect(written == #""Zertifikat 🎓 \"Äpfel\"\n<b>ünd</b>\\""#)
        #expect(try JSONParser().parse(written) == .string(text))
    }
}
