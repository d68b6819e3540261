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
