import CredentialModel
import Testing

/// A report records each finding once, in the order first made, short (searched) or long (hashed).
@Suite("Conversion report: each finding once, in order")
struct ConversionReportTests {
    @Test func repeatedFindingsAreRecordedOnce() {
        var report = ConversionReport()
        for round in 0..<3 {
            for i in 0..<40 {
                report.lose(.modelPath("achievement.tags[\(i)]"), "no tags")
                if round == 0 && i == 5 { report.warn(.languageAssumed, "en was written", at: .modelPath("primaryLanguage")) }
            }
        }
        #expect(report.diagnostics.count == 41)
        #expect(report.diagnostics[6].code == .languageAssumed)
        #expect(report.lost.map(\.location) == (0..<40).map { .modelPath("achievement.tags[\($0)]") })
        // The same place with another message, or another severity, is another finding.
        report.lose(.modelPath("achievement.tags[0]"), "no tags either")
        report.warn(.noPlaceInTarget, "no tags", at: .modelPath("achievement.tags[0]"))
        #expect(report.diagnostics.count == 43)
    }

    @Test func removedFindingsCanBeRecordedAgain() {
        for length in [3, 30] {
            var report = ConversionReport()
            for i in 0..<length { report.lose(.modelPath("f\(i)"), "gone") }
            report.warn(.unsignedOutput, "unsigned")
            report.removeAll(code: .unsignedOutput)
            #expect(report.diagnostics.count == length)
            report.warn(.unsignedOutput, "unsigned")
            report.warn(.unsignedOutput, "unsigned")
            #expect(report.diagnostics.count == length + 1)
            #expect(report.diagnostics.last?.code == .unsignedOutput)
        }
    }

    @Test func equalReportsHoldTheSameFindingsInOrder() {
        var a = ConversionReport(), b = ConversionReport()
        a.warn(.languageAssumed, "x")
        a.lose(.modelPath("tags"), "y")
        b.lose(.modelPath("tags"), "y")
        b.warn(.languageAssumed, "x")
        #expect(a != b)
        var c = ConversionReport()
        c.warn(.languageAssumed, "x")
        c.lose(.modelPath("tags"), "y")
        c.lose(.modelPath("tags"), "y")
        #expect(a == c)
    }
}
