import CredconvTestSupport
import Foundation
import Testing

/// The 1EdTech Open Badges 3.0 validator's vectors with Data Integrity proofs
/// (../shared/reference/openbadges/ob3/examples/validator): each verifies given its published test key
/// as a Multikey document with --key; tampered copies do not.
@Suite("Open Badges 3.0: the 1EdTech validator's Data Integrity vectors", .enabled(if: TestPaths.referenceAvailable, "../shared/reference is absent: skipped"))
struct OB3ValidatorVectorTests {
    static let folder = "openbadges/ob3/examples/validator/"

    /// The published test key of the validator's vectors.
    static let testKey = "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi"

    /// A Multikey document for `method`, controlled by `issuer`, with the key `multibase`.
    static func multikey(method: String, issuer: String, multibase: String, in dir: URL) throws -> String {
        let path = dir.appendingPathComponent("key-\(UUID().uuidString).json").path
        try """
            {"@context": "https://w3id.org/security/multikey/v1", "id": "\(method)", "type": "Multikey",
             "controller": "\(issuer)", "publicKeyMultibase": "\(multibase)"}
            """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The vector's Data Integrity proof (the last one: simple-multiple-proofs leads with another type)
    /// and issuer id.
    static func proofAndIssuer(_ name: String) throws -> (method: String, issuer: String, json: [String: Any]) {
        let data = try Data(contentsOf: TestPaths.reference(folder + name))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let proofs = (json["proof"] as? [[String: Any]]) ?? [(json["proof"] as? [String: Any]) ?? [:]]
        let proof = try #require(proofs.last { $0["type"] as? String == "DataIntegrityProof" || $0["type"] as? String == "Ed25519Signature2020" })
        let method = try #require(proof["verificationMethod"] as? String)
        let issuer = (json["issuer"] as? String) ?? ((json["issuer"] as? [String: Any])?["id"] as? String) ?? ""
        return (method, issuer, json)
    }

    /// Vector → the key its proof is made with: the published test key, or the Ed25519 key its
    /// verification method's fragment names.
    static let vectors = [
        "simple.json", "simple-did-key-method.json", "simple-multiple-proofs.json", "simple-eddsa-2022.json",
        "complete.json", "endorsement-valid.json",
    ]

    @Test(arguments: vectors)
    func verifiesWithItsKeyAndNotWhenTampered(_ name: String) throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (method, issuer, json) = try Self.proofAndIssuer(name)
        let multibase = method.hasPrefix("did:key:") ? Self.testKey : String(method.split(separator: "#").last ?? "")
        if name.hasPrefix("simple") { #expect(multibase == Self.testKey, "\(name) is signed with the published test key") }
        let key = try Self.multikey(method: method, issuer: issuer, multibase: multibase, in: dir)
        let vector = TestPaths.reference(Self.folder + name).path
        let verified = try ProcessRunner.credconv(["verify", "--key", key, vector])
        #expect(verified.status == 0, "\(name): \(verified.stdoutText)\(verified.stderr)")
        #expect(verified.stdoutText.contains("ok    verify.signature"), "\(name)")
        // Tampered: the achievement's name changed, or the issuance date; each fails on the signature.
        var renamed = json
        renamed["name"] = "Forged \(json["name"] as? String ?? "")"
        var redated = json
        redated["validFrom"] = "2001-01-01T00:00:00Z"
        for (label, tampered) in [("name", renamed), ("validFrom", redated)] {
            let file = dir.appendingPathComponent("tampered-\(label).json")
            try JSONSerialization.data(withJSONObject: tampered).write(to: file)
            let refused = try ProcessRunner.credconv(["verify", "--key", key, file.path])
            #expect(refused.status == 1, "\(name) with a changed \(label) verified")
            #expect(refused.stderr.contains("verify.signature"), "\(name) (\(label)): \(refused.stderr)")
        }
        // Another Ed25519 key under the same id does not verify it.
        let other = try Self.multikey(method: method, issuer: issuer, multibase: "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2", in: dir)
        let wrongKey = try ProcessRunner.credconv(["verify", "--key", other, vector])
        #expect(wrongKey.status == 1, "\(name)")
    }

    /// The VCDM 1.1 vectors sign with Ed25519Signature2020 under the ed25519-2020 context, which is not in
    /// ../shared/reference: the verdict is "not verified", naming the context and --context.
    @Test(arguments: ["simple_v1.json", "complete_v1.json"])
    func legacyVectorsNameTheContextTheyNeed(_ name: String) throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (method, issuer, _) = try Self.proofAndIssuer(name)
        let key = try Self.multikey(method: method, issuer: issuer, multibase: Self.testKey, in: dir)
        let result = try ProcessRunner.credconv(["verify", "--key", key, TestPaths.reference(Self.folder + name).path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("https://w3id.org/security/suites/ed25519-2020/v1"), "\(result.stderr)")
        #expect(result.stderr.contains("--context"))
    }
}
