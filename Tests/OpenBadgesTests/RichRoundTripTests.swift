import CredconvJSON
import CredconvTestSupport
import CredentialModel
import Foundation
import OpenBadges
import Testing

@Suite("Model → OB 3.0 → model")
struct RichRoundTripTests {
    @Test func everyModelPropertySurvivesOB3() throws {
        let original = RichCredential.make()
        let (out, report) = try OB3.write(original)
        #expect(report.lost.isEmpty, "lost: \(report.lost)")
        let (back, _) = try OB3.read(JSONWriter().string(out))
        var expected = original
        expected.provenance = back.provenance
        // Relations are a set: OB 3.0 keeps language editions (`related`) apart from the others.
        let byKindAndId: (AchievementRelation, AchievementRelation) -> Bool = { ($0.kind.rawValue, $0.id) < ($1.kind.rawValue, $1.id) }
        expected.achievement?.relations.sort(by: byKindAndId)
        var actual = back
        actual.achievement?.relations.sort(by: byKindAndId)
        #expect(actual == expected, "differs: \(diff(expected, actual))")
    }

    @Test(.enabled(if: TestPaths.referenceAvailable, "../shared/reference is absent: skipped"))
    func richOutputPassesTheOfficialSchemasTheExtensionSchemaAndJSONLD() throws {
        let (out, _) = try OB3.write(RichCredential.make())
        let files = try OB3.files([("rich", out)])
        let failures = try Oracle.openBadges3Failures(files)
        #expect(failures == nil, "\(failures ?? "")")
    }

    private func diff(_ a: Credential, _ b: Credential) -> String {
        let left = (try? JSONWriter().string(JSONValueEncoder().encode(a))) ?? ""
        let right = (try? JSONWriter().string(JSONValueEncoder().encode(b))) ?? ""
        let l = left.split(separator: "\n"), r = right.split(separator: "\n")
        for i in 0..<min(l.count, r.count) where l[i] != r[i] { return "line \(i + 1): \(l[i]) ≠ \(r[i])" }
        return "length \(l.count) vs \(r.count)"
    }
}
