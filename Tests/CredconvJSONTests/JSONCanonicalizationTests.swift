import CredconvJSON
import Testing

@Suite("JCS (RFC 8785)")
struct JSONCanonicalizationTests {
    /// RFC 8785 Appendix B: IEEE 754 values and their ECMAScript texts.
    @Test(arguments: [
        ("0", "0"), ("-0", "0"), ("1", "1"), ("-1", "-1"), ("1.0", "1"), ("100", "100"), ("1e21", "1e+21"), ("1e20", "100000000000000000000"),
        ("123456789012345680000", "123456789012345680000"), ("9007199254740992", "9007199254740992"), ("0.000001", "0.000001"),
        ("0.0000001", "1e-7"), ("1.7976931348623157e308", "1.7976931348623157e+308"), ("5e-324", "5e-324"), ("-5e-324", "-5e-324"),
        ("333333333.33333329", "333333333.3333333"), ("1E30", "1e+30"), ("4.5", "4.5"), ("2e-3", "0.002"), ("0.000001234", "0.000001234"),
        ("295147905179352830000", "295147905179352830000"), ("-1.5e-7", "-1.5e-7"),
    ])
    func numbers(_ input: String, _ expected: String) throws {
        #expect(try JSONCanonicalization.number(input) == expected)
    }

    @Test func sortsByUTF16AndEscapesMinimally() throws {
        // RFC 8785 §3.2.3: keys sorted by UTF-16 code units ("\u{1F600}" sorts before "\u{FB33}" in UTF-16).
        let value = try JSONParser().parse(#"{"\u20ac":"Euro Sign","\r":"Carriage Return","\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One","\ud83d\ude00":"Emoji: Grinning Face","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis"}"#)
        let text = String(decoding: try JSONCanonicalization.bytes(value), as: UTF8.self)
        #expect(text == #"{"\r":"Carriage Return","1":"One","\#u{80}":"Control","ö":"Latin Small Letter O With Diaeresis","€":"Euro Sign","😀":"Emoji: Grinning Face","דּ":"Hebrew Letter Dalet With Dagesh"}"#)
        let escapes = try JSONParser().parse(#"{"a":"\u0001\b\t\n\f\r\"\\/é","b":[true,false,null,1.50]}"#)
        #expect(String(decoding: try JSONCanonicalization.bytes(escapes), as: UTF8.self) == #"{"a":"\u0001\b\t\n\f\r\"\\/é","b":[true,false,null,1.5]}"#)
    }
}
