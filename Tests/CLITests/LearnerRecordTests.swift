import CredconvTestSupport
import Foundation
import Testing

/// Learner records (CLR 2.0) in and out, bundle and split, checked by independent oracles: the official
/// CLR 2.0 schema (python jsonschema), PyLD with the CLR contexts, pyshacl with the EDC shapes, xmllint
/// with the ELM v2 XSD, Python's HTML parser.
@Suite("Learner records: CLR 2.0 in and out, bundle, split, transcripts", .enabled(if: TestPaths.referenceAvailable, "../shared/reference is absent: skipped"))
struct LearnerRecordTests {
    static let stack = ["samples/ob3-microcredential.json", "samples/ob3-open-data-law.json", "samples/ob3-certificate-digital-public-administration.json"]
        .map { TestPaths.repository($0).path }
    static func example(_ name: String) -> String { TestPaths.reference("openbadges/clr2/examples/\(name)").path }

    /// What the CLR 2.0 schema and PyLD (with the CLR contexts) say of files: nil when both accept them.
    static func clrFailures(_ files: [URL]) throws -> String? {
        var failures: [String] = []
        if Oracle.available("jsonschema") {
            let r = try Oracle.check("clr-schema-check.py", files)
            if r.status != 0 { failures.append(r.stdoutText + r.stderr) }
        }
        if Oracle.available("pyld") {
            let r = try Oracle.check("jsonld-check.py", files)
            if r.status != 0 { failures.append(r.stdoutText) }
        }
        return failures.isEmpty ? nil : failures.joined(separator: "\n")
    }

    static func save(_ bytes: [UInt8], _ name: String) throws -> URL {
        let url = TestPaths.temporaryDirectory().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    static func json(_ url: URL) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    /// (credential id, achievement id, credits, issuer id, validFrom) of each credential of a CLR, and its associations.
    static func summary(_ clr: [String: Any]) throws -> (entries: [String], associations: [String]) {
        let subject = try #require(clr["credentialSubject"] as? [String: Any])
        let credentials = try #require(subject["verifiableCredential"] as? [[String: Any]])
        let entries = try credentials.map { c -> String in
            let s = try #require(c["credentialSubject"] as? [String: Any])
            let a = try #require(s["achievement"] as? [String: Any])
            let issuer = try #require(c["issuer"] as? [String: Any])
            return "\(c["id"] ?? "") \(a["id"] ?? "") \(a["creditsAvailable"] ?? "-") \(issuer["id"] ?? "") \(c["validFrom"] ?? "")"
        }
        let associations = ((subject["association"] as? [[String: Any]]) ?? []).map { "\($0["sourceId"] ?? "") \($0["associationType"] ?? "") \($0["targetId"] ?? "")" }
        return (entries, associations)
    }

    @Test("The 1EdTech validator's CLRs are read as records and written as CLR 2.0 that the official schema and PyLD accept", arguments: [
        ("validator-simple.json", 1, 1), ("validator-complex.json", 6, 5), ("validator-simple.jwt", 1, 1),
    ])
    func validatorVectors(_ name: String, credentials: Int, associations: Int) throws {
        let detected = try ProcessRunner.credconv(["detect", Self.example(name)])
        #expect(detected.stdoutText.hasPrefix("clr\tClrCredential"), "\(detected.stdoutText)\(detected.stderr)")
        let r = try ProcessRunner.credconv(["-t", "clr", Self.example(name)])
        #expect(r.status == 0, "\(r.stderr)")
        let out = try Self.save(r.stdout, "out.json")
        #expect(try Self.clrFailures([out]) == nil)
        let written = try Self.summary(try Self.json(out))
        #expect(written.entries.count == credentials)
        #expect(written.associations.count == associations)
        // The associations come back as they were.
        if !name.hasSuffix(".jwt") {
            let source = try Self.summary(try Self.json(URL(fileURLWithPath: Self.example(name))))
            #expect(written.associations == source.associations)
        }
    }

    @Test("A signed VCDM 2.0 credential is embedded as it was; VC-JWT and VCDM 1.1 ones are rewritten, each reported")
    func signedOriginals() throws {
        let simple = try ProcessRunner.credconv(["-t", "clr", Self.example("validator-simple.json")])
        let out = try Self.json(try Self.save(simple.stdout, "out.json"))
        let source = try Self.json(URL(fileURLWithPath: Self.example("validator-simple.json")))
        let embedded = ((out["credentialSubject"] as? [String: Any])?["verifiableCredential"] as? [Any])?.first as? NSDictionary
        let original = ((source["credentialSubject"] as? [String: Any])?["verifiableCredential"] as? [Any])?.first as? NSDictionary
        #expect(embedded != nil && embedded == original, "the signed credential is carried unchanged, proof and all")
        let jwt = try ProcessRunner.credconv(["-t", "clr", Self.example("validator-simple.jwt")])
        #expect(jwt.stderr.contains("entries[0].signedOriginal") && jwt.stderr.contains("VC-JWT signature does not carry over"), "\(jwt.stderr)")
        let complex = try ProcessRunner.credconv(["-t", "clr", Self.example("validator-complex.json")])
        #expect(complex.stderr.components(separatedBy: "this VCDM 1.1 credential is written again").count - 1 == 6)
    }

    @Test("Three OB 3.0 micro-credentials → bundle → CLR → ELM v3 (pyshacl) → CLR keep every achievement, credit and association")
    func stackRoundTrip() throws {
        let bundled = try ProcessRunner.credconv(["bundle"] + Self.stack)
        #expect(bundled.status == 0, "\(bundled.stderr)")
        let clr = try Self.save(bundled.stdout, "stack.clr.json")
        #expect(try Self.clrFailures([clr]) == nil)
        let first = try Self.summary(try Self.json(clr))
        #expect(first.entries.count == 3)
        #expect(first.associations == [
            "https://www.tu-example.eu/microcredentials/data-literacy-pa isPartOf https://www.tu-example.eu/certificates/digital-public-administration",
            "https://www.tu-example.eu/microcredentials/open-data-law isPartOf https://www.tu-example.eu/certificates/digital-public-administration",
        ])
        #expect(first.entries.map { $0.split(separator: " ")[2] } == ["5", "4", "15"])
        // stacksInto in the sources is what the record calls isPartOf: said, not silent.
        #expect(bundled.stderr.components(separatedBy: "the record says isPartOf").count - 1 == 2)

        let elm = try ProcessRunner.credconv(["-t", "elm", clr.path])
        #expect(elm.status == 0, "\(elm.stderr)")
        let elmFile = try Self.save(elm.stdout, "stack.elm.json")
        let claims = ((try Self.json(elmFile)["credentialSubject"] as? [String: Any])?["hasClaim"] as? [[String: Any]]) ?? []
        #expect(claims.count == 3, "one claim per achievement")
        if Oracle.available("pyshacl") {
            let shacl = try Oracle.check("shacl-check.py", [elmFile])
            #expect(shacl.status == 0, "\(shacl.stdoutText)")
        }
        let again = try ProcessRunner.credconv(["-t", "clr", elmFile.path])
        #expect(again.status == 0, "\(again.stderr)")
        let back = try Self.save(again.stdout, "back.clr.json")
        #expect(try Self.clrFailures([back]) == nil)
        let second = try Self.summary(try Self.json(back))
        #expect(second.entries == first.entries)
        #expect(second.associations == first.associations)
    }

    @Test("split of bundle gives back the inputs, but for the repackaging the bundle named; a signed input comes back signed and verifies")
    func splitOfBundle() throws {
        let signed = TestPaths.repository("samples/ob3-microcredential.signed.json").path
        let inputs = [signed] + Self.stack.dropFirst()
        let bundled = try ProcessRunner.credconv(["bundle"] + inputs)
        #expect(bundled.status == 0, "\(bundled.stderr)")
        let clr = try Self.save(bundled.stdout, "stack.clr.json")
        #expect(try Self.clrFailures([clr]) == nil)
        // The embedded signed credential still verifies inside the record.
        let verified = try ProcessRunner.credconv(["verify", "--key", TestPaths.repository("samples/keys/tu-example-issuer.json").path, clr.path])
        #expect(verified.stdoutText.contains("verified"), "\(verified.stdoutText)\(verified.stderr)")
        let split = try ProcessRunner.credconv(["split", clr.path])
        #expect(split.status == 0, "\(split.stderr)")
        let lines = split.stdoutText.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        for (line, input) in zip(lines, inputs) {
            let got = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? NSDictionary)
            let want = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: input))) as? NSDictionary)
            if input == signed {
                #expect(got == want, "the signed credential comes back as it was signed")
            } else {
                // Only the stacksInto relation, named isPartOf by the record (reported by bundle), differs.
                let patched = try #require(want.mutableCopy() as? NSMutableDictionary)
                let subject = try #require((patched["credentialSubject"] as? NSDictionary)?.mutableCopy() as? NSMutableDictionary)
                let achievement = try #require((subject["achievement"] as? NSDictionary)?.mutableCopy() as? NSMutableDictionary)
                let relations = (achievement["relatedAchievement"] as? [[String: Any]] ?? []).map { r -> [String: Any] in
                    var r = r
                    if r["relation"] as? String == "stacksInto" { r["relation"] = "isPartOf" }
                    return r
                }
                if !relations.isEmpty { achievement["relatedAchievement"] = relations }
                let gotAchievement = ((got["credentialSubject"] as? NSDictionary)?["achievement"] as? NSDictionary)
                achievement["criteria"] = gotAchievement?["criteria"]  // the stackability line in the criteria follows the relation
                subject["achievement"] = achievement
                patched["credentialSubject"] = subject
                #expect(got == patched, "\(input)")
            }
        }
        let signedLine = try Self.save(Array(lines[0].utf8), "signed.json")
        let again = try ProcessRunner.credconv(["verify", "--key", TestPaths.repository("samples/keys/tu-example-issuer.json").path, signedLine.path])
        #expect(again.status == 0, "\(again.stdoutText)\(again.stderr)")
    }

    @Test("bundle refuses credentials of different learners, naming each learner and its inputs; nothing is written")
    func differentLearners() throws {
        let patch = try Self.save(Array(#"{"learner": {"id": "did:example:someone-else"}}"#.utf8), "patch.json")
        let other = try ProcessRunner.credconv(["-t", "ob3", "--merge", patch.path, Self.stack[1]])
        let otherFile = try Self.save(other.stdout, "other.json")
        let r = try ProcessRunner.credconv(["bundle", Self.stack[0], otherFile.path])
        #expect(r.status == 65)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("[data.different-learners]") && r.stderr.contains("did:example:someone-else (\(otherFile.path))")
                && r.stderr.contains("did:example:learner-8f3a2b (\(Self.stack[0]))"), "\(r.stderr)")
    }

    @Test("bundle takes JSON Lines on stdin and --issuer; the record's issuer is the registrar's profile")
    func bundleFromStdin() throws {
        var lines: [UInt8] = []
        for path in Self.stack {
            lines += try ProcessRunner.credconv(["-t", "ob3", "--compact", path]).stdout + [0x0A]
        }
        let profile = try Self.save(Array(#"{"id": "https://registrar.example.org/", "type": ["Profile"], "name": "Example Registrar", "email": "records@registrar.example.org"}"#.utf8), "registrar.json")
        let r = try ProcessRunner.credconv(["bundle", "--issuer", profile.path, "--name", "Transcript of Ana"], stdin: lines)
        #expect(r.status == 0, "\(r.stderr)")
        let clr = try Self.save(r.stdout, "clr.json")
        #expect(try Self.clrFailures([clr]) == nil)
        let o = try Self.json(clr)
        #expect((o["issuer"] as? [String: Any])?["id"] as? String == "https://registrar.example.org/")
        #expect(o["name"] as? String == "Transcript of Ana")
        #expect(try Self.summary(o).entries.count == 3)
    }

    @Test("A stack is one transcript certificate with every achievement and the total credits; it reads back")
    func transcriptCertificate() throws {
        let r = try ProcessRunner.credconv(["bundle", "-t", "html"] + Self.stack)
        #expect(r.status == 0, "\(r.stderr)")
        let html = r.stdoutText
        for name in ["Data Literacy for Public Administration", "Open Data Law for Public Administration", "Certificate in Digital Public Administration"] {
            #expect(html.contains("<td>\(name)</td>"), "\(name)")
        }
        #expect(html.contains(#"<td class="number">24 ECTS credits</td>"#), "the total: 5 + 4 + 15")
        #expect(html.contains("Open Data Law for Public Administration — part of — Certificate in Digital Public Administration"))
        let file = try Self.save(r.stdout, "transcript.html")
        let safety = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", TestPaths.repository("scripts/html-safety-check.py").path, file.path])
        #expect(safety.status == 0, "\(safety.stdoutText)")
        let back = try ProcessRunner.credconv(["-t", "model", file.path])
        let model = try #require(JSONSerialization.jsonObject(with: Data(back.stdout)) as? [String: Any])
        #expect((model["otherAchievements"] as? [Any])?.count == 2)
    }

    @Test("A record as Europass XML: one learning achievement each, valid against the ELM v2 XSD (xmllint)")
    func europassXML() throws {
        let r = try ProcessRunner.credconv(["-t", "elm-xml", TestPaths.repository("samples/learner-record.clr.json").path])
        #expect(r.status == 0, "\(r.stderr)")
        let file = try Self.save(r.stdout, "record.xml")
        if let lint = try Oracle.europassXMLSchemaCheck([file]) { #expect(lint.status == 0, "\(lint.stderr)") }
        #expect(r.stdoutText.components(separatedBy: "<learningAchievement ").count - 1 == 3)
        let back = try ProcessRunner.credconv(["-t", "clr", file.path])
        #expect(back.status == 0, "\(back.stderr)")
        #expect(try Self.summary(try Self.json(try Self.save(back.stdout, "back.json"))).entries.count == 3)
    }

    @Test("A record to OB 3.0 is one document per credential with --jsonl, else an error saying so")
    func openBadgesTargets() throws {
        let record = TestPaths.repository("samples/learner-record.clr.json").path
        let one = try ProcessRunner.credconv(["-t", "ob3", record])
        #expect(one.status == 65 && one.stdout.isEmpty)
        #expect(one.stderr.contains("3 credentials") && one.stderr.contains("--jsonl"), "\(one.stderr)")
        let lines = try ProcessRunner.credconv(["--jsonl", "-t", "ob3", record])
        #expect(lines.status == 0, "\(lines.stderr)")
        #expect(lines.stdoutText.split(separator: "\n").count == 3)
    }

    @Test("check on a record lists the Annex I elements of each micro-credential and what stacks into what")
    func checkPerMicroCredential() throws {
        let r = try ProcessRunner.credconv(["check", "--report", "json", TestPaths.repository("samples/learner-record.clr.json").path])
        let o = try #require(JSONSerialization.jsonObject(with: Data(r.stdout)) as? [String: Any])
        let credentials = try #require(o["credentials"] as? [[String: Any]])
        #expect(credentials.count == 3)
        #expect(credentials.allSatisfy { ($0["elements"] as? [Any])?.count == 16 })
        let stacks = try #require(o["stacks"] as? [[String: String]])
        #expect(stacks.count == 2)
        #expect(stacks.allSatisfy { $0["whole"]?.contains("Certificate in Digital Public Administration") == true })
        #expect(r.status == ((o["conformant"] as? Bool) == true ? 0 : 1))
    }

    @Test("The sample record is what bundle makes of the three sample micro-credentials")
    func sampleIsCurrent() throws {
        let r = try ProcessRunner.credconv(["bundle"] + Self.stack)
        let sample = try String(contentsOf: TestPaths.repository("samples/learner-record.clr.json"), encoding: .utf8)
        #expect(sample == r.stdoutText, "re-make it: credconv bundle \(Self.stack.joined(separator: " ")) > samples/learner-record.clr.json")
    }
}
