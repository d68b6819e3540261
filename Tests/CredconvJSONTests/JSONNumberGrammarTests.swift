import CredconvJSON
import Testing

/// The RFC 8259 number grammar, shared by the parser and by number texts in the model (`NumberText`).
@Suite("JSON number grammar")
struct JSONNumberGrammarTests {
    static let numbers = ["0", "-0", "7", "-12", "1.5", "0.25", "1e3", "1E+3", "2e-7", "-0.0e0", "123456789012345", "12345678901234567890"]
    static let notNumbers = ["", " ", "01", "-", "+1", "1.", ".5", "1e", "1e+", "--1", "1.2.3", "0x10", "NaN", "Infinity", "1e400", "-1e400",
                             "１", "1 ", " 1", "1_000", "1,5"]

    @Test(arguments: numbers) func acceptsNumberLexemes(_ text: String) throws {
        #expect(JSONNumberGrammar.isFiniteNumber(text))
        // The parser agrees, and keeps the text.
        #expect(try JSONParser().parse(text) == .number(text))
    }

    @Test(arguments: notNumbers) func refusesAnythingElse(_ text: String) {
        #expect(!JSONNumberGrammar.isFiniteNumber(text))
        // Inside an array the parser refuses it too, unless it is blank or spaced (`[ 1]`, `[1,5]` are JSON).
        if !text.contains(" "), !text.contains(","), !text.isEmpty {
            #expect(throws: JSONParseError.self) { _ = try JSONParser().parse("[\(text)]") }
        }
    }

    /// The parser's error for a broken number still shows the number as written.
    @Test func brokenNumbersAreQuotedInTheError() {
        do {
            _ = try JSONParser().parse(#"{"a": 01}"#)
            Issue.record("01 was accepted")
        } catch {
            #expect(error.description.contains("01"))
        }
    }
}
