import CredconvTestSupport
import Foundation
import Testing
import XMLSupport

@Suite("Safe XML parsing")
struct XMLParsingTests {
    private func failure(_ text: String, maxBytes: Int = XMLTree.defaultMaxBytes) -> XMLFailure? {
        do {
            _ = try XMLTree(parsing: Array(text.utf8), maxBytes: maxBytes)
            return nil
        } catch {
            return error
        }
    }

    @Test func parsesNamespacesAttributesAndText() throws {
        let tree = try XMLTree(parsing: Array(#"<r xmlns="urn:a" xmlns:b="urn:b" b:x="1" y="2"><c>t&amp;u</c><b:d/></r>"#.utf8))
        let root = try #require(tree.root)
        #expect(root.name == "r" && root.namespaceURI == "urn:a")
        #expect(root.attribute("x", namespace: "urn:b") == "1")
        #expect(root.attribute("y") == "2")
        #expect(root.children.map(\.name) == ["c", "d"])
        #expect(root.child("c")?.text == "t&u")
        #expect(root.child("d", namespace: "urn:b") != nil)
        #expect(root.child("d", namespace: "urn:a") == nil)
    }

    @Test func malformedXMLIsRefusedWithItsPosition() throws {
        guard case .malformed(let issues)? = failure("<a>\n<b>\n</a>") else { Issue.record("accepted"); return }
        #expect(issues.first?.line == 3)
        #expect(issues.first?.message.contains("mismatch") == true)
    }

    @Test(arguments: [
        ("truncated", "<europassCredential><title>"),
        ("unclosed attribute", "<a b=\"1></a>"),
        ("undefined entity", "<a>&undefined;</a>"),
        ("two roots", "<a/><b/>"),
        ("duplicate attribute", "<a x=\"1\" x=\"2\"/>"),
    ])
    func brokenDocumentsAreNeverRepaired(_ name: String, _ text: String) {
        guard case .malformed(let issues)? = failure(text) else { Issue.record("\(name) was accepted"); return }
        #expect(issues.first.map { $0.line >= 1 } == true)
    }

    static let attacks: [(String, String)] = [
        ("XXE file", "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<a>&x;</a>"),
        ("billion laughs", "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n<!ENTITY lol9 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n]>\n<lolz>&lol9;</lolz>"),
        ("external DTD", "<?xml version=\"1.0\"?>\n<!DOCTYPE a SYSTEM \"http://example.com/evil.dtd\">\n<a/>"),
        ("parameter entity", "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY % p SYSTEM \"http://example.com/p.dtd\"> %p;]>\n<a/>"),
    ]

    @Test(arguments: attacks.map(\.0))
    func doctypeAttacksAreRefusedQuickly(_ name: String) throws {
        let text = Self.attacks.first { $0.0 == name }!.1
        let start = Date()
        let f = failure(text)
        #expect(f == .doctypeForbidden(line: 2))
        #expect(Date().timeIntervalSince(start) < 0.5)
    }

    @Test func xincludeIsNotProcessed() throws {
        let tree = try XMLTree(parsing: Array(#"<a xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="/etc/passwd" parse="text"/></a>"#.utf8))
        #expect(tree.root?.text == "")
        #expect(tree.root?.children.first?.name == "include")
    }

    @Test func sizeIsCapped() {
        #expect(failure("<a>0123456789</a>", maxBytes: 10) == .tooLarge(limit: 10))
        #expect(failure("  \n") == .empty)
    }

    @Test func lineNumbersGoBeyond65535() throws {
        let text = "<a>" + String(repeating: "\n", count: 70_000) + "<b/></a>"
        let tree = try XMLTree(parsing: Array(text.utf8))
        #expect(tree.root?.child("b")?.line == 70_001)
    }

    @Test func elementPathsNameRepeatedElements() throws {
        let tree = try XMLTree(parsing: Array("<r xmlns=\"urn:a\"><x/><x><y/></x><z/></r>".utf8))
        #expect(tree.root?.children[1].child("y")?.path == "/r/x[2]/y")
        #expect(tree.root?.child("z")?.path == "/r/z")
    }
}

@Suite("XML writing")
struct XMLWritingTests {
    @Test func writesNamespacesEscapesAndReparses() throws {
        var w = XMLStreamWriter()
        w.startDocument()
        w.startElement("root", namespace: "urn:a")
        w.declareNamespace(prefix: "c", uri: "urn:c")
        w.attribute("q", "a\"b<c>&")
        w.startElement("v", prefix: "c")
        w.text("x < y & \"z\" 🎓")
        w.endElement()
        w.endElement()
        let bytes = w.finish()
        let tree = try XMLTree(parsing: bytes)
        #expect(tree.root?.attribute("q") == "a\"b<c>&")
        #expect(tree.root?.child("v", namespace: "urn:c")?.text == "x < y & \"z\" 🎓")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<root "))
        #expect(text.contains(" xmlns=\"urn:a\"") && text.contains("\n  <c:v>"))
    }

    @Test func forbiddenCharactersAreReplacedSoOutputStaysWellFormed() throws {
        var w = XMLStreamWriter()
        w.startDocument()
        w.startElement("a")
        w.attribute("x", "1\u{1}2")
        w.text("a\u{0}b\u{B}c\u{FFFE}d\te")
        w.endElement()
        let tree = try XMLTree(parsing: w.finish())
        #expect(tree.root?.text == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\te")
        #expect(tree.root?.attribute("x") == "1\u{FFFD}2")
        #expect(w.replacedCharacters == 4)
    }

    @Test func arbitraryTextRoundTrips() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let scalars = (0..<Int.random(in: 0...40, using: &generator)).compactMap { _ in
                Unicode.Scalar(UInt32.random(in: 0x20...0x2FFF, using: &generator))
            }
            let text = String(String.UnicodeScalarView(scalars))
            var w = XMLStreamWriter()
            w.startDocument()
            w.startElement("a")
            w.attribute("v", text)
            w.text(text)
            w.endElement()
            let tree = try XMLTree(parsing: w.finish())
            #expect(tree.root?.text == text)
            #expect(tree.root?.attribute("v") == text)
        }
    }
}

/// The writer's bytes are libxml2's: the expected text below is what libxml2's xmlTextWriter (two-space
/// indentation, UTF-8) writes for the same calls, which is how credconv wrote Europass XML before.
@Suite("XML writing: layout")
struct XMLWriterLayoutTests {
    @Test func layoutAndEscapesAreLibxml2s() throws {
        var w = XMLStreamWriter()
        w.startDocument()
        w.startElement("root", namespace: "urn:a")
        w.attribute("q", "t\tn\nr\r\"<>&é")
        w.startElement("empty")
        w.attribute("a", "1")
        w.endElement()
        w.element("t", text: "x\ty\nz\r\"<>&'")
        w.raw("<kept>k</kept>")
        w.startElement("after")
        w.endElement()
        w.startElement("p", prefix: "c", namespace: "urn:c")
        w.text("mixed")
        w.startElement("child")
        w.endElement()
        w.endElement()
        w.element("e", text: "")
        w.endElement()
        let expected = """
            <?xml version="1.0" encoding="UTF-8"?>
            <root q="t&#9;n&#10;r&#13;&quot;&lt;&gt;&amp;é" xmlns="urn:a">
              <empty a="1"/>
              <t>x\ty
            z&#13;&quot;&lt;&gt;&amp;'</t>
            <kept>k</kept>  <after/>
              <c:p xmlns:c="urn:c">mixed    <child/>
              </c:p>
              <e></e>
            </root>

            """
        let bytes = w.finish()
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
        let tree = try XMLTree(parsing: bytes)
        #expect(tree.root?.attribute("q") == "t\tn\nr\r\"<>&é")
    }

    /// A prefix declared by hand is not declared again for a namespaced attribute (libxml2 would, and
    /// no parser accepts an attribute written twice).
    @Test func aDeclaredPrefixIsNotDeclaredTwice() throws {
        var w = XMLStreamWriter()
        w.startElement("d")
        w.declareNamespace(prefix: "z", uri: "urn:z")
        w.attribute("k", "v", prefix: "z", namespace: "urn:z")
        w.attribute("m", "w", prefix: "y", namespace: "urn:y")
        w.endElement()
        let bytes = w.finish()
        #expect(String(decoding: bytes, as: UTF8.self) == "<d xmlns:z=\"urn:z\" z:k=\"v\" y:m=\"w\" xmlns:y=\"urn:y\"/>\n")
        _ = try XMLTree(parsing: bytes)
    }
}

/// Child elements and attributes are found by comparing names as libxml2 holds them, byte for byte:
/// a longer name, a shorter one, another namespace or a canonically equivalent spelling is not a match.
@Suite("XML element and attribute lookup")
struct XMLLookupTests {
    @Test func namesMatchExactly() throws {
        let xml = #"<r xmlns="urn:a" xmlns:b="urn:b"><titles/><titl/><b:title n="1"/><title b:k="v" k="w"/><Kelvin/><\#u{212A}elvin/></r>"#
        let root = try #require(try XMLTree(parsing: Array(xml.utf8)).root)
        #expect(root.child("title")?.attribute("n") == "1")
        #expect(root.child("title", namespace: "urn:a")?.attribute("k") == "w")
        #expect(root.child("title", namespace: "urn:a")?.attribute("k", namespace: "urn:b") == "v")
        #expect(root.child("title", namespace: "urn:c") == nil)
        #expect(root.children("title").count == 2)
        #expect(root.children("title", namespace: "urn:b").count == 1)
        #expect(root.child("tit") == nil && root.child("titlesx") == nil && root.child("") == nil)
        #expect(root.children("Kelvin").count == 1)
        #expect(root.children("\u{212A}elvin").count == 1)
        #expect(root.child("title", namespace: "urn:a")?.attribute("n") == nil)
        #expect(root.child("titles")?.attributeWithoutReading("n") == nil)
    }
}
