import CredconvJSON
import Testing

/// Format recognition looks for ASCII markup in a document's first bytes.
@Suite("Byte sniffing")
struct ByteSniffingTests {
    static func bytes(_ text: String) -> ArraySlice<UInt8> { Array(text.utf8)[...] }

    @Test func findsASCIIAnywhereIncludingTheEnd() {
        let head = Self.bytes("<?xml version=\"1.0\"?>\n<europassCredential xsi:schemaLocation=\"x EDC-ACCR_1.2.xsd\">")
        #expect(head.containsASCII("europassCredential"))
        #expect(head.containsASCII("_1.2.xsd\">"))
        #expect(!head.containsASCII("_1.1.xsd"))
        #expect(!head.containsASCII("EuropassCredential"))
        #expect(head.containsASCII("EUROPASScredential", ignoringCase: true))
        #expect(!Self.bytes("<sv").containsASCII("<svg"))
        #expect(Self.bytes("").containsASCII(""))
        // A slice that does not start at index 0 is searched from its own start.
        let tail = Array("xx<svg".utf8)[2...]
        #expect(tail.containsASCII("<svg") && tail.hasASCIIPrefix("<svg") && !tail.hasASCIIPrefix("xx"))
    }

    /// Positions are the slice's own indices, so a search can resume where an earlier one stopped.
    @Test func firstIndexIsAnIndexOfTheSlice() {
        let page = Array("<p>x</p><script id=\"a\">{}</script>".utf8)
        let open = page[...].firstIndex(ofASCII: "<script")
        #expect(open == 8)
        let close = page[(open ?? 0)...].firstIndex(ofASCII: "</script")
        #expect(close == 25)
        #expect(page[26...].firstIndex(ofASCII: "</script") == nil)
        #expect(page[...].firstIndex(ofASCII: "<SCRIPT", ignoringCase: true) == 8)
    }

    @Test func prefixesFoldOnlyASCIILetters() {
        #expect(Self.bytes("<!DOCTYPE HTML><html>").hasASCIIPrefix("<!doctype html", ignoringCase: true))
        #expect(!Self.bytes("<!DOCTYPE HTML>").hasASCIIPrefix("<!doctype html"))
        #expect(!Self.bytes("  <html>").hasASCIIPrefix("<html", ignoringCase: true))
        // "[" (0x5B) and "{" (0x7B) differ by the case bit but are no letters.
        #expect(!Self.bytes("[").hasASCIIPrefix("{", ignoringCase: true))
        #expect(!Self.bytes("<ht").hasASCIIPrefix("<html"))
    }

    /// A string is searched in its UTF-8: the offset counts bytes, so text before it may be any script.
    @Test func stringOffsetsCountUTF8Bytes() {
        #expect("für Bildung <!-- credconv -->".utf8Offset(ofASCII: "<!-- credconv") == 13)
        #expect("<!-- credconv".utf8Offset(ofASCII: "<!-- credconv") == 0)
        #expect("<!-- credcon".utf8Offset(ofASCII: "<!-- credconv") == nil)
        #expect("<!-- CREDCONV -->".utf8Offset(ofASCII: "<!-- credconv") == nil)
    }
}

/// The search compares the rest of the pattern only where its first byte matches: partial matches
/// just before a real one, a match at the very end, and a case-folded first byte are all found.
@Suite("Byte search")
struct ByteSearchTests {
    @Test func partialMatchesDoNotHideTheRealOne() {
        #expect("aaab".utf8Offset(ofASCII: "aab") == 1)
        #expect("<!- <!-- x".utf8Offset(ofASCII: "<!--") == 4)
        #expect("abc".utf8Offset(ofASCII: "bc") == 1)
        #expect("abc".utf8Offset(ofASCII: "abcd") == nil)
        #expect("abc".utf8Offset(ofASCII: "") == 0)
        #expect(Array("xxSVG".utf8)[...].firstIndex(ofASCII: "svg", ignoringCase: true) == 2)
        #expect(Array("xxSVG".utf8)[...].firstIndex(ofASCII: "svg") == nil)
    }
}
