import CredconvTestSupport
import Foundation
import Testing

/// Signing and verifying against an independent oracle: python `cryptography` and `joserfc`
/// (scripts/jose-oracle.py) make keys, sign what credconv must verify, verify what credconv signs, and
/// build the attacks and status lists. Keys are generated per test run.
@Suite("JOSE: credconv sign and verify against python joserfc", .enabled(if: JOSEOracle.available, "python cryptography/joserfc are missing: skipped"))
struct JOSEOracleTests {
    static let issuer = "https://www.tu-example.eu/"
    static let kid = "https://www.tu-example.eu/keys#key-1"
    static let sample = TestPaths.repository("samples/ob3-microcredential.json")

    /// A folder with a fresh key of `type` (private `key.pem` or `key.jwk`, public `pub.jwk`) and the
    /// issuer's profile listing it under ``kid``.
    struct Issuer {
        let dir: URL
        let type: String
        var privateKey: String { dir.appendingPathComponent("key.priv").path }
        var publicJWK: String { dir.appendingPathComponent("pub.jwk").path }
        var profile: String { dir.appendingPathComponent("profile.json").path }
        func file(_ name: String) -> String { dir.appendingPathComponent(name).path }

        init(_ type: String, format: String = "pkcs8", in dir: URL) throws {
            self.dir = dir.appendingPathComponent(type + "-" + format)
            self.type = type
            try FileManager.default.createDirectory(at: self.dir, withIntermediateDirectories: true)
            let made = try JOSEOracle.run(["keygen", type, self.dir.appendingPathComponent("key.priv").path, self.dir.appendingPathComponent("pub.jwk").path, "--format", format])
            #expect(made.status == 0, "\(made.stderr)")
            let jwk = try String(contentsOfFile: self.dir.appendingPathComponent("pub.jwk").path, encoding: .utf8)
            let profile = """
                {"@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
                 "id": "\(JOSEOracleTests.issuer)", "type": ["Profile"], "name": "Technische Universität Beispielstadt",
                 "verificationMethod": [{"id": "\(JOSEOracleTests.kid)", "type": "JsonWebKey", "controller": "\(JOSEOracleTests.issuer)", "publicKeyJwk": \(jwk)}],
                 "assertionMethod": ["\(JOSEOracleTests.kid)"]}
                """
            try profile.write(toFile: self.dir.appendingPathComponent("profile.json").path, atomically: true, encoding: .utf8)
        }
    }

    /// The sample credential as an OB 3.0 VC-JWT claim set (claims computed here with Foundation).
    static func claims(_ edit: (inout [String: Any]) -> Void = { _ in }, claims extra: [String: Any] = [:]) throws -> [String: Any] {
        var vc = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: sample)) as? [String: Any])
        edit(&vc)
        let iso = ISO8601DateFormatter()
        var claims: [String: Any] = ["iss": issuer, "jti": vc["id"] as Any, "sub": (vc["credentialSubject"] as? [String: Any])?["id"] as Any, "vc": vc]
        if let from = vc["validFrom"] as? String, let d = iso.date(from: from) { claims["nbf"] = Int(d.timeIntervalSince1970) }
        if let until = vc["validUntil"] as? String, let d = iso.date(from: until) { claims["exp"] = Int(d.timeIntervalSince1970) }
        for (k, v) in extra { claims[k] = v }
        return claims
    }

    static func write(_ object: Any, to path: String) throws {
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(to: URL(fileURLWithPath: path))
    }

    /// python signs `claims` with the issuer's key: the JWS text, in `name`.
    static func pythonSigned(_ claims: [String: Any], by issuer: Issuer, alg: String, name: String = "oracle.jwt", extra: [String] = ["--kid", kid, "--typ", "JWT"]) throws -> String {
        let payload = issuer.file(name + ".payload.json")
        try write(claims, to: payload)
        let signed = try JOSEOracle.run(["sign", alg, issuer.privateKey, payload] + extra)
        #expect(signed.status == 0, "\(signed.stderr)")
        try signed.stdoutText.write(toFile: issuer.file(name), atomically: true, encoding: .utf8)
        return issuer.file(name)
    }

    /// `credconv verify --report json`: the exit status and the report.
    static func verify(_ args: [String]) throws -> (status: Int32, report: [String: Any], stderr: String) {
        let r = try ProcessRunner.credconv(["verify", "--report", "json"] + args)
        let report = (try? JSONSerialization.jsonObject(with: Data(r.stdout))) as? [String: Any] ?? [:]
        return (r.status, report, r.stderr)
    }

    static func firstFailure(_ report: [String: Any]) -> String? {
        ((report["checks"] as? [[String: Any]]) ?? []).first { $0["ok"] as? Bool == false }?["code"] as? String
    }

    static let algorithms: [(type: String, alg: String, format: String)] = [
        ("ed25519", "EdDSA", "pkcs8"), ("ed25519", "Ed25519", "jwk"), ("p256", "ES256", "sec1"), ("p384", "ES384", "pkcs8"),
        ("p521", "ES512", "jwk"), ("rsa2048", "RS256", "pkcs1"), ("rsa2048", "PS256", "pkcs8"), ("rsa3072", "RS384", "jwk"), ("rsa2048", "PS512", "pkcs1"),
    ]

    @Test func whatCredconvSignsThePythonOracleVerifies() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (type, alg, format) in Self.algorithms {
            let issuer = try Issuer(type, format: format, in: dir)
            for form in ["ob3-jwt", "vc-jwt"] {
                let signed = try ProcessRunner.credconv(["sign", "--key", issuer.privateKey, "--kid", Self.kid, "--alg", alg, "-t", form, Self.sample.path])
                #expect(signed.status == 0, "\(type) \(alg) \(form): \(signed.stderr)")
                let jwt = issuer.file("credconv-\(form).jwt")
                try Data(signed.stdout).write(to: URL(fileURLWithPath: jwt))
                let checked = try JOSEOracle.run(["verify", jwt, issuer.publicJWK, alg])
                #expect(checked.status == 0, "python does not verify credconv's \(alg) \(form): \(checked.stderr)")
                let payload = try #require(try JSONSerialization.jsonObject(with: Data(checked.stdout)) as? [String: Any])
                if form == "ob3-jwt" {
                    #expect(payload["iss"] as? String == Self.issuer)
                    #expect(payload["jti"] as? String == "urn:uuid:6f1b2c1e-0f5d-4a5e-9c7a-2d8e4b7a9c01")
                    #expect(payload["nbf"] as? Int == 1_782_777_600)  // 2026-06-30T00:00:00Z
                    #expect(payload["exp"] as? Int == 1_940_544_000)  // 2031-06-30T00:00:00Z
                    #expect((payload["vc"] as? [String: Any])?["credentialSubject"] != nil)
                } else {
                    #expect((payload["type"] as? [String])?.contains("OpenBadgeCredential") == true)
                }
                // … and credconv verifies it, the key bound to the issuer by its profile.
                let (status, report, stderr) = try Self.verify(["--key", issuer.profile, "--at", "2027-01-01T00:00:00Z", jwt])
                #expect(status == 0, "\(type) \(alg) \(form): \(report) \(stderr)")
                #expect(report["verified"] as? Bool == true)
            }
        }
    }

    @Test func whatThePythonOracleSignsCredconvVerifies() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (type, alg, format) in Self.algorithms {
            let issuer = try Issuer(type, format: format, in: dir)
            let jwt = try Self.pythonSigned(try Self.claims(), by: issuer, alg: alg)
            let (status, report, stderr) = try Self.verify(["--key", issuer.profile, "--at", "2027-01-01T00:00:00Z", jwt])
            #expect(status == 0, "\(type) \(alg): \(stderr)")
            #expect(report["verified"] as? Bool == true)
            let key = try #require(report["key"] as? [String: Any])
            #expect(key["id"] as? String == Self.kid)
            #expect(key["source"] as? String == "file")
            #expect(report["issuer"] as? String == Self.issuer)
            // Without the key: a clear verdict naming it, never a fetch.
            let (missing, noKey, message) = try Self.verify([jwt])
            #expect(missing == 1)
            #expect(Self.firstFailure(noKey) == "verify.key-resolved")
            #expect(message.contains("key \(Self.kid) not supplied: give it with --key"))
        }
    }

    @Test func everyTamperedVariantFailsWithTheRightCode() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (type, alg) in [("ed25519", "EdDSA"), ("rsa2048", "RS256"), ("p256", "ES256")] {
            let issuer = try Issuer(type, in: dir)
            let good = try String(contentsOfFile: try Self.pythonSigned(try Self.claims(), by: issuer, alg: alg), encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let parts = good.split(separator: ".").map(String.init)
            func check(_ text: String, _ name: String, expect codes: Set<String>) throws {
                let path = issuer.file("\(name).jwt")
                try text.write(toFile: path, atomically: true, encoding: .utf8)
                let (status, report, stderr) = try Self.verify(["--key", issuer.profile, "--at", "2027-01-01T00:00:00Z", path])
                #expect(status == 1, "\(type) \(name): exit \(status) \(stderr)")
                #expect(report["verified"] as? Bool == false)
                let code = Self.firstFailure(report) ?? "none"
                #expect(codes.contains(code), "\(type) \(name): failed \(code), expected one of \(codes)")
                #expect(stderr.contains("credconv: not verified"))
            }
            func flip(_ s: String, at index: Int) -> String {
                var chars = Array(s)
                chars[index] = chars[index] == "A" ? "B" : "A"
                return String(chars)
            }
            // The good one verifies (so each failure below is the tampering's).
            let (ok, _, okErr) = try Self.verify(["--key", issuer.profile, "--at", "2027-01-01T00:00:00Z", issuer.file("oracle.jwt")])
            #expect(ok == 0, "\(okErr)")
            // A flipped byte in the header, the payload or the signature.
            try check(flip(parts[0], at: parts[0].count / 2) + "." + parts[1] + "." + parts[2], "header-flipped",
                      expect: ["verify.well-formed", "verify.algorithm-allowed", "verify.key-resolved", "verify.signature"])
            try check(parts[0] + "." + flip(parts[1], at: parts[1].count / 2) + "." + parts[2], "payload-flipped", expect: ["verify.well-formed", "verify.signature"])
            try check(parts[0] + "." + parts[1] + "." + flip(parts[2], at: parts[2].count / 2), "signature-flipped", expect: ["verify.signature"])
            // The payload changed (another name), the signature kept.
            let forged = try Self.pythonSigned(try Self.claims { vc in vc["name"] = "Forged" }, by: issuer, alg: alg, name: "forged-source.jwt")
            let forgedParts = try String(contentsOfFile: forged, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".")
            try check(parts[0] + "." + forgedParts[1] + "." + parts[2], "payload-replaced", expect: ["verify.signature"])
            // alg none, and HS256 with the public key as the HMAC secret (algorithm confusion).
            let payloadFile = issuer.file("attack.payload.json")
            try Self.write(try Self.claims(), to: payloadFile)
            try check(try JOSEOracle.run(["unsecured", payloadFile]).stdoutText, "alg-none", expect: ["verify.algorithm-allowed"])
            let spki = issuer.file("pub.pem")
            #expect(try JOSEOracle.run(["spki", issuer.publicJWK, spki]).status == 0)
            try check(try JOSEOracle.run(["hmac-confusion", payloadFile, spki]).stdoutText, "alg-hs256-public-key", expect: ["verify.algorithm-allowed"])
            // A valid signature by another key, under the issuer's kid.
            let other = try Issuer(type, format: "pkcs8", in: dir.appendingPathComponent("other"))
            let byOther = try Self.pythonSigned(try Self.claims(), by: other, alg: alg, name: "by-other.jwt")
            try check(try String(contentsOfFile: byOther, encoding: .utf8), "signed-by-another-key", expect: ["verify.signature"])
            // … or with that other key in the header: a valid signature, but not the issuer's key.
            let embedded = try Self.pythonSigned(try Self.claims(), by: other, alg: alg, name: "header-jwk.jwt", extra: ["--jwk", "--typ", "JWT"])
            try check(try String(contentsOfFile: embedded, encoding: .utf8), "header-jwk-of-another-key", expect: ["verify.key-bound"])
            // Expired: valid until 2020, checked at 2027.
            let expired = try Self.pythonSigned(try Self.claims { vc in
                vc["validFrom"] = "2019-01-01T00:00:00Z"
                vc["validUntil"] = "2020-01-01T00:00:00Z"
            }, by: issuer, alg: alg, name: "expired.jwt")
            try check(try String(contentsOfFile: expired, encoding: .utf8), "expired", expect: ["verify.in-date"])
            // The claims say otherwise than the credential.
            let lying = try Self.pythonSigned(try Self.claims(claims: ["iss": "https://attacker.example/"]), by: issuer, alg: alg, name: "iss.jwt")
            try check(try String(contentsOfFile: lying, encoding: .utf8), "iss-not-issuer", expect: ["verify.claims-consistent", "verify.key-bound"])
        }
    }

    @Test func statusListsBuiltByPythonRevoke() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let issuer = try Issuer("ed25519", in: dir)
        let listId = "https://www.tu-example.eu/status/1"
        for (kind, entryType) in [("bitstring", "BitstringStatusListEntry"), ("statuslist2021", "StatusList2021Entry")] {
            let jwt = try Self.pythonSigned(try Self.claims { vc in
                vc["credentialStatus"] = ["id": listId + "#94567", "type": entryType, "statusPurpose": "revocation",
                                          "statusListIndex": "94567", "statusListCredential": listId]
            }, by: issuer, alg: "EdDSA", name: "\(kind).jwt")
            for (revoked, expected) in [("94567", 1), ("5,94566,94568", 0)] {
                let list = issuer.file("\(kind)-\(revoked).json")
                let made = try JOSEOracle.run(["statuslist", kind, listId, Self.issuer, "131072", revoked])
                try made.stdoutText.write(toFile: list, atomically: true, encoding: .utf8)
                let (status, report, stderr) = try Self.verify(["--key", issuer.profile, "--status", list, "--at", "2027-01-01T00:00:00Z", jwt])
                #expect(status == Int32(expected), "\(kind) revoked \(revoked): \(stderr)")
                #expect(report["status"] as? String == (expected == 1 ? "revoked" : "active"))
                if expected == 1 { #expect(Self.firstFailure(report) == "verify.status") }
            }
            // No list given: verified, status not checked, and said so.
            let (status, report, _) = try Self.verify(["--key", issuer.profile, "--at", "2027-01-01T00:00:00Z", jwt])
            #expect(status == 0)
            #expect(report["status"] as? String == "not-checked")
            // A list of another issuer is not trusted.
            let foreign = issuer.file("\(kind)-foreign.json")
            try (try JOSEOracle.run(["statuslist", kind, listId, "https://attacker.example/", "131072", ""])).stdoutText.write(toFile: foreign, atomically: true, encoding: .utf8)
            let (foreignStatus, foreignReport, _) = try Self.verify(["--key", issuer.profile, "--status", foreign, "--at", "2027-01-01T00:00:00Z", jwt])
            #expect(foreignStatus == 1)
            #expect(Self.firstFailure(foreignReport) == "verify.status")
        }
        // A 1EdTech revocation list.
        let revocable = try Self.pythonSigned(try Self.claims { vc in
            vc["credentialStatus"] = ["id": "https://www.tu-example.eu/revocations", "type": "1EdTechRevocationList"]
        }, by: issuer, alg: "EdDSA", name: "1edtech.jwt")
        let list = issuer.file("1edtech.json")
        try (try JOSEOracle.run(["statuslist", "1edtech", "https://www.tu-example.eu/revocations", Self.issuer, "0", "urn:uuid:6f1b2c1e-0f5d-4a5e-9c7a-2d8e4b7a9c01"])).stdoutText
            .write(toFile: list, atomically: true, encoding: .utf8)
        let (status, report, _) = try Self.verify(["--key", issuer.profile, "--status", list, "--at", "2027-01-01T00:00:00Z", revocable])
        #expect(status == 1)
        #expect(report["status"] as? String == "revoked")
    }

    @Test func keyFilesOfEveryKind() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let rsa = try Issuer("rsa2048", in: dir)
        let jwt = try Self.pythonSigned(try Self.claims(), by: rsa, alg: "RS256")
        let spki = rsa.file("pub.pem"), certificate = rsa.file("cert.pem"), jwks = rsa.file("jwks.json"), did = rsa.file("did.json")
        #expect(try JOSEOracle.run(["spki", rsa.publicJWK, spki]).status == 0)
        #expect(try JOSEOracle.run(["certificate", rsa.privateKey, certificate]).status == 0)
        let jwk = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: rsa.publicJWK))) as? [String: Any])
        try Self.write(["keys": [jwk.merging(["kid": Self.kid]) { $1 }]], to: jwks)
        // A bare key (PEM, certificate) is taken for the kid it was given for, a JWKS key by its kid; the
        // kid is under the issuer's id, so the key is the issuer's.
        for file in [spki, certificate, jwks, rsa.profile] {
            let (status, report, stderr) = try Self.verify(["--key", file, "--at", "2027-01-01T00:00:00Z", jwt])
            #expect(status == 0, "\(file): \(stderr)")
            #expect(report["verified"] as? Bool == true)
        }
        // A did:web DID document with a relative method id.
        let didIssuer = "did:web:www.tu-example.eu"
        try Self.write(["id": didIssuer, "verificationMethod": [["id": "#key-1", "type": "JsonWebKey", "controller": didIssuer, "publicKeyJwk": jwk]], "assertionMethod": ["#key-1"]], to: did)
        let didSigned = try Self.pythonSigned(try Self.claims({ vc in vc["issuer"] = ["id": didIssuer, "type": ["Profile"], "name": "TU"] }, claims: ["iss": didIssuer]),
                                              by: rsa, alg: "RS256", name: "did.jwt", extra: ["--kid", didIssuer + "#key-1", "--typ", "JWT"])
        let (status, report, stderr) = try Self.verify(["--key", did, "--at", "2027-01-01T00:00:00Z", didSigned])
        #expect(status == 0, "\(stderr)")
        #expect((report["key"] as? [String: Any])?["id"] as? String == didIssuer + "#key-1")
        // An RSA key under 2048 bits is refused, from a file or from the header.
        let weak = try Issuer("rsa1024", in: dir)
        let weakSigned = try Self.pythonSigned(try Self.claims(), by: weak, alg: "RS256", name: "weak.jwt")
        let fromFile = try ProcessRunner.credconv(["verify", "--key", weak.publicJWK, weakSigned])
        #expect(fromFile.status == 65)
        #expect(fromFile.stderr.contains("under 2048 bits"))
        let embedded = try Self.pythonSigned(try Self.claims(), by: weak, alg: "RS256", name: "weak-header.jwt", extra: ["--jwk"])
        let (embeddedStatus, embeddedReport, _) = try Self.verify(["--at", "2027-01-01T00:00:00Z", embedded])
        #expect(embeddedStatus == 1)
        #expect(Self.firstFailure(embeddedReport) == "verify.key-resolved")
    }

    @Test func signingKeysInEveryFormatAndOB2SignedAssertions() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let rsa = try Issuer("rsa2048", format: "pkcs1", in: dir)
        let keyURL = "https://www.tu-example.eu/keys/ob2-key.json"
        let signed = try ProcessRunner.credconv(["-t", "ob2", "--sign-key", rsa.privateKey, "--kid", keyURL, Self.sample.path])
        #expect(signed.status == 0, "\(signed.stderr)")
        let jws = rsa.file("ob2.jws")
        try Data(signed.stdout).write(to: URL(fileURLWithPath: jws))
        let checked = try JOSEOracle.run(["verify", jws, rsa.publicJWK, "RS256"])
        #expect(checked.status == 0, "\(checked.stderr)")
        let assertion = try #require(try JSONSerialization.jsonObject(with: Data(checked.stdout)) as? [String: Any])
        let verification = try #require(assertion["verification"] as? [String: Any])
        #expect(verification["type"] as? String == "SignedBadge")
        #expect(verification["creator"] as? String == keyURL)
        // The issuer's CryptographicKey (owner: the issuer) verifies it.
        let pem = rsa.file("pub.pem")
        #expect(try JOSEOracle.run(["spki", rsa.publicJWK, pem]).status == 0)
        let cryptographicKey = rsa.file("ob2-key.json")
        try Self.write(["@context": "https://w3id.org/openbadges/v2", "id": keyURL, "type": "CryptographicKey", "owner": Self.issuer,
                        "publicKeyPem": try String(contentsOfFile: pem, encoding: .utf8)], to: cryptographicKey)
        let (status, report, stderr) = try Self.verify(["--key", cryptographicKey, "--at", "2027-01-01T00:00:00Z", jws])
        #expect(status == 0, "\(stderr)")
        #expect(report["proof"] as? String == "Open Badges 2.0 signed assertion RS256")
        // A key owned by someone else is not the issuer's.
        let foreignKey = rsa.file("foreign-key.json")
        try Self.write(["id": keyURL, "type": "CryptographicKey", "owner": "https://attacker.example/", "publicKeyPem": try String(contentsOfFile: pem, encoding: .utf8)], to: foreignKey)
        let (foreignStatus, foreignReport, _) = try Self.verify(["--key", foreignKey, "--at", "2027-01-01T00:00:00Z", jws])
        #expect(foreignStatus == 1)
        #expect(Self.firstFailure(foreignReport) == "verify.key-bound")
        // A revoked one, per the issuer's RevocationList.
        let list = rsa.file("revocations.json")
        try (try JOSEOracle.run(["statuslist", "ob2", "https://www.tu-example.eu/revocations.json", Self.issuer, "0", "urn:uuid:6f1b2c1e-0f5d-4a5e-9c7a-2d8e4b7a9c01"])).stdoutText
            .write(toFile: list, atomically: true, encoding: .utf8)
        let (revoked, revokedReport, _) = try Self.verify(["--key", cryptographicKey, "--status", list, "--at", "2027-01-01T00:00:00Z", jws])
        #expect(revoked == 1)
        #expect(Self.firstFailure(revokedReport) == "verify.status")
        // OB 2.0 needs the key's URL.
        #expect(try ProcessRunner.credconv(["-t", "ob2", "--sign-key", rsa.privateKey, Self.sample.path]).status == 64)
    }

    @Test func convertVerifyRefusesTamperedAndRecordsTheKey() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let issuer = try Issuer("p256", in: dir)
        let jwt = try Self.pythonSigned(try Self.claims(), by: issuer, alg: "ES256")
        let good = try ProcessRunner.credconv(["-t", "model", "--verify", "--key", issuer.profile, "--at", "2027-01-01T00:00:00Z", jwt])
        #expect(good.status == 0, "\(good.stderr)")
        let model = try #require(try JSONSerialization.jsonObject(with: Data(good.stdout)) as? [String: Any])
        let signature = try #require((model["provenance"] as? [String: Any])?["signature"] as? [String: Any])
        #expect(signature["verified"] as? Bool == true)
        #expect((signature["verification"] as? String)?.contains(Self.kid) == true)
        // The model read back is not verified any more.
        let back = try ProcessRunner.credconv(["-t", "model", "-"], stdin: good.stdout)
        #expect(back.stdoutText.contains("\"verified\": false"))
        // The certificate says it was verified.
        let html = try ProcessRunner.credconv(["-t", "html", "--verify", "--key", issuer.profile, "--at", "2027-01-01T00:00:00Z", jwt])
        #expect(html.stdoutText.contains("signature verified by credconv before conversion"))
        // Tampered: exit 1, nothing written.
        let text = try String(contentsOfFile: jwt, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        var chars = Array(text)
        chars[chars.count - 10] = chars[chars.count - 10] == "A" ? "B" : "A"
        let tampered = issuer.file("tampered.jwt")
        try String(chars).write(toFile: tampered, atomically: true, encoding: .utf8)
        let bad = try ProcessRunner.credconv(["-t", "elm-xml", "--verify", "--key", issuer.profile, "--at", "2027-01-01T00:00:00Z", tampered])
        #expect(bad.status == 1)
        #expect(bad.stdout.isEmpty)
        #expect(bad.stderr.contains("verify.signature"))
        // A batch: what verifies is converted, what does not is reported and skipped (exit 1).
        let lines = [text, String(chars), text].joined(separator: "\n") + "\n"
        let batch = try ProcessRunner.credconv(["--jsonl", "-t", "ob3", "--verify", "--key", issuer.profile, "--at", "2027-01-01T00:00:00Z"], stdin: Array(lines.utf8))
        #expect(batch.status == 1, "\(batch.stderr)")
        #expect(batch.stdoutText.split(separator: "\n").count == 2)
        #expect(batch.stderr.contains("record 2 (line 2): not verified"))
        // verify --jsonl: one verdict per record, in order.
        let verdicts = try ProcessRunner.credconv(["verify", "--jsonl", "--report", "json", "--key", issuer.profile, "--at", "2027-01-01T00:00:00Z"], stdin: Array(lines.utf8))
        #expect(verdicts.status == 1)
        let reports = verdicts.stdoutText.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(reports.map { $0["verified"] as? Bool } == [true, false, true])
        #expect(reports.map { $0["record"] as? Int } == [1, 2, 3])
        // sign --jsonl: one signed credential per line, each of which verifies.
        let sample = try String(contentsOf: Self.sample, encoding: .utf8).replacingOccurrences(of: "\n", with: "")
        let signedLines = try ProcessRunner.credconv(["sign", "--jsonl", "--key", issuer.privateKey, "--kid", Self.kid], stdin: Array(([sample, sample].joined(separator: "\n") + "\n").utf8))
        #expect(signedLines.status == 0, "\(signedLines.stderr)")
        #expect(signedLines.stdoutText.split(separator: "\n").count == 2)
        let reverified = try ProcessRunner.credconv(["verify", "--jsonl", "--key", issuer.profile, "--at", "2027-01-01T00:00:00Z"], stdin: signedLines.stdout)
        #expect(reverified.status == 0, "\(reverified.stdoutText)")
        #expect(reverified.stdoutText.split(separator: "\n").allSatisfy { $0.contains(": verified") })
        // Without --verify the same input converts, marked not verified.
        let plain = try ProcessRunner.credconv(["-t", "model", tampered])
        #expect(plain.status == 0)
        #expect(plain.stdoutText.contains("\"verified\": false"))
    }

    @Test func aSignedBadgeBakedInAnImageVerifies() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let issuer = try Issuer("ed25519", in: dir)
        let jwt = try Self.pythonSigned(try Self.claims(), by: issuer, alg: "EdDSA")
        let blank = issuer.file("blank.png")
        try Data(PNGWriter.grayscale([[0, 255], [255, 0]])).write(to: URL(fileURLWithPath: blank))
        let baked = try ProcessRunner.credconv(["bake", "--image", blank, jwt])
        #expect(baked.status == 0, "\(baked.stderr)")
        let png = issuer.file("baked.png")
        try Data(baked.stdout).write(to: URL(fileURLWithPath: png))
        let (status, report, stderr) = try Self.verify(["--key", issuer.profile, "--at", "2027-01-01T00:00:00Z", png])
        #expect(status == 0, "\(stderr)")
        let first = ((report["checks"] as? [[String: Any]]) ?? []).first
        #expect((first?["detail"] as? String)?.contains("baked in the PNG image") == true)
    }

    @Test func noKeyMaterialInAnyOutput() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var outputs: [String] = []
        var secrets: [String] = []
        for type in ["ed25519", "p256", "rsa"] {
            let file = dir.appendingPathComponent("\(type).pem").path
            let generated = try ProcessRunner.credconv(["keys", "generate", "--type", type, "-o", file] + (type == "rsa" ? [] : ["--did-key"]))
            #expect(generated.status == 0, "\(generated.stderr)")
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            let pem = try String(contentsOfFile: file, encoding: .utf8)
            #expect(pem.hasPrefix("-----BEGIN PRIVATE KEY-----"))
            // The PEM body in 16-character pieces: none of them may appear anywhere.
            let body = Array(pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined())
            secrets += stride(from: 0, to: body.count - 16, by: 16).map { String(body[$0..<($0 + 16)]) }
            outputs += [generated.stdoutText, generated.stderr]
            #expect(try ProcessRunner.credconv(["keys", "generate", "--type", type, "-o", file]).status == 73)  // never over a key
            let signed = try ProcessRunner.credconv(["sign", "--key", file, Self.sample.path])
            #expect(signed.status == 0, "\(signed.stderr)")
            outputs += [signed.stdoutText, signed.stderr]
            let jwt = dir.appendingPathComponent("\(type).jwt").path
            try Data(signed.stdout).write(to: URL(fileURLWithPath: jwt))
            for args in [["verify", "--report", "json", jwt], ["verify", "--key", file, jwt], ["-t", "model", "--verify", "--key", file, jwt],
                         ["verify", "--key", file, "--report", "json", Self.sample.path], ["sign", "--key", file, "--alg", "HS256", Self.sample.path]] {
                let r = try ProcessRunner.credconv(args)
                outputs += [r.stdoutText, r.stderr]
            }
            // A broken private key file: the error names the file, never its content.
            let broken = dir.appendingPathComponent("\(type)-broken.pem").path
            try String(pem.dropLast(40)).write(toFile: broken, atomically: true, encoding: .utf8)
            let refused = try ProcessRunner.credconv(["sign", "--key", broken, Self.sample.path])
            #expect(refused.status == 65)
            outputs += [refused.stdoutText, refused.stderr]
        }
        // A private JWK as the signing key.
        let issuer = try Issuer("p384", format: "jwk", in: dir)
        let jwk = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: issuer.privateKey))) as? [String: Any])
        secrets.append(try #require(jwk["d"] as? String))
        for args in [["sign", "--key", issuer.privateKey, Self.sample.path], ["verify", "--key", issuer.privateKey, Self.sample.path],
                     ["-t", "ob3-jwt", "--sign-key", issuer.privateKey, "--report", "json", Self.sample.path]] {
            let r = try ProcessRunner.credconv(args)
            outputs += [r.stdoutText, r.stderr]
        }
        for secret in secrets {
            #expect(!outputs.contains { $0.contains(secret) }, "a private key piece appears in an output")
        }
        #expect(outputs.count > 30)
    }

    @Test func theOfficialVectors() throws {
        try #require(TestPaths.referenceAvailable, "../shared/reference is absent")
        let examples = TestPaths.reference("openbadges/ob2/examples")
        func path(_ name: String) -> String { examples.appendingPathComponent(name).path }
        // The 1EdTech validator's OB 2.0 signed assertion with its key, badge class and issuer.
        let (status, report, stderr) = try Self.verify([
            "--key", path("validator-assets-key1.json"), "--with", path("validator-assets-robotics-badge.json"),
            "--with", path("validator-assets-organization.json"), path("validator-simple.jwt")])
        #expect(status == 0, "\(stderr)")
        #expect((report["key"] as? [String: Any])?["id"] as? String == "http://example.org/key1.json")
        #expect(report["issuer"] as? String == "https://example.org/organization.json")
        // … against the validator's revocation list, which does not list it.
        let (listed, listedReport, _) = try Self.verify([
            "--key", path("validator-assets-key1.json"), "--with", path("validator-assets-robotics-badge.json"),
            "--status", path("validator-assets-revocation-list.json"), path("validator-simple.jwt")])
        #expect(listed == 0)
        #expect(listedReport["status"] as? String == "active")
        // The validator's baked badge holds a hosted assertion: verified by fetching it, which credconv
        // never does — said, not claimed.
        let (png, pngReport, pngErr) = try Self.verify([
            "--key", path("validator-assets-key1.json"), "--with", path("validator-assets-robotics-badge.json"),
            "--with", path("validator-assets-organization.json"), path("validator-simple-badge.png")])
        #expect(png == 1, "\(pngErr)")
        #expect(Self.firstFailure(pngReport) == "verify.proof-present")
        #expect(pngReport["proof"] as? String == "hosted assertion")
        // The spec's own key (spec-08) is abbreviated in the specification ("MIIBG0BA...OClDQAB"), so it
        // cannot verify the spec's signed assertion (spec-04): credconv says the key file is unusable.
        let spec = try ProcessRunner.credconv(["verify", "--key", path("spec-08-cryptographickey.json"), path("spec-04-signed-assertion-jws.txt")])
        #expect(spec.status == 65)
        #expect(spec.stderr.contains("data.invalid-key"))
        // Without a key, spec-04 (a JWS printed over three lines) is read and its key asked for.
        let specNoKey = try ProcessRunner.credconv(["verify", path("spec-04-signed-assertion-jws.txt")])
        #expect(specNoKey.status == 1)
        // The OB 3.0 validator's VC-JWT names no key (no kid, no jwk), and its key is not published with
        // the vectors: a clear verdict.
        let (s, r, _) = try Self.verify([TestPaths.reference("openbadges/ob3/examples/validator/simple.jwt").path])
        #expect(s == 1)
        #expect(Self.firstFailure(r) == "verify.key-resolved")
        // The JWTs baked into its PNG and SVG carry their key in the header: the signature verifies, but
        // nothing ties that key to the issuer.
        for name in ["simple-jwt.png", "simple-jwt.svg"] {
            let (s, r, _) = try Self.verify([TestPaths.reference("openbadges/ob3/examples/validator/\(name)").path])
            #expect(s == 1, "\(name)")
            let checks = (r["checks"] as? [[String: Any]]) ?? []
            #expect(checks.first { $0["code"] as? String == "verify.signature" }?["ok"] as? Bool == true, "\(name)")
            #expect(Self.firstFailure(r) == "verify.key-bound", "\(name)")
        }
        // The validator's CLR 2.0 VC-JWT carries its key in the header: its signature verifies; the key is
        // the issuer's only when someone vouches for it (here: that very key given with --key).
        let clr = TestPaths.reference("openbadges/clr2/examples/validator-simple.jwt").path
        let (clrStatus, clrReport, _) = try Self.verify([clr])
        #expect(clrStatus == 1)
        #expect(Self.firstFailure(clrReport) == "verify.key-bound")
        let header = try #require(try String(contentsOfFile: clr, encoding: .utf8).split(separator: ".").first)
        var b64 = header.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while b64.count % 4 != 0 { b64 += "=" }
        let headerBytes = try #require(Data(base64Encoded: b64))
        let headerObject = try JSONSerialization.jsonObject(with: headerBytes) as? [String: Any]
        let jwk = try #require(headerObject?["jwk"])
        let jwkFile = FileManager.default.temporaryDirectory.appendingPathComponent("credconv-clr-\(UUID().uuidString).jwk").path
        defer { try? FileManager.default.removeItem(atPath: jwkFile) }
        try Self.write(jwk, to: jwkFile)
        let (vouched, _, vouchedErr) = try Self.verify(["--key", jwkFile, clr])
        #expect(vouched == 0, "\(vouchedErr)")
        // Its embedded eddsa-rdfc-2022 proofs: OB3ValidatorVectorTests.
    }

}

/// Running scripts/jose-oracle.py.
enum JOSEOracle {
    static let script = TestPaths.repository("scripts/jose-oracle.py").path
    static let available: Bool = Oracle.available("joserfc") && Oracle.available("cryptography")

    static func run(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script] + arguments)
    }
}
