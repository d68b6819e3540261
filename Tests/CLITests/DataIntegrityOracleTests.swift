import CredconvTestSupport
import Foundation
import Testing

/// Embedded Data Integrity proofs against an independent oracle: python `cryptography`, and PyLD's
/// URDNA2015 for the RDFC suites (scripts/di-oracle.py), verifies what credconv signs and signs what
/// credconv verifies.
@Suite("Data Integrity: credconv sign and verify against python cryptography", .enabled(if: JOSEOracle.available, "python cryptography is missing: skipped"))
struct DataIntegrityOracleTests {
    static let script = TestPaths.repository("scripts/di-oracle.py").path
    static func oracle(_ args: [String]) throws -> ProcessResult {
        try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script] + args)
    }

    @Test(arguments: [
        ("ed25519", "eddsa-jcs-2022"), ("p256", "ecdsa-jcs-2019"), ("p384", "ecdsa-jcs-2019"),
        ("ed25519", "eddsa-rdfc-2022"), ("p256", "ecdsa-rdfc-2019"),
    ])
    func bothWays(_ type: String, _ suite: String) throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let key = dir.appendingPathComponent("key.pem").path
        let pub = dir.appendingPathComponent("pub.pem").path
        let generated = try ProcessRunner.credconv(["keys", "generate", "--type", type, "--did-key", "-o", key])
        #expect(generated.status == 0, "\(generated.stderr)")
        // The key's did:key as the issuer, so that the proof binds offline.
        let did = try #require(generated.stderr.split(separator: " ").first { $0.hasPrefix("did:key:") }.map(String.init))
        let merge = dir.appendingPathComponent("issuer.json").path
        try "{\"issuer\": {\"id\": \"\(did)\"}}".write(toFile: merge, atomically: true, encoding: .utf8)
        let signed = try ProcessRunner.credconv(["-t", "ob3", "--sign-key", key, "--suite", suite, "--merge", merge, TestPaths.repository("samples/ob3-microcredential.json").path])
        #expect(signed.status == 0, "\(signed.stderr)")
        let signedFile = dir.appendingPathComponent("signed.json").path
        try Data(signed.stdout).write(to: URL(fileURLWithPath: signedFile))
        // python verifies credconv's proof, with the public key as SubjectPublicKeyInfo PEM.
        let spki = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c",
            "import sys; from cryptography.hazmat.primitives import serialization as s; k=s.load_pem_private_key(open(sys.argv[1],'rb').read(),None); open(sys.argv[2],'wb').write(k.public_key().public_bytes(s.Encoding.PEM, s.PublicFormat.SubjectPublicKeyInfo))", key, pub])
        #expect(spki.status == 0, "\(spki.stderr)")
        let checked = try Self.oracle(["verify", signedFile, pub])
        #expect(checked.status == 0, "python does not verify credconv's \(suite): \(checked.stderr)")
        // credconv verifies it, and a changed copy fails on the signature.
        let verified = try ProcessRunner.credconv(["verify", signedFile])
        #expect(verified.status == 0, "\(verified.stdoutText)\(verified.stderr)")
        let changed = dir.appendingPathComponent("changed.json").path
        try signed.stdoutText.replacingOccurrences(of: "Data Literacy", with: "Data Forgery").write(toFile: changed, atomically: true, encoding: .utf8)
        let refused = try ProcessRunner.credconv(["verify", changed])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("verify.signature"))
        // python signs the unsigned credential; credconv verifies that.
        let unsigned = dir.appendingPathComponent("unsigned.json").path
        let plain = try ProcessRunner.credconv(["-t", "ob3", "--merge", merge, TestPaths.repository("samples/ob3-microcredential.json").path])
        try Data(plain.stdout).write(to: URL(fileURLWithPath: unsigned))
        let method = did + "#" + did.dropFirst("did:key:".count)
        let pythonSigned = try Self.oracle(["sign", suite, key, method, unsigned])
        #expect(pythonSigned.status == 0, "\(pythonSigned.stderr)")
        let pythonFile = dir.appendingPathComponent("python.json").path
        try Data(pythonSigned.stdout).write(to: URL(fileURLWithPath: pythonFile))
        let theirs = try ProcessRunner.credconv(["verify", "--report", "json", pythonFile])
        #expect(theirs.status == 0, "\(theirs.stdoutText)\(theirs.stderr)")
    }

    @Test func theW3CVectorsVerifyOnceTheKeyIsTheIssuers() throws {
        try #require(TestPaths.referenceAvailable)
        let signed = TestPaths.reference("w3c-tests/vc-di-eddsa/TestVectors/eddsa-jcs-2022/signedJCS.json").path
        // Signature good, but the did:key is not the issuer's (https://vc.example/issuers/5678) …
        let alone = try ProcessRunner.credconv(["verify", signed])
        #expect(alone.status == 1)
        #expect(alone.stderr.contains("verify.key-bound"))
        #expect(alone.stdoutText.contains("ok    verify.signature"))
        // … until the issuer's profile lists it.
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let profile = dir.appendingPathComponent("issuer.json").path
        try """
            {"id": "https://vc.example/issuers/5678", "type": ["Profile"],
             "verificationMethod": [{"id": "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
               "type": "Multikey", "controller": "https://vc.example/issuers/5678", "publicKeyMultibase": "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"}]}
            """.write(toFile: profile, atomically: true, encoding: .utf8)
        let bound = try ProcessRunner.credconv(["verify", "--key", profile, signed])
        #expect(bound.status == 0, "\(bound.stdoutText)")
        // The same for the RDFC vector (its examples context served from the reference folder).
        let examples = "https://www.w3.org/ns/credentials/examples/v2=" + TestPaths.reference("openbadges/w3c-vc/credentials-examples-v2-context.jsonld").path
        let rdfcSigned = TestPaths.reference("w3c-tests/vc-di-eddsa/TestVectors/eddsa-rdfc-2022/signedDataInt.json").path
        let rdfcAlone = try ProcessRunner.credconv(["verify", "--context", examples, rdfcSigned])
        #expect(rdfcAlone.status == 1)
        #expect(rdfcAlone.stderr.contains("verify.key-bound"))
        #expect(rdfcAlone.stdoutText.contains("ok    verify.signature"))
        let rdfcBound = try ProcessRunner.credconv(["verify", "--context", examples, "--key", profile, rdfcSigned])
        #expect(rdfcBound.status == 0, "\(rdfcBound.stdoutText)")
        // Without that context, the error names it and the way to give it.
        let missing = try ProcessRunner.credconv(["verify", "--key", profile, rdfcSigned])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("https://www.w3.org/ns/credentials/examples/v2"))
        #expect(missing.stderr.contains("--context"))
    }
}
