import CredconvJSON
import Testing

@Suite("Strict JSON parser")
struct JSONParserTests {
    let parser = JSONParser()

    private func error(_ text: String, limits: JSONLimits = .default) -> JSONParseError? {
        do {
            _ = try JSONParser(limits: limits).parse(Array(text.utf8))
            return nil
        } catch {
            return error
        }
    }

    @Test func parsesNestedDocumentKeepingOrder() throws {
        let v = try parser.parse(#"{"z": 1, "a": [true, false, null], "m": {"k": "v"}}"#)
        let o = try #require(v.objectValue)
        #expect(o.keys == ["z", "a", "m"])
        #expect(o["a"] == .array([.bool(true), .bool(false), .null]))
        #expect(o["m"]?.objectValue?["k"] == .string("v"))
    }

    @Test func duplicateKeyIsAnErrorNamingTheKeyAndPlace() throws {
        let e = try #require(error("{\n  \"name\": 1,\n  \"name\": 2\n}"))
        #expect(e.reason == .duplicateKey("name"))
        #expect(e.position == TextPosition(line: 3, column: 3))
        #expect(e.message.contains("\"name\""))
    }

    @Test func duplicateKeyFoundInLargeObjects() throws {
        var members = (0..<40).map { "\"k\($0)\": \($0)" }
        members.append("\"k17\": 0")
        let e = try #require(error("{" + members.joined(separator: ",") + "}"))
        #expect(e.reason == .duplicateKey("k17"))
    }

    @Test func errorsCarryLineAndColumn() throws {
        let e = try #require(error("{\n  \"a\": [1, 2,,]\n}"))
        #expect(e.position == TextPosition(line: 2, column: 14))
        #expect(e.description.hasPrefix("2:14: unexpected character ','"))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let e = try #require(error("{\"é\": x}"))
        #expect(e.position == TextPosition(line: 1, column: 7))
    }

    @Test func depthIsCapped() throws {
        let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        let e = try #require(error(deep))
        #expect(e.reason == .tooDeep(limit: 256))
        let ok = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        #expect(error(ok) == nil)
        #expect(error(ok, limits: JSONLimits(maxDepth: 10))?.reason == .tooDeep(limit: 10))
    }

    @Test func sizeIsCapped() throws {
        let e = try #require(error("[1, 2, 3, 4, 5]", limits: JSONLimits(maxBytes: 8)))
        #expect(e.reason == .tooLarge(limit: 8))
    }

    @Test(arguments: ["0", "-0", "1.50", "42.0", "9007199254740993", "123456789012345678901234567890", "1E+2", "-1.5e-7", "1e308"])
    func numberTextIsKeptExactly(_ lexeme: String) throws {
        let v = try parser.parse("[\(lexeme)]")
        #expect(v.arrayValue?.first == .number(lexeme))
        #expect(JSONWriter(style: .compact).string(v) == "[\(lexeme)]")
    }

    @Test(arguments: ["1e999", "-1e400", "1" + String(repeating: "0", count: 400)])
    func numbersBeyondDoubleAreErrors(_ lexeme: String) throws {
        let e = try #require(error("[\(lexeme)]"))
        #expect(e.reason == .numberOutOfRange(lexeme))
        #expect(e.position == TextPosition(line: 1, column: 2))
    }

    @Test(arguments: ["01", "1.", ".5", "+1", "1e", "-", "0x10", "NaN", "Infinity"])
    func invalidNumbersAreRefused(_ lexeme: String) {
        #expect(error("[\(lexeme)]") != nil)
    }

    @Test func leadingBOMIsIgnored() throws {
        let v = try parser.parse([0xEF, 0xBB, 0xBF] + Array(#"{"a": "b"}"#.utf8))
        #expect(v.objectValue?["a"] == .string("b"))
    }

    @Test func invalidUTF8IsAnErrorWithItsPlace() throws {
        let bytes: [UInt8] = Array("{\n\"a\": \"ok ".utf8) + [0xC3, 0x28] + Array("\"}".utf8)
        do {
            _ = try parser.parse(bytes)
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            #expect(error.reason == .invalidUTF8)
            #expect(error.position.line == 2)
            #expect(error.position.column == 10)
        }
    }

    @Test func invalidUTF8OutsideStringsIsRefused() {
        #expect(throws: JSONParseError.self) { try parser.parse([0x5B, 0xFF, 0x5D]) }
    }

    @Test func escapesAndSurrogatePairsDecode() throws {
        let v = try parser.parse(#"["\"\\\/\b\f\n\r\t\u00e9\ud83c\udf93"]"#)
        #expect(v.arrayValue?.first == .string("\"\\/\u{8}\u{c}\n\r\té🎓"))
    }

    @Test(arguments: [#"["\ud800"]"#, #"["\udc00"]"#, #"["\ud800\u0041"]"#])
    func loneSurrogatesAreRefused(_ text: String) throws {
        #expect(error(text)?.reason == .loneSurrogate)
    }

    @Test func controlCharactersInStringsAreRefused() {
        #expect(error("[\"a\u{01}b\"]")?.reason == .controlCharacterInString)
        #expect(error("[\"a\nb\"]")?.reason == .controlCharacterInString)
    }

    @Test func trailingContentAndEmptyInputAreErrors() {
        #expect(error("{} {}")?.reason == .trailingContent)
        #expect(error("   \n ")?.reason == .emptyInput)
        #expect(error("{\"a\": 1")?.reason == .unexpectedEndOfInput)
        #expect(error("[tru]") != nil)
        #expect(error("{'a': 1}") != nil)
        #expect(error("[1,]") != nil)
        #expect(error("{\"a\" 1}") != nil)
    }

    /// A sample of JSONTestSuite's must-accept (y_) cases.
    @Test(arguments: [
        "[[]   ]", "[\"\"]", "[]", "[\"a\"]", "[false]", "[null, 1, \"1\", {}]", "[-1]", "[-0]", "[1E22]",
        "[1e-2]", "[123e45]", "{\"\":0}", "{\"a\":[]}", "[\"\\u0000\"]", "[\"\\uDBFF\\uDFFF\"]", " [1] ", "\"x\"", "2",
    ])
    func acceptsValidDocuments(_ text: String) {
        #expect(error(text) == nil)
    }
}
