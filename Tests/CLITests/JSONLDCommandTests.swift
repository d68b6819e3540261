import CredconvTestSupport
import Foundation
import Testing

/// The command line's JSON-LD: `check --profile jsonld`, `--context`, and RDFC proofs through `sign`.
@Suite("CLI: JSON-LD check, --context and RDFC signing")
struct JSONLDCommandTests {
    static let languageMapCredential = """
        {"@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
         "id": "urn:uuid:9b1f7a40-0000-4000-8000-000000000001", "type": ["VerifiableCredential", "OpenBadgeCredential"],
         "issuer": {"id": "https://example.edu/", "type": ["Profile"], "name": "Example"}, "validFrom": "2026-01-01T00:00:00Z",
         "name": "Data literacy",
         "credentialSubject": {"type": ["AchievementSubject"], "achievement": {"id": "https://example.edu/a/1", "type": ["Achievement"],
           "name": {"en": "Data literacy", "fr": "Culture des données"}, "criteria": {"narrative": "Pass."}, "description": "A badge."}}}
        """

    static func file(_ text: String, in dir: URL, name: String = "doc.json") throws -> String {
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func checkFlagsALanguageMapTheOB3ContextDoesNotDeclare() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try Self.file(Self.languageMapCredential, in: dir)
        let text = try ProcessRunner.credconv(["check", "--profile", "jsonld", path])
        #expect(text.status == 1)
        #expect(text.stdoutText.contains("/credentialSubject/achievement/name/en"))
        #expect(text.stdoutText.contains("/credentialSubject/achievement/name/fr"))
        let json = try ProcessRunner.credconv(["check", "--profile", "jsonld", "--report", "json", path])
        #expect(json.status == 1)
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout)) as? [String: Any]
        #expect(report?["conformant"] as? Bool == false)
        let pointers = ((report?["findings"] as? [[String: Any]]) ?? []).compactMap { $0["pointer"] as? String }
        #expect(Set(pointers) == ["/credentialSubject/achievement/name/en", "/credentialSubject/achievement/name/fr"])
        // The bundled sample, and its signed form, have nothing dropped.
        for sample in ["samples/ob3-microcredential.json", "samples/ob3-microcredential.signed.json"] {
            let clean = try ProcessRunner.credconv(["check", "--profile", "jsonld", TestPaths.repository(sample).path])
            #expect(clean.status == 0, "\(sample): \(clean.stdoutText)")
        }
    }

    @Test func contextArgumentsAreCheckedAndUnknownContextsNamed() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let doc = try Self.file(#"{"@context": "https://example.org/ctx", "name": "x"}"#, in: dir)
        let unknown = try ProcessRunner.credconv(["check", "--profile", "jsonld", doc])
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("https://example.org/ctx"))
        #expect(unknown.stderr.contains("--context"))
        let badForm = try ProcessRunner.credconv(["check", "--profile", "jsonld", "--context", "no-equals-sign", doc])
        #expect(badForm.status == 64)
        let missing = try ProcessRunner.credconv(["check", "--profile", "jsonld", "--context", "https://example.org/ctx=/nonexistent/ctx.jsonld", doc])
        #expect(missing.status == 66)
        let context = try Self.file(#"{"@context": {"name": "https://schema.org/name"}}"#, in: dir, name: "ctx.jsonld")
        let given = try ProcessRunner.credconv(["check", "--profile", "jsonld", "--context", "https://example.org/ctx=" + context, doc])
        #expect(given.status == 0, "\(given.stdoutText)\(given.stderr)")
    }

    @Test func signMakesRDFCProofsAndAJWTOverThemAndRefusesWhatItCannotSign() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let key = dir.appendingPathComponent("key.pem").path
        let generated = try ProcessRunner.credconv(["keys", "generate", "--type", "p256", "--did-key", "-o", key])
        let did = try #require(generated.stderr.split(separator: " ").first { $0.hasPrefix("did:key:") }.map(String.init))
        let merge = try Self.file("{\"issuer\": {\"id\": \"\(did)\"}}", in: dir, name: "issuer.json")
        let sample = TestPaths.repository("samples/ob3-microcredential.json").path
        // P-256: ecdsa-rdfc-2019 by default.
        let signed = try ProcessRunner.credconv(["sign", "-t", "ob3", "--key", key, "--merge", merge, sample])
        #expect(signed.status == 0, "\(signed.stderr)")
        #expect(signed.stdoutText.contains("\"ecdsa-rdfc-2019\""))
        let signedFile = try Self.file(signed.stdoutText, in: dir, name: "signed.json")
        let verified = try ProcessRunner.credconv(["verify", signedFile])
        #expect(verified.status == 0, "\(verified.stdoutText)")
        // A VC-JWT over a credential that carries the proof.
        let jwt = try ProcessRunner.credconv(["sign", "-t", "vc-jwt", "--suite", "ecdsa-rdfc-2019", "--key", key, "--merge", merge, sample])
        #expect(jwt.status == 0, "\(jwt.stderr)")
        let payload = try #require(jwt.stdoutText.split(separator: ".").dropFirst().first)
        var b64 = payload.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while b64.count % 4 != 0 { b64 += "=" }
        let decoded = try #require(Data(base64Encoded: b64))
        #expect(String(decoding: decoded, as: UTF8.self).contains("ecdsa-rdfc-2019"))
        // Suites credconv only verifies, and a suite that does not fit the key, are usage errors.
        for suite in ["Ed25519Signature2020", "ecdsa-sd-2023", "eddsa-rdfc-2022"] {
            let refused = try ProcessRunner.credconv(["sign", "-t", "ob3", "--suite", suite, "--key", key, sample])
            #expect(refused.status == 64, "\(suite): \(refused.stderr)")
        }
    }
}
