import CredconvJSON
import CredconvTestSupport
import CredentialConversion
import Foundation
import Testing

/// Numbers Europass XML carries are `xs:decimal`: no exponent. The plain forms are checked against
/// Python's `decimal` module (exact, no binary rounding), the output against the Europass XSD.
@Suite("Numbers without exponents")
struct DecimalTextTests {
    static let lexemes = [
        "5", "-3", "7.5", "42.0", "1e2", "1E2", "1e+2", "1e-2", "2.5E+1", "2.50e1", "0.5e0", "1e-07", "-1.25e-3",
        "123.456e2", "123.456e-5", "9.999e5", "0e0", "-0", "0.0e10", "1e0", "1e-0", "12345678901234567890",
        "3.14159265358979323846264338327950288e10", "1e300", "1e-300", "5e00000000000000000001",
    ]

    /// Python's exact plain form of each lexeme (`format(Decimal(x), "f")`).
    static func pythonPlainForms(_ texts: [String]) throws -> [String] {
        let script = "import sys, decimal\ndecimal.getcontext().prec = 2000\nfor line in sys.stdin.read().split():\n    print(format(decimal.Decimal(line), 'f'))\n"
        let r = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script], stdin: Array(texts.joined(separator: "\n").utf8))
        try #require(r.status == 0, "\(r.stderr)")
        return r.stdoutText.split(separator: "\n").map(String.init)
    }

    @Test func plainFormsAreThoseOfPythonsDecimal() throws {
        let theirs = try Self.pythonPlainForms(Self.lexemes)
        try #require(theirs.count == Self.lexemes.count)
        for (lexeme, plain) in zip(Self.lexemes, theirs) {
            let number = try #require(NumberText(lexeme), "\(lexeme)")
            let ours = try #require(number.decimalText, "\(lexeme)")
            // Python keeps the sign of a zero (-0); a zero is written 0.
            let expected = plain.allSatisfy { "-0.".contains($0) } ? (lexeme.contains("e") || lexeme.contains("E") ? "0" : lexeme) : plain
            #expect(ours == expected, "\(lexeme)")
            #expect(!ours.contains("e") && !ours.contains("E"))
        }
    }

    @Test func sameValueIsDecidedOnTheDigits() throws {
        func n(_ s: String) throws -> NumberText { try #require(NumberText(s)) }
        #expect(try n("1.50").sameValue(as: try n("1.5")))
        #expect(try n("15e-1").sameValue(as: try n("1.5")))
        #expect(try n("100").sameValue(as: try n("1e2")))
        #expect(try n("-0").sameValue(as: try n("0.0")))
        #expect(!(try n("1.5").sameValue(as: try n("1.05"))))
        // Beyond a double's 17 digits: the same double, not the same number.
        #expect(!(try n("12345678901234567890").sameValue(as: try n("12345678901234567891"))))
    }

    @Test func tooManyDigitsIsNil() throws {
        #expect(NumberText("1e-99999")?.decimalText == nil)
        #expect(NumberText("1e-1000")?.decimalText?.count == 1002)
    }

    /// Credit points in exponent form and a workload that is no duration, converted to Europass XML:
    /// the output validates, the points are the same number (no loss reported), the workload is reported.
    @Test(.enabled(if: TestPaths.referenceAvailable, "../shared/reference is absent: skipped"))
    func europassXMLGetsDecimalsAndDurations() throws {
        var credential = try #require(try JSONParser().parse([UInt8](try Data(contentsOf: TestPaths.repository("samples/ob3-microcredential.json")))).objectValue)
        var subject = try #require(credential["credentialSubject"]?.objectValue)
        var achievement = try #require(subject["achievement"]?.objectValue)
        achievement.set("creditsAvailable", .number("2.5E+1"))
        achievement.set("workload", .string("125 hours"))
        subject.set("achievement", .object(achievement))
        credential.set("credentialSubject", .object(subject))
        let output = try Converter().convert(JSONWriter(style: .compact).bytes(.object(credential)), options: ConversionOptions(to: .elmXML))
        let xml = String(decoding: output.bytes, as: UTF8.self)
        #expect(xml.contains(">25</hasECTSCreditPoints>"))
        #expect(!output.report.lost.contains { $0.location == .modelPath("achievement.credits") || $0.location == .modelPath("achievement.credits.value") })
        #expect(output.report.lost.contains { $0.location == .modelPath("achievement.workload") && $0.code == .valueNotExpressible })
        #expect(!xml.contains("125 hours"))
        let file = TestPaths.temporaryDirectory().appendingPathComponent("credits.xml")
        try Data(output.bytes).write(to: file)
        if let check = try Oracle.europassXMLSchemaCheck([file]) { #expect(check.status == 0, "\(check.stderr)") }
    }
}
