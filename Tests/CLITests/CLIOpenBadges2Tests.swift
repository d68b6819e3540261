import CredconvTestSupport
import Foundation
import Testing

/// Open Badges 2.0 in and out, baked images and recipient identities, through the executable.
@Suite("credconv and Open Badges 2.0, baked images, recipients", .enabled(if: TestPaths.referenceAvailable, "../shared/reference is absent: skipped"))
struct CLIOpenBadges2Tests {
    static let examples = "openbadges/ob2/examples"
    static func example(_ name: String) -> String { TestPaths.reference("\(examples)/\(name)").path }
    static var robotics: [String] { ["--with", example("validator-assets-robotics-badge.json"), "--with", example("validator-assets-organization.json")] }

    static func json(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    /// The official fixtures whose assertion, badge class and issuer are all in the folder.
    static let complete: [(assertion: String, linked: [String])] = [
        ("validator-basic-assertion.json", ["validator-assets-robotics-badge.json", "validator-assets-organization.json"]),
        ("validator-assertion-with-data-image.json", ["validator-assets-robotics-badge.json", "validator-assets-organization.json"]),
        ("validator-basic-assertion-with-language.json", ["validator-assets-badgeclass-with-language.json", "validator-assets-organization.json"]),
        ("spec-00-assertion.json", ["validator-assets-robotics-badge.json", "spec-02-issuer-profile.json"]),
        ("spec-06-signed-assertion-payload.json", ["validator-assets-robotics-badge.json", "validator-assets-organization.json"]),
        ("validator-simple.jwt", ["validator-assets-robotics-badge.json", "validator-assets-organization.json"]),
        ("validator-simple-badge.png", ["validator-assets-robotics-badge.json", "validator-assets-organization.json"]),
    ]

    @Test func fixturesGivenTogetherBecomeValidOpenBadges3() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var files: [URL] = []
        for (i, set) in Self.complete.enumerated() {
            let r = try ProcessRunner.credconv(["-t", "ob3", Self.example(set.assertion)] + set.linked.flatMap { ["--with", Self.example($0)] })
            #expect(r.status == 0, "\(set.assertion): \(r.stderr)")
            let file = dir.appendingPathComponent("ob2-\(i).json")
            try Data(r.stdout).write(to: file)
            files.append(file)
        }
        // The same documents as one JSON array.
        let array = "[" + (["validator-basic-assertion.json", "validator-assets-robotics-badge.json", "validator-assets-organization.json"]
            .map { String(decoding: try! Data(contentsOf: URL(fileURLWithPath: Self.example($0))), as: UTF8.self) }).joined(separator: ",") + "]"
        let fromArray = try ProcessRunner.credconv(["-t", "ob3"], stdin: Array(array.utf8))
        #expect(fromArray.status == 0, "\(fromArray.stderr)")
        let fromWith = try ProcessRunner.credconv(["-t", "ob3", Self.example("validator-basic-assertion.json")] + Self.robotics)
        #expect(try Self.json(fromArray.stdout)["credentialSubject"] as? NSDictionary == (try Self.json(fromWith.stdout)["credentialSubject"] as? NSDictionary))
        let failures = try Oracle.openBadges3Failures(files)
        #expect(failures == nil, "\(failures ?? "")")
    }

    @Test func migrationFollowsTheGuide() throws {
        let r = try ProcessRunner.credconv(["-t", "ob3", Self.example("validator-basic-assertion.json")] + Self.robotics)
        let o = try Self.json(r.stdout)
        #expect((o["id"] as? String)?.hasPrefix("urn:uuid:") == true)
        #expect(o["validFrom"] as? String == "2016-12-31T23:59:59Z")
        let evidence = try #require(o["evidence"] as? [[String: Any]])
        let link = try #require(evidence.first { ($0["type"] as? [String])?.contains("https://w3id.org/openbadges#Assertion") == true })
        #expect(link["id"] as? String == "https://example.org/beths-robotics-badge.json")
        let subject = try #require(o["credentialSubject"] as? [String: Any])
        let identity = try #require((subject["identifier"] as? [[String: Any]])?.first)
        #expect(identity["identityType"] as? String == "emailAddress")
        #expect(identity["hashed"] as? Bool == true)
        #expect(identity["salt"] as? String == "deadsea")
        #expect((subject["achievement"] as? [String: Any])?["id"] as? String == "https://example.org/robotics-badge.json")
    }

    @Test func whatCannotBeReadIsRefusedWithItsPlace() throws {
        for name in ["spec-01-badgeclass.json", "spec-03-assertion-embedded-badge-issuer.json", "spec-12-criteria-2.json", "spec-16-evidence-3.json", "spec-23-endorsement-1.json"] {
            let r = try ProcessRunner.credconv(["-t", "ob3", Self.example(name)])
            #expect(r.status == 65, "\(name)")
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.range(of: #"\.json:\d+:\d+: invalid JSON"#, options: .regularExpression) != nil, "\(name): \(r.stderr)")
        }
        let lone = try ProcessRunner.credconv(["-t", "ob3", Self.example("validator-basic-assertion.json")])
        #expect(lone.status == 65)
        #expect(lone.stderr.contains("/badge: the BadgeClass https://example.org/robotics-badge.json is not in the input"))
        let missingIssuer = try ProcessRunner.credconv(["-t", "ob3", "--with", Self.example("validator-assets-robotics-badge.json"), Self.example("validator-basic-assertion.json")])
        #expect(missingIssuer.stderr.contains("the issuer profile https://example.org/organization.json is not in the input"))
        let badgeClassAlone = try ProcessRunner.credconv(["-t", "ob3", Self.example("validator-assets-robotics-badge.json")])
        #expect(badgeClassAlone.status == 65)
        #expect(badgeClassAlone.stderr.contains("not an assertion"))
    }

    /// 2.0 → 3.0 → 2.0 keeps recipient hash and salt, badge, issuer, dates, evidence and alignments.
    @Test func roundTripThroughOpenBadges3() throws {
        let assertion = """
            {"@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": "https://example.org/assertions/1",
             "recipient": {"type": "email", "hashed": true, "salt": "s4lt", "identity": "sha256$0a1b"},
             "issuedOn": "2024-05-01T10:00:00Z", "expires": "2029-05-01T10:00:00Z",
             "evidence": [{"id": "https://example.org/work/1", "narrative": "Built a robot."}], "narrative": "Did it well.",
             "badge": {"type": "BadgeClass", "id": "https://example.org/badges/robotics", "name": "Robotics", "description": "Robots.",
               "image": "https://example.org/badges/robotics.png", "criteria": {"narrative": "Build one."}, "tags": ["robots"],
               "alignment": [{"targetName": "Engineering", "targetUrl": "https://example.org/frameworks/eng", "targetCode": "ENG-1", "targetFramework": "Eng"}],
               "issuer": {"type": "Profile", "id": "https://example.org/issuer", "name": "Example Org", "url": "https://example.org", "email": "badges@example.org"}},
             "verification": {"type": "hosted"}}
            """
        let ob3 = try ProcessRunner.credconv(["-t", "ob3"], stdin: Array(assertion.utf8))
        #expect(ob3.status == 0, "\(ob3.stderr)")
        let back = try ProcessRunner.credconv(["-t", "ob2"], stdin: ob3.stdout)
        #expect(back.status == 0, "\(back.stderr)")
        let original = try Self.json(Array(assertion.utf8)) as NSDictionary
        let again = try Self.json(back.stdout) as NSDictionary
        for key in ["id", "recipient", "issuedOn", "expires", "evidence", "narrative", "badge", "verification"] {
            #expect(again[key] as? NSObject == original[key] as? NSObject, "\(key): \(String(describing: again[key]))")
        }
    }

    @Test func openBadges11DocumentsAreRead() throws {
        let documents = """
            [{"@context":"https://w3id.org/openbadges/v1","type":"Assertion","id":"https://example.org/a","uid":"abc","recipient":{"type":"email","hashed":true,"salt":"x","identity":"sha256$abcd"},"badge":"https://example.org/badge","verify":{"type":"hosted","url":"https://example.org/a"},"issuedOn":1450000000},
             {"@context":"https://w3id.org/openbadges/v1","type":"BadgeClass","id":"https://example.org/badge","name":"Old badge","description":"From 2015.","image":"https://example.org/b.png","criteria":"https://example.org/criteria","issuer":"https://example.org/issuer"},
             {"@context":"https://w3id.org/openbadges/v1","type":"Issuer","id":"https://example.org/issuer","name":"Old issuer","url":"https://example.org"}]
            """
        let detect = try ProcessRunner.credconv(["detect"], stdin: Array(documents.utf8))
        #expect(detect.stdoutText.contains("Open Badges 1.1"))
        let r = try ProcessRunner.credconv(["-t", "ob3"], stdin: Array(documents.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("the Unix time 1450000000 is read as 2015-12-13T09:46:40Z"))
        #expect(r.stderr.contains("lost: /0/uid"))
        let o = try Self.json(r.stdout)
        #expect(o["validFrom"] as? String == "2015-12-13T09:46:40Z")
        #expect((o["issuer"] as? [String: Any])?["name"] as? String == "Old issuer")
    }

    @Test func everyOfficialBakedVectorUnbakes() throws {
        for path in ["openbadges/ob3/examples/validator/simple-json.png", "openbadges/ob3/examples/validator/simple-jwt.png",
                     "openbadges/ob3/examples/validator/simple-json.svg", "openbadges/ob3/examples/validator/simple-jwt.svg"] {
            let detect = try ProcessRunner.credconv(["detect", TestPaths.reference(path).path])
            #expect(detect.stdoutText.hasPrefix(path.hasSuffix("png") ? "png" : "svg"))
            let r = try ProcessRunner.credconv(["-t", "model", "--compact", TestPaths.reference(path).path])
            #expect(r.status == 0, "\(path): \(r.stderr)")
            #expect(r.stdoutText.contains("Teamwork Badge"))
            #expect(r.stderr.contains("baked into the image"))
        }
        let ob2 = try ProcessRunner.credconv(["-t", "model", "--compact", Self.example("validator-simple-badge.png")] + Self.robotics)
        #expect(ob2.status == 0, "\(ob2.stderr)")
        #expect(ob2.stdoutText.contains("Awesome Robotics Badge"))
    }

    @Test(.enabled(if: Oracle.available("openbadges_bakery"), "python openbadges-bakery is missing: skipped"))
    func bakeAndUnbakeAgreeWithOpenBadgesBakery() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let png = TestPaths.repository("samples/ob3-microcredential.certificate.png").path
        let svg = dir.appendingPathComponent("plain.svg")
        try Data(#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><circle cx="5" cy="5" r="4"/></svg>"#.utf8).write(to: svg)
        let assertion = Self.example("validator-basic-assertion.json")
        let assertionText = String(decoding: try Data(contentsOf: URL(fileURLWithPath: assertion)), as: UTF8.self)
        // credconv bakes, the bakery unbakes.
        for image in [png, svg.path] {
            let baked = try ProcessRunner.credconv(["bake", "-t", "ob2", "--image", image, assertion])
            #expect(baked.status == 0, "\(baked.stderr)")
            let file = dir.appendingPathComponent("baked." + (image.hasSuffix("png") ? "png" : "svg"))
            try Data(baked.stdout).write(to: file)
            let unbaked = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c",
                "import sys, openbadges_bakery as b; sys.stdout.write(b.unbake(open(sys.argv[1], 'rb')))", file.path])
            #expect(unbaked.status == 0, "\(unbaked.stderr)")
            // The bakery gives the hosted URL for SVGs (the verify attribute), the JSON for PNGs.
            let expected = image.hasSuffix("png") ? assertionText.trimmingCharacters(in: .whitespacesAndNewlines) : "https://example.org/beths-robotics-badge.json"
            #expect(unbaked.stdoutText == expected)
        }
        // The bakery bakes, credconv unbakes.
        for image in [png, svg.path] {
            let file = dir.appendingPathComponent("bakery." + (image.hasSuffix("png") ? "png" : "svg"))
            let r = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c",
                "import sys, openbadges_bakery as b; open(sys.argv[3], 'wb').write(b.bake(open(sys.argv[1], 'rb'), open(sys.argv[2]).read()).read())",
                image, assertion, file.path])
            #expect(r.status == 0, "\(r.stderr)")
            let read = try ProcessRunner.credconv(["-t", "ob2", file.path] + Self.robotics)
            #expect(read.status == 0, "\(read.stderr)")
            #expect(try Self.json(read.stdout)["id"] as? String == "https://example.org/beths-robotics-badge.json")
        }
    }

    /// Without -t an OB 2.0 assertion is baked as itself, under keyword `openbadges` (the bakery reads it
    /// back unchanged); an error about the image names the image's path.
    @Test(.enabled(if: Oracle.available("openbadges_bakery"), "python openbadges-bakery is missing: skipped"))
    func bakeWithoutATargetKeepsTheCredentialsOwnFormat() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let png = TestPaths.repository("samples/ob3-microcredential.certificate.png").path
        let assertion = Self.example("validator-basic-assertion.json")
        let assertionText = String(decoding: try Data(contentsOf: URL(fileURLWithPath: assertion)), as: UTF8.self)
        let baked = try ProcessRunner.credconv(["bake", "--image", png, assertion])
        #expect(baked.status == 0, "\(baked.stderr)")
        let file = dir.appendingPathComponent("baked.png")
        try Data(baked.stdout).write(to: file)
        let unbaked = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c",
            "import sys, openbadges_bakery as b; sys.stdout.write(b.unbake(open(sys.argv[1], 'rb')))", file.path])
        #expect(unbaked.stdoutText == assertionText.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(String(decoding: baked.stdout.prefix(4096), as: UTF8.self).contains("openbadges\0"))
        // A broken image: the error names the image, not the credential.
        let broken = dir.appendingPathComponent("broken-badge.png")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]).write(to: broken)
        let bad = try ProcessRunner.credconv(["bake", "--image", broken.path, assertion])
        #expect(bad.status == 65)
        #expect(bad.stderr.hasPrefix("credconv: error: \(broken.path):"), "\(bad.stderr)")
        #expect(!bad.stderr.contains("validator-basic-assertion"))
        // Without -t an OB 3.0 credential is baked as OB 3.0; -t ob2 converts it first.
        let ob3 = TestPaths.repository("samples/ob3-microcredential.json").path
        let asItself = try ProcessRunner.credconv(["bake", "--image", png, ob3])
        #expect(asItself.status == 0 && String(decoding: asItself.stdout.prefix(65536), as: UTF8.self).contains("openbadgecredential\0"))
        let converted = try ProcessRunner.credconv(["bake", "-t", "ob2", "--image", png, ob3])
        #expect(converted.status == 0, "\(converted.stderr)")
        #expect(String(decoding: converted.stdout.prefix(65536), as: UTF8.self).contains("openbadges\0"))
    }

    @Test func aSignedCredentialIsBakedUnchanged() throws {
        let jwt = TestPaths.reference("openbadges/ob3/examples/validator/simple.jwt").path
        let baked = try ProcessRunner.credconv(["bake", "--image", TestPaths.repository("samples/ob3-microcredential.certificate.png").path, jwt])
        #expect(baked.status == 0, "\(baked.stderr)")
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("baked.png")
        try Data(baked.stdout).write(to: file)
        let detect = try ProcessRunner.credconv(["-t", "model", file.path])
        #expect(detect.stderr.contains("VC-JWT"))
        let notAnImage = try ProcessRunner.credconv(["bake", "--image", jwt, jwt])
        #expect(notAnImage.status == 64)
        #expect(notAnImage.stdout.isEmpty)
    }

    @Test func recipientCheckForHashedAndPlainIdentities() throws {
        let plain = #"{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"urn:uuid:1","recipient":{"type":"email","hashed":false,"identity":"Ana@Example.org"},"issuedOn":"2020-01-01T00:00:00Z","badge":{"id":"urn:uuid:2","type":"BadgeClass","name":"B","description":"d","criteria":{"narrative":"n"},"issuer":{"id":"https://e.org/i","type":"Profile","name":"I"}}}"#
        #expect(try ProcessRunner.credconv(["recipient", "--check", "ana@example.org"], stdin: Array(plain.utf8)).status == 0)
        #expect(try ProcessRunner.credconv(["recipient", "--check", "bob@example.org"], stdin: Array(plain.utf8)).status == 1)
        let hashed = try ProcessRunner.credconv(["-t", "ob3", "--hash-recipient", "--salt", "pepper"], stdin: Array(plain.utf8))
        #expect(!hashed.stdoutText.contains("Ana@Example.org"))
        #expect(hashed.stdoutText.contains("sha256$"))
        #expect(try ProcessRunner.credconv(["recipient", "--check", "ANA@example.org"], stdin: hashed.stdout).status == 0)
        #expect(try ProcessRunner.credconv(["recipient", "--check", "bob@example.org"], stdin: hashed.stdout).status == 1)
        // md5 and upper-case hex, as older issuers wrote them: md5("ana@example.orgs") .
        let md5 = plain.replacingOccurrences(of: #""hashed":false,"identity":"Ana@Example.org""#, with: #""hashed":true,"salt":"s","identity":"md5$\#(Self.md5Upper("ana@example.orgs"))""#)
        #expect(try ProcessRunner.credconv(["recipient", "--check", "ana@example.org"], stdin: Array(md5.utf8)).status == 0)
        #expect(try ProcessRunner.credconv(["recipient", "--check", "x"], stdin: Array("{".utf8)).status == 65)
    }

    static func md5Upper(_ s: String) -> String {
        let r = try! ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import hashlib,sys; print(hashlib.md5(sys.argv[1].encode()).hexdigest().upper(), end='')", s])
        return r.stdoutText
    }

    /// `--hash-recipient` hashes every form of the learner's email — identity, email, a `mailto:` id, a
    /// copy in a kept source member — and no output format carries the plain address (grep decides).
    @Test(arguments: ["ob3", "ob2", "elm", "elm-xml", "html", "model"])
    func hashRecipientLeavesNoPlainAddressAnywhere(_ format: String) throws {
        var text = try String(contentsOf: TestPaths.repository("samples/ob3-microcredential.json"), encoding: .utf8)
        text = text.replacingOccurrences(of: #""id": "did:example:learner-8f3a2b","#, with: #""id": "mailto:Ana.Perez@Example.org", "email": "ana.perez@example.org", "note": "write to ANA.PEREZ@example.org","#)
        #expect(text.contains("mailto:Ana.Perez@Example.org"))
        let r = try ProcessRunner.credconv(["-t", format, "--hash-recipient", "--salt", "pepper", "--page-image", "none"], stdin: Array(text.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdoutText.lowercased().contains("ana.perez@example.org"), "\(format) carries the plain address")
        #expect(r.stdoutText.contains("sha256$") || format == "elm" || format == "elm-xml", "\(format)")
        if ["ob3", "ob2", "model"].contains(format) {
            #expect(try ProcessRunner.credconv(["recipient", "--check", "Ana.Perez@example.org"], stdin: r.stdout).status == 0)
        }
    }
}

