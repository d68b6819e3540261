import CredconvTestSupport
import Foundation
import Testing

/// CLR 2.0 learner records, read as what they hold: each embedded credential (JSON-LD or VC-JWT) is a
/// record of its own; the record's own data (issuer, associations, proof) is reported lost by pointer.
@Suite("CLR 2.0: the 1EdTech validator's learner records", .enabled(if: TestPaths.referenceAvailable, "../shared/reference is absent: skipped"))
struct ClrContainerTests {
    static func example(_ name: String) -> String { TestPaths.reference("openbadges/clr2/examples/\(name)").path }

    @Test("Every embedded credential converts, one line each, and passes the official OB 3.0 checks", arguments: [
        ("validator-simple.json", 1, 1), ("validator-complex.json", 6, 5), ("validator-simple.jwt", 1, 1),
    ])
    func embeddedCredentials(_ name: String, credentials: Int, associations: Int) throws {
        let r = try ProcessRunner.credconv(["--jsonl", "-t", "ob3", Self.example(name)])
        #expect(r.status == 0, "\(r.stderr.suffix(500))")
        let lines = r.stdoutText.split(separator: "\n")
        #expect(lines.count == credentials)
        #expect(r.stderr.components(separatedBy: "taken out of a CLR 2.0 learner record").count - 1 == credentials)
        // Each association is named, with its pointer; so are the record's issuer and proof.
        for i in 0..<associations { #expect(r.stderr.contains("/credentialSubject/association/\(i): the CLR's association"), "\(name) association \(i)") }
        #expect(r.stderr.contains("the CLR's own issuer is not converted"))
        let dir = TestPaths.temporaryDirectory()
        let files = try lines.enumerated().map { i, line -> URL in
            let url = dir.appendingPathComponent("credential-\(i).json")
            try Data(line.utf8).write(to: url)
            return url
        }
        #expect(try Oracle.openBadges3Failures(files) == nil)
    }

    @Test("One document: a record of one converts (with --strict refused for what it loses); of several, the error says --jsonl")
    func singleDocument() throws {
        let one = try ProcessRunner.credconv(["-t", "ob3", Self.example("validator-simple.json")])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(try ProcessRunner.credconv(["--strict", "-t", "ob3", Self.example("validator-simple.json")]).status == 3)
        let several = try ProcessRunner.credconv(["-t", "ob3", Self.example("validator-complex.json")])
        #expect(several.status == 65)
        #expect(several.stderr.contains("6 credentials") && several.stderr.contains("--jsonl"), "\(several.stderr)")
    }
}
