import CredconvJSON
import CredconvTestSupport
import DataIntegrity
import Foundation
import JOSE
import Testing

/// The W3C Data Integrity test vectors for the JCS cryptosuites (vc-di-eddsa, vc-di-ecdsa): every
/// intermediate value byte for byte, the deterministic Ed25519 signature equal, the ECDSA ones verifying.
@Suite("Data Integrity: eddsa-jcs-2022 and ecdsa-jcs-2019 against the W3C vectors", .enabled(if: TestPaths.referenceAvailable, "../shared/reference is absent: skipped"))
struct JCSVectorTests {
    @Test func eddsaJCS2022MatchesEveryIntermediate() throws {
        let base = "vc-di-eddsa/TestVectors/"
        let unsigned = try VectorFiles.object(base + "unsigned.json")
        let config = try VectorFiles.object(base + "eddsa-jcs-2022/proofConfigJCS.json")
        #expect(String(decoding: try JSONCanonicalization.bytes(.object(unsigned)), as: UTF8.self) == (try VectorFiles.text(base + "eddsa-jcs-2022/canonDocJCS.txt")))
        #expect(String(decoding: try JSONCanonicalization.bytes(.object(config)), as: UTF8.self) == (try VectorFiles.text(base + "eddsa-jcs-2022/proofCanonJCS.txt")))
        let data = try JCSProofs.hashData(document: unsigned, configuration: config, suite: .eddsaJCS2022, keyType: .ed25519)
        #expect(VectorFiles.hex(data) == (try VectorFiles.text(base + "eddsa-jcs-2022/combinedHashJCS.txt")))
        #expect(VectorFiles.hex(Array(data.suffix(32))) == (try VectorFiles.text(base + "eddsa-jcs-2022/docHashJCS.txt")))
        #expect(VectorFiles.hex(Array(data.prefix(32))) == (try VectorFiles.text(base + "eddsa-jcs-2022/proofHashJCS.txt")))
        // Signing with the vectors' key gives the vectors' signature (Ed25519 is deterministic).
        let keyPair = try VectorFiles.object(base + "keyPair.json")
        let privateText = try #require(keyPair["privateKeyMultibase"]?.stringValue)
        let publicText = try #require(keyPair["publicKeyMultibase"]?.stringValue)
        let key = try VectorFiles.ed25519Key(publicMultibase: publicText, privateMultibase: privateText)
        var options = config
        _ = options.remove("@context")
        let signed = try JCSProofs.sign(unsigned, options: options, key: key, suite: .eddsaJCS2022)
        let proof = try #require(signed["proof"]?.objectValue)
        #expect(proof["proofValue"]?.stringValue == (try VectorFiles.text(base + "eddsa-jcs-2022/sigBTC58JCS.txt")))
        #expect(signed == (try VectorFiles.object(base + "eddsa-jcs-2022/signedJCS.json")).reordered(like: signed))
        // The vectors' signed document verifies; a changed one does not.
        let published = try VectorFiles.object(base + "eddsa-jcs-2022/signedJCS.json")
        let method = try #require(proof["verificationMethod"]?.stringValue)
        let publicKey = try DIDKeys.key(fromDIDKey: method)
        try JCSProofs.verify(try #require(DataIntegrityProof.proofs(of: published).first), document: published, key: publicKey)
        var changed = published
        changed.set("name", .string("Forged Credential"))
        #expect(throws: JCSProofs.Failure.self) { try JCSProofs.verify(DataIntegrityProof.proofs(of: changed)[0], document: changed, key: publicKey) }
    }

    @Test(arguments: ["P256", "P384"])
    func ecdsaJCS2019VectorsVerify(_ curve: String) throws {
        let folder = "vc-di-ecdsa/TestVectors/ecdsa-jcs-2019-\(curve.lowercased())/"
        let unsigned = try VectorFiles.object("vc-di-ecdsa/TestVectors/unsigned.json")
        let config = try VectorFiles.object(folder + "proofConfigJCSECDSA\(curve).json")
        let data = try JCSProofs.hashData(document: unsigned, configuration: config, suite: .ecdsaJCS2019, keyType: curve == "P256" ? .p256 : .p384)
        #expect(VectorFiles.hex(data) == (try VectorFiles.text(folder + "combinedHashJCSECDSA\(curve).txt")))
        let signed = try VectorFiles.object(folder + "signedJCSECDSA\(curve).json")
        let proof = try #require(DataIntegrityProof.proofs(of: signed).first)
        let method = try #require(proof.verificationMethod)
        let key = try DIDKeys.key(fromDIDKey: method)
        try JCSProofs.verify(proof, document: signed, key: key)
        // Sign anew with a fresh key of the curve, and verify.
        let fresh = try SigningKey.generate(curve == "P256" ? .p256 : .p384)
        var options = config
        _ = options.remove("@context")
        let mine = try JCSProofs.sign(unsigned, options: options, key: fresh, suite: .ecdsaJCS2019)
        try JCSProofs.verify(DataIntegrityProof.proofs(of: mine)[0], document: mine, key: fresh.publicKey)
        #expect(throws: JCSProofs.Failure.self) { try JCSProofs.verify(DataIntegrityProof.proofs(of: mine)[0], document: mine, key: key) }
    }
}

@Suite("Data Integrity: proof configuration")
struct ProofConfigurationTests {
    @Test func aProofWithoutContextIsCheckedWithTheDocumentsAndALaterContextIsNotCovered() throws {
        let key = try SigningKey.generate(.ed25519)
        let document = JSONObject([
            "@context": .array([.string("https://www.w3.org/ns/credentials/v2")]), "type": .array([.string("VerifiableCredential")]),
            "issuer": .string("did:example:i"), "credentialSubject": .object(JSONObject(["id": .string("did:example:s")])),
        ])
        var proof = JSONObject([
            "type": .string("DataIntegrityProof"), "cryptosuite": .string("eddsa-jcs-2022"),
            "verificationMethod": .string(key.publicKey.didKeyVerificationMethod!), "proofPurpose": .string("assertionMethod"),
        ])
        // Signed the way implementations that leave @context out of the proof do: the configuration takes the document's.
        let data = try JCSProofs.hashData(document: document, configuration: JCSProofs.configuration(of: proof, document: document), suite: .eddsaJCS2022, keyType: .ed25519)
        proof.set("proofValue", .string("z" + Base58.encode(try key.sign(data, algorithm: .edDSA))))
        var signed = document
        signed.set("proof", .object(proof))
        try JCSProofs.verify(DataIntegrityProof.proofs(of: signed)[0], document: signed, key: key.publicKey)
        // With @context in the proof, a context appended to the document afterwards is not part of what was signed.
        let withContext = try JCSProofs.sign(document, options: JSONObject(["type": .string("DataIntegrityProof"), "cryptosuite": .string("eddsa-jcs-2022"),
            "verificationMethod": .string(key.publicKey.didKeyVerificationMethod!), "proofPurpose": .string("assertionMethod")]), key: key, suite: .eddsaJCS2022)
        var extended = withContext
        extended.set("@context", .array([.string("https://www.w3.org/ns/credentials/v2"), .string("https://example.org/later")]))
        try JCSProofs.verify(DataIntegrityProof.proofs(of: extended)[0], document: extended, key: key.publicKey)
    }
}

extension JSONObject {
    /// The same members in the order of `other` (for comparing documents whose member order differs).
    func reordered(like other: JSONObject) -> JSONObject {
        var out = JSONObject()
        for key in other.keys { if let v = self[key] { out.set(key, v) } }
        for m in self where other[m.key] == nil { out.set(m.key, m.value) }
        return out
    }
}
