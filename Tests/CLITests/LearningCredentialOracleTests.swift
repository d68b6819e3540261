import CredconvTestSupport
import Foundation
import Testing

/// The EUDI Learning Credential against the IETF reference implementation of SD-JWT (python `sd-jwt`,
/// scripts/sdjwt-oracle.py): it verifies what credconv issues, and issues (with decoys, key binding,
/// x5c) what credconv reads and verifies; the attacks fail with their own codes. Keys per test run.
@Suite(
    "EUDI Learning Credential: credconv and the SD-JWT reference implementation",
    .enabled(if: SDJWTOracle.available, "python sd-jwt/cryptography are missing: skipped"),
    .enabled(if: TestPaths.referenceAvailable, "../shared/reference is absent: skipped"))
struct LearningCredentialOracleTests {
    static let metadata = TestPaths.reference("eudi/learning_credential.vct.json").path
    /// The key id credconv signs with: under the issuer's id, so the bare key file given with --key is tied to it.
    static let kid = "https://www.tu-example.eu/keys#lc-1"
    static let annexSample = TestPaths.reference("europass/elm-v3-jsonld/samples/Sample-MC-Annex1-unsigned.jsonld").path

    /// Fresh issuer and holder keys (P-256, credconv's `keys generate`), in a folder of their own.
    struct Keys {
        let dir: URL
        func file(_ name: String) -> String { dir.appendingPathComponent(name).path }
        var issuerKey: String { file("issuer.key") }
        var issuerPublic: String { file("issuer.pub.jwk") }
        var holderKey: String { file("holder.key") }
        var holderPublic: String { file("holder.pub.jwk") }

        /// The issuer's profile listing its key under ``LearningCredentialOracleTests/kid`` (what `--key` gets).
        var issuerProfile: String { file("issuer.profile.json") }
        /// A profile listing the holder's key under the issuer's kid: another key for the same name.
        var impostorProfile: String { file("holder.profile.json") }

        init() throws {
            dir = TestPaths.temporaryDirectory()
            for who in ["issuer", "holder"] {
                let made = try ProcessRunner.credconv(["keys", "generate", "--type", "p256", "-o", dir.appendingPathComponent("\(who).key").path])
                #expect(made.status == 0, "\(made.stderr)")
                try Data(made.stdout).write(to: dir.appendingPathComponent("\(who).pub.jwk"))
                let profile = """
                    {"@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
                     "id": "https://www.tu-example.eu/", "type": ["Profile"], "name": "Technische Universität Beispielstadt",
                     "verificationMethod": [{"id": "\(LearningCredentialOracleTests.kid)", "type": "JsonWebKey", "controller": "https://www.tu-example.eu/",
                                             "publicKeyJwk": \(made.stdoutText)}],
                     "assertionMethod": ["\(LearningCredentialOracleTests.kid)"]}
                    """
                try profile.write(to: dir.appendingPathComponent("\(who).profile.json"), atomically: true, encoding: .utf8)
            }
        }

        /// `credconv -t eudi-lc` of `input`, written to `name`.
        func issue(_ input: String, _ extra: [String] = [], name: String = "lc.sd-jwt") throws -> (status: Int32, path: String, stderr: String) {
            let r = try ProcessRunner.credconv(["-t", "eudi-lc", "--sign-key", issuerKey, "--kid", LearningCredentialOracleTests.kid, "--holder-key", holderPublic] + extra + [input])
            try Data(r.stdout).write(to: URL(fileURLWithPath: file(name)))
            return (r.status, file(name), r.stderr)
        }
    }

    /// The claims the reference implementation verifies in `path`, or nil with its refusal.
    static func pythonVerified(_ path: String, key: String, audience: String? = nil, nonce: String? = nil) throws -> [String: Any]? {
        var args = ["verify", path, key]
        if let audience, let nonce { args += ["--audience", audience, "--nonce", nonce] }
        let r = try SDJWTOracle.run(args)
        guard r.status == 0 else { return nil }
        return try JSONSerialization.jsonObject(with: Data(r.stdout)) as? [String: Any]
    }

    /// The mandatory claim names, read from the type metadata (never from credconv's table).
    static func mandatoryClaims() throws -> [String] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: metadata))) as? [String: Any])
        let claims = try #require(document["claims"] as? [[String: Any]])
        return claims.compactMap { c in
            guard c["mandatory"] as? Bool == true, let path = c["path"] as? [Any], path.count == 1 else { return nil }
            return path[0] as? String
        }
    }

    /// `credconv verify --report json`: the status, the first failing check and every failing check.
    static func verify(_ args: [String]) throws -> (status: Int32, failure: String?, report: [String: Any], failures: [String]) {
        let r = try ProcessRunner.credconv(["verify", "--report", "json"] + args)
        let report = (try? JSONSerialization.jsonObject(with: Data(r.stdout))) as? [String: Any] ?? [:]
        let failures = ((report["checks"] as? [[String: Any]]) ?? []).filter { $0["ok"] as? Bool == false }.compactMap { $0["code"] as? String }
        return (r.status, failures.first, report, failures)
    }

    static func write(_ text: String, _ path: String) throws { try text.write(toFile: path, atomically: true, encoding: .utf8) }

    /// Merge documents that supply what each source lacks (the type's mandatory claims).
    static let merges: [(source: String, merge: String, extra: [String])] = [
        ("samples/ob3-microcredential.json", "{}", []),
        ("samples/elm-microcredential.jsonld", "{}", []),
        ("samples/elm-microcredential.xml", "{}", []),
        ("samples/ob3-microcredential.jwt", "{}", []),
        ("samples/ob2-microcredential.json", """
            {"id": "urn:uuid:2b6f0c5e-8d1a-4c3b-9e7f-1a2b3c4d5e6f", "issuer": {"address": {"country": "DE"}},
             "learner": {"familyName": {"en": "Pérez Fernández"}, "identifiers": [{"value": "S-2026-0042"}]},
             "achievement": {"workload": "PT25H", "qualityAssurance": [{"type": {"label": {"en": "Internal Evaluation"}}}]}}
            """, []),
        ("ANNEX", #"{"achievement": {"qualityAssurance": [{"type": {"label": {"en": "External Evaluation"}}}]}}"#, ["--expires", "2031-01-01"]),
    ]

    @Test("Every source, with what it lacks merged in, becomes a Learning Credential the reference implementation verifies, with the source's values")
    func issuedFromEverySource() throws {
        let keys = try Keys()
        let mandatory = try Self.mandatoryClaims()
        #expect(mandatory.count == 16)
        for (i, entry) in Self.merges.enumerated() {
            let source = entry.source == "ANNEX" ? Self.annexSample : TestPaths.repository(entry.source).path
            let merge = keys.file("merge\(i).json")
            try Self.write(entry.merge, merge)
            let issued = try keys.issue(source, ["--merge", merge] + entry.extra, name: "lc\(i).sd-jwt")
            #expect(issued.status == 0, "\(entry.source): \(issued.stderr)")
            let claims = try #require(try Self.pythonVerified(issued.path, key: keys.issuerKey), "\(entry.source): refused by the reference implementation")
            for name in mandatory { #expect(claims[name] != nil, "\(entry.source): \(name) missing") }
            // The claims equal the source's values, as credconv's model of the source holds them.
            let model = try ProcessRunner.credconv(["-t", "model", "--merge", merge, source])
            let m = try #require(try JSONSerialization.jsonObject(with: Data(model.stdout)) as? [String: Any])
            let achievement = try #require(m["achievement"] as? [String: Any])
            #expect(claims["expected_study_time"] as? String == achievement["workload"] as? String, "\(entry.source)")
            let eqf = (achievement["eqfLevel"] as? [String: Any])?["id"] as? String
            #expect(eqf?.hasSuffix("/\(claims["level_of_learning_experience"] as? Int ?? -1)") == true, "\(entry.source)")
            #expect(claims["iss"] as? String == (m["issuer"] as? [String: Any])?["id"] as? String, "\(entry.source)")
            #expect((claims["cnf"] as? [String: Any])?["jwk"] != nil)
            #expect(claims["vct"] as? String == "urn:eu.europa.ec.eudi:learning:credential:1")
            // And back to ELM v3: every value the Learning Credential holds is kept.
            let elm = try ProcessRunner.credconv(["-t", "elm", "--page-image", "none", issued.path])
            #expect(elm.status == 0, "\(entry.source): \(elm.stderr)")
            try Data(elm.stdout).write(to: URL(fileURLWithPath: keys.file("back\(i).jsonld")))
            let again = try keys.issue(keys.file("back\(i).jsonld"), ["--expires", "2031-01-01"], name: "again\(i).sd-jwt")
            #expect(again.status == 0, "\(entry.source): \(again.stderr)")
            let claimsAgain = try #require(try Self.pythonVerified(again.path, key: keys.issuerKey))
            for (name, value) in claims where name != "cnf" {
                #expect(String(describing: claimsAgain[name] ?? "absent") == String(describing: value), "\(entry.source): \(name) changed through ELM v3")
            }
        }
    }

    @Test("What the reference implementation issues, with decoys, as vc+sd-jwt or with x5c, credconv reads and verifies")
    func readsTheReferenceImplementations() throws {
        let keys = try Keys()
        let issued = try keys.issue(TestPaths.repository("samples/ob3-microcredential.json").path)
        #expect(issued.status == 0, "\(issued.stderr)")
        let claims = try #require(try Self.pythonVerified(issued.path, key: keys.issuerKey))
        var plain = claims
        plain.removeValue(forKey: "cnf")
        let claimsFile = keys.file("claims.json")
        try JSONSerialization.data(withJSONObject: plain).write(to: URL(fileURLWithPath: claimsFile))
        for (typ, decoys) in [("dc+sd-jwt", true), ("vc+sd-jwt", false)] {
            let made = try SDJWTOracle.run(["issue", claimsFile, keys.issuerKey, keys.holderPublic, "--metadata", Self.metadata, "--typ", typ] + (decoys ? ["--decoys"] : []))
            #expect(made.status == 0, "\(made.stderr)")
            let path = keys.file("python-\(typ).sd-jwt")
            try Data(made.stdout).write(to: URL(fileURLWithPath: path))
            let verified = try Self.verify(["--key", keys.issuerProfile, path])
            #expect(verified.status == 0, "\(typ): \(verified.report)")
            let model = try ProcessRunner.credconv(["-f", "eudi-lc", "-t", "model", path])
            #expect(model.status == 0, "\(typ): \(model.stderr)")
            let m = try #require(try JSONSerialization.jsonObject(with: Data(model.stdout)) as? [String: Any])
            #expect((m["achievement"] as? [String: Any])?["workload"] as? String == claims["expected_study_time"] as? String)
            #expect(((m["learner"] as? [String: Any])?["familyName"] as? [String: Any])?.values.first as? String == claims["family_name"] as? String)
        }
        // x5c: a certificate chain to a CA the verifier trusts, naming the issuer's host.
        let ca = keys.file("ca")
        let madeCA = try SDJWTOracle.run(["ca", ca, "--host", "www.tu-example.eu"])
        #expect(madeCA.status == 0, "\(madeCA.stderr)")
        let x5c = try SDJWTOracle.run(["issue", claimsFile, ca + "/leaf.key", keys.holderPublic, "--metadata", Self.metadata, "--x5c", ca + "/chain.pem"])
        #expect(x5c.status == 0, "\(x5c.stderr)")
        let x5cPath = keys.file("python-x5c.sd-jwt")
        try Data(x5c.stdout).write(to: URL(fileURLWithPath: x5cPath))
        #expect(try Self.verify(["--trust", ca + "/ca.pem", x5cPath]).status == 0)
        #expect(try Self.verify([x5cPath]).failure == "verify.key-bound", "an x5c chain without a trust anchor binds nothing")
        let other = keys.file("other-ca")
        _ = try SDJWTOracle.run(["ca", other, "--host", "www.tu-example.eu"])
        #expect(try Self.verify(["--trust", other + "/ca.pem", x5cPath]).failure == "verify.key-bound", "another CA")
        // credconv issues with x5c too, and the reference implementation verifies it with the leaf's key.
        let ours = try ProcessRunner.credconv(["-t", "eudi-lc", "--sign-key", ca + "/leaf.key", "--sign-cert", ca + "/chain.pem", "--holder-key", keys.holderPublic, TestPaths.repository("samples/ob3-microcredential.json").path])
        #expect(ours.status == 0, "\(ours.stderr)")
        try Data(ours.stdout).write(to: URL(fileURLWithPath: keys.file("ours-x5c.sd-jwt")))
        #expect(try Self.pythonVerified(keys.file("ours-x5c.sd-jwt"), key: ca + "/leaf.key") != nil)
        #expect(try Self.verify(["--trust", ca + "/ca.pem", keys.file("ours-x5c.sd-jwt")]).status == 0)
    }

    @Test("Key binding: the holder's presentation verifies for its audience and nonce, and only for them")
    func keyBinding() throws {
        let keys = try Keys()
        let issued = try keys.issue(TestPaths.repository("samples/ob3-microcredential.json").path)
        #expect(issued.status == 0, "\(issued.stderr)")
        let presented = try SDJWTOracle.run(["present", issued.path, keys.holderKey, "--audience", "https://registrar.example", "--nonce", "n-4711", "--withhold", "given_name"])
        #expect(presented.status == 0, "\(presented.stderr)")
        let path = keys.file("presentation.sd-jwt")
        try Data(presented.stdout).write(to: URL(fileURLWithPath: path))
        let ok = try Self.verify(["--key", keys.issuerProfile, "--audience", "https://registrar.example", "--nonce", "n-4711", path])
        #expect(ok.status == 0, "\(ok.report)")
        #expect(try Self.pythonVerified(path, key: keys.issuerKey, audience: "https://registrar.example", nonce: "n-4711")?["given_name"] == nil)
        #expect(try Self.verify(["--key", keys.issuerProfile, "--audience", "https://other.example", "--nonce", "n-4711", path]).failure == "verify.key-binding")
        #expect(try Self.verify(["--key", keys.issuerProfile, "--audience", "https://registrar.example", "--nonce", "replayed", path]).failure == "verify.key-binding")
        // Asking for key binding of an SD-JWT without it fails; so does a disclosure dropped after the holder signed.
        #expect(try Self.verify(["--key", keys.issuerProfile, "--audience", "https://registrar.example", "--nonce", "n-4711", issued.path]).failure == "verify.key-binding")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var parts = text.components(separatedBy: "~")
        parts.remove(at: 1)
        try Self.write(parts.joined(separator: "~"), keys.file("dropped.sd-jwt"))
        #expect(try Self.verify(["--key", keys.issuerProfile, keys.file("dropped.sd-jwt")]).failures.contains("verify.key-binding"))
        #expect(try Self.pythonVerified(keys.file("dropped.sd-jwt"), key: keys.issuerKey, audience: "https://registrar.example", nonce: "n-4711") == nil, "the reference implementation refuses it too")
    }

    @Test("Attacks fail with their own codes: a changed disclosure, a removed one, a wrong _sd_alg, another key")
    func attacks() throws {
        let keys = try Keys()
        let issued = try keys.issue(TestPaths.repository("samples/ob3-microcredential.json").path)
        #expect(issued.status == 0, "\(issued.stderr)")
        #expect(try Self.verify(["--key", keys.issuerProfile, issued.path]).status == 0)
        let text = try String(contentsOfFile: issued.path, encoding: .utf8)
        var parts = text.components(separatedBy: "~")
        // A changed disclosure: the family name replaced.
        let familyIndex = try #require(parts.indices.dropFirst().first { i in
            Data(base64Encoded: Self.padded(parts[i])).flatMap { String(data: $0, encoding: .utf8) }?.contains("\"family_name\"") == true
        })
        var changed = parts
        changed[familyIndex] = Data(#"["c2FsdA","family_name","Mallory"]"#.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "").replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        try Self.write(changed.joined(separator: "~"), keys.file("changed.sd-jwt"))
        #expect(try Self.verify(["--key", keys.issuerProfile, keys.file("changed.sd-jwt")]).failure == "verify.disclosures")
        let read = try ProcessRunner.credconv(["-t", "model", keys.file("changed.sd-jwt")])
        #expect(read.status == 65)
        #expect(read.stderr.contains("data.sd-jwt-unreferenced-disclosure"), "\(read.stderr)")
        #expect(try Self.pythonVerified(keys.file("changed.sd-jwt"), key: keys.issuerKey)?["family_name"] as? String != "Mallory")
        // A removed disclosure of a mandatory claim.
        parts.remove(at: familyIndex)
        try Self.write(parts.joined(separator: "~"), keys.file("removed.sd-jwt"))
        #expect(try Self.verify(["--key", keys.issuerProfile, keys.file("removed.sd-jwt")]).failure == "verify.mandatory-claims")
        // A wrong _sd_alg, signed again by the issuer.
        let resigned = try SDJWTOracle.run(["resign", issued.path, keys.issuerKey, "--set", #"_sd_alg="sha-384""#])
        #expect(resigned.status == 0, "\(resigned.stderr)")
        try Data(resigned.stdout).write(to: URL(fileURLWithPath: keys.file("alg.sd-jwt")))
        #expect(try Self.verify(["--key", keys.issuerProfile, keys.file("alg.sd-jwt")]).failure == "verify.digest-algorithm")
        let readAlg = try ProcessRunner.credconv(["-t", "model", keys.file("alg.sd-jwt")])
        #expect(readAlg.status == 65 && readAlg.stderr.contains("data.sd-jwt-digest-algorithm"), "\(readAlg.stderr)")
        // Another key: the holder's public key given as the issuer's.
        #expect(try Self.verify(["--key", keys.impostorProfile, issued.path]).failure == "verify.signature")
        // A disclosure of a claim SD-JWT VC keeps plain (iss), by the issuer's own hand.
        let duplicate = try ProcessRunner.credconv(["-t", "eudi-lc", "--sign-key", keys.issuerKey, issued.path])
        #expect(duplicate.status == 0, "re-issued with the kept holder key: \(duplicate.stderr)")
    }

    @Test("Missing mandatory data is named, never invented; a holder key is required; check --profile eudi-lc says what is missing")
    func missingData() throws {
        let keys = try Keys()
        let ob2 = TestPaths.repository("samples/ob2-microcredential.json").path
        let refused = try keys.issue(ob2)
        #expect(refused.status == 65)
        for claim in ["family_name", "learner_identification", "expected_study_time", "types_of_quality_assurance", "issuing_country"] {
            #expect(refused.stderr.contains(claim), "\(claim) not named: \(refused.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: refused.path)).isEmpty, "no partial output")
        let noHolder = try ProcessRunner.credconv(["-t", "eudi-lc", "--sign-key", keys.issuerKey, TestPaths.repository("samples/ob3-microcredential.json").path])
        #expect(noHolder.status == 64 && noHolder.stderr.contains("--holder-key"), "\(noHolder.stderr)")
        let unsigned = try ProcessRunner.credconv(["-t", "eudi-lc", "--holder-key", keys.holderPublic, TestPaths.repository("samples/ob3-microcredential.json").path])
        #expect(unsigned.status == 64 && unsigned.stderr.contains("--sign-key"))
        let check = try ProcessRunner.credconv(["check", "--profile", "eudi-lc", "--report", "json", ob2])
        #expect(check.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout)) as? [String: Any])
        let missing = ((report["elements"] as? [[String: Any]]) ?? []).filter { $0["mandatory"] as? Bool == true && $0["present"] as? Bool == false }.compactMap { $0["name"] as? String }
        #expect(Set(missing) == ["issuing_country", "family_name", "learner_identification", "expected_study_time", "types_of_quality_assurance"])
        #expect(try ProcessRunner.credconv(["check", "--profile", "eudi-lc", TestPaths.repository("samples/ob3-microcredential.json").path]).status == 0)
        // credconv sign makes the same form.
        let signed = try ProcessRunner.credconv(["sign", "-t", "eudi-lc", "--key", keys.issuerKey, "--holder-key", keys.holderPublic, TestPaths.repository("samples/elm-microcredential.xml").path])
        #expect(signed.status == 0, "\(signed.stderr)")
        try Data(signed.stdout).write(to: URL(fileURLWithPath: keys.file("signed.sd-jwt")))
        #expect(try Self.pythonVerified(keys.file("signed.sd-jwt"), key: keys.issuerKey)?["expected_study_time"] as? String == "PT125H")
    }

    @Test("JSON Lines of Learning Credentials: one verdict and one conversion per line, a bad line named by its number")
    func jsonLines() throws {
        let keys = try Keys()
        let issued = try keys.issue(TestPaths.repository("samples/ob3-microcredential.json").path)
        #expect(issued.status == 0, "\(issued.stderr)")
        let one = try String(contentsOfFile: issued.path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let lines = keys.file("batch.txt")
        try Self.write([one, "", "eyJhbGciOiJub25lIn0.e30.~not~base64!~", one].joined(separator: "\n") + "\n", lines)
        let verified = try ProcessRunner.credconv(["verify", "--jsonl", "--key", keys.issuerProfile, lines])
        #expect(verified.status == 65, "a record that is no credential: \(verified.stderr)")
        #expect(verified.stdoutText.components(separatedBy: "\n").filter { $0.contains(": verified") }.count == 2, "\(verified.stdoutText)")
        #expect(verified.stderr.contains("record 2 (line 3)"), "\(verified.stderr)")
        let converted = try ProcessRunner.credconv(["--jsonl", "-t", "ob3", lines])
        #expect(converted.stdoutText.split(separator: "\n").count == 2)
        #expect(converted.stderr.contains("record 2 (line 3)"), "\(converted.stderr)")
    }

    static func padded(_ s: String) -> String {
        let b = s.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        return b + String(repeating: "=", count: (4 - b.count % 4) % 4)
    }
}

enum SDJWTOracle {
    static let script = TestPaths.repository("scripts/sdjwt-oracle.py").path
    static let available: Bool = Oracle.available("sd_jwt") && Oracle.available("cryptography") && Oracle.available("jwcrypto")

    static func run(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script] + arguments)
    }
}
