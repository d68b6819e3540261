import CredconvTestSupport
import CredentialConversion
import Foundation
import Testing

/// Durations Europass writes are `xs:duration`: checked with xmllint's own type, and the lengths
/// with an independent reading in Python (`decimal`, exact).
@Suite("ISO 8601 durations as XML Schema durations")
struct XSDDurationTests {
    static let inputs = [
        "PT125H", "P1Y2M10DT2H30M", "PT7.5H", "PT7,5H", "P0.5D", "P3W", "P1.5W", "PT1.5M", "PT0.25H", "PT1.123456789H",
        "P1DT0.1H", "PT1.5S", "-P2W", "P2Y", "P1M", "PT0S", "P1.5Y", "P0.5M", "PT", "P", "P1H", "PT1D", "P1M1Y",
        "PT1H1H", "PT1.5H30M", "60 hours", "PT1.1234567891H", "P999999999999999999D", "P999999999999999999W",
    ]

    /// Exact seconds of durations without years and months, by a regular expression and `decimal`.
    static func pythonSeconds(_ texts: [String]) throws -> [String] {
        let script = """
            import sys, re, decimal
            decimal.getcontext().prec = 60
            rx = re.compile(r'^(-?)P(?:([0-9.,]+)W)?(?:([0-9.,]+)D)?(?:T(?:([0-9.,]+)H)?(?:([0-9.,]+)M)?(?:([0-9.,]+)S)?)?$')
            for t in sys.stdin.read().split():
                m = rx.match(t)
                n = [decimal.Decimal((g or '0').replace(',', '.')) for g in m.groups()[1:]]
                total = n[0] * 604800 + n[1] * 86400 + n[2] * 3600 + n[3] * 60 + n[4]
                print(('-' if m.group(1) else '') + format(total.normalize(), 'f'))
            """
        let r = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script], stdin: Array(texts.joined(separator: "\n").utf8))
        try #require(r.status == 0, "\(r.stderr)")
        return r.stdoutText.split(separator: "\n").map(String.init)
    }

    @Test func whatIsWrittenIsAnXSDurationOfTheSameLength() throws {
        guard Oracle.programAvailable("xmllint") else { return }
        let theirs = try Oracle.xmlSchemaAccepts(Self.inputs, as: "xs:duration")
        var converted: [(String, String)] = []
        for (input, accepted) in zip(Self.inputs, theirs) {
            let ours = XSDDuration.normalised(input)
            // What XML Schema takes already is written as it is.
            if accepted { #expect(ours == input, "\(input)") }
            if let ours, ours != input { converted.append((input, ours)) }
        }
        #expect(converted.count >= 8)
        let written = converted.map(\.1)
        for (text, accepted) in zip(written, try Oracle.xmlSchemaAccepts(written, as: "xs:duration")) { #expect(accepted, "\(text)") }
        // Same length, where the length is fixed (no years or months).
        let fixed = converted.filter { input, _ in
            let datePart = input.split(separator: "T", omittingEmptySubsequences: false)[0]
            return !datePart.contains("Y") && !datePart.contains("M")
        }
        let lengths = try Self.pythonSeconds(fixed.flatMap { [$0.0, $0.1] })
        for (i, pair) in fixed.enumerated() { #expect(lengths[2 * i] == lengths[2 * i + 1], "\(pair.0) → \(pair.1)") }
        #expect(XSDDuration.normalised("PT7.5H") == "PT7H30M")
        #expect(XSDDuration.normalised("P3W") == "P21D")
    }

    @Test func whatHasNoExactXSDurationIsNil() {
        for text in ["P1.5Y", "P0.5M", "PT", "P", "P1H", "PT1D", "P1M1Y", "PT1H1H", "PT1.5H30M", "60 hours", "PT1.1234567891H", "P9999999999999999999D"] {
            #expect(XSDDuration.normalised(text) == nil, "\(text)")
        }
    }
}
