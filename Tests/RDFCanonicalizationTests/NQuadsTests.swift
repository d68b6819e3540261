import RDFCanonicalization
import Testing

@Suite("N-Quads: reading and canonical writing")
struct NQuadsTests {
    @Test func readsEveryTermKind() throws {
        let quads = try NQuadsParser.parse("""
            # a comment
            <urn:s> <urn:p> "a\\tb"@en-GB <urn:g> .
            _:b0 <urn:p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .

            _:b.0 <urn:p> _:b1 . # trailing comment
            """)
        #expect(quads.count == 3)
        #expect(quads[0].object == .literal("a\tb", datatype: RDFTerm.langString, language: "en-GB"))
        #expect(quads[0].graph == .iri("urn:g"))
        #expect(quads[2].subject == .blank("b.0"))
        #expect(NQuadsSerializer.line(quads[1]) == "_:b0 <urn:p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n")
    }

    @Test func refusesWhatIsNotNQuads() {
        for text in ["<urn:s> <urn:p> .", "\"s\" <urn:p> <urn:o> .", "<urn:s> <urn:p> <urn:o>", "<urn s> <urn:p> <urn:o> .", "<urn:s> <urn:p> \"open ."] {
            #expect(throws: NQuadsParser.SyntaxError.self) { try NQuadsParser.parse(text) }
        }
    }

    @Test func canonicalEscaping() {
        var out = ""
        NQuadsSerializer.write(.string("\u{0}\u{8}\t\n\u{B}\u{C}\r\"\\\u{7F}é"), into: &out)
        #expect(out == "\"\\u0000\\b\\t\\n\\u000B\\f\\r\\\"\\\\\\u007Fé\"")
    }
}
