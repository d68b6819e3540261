import CredconvJSON
import CredconvTestSupport
import DataIntegrity
import Foundation
import JOSE
import JSONLD
import Testing

/// The W3C Data Integrity vectors for the RDFC cryptosuites: the canonical document and proof
/// configuration, both hashes and the combined one equal byte for byte; the `eddsa-rdfc-2022` signature
/// equal to the vector's (Ed25519 is deterministic); the ECDSA vectors verify; proof sets and chains.
@Suite("Data Integrity: eddsa-rdfc-2022, ecdsa-rdfc-2019, Ed25519Signature2020 against the W3C vectors", .enabled(if: TestPaths.referenceAvailable, "../shared/reference is absent: skipped"))
struct RDFCVectorTests {
    static let eddsa = "vc-di-eddsa/TestVectors/"
    static let ecdsa = "vc-di-ecdsa/TestVectors/"

    static func canonical(unsigned: String, config: String, keyType: KeyType) throws -> RDFCProofs.Canonical {
        let document = try VectorFiles.object(unsigned)
        let configuration = try VectorFiles.object(config)
        return try RDFCProofs.canonicalize(document: document, configuration: configuration, keyType: keyType, processor: VectorFiles.processor)
    }

    @Test func eddsaRDFC2022MatchesEveryIntermediateAndTheSignature() throws {
        let folder = Self.eddsa + "eddsa-rdfc-2022/"
        let canonical = try Self.canonical(unsigned: Self.eddsa + "unsigned.json", config: folder + "proofConfigDataInt.json", keyType: .ed25519)
        #expect(canonical.document.trimmingCharacters(in: .newlines) == (try VectorFiles.text(folder + "canonDocDataInt.txt")))
        #expect(canonical.configuration.trimmingCharacters(in: .newlines) == (try VectorFiles.text(folder + "proofCanonDataInt.txt")))
        #expect(canonical.uncovered.isEmpty)
        let data = RDFCProofs.hashData(canonical, suite: .eddsaRDFC2022, keyType: .ed25519)
        #expect(VectorFiles.hex(Array(data.prefix(32))) == (try VectorFiles.text(folder + "proofHashDataInt.txt")))
        #expect(VectorFiles.hex(Array(data.suffix(32))) == (try VectorFiles.text(folder + "docHashDataInt.txt")))
        #expect(VectorFiles.hex(data) == (try VectorFiles.text(folder + "combinedHashDataInt.txt")))

        let pair = try VectorFiles.object(Self.eddsa + "keyPair.json")
        let publicText = try #require(pair["publicKeyMultibase"]?.stringValue)
        let privateText = try #require(pair["privateKeyMultibase"]?.stringValue)
        let key = try VectorFiles.ed25519Key(publicMultibase: publicText, privateMultibase: privateText)
        var options = try VectorFiles.object(folder + "proofConfigDataInt.json")
        _ = options.remove("@context")
        let signed = try DataIntegrityProofs.sign(
            try VectorFiles.object(Self.eddsa + "unsigned.json"), options: options, key: key, suite: .eddsaRDFC2022, processor: VectorFiles.processor)
        let proof = try #require(signed["proof"]?.objectValue)
        #expect(proof["proofValue"]?.stringValue == (try VectorFiles.text(folder + "sigBTC58DataInt.txt")))
        let published = try VectorFiles.object(folder + "signedDataInt.json")
        #expect(signed == published.reordered(like: signed))

        let method = try #require(proof["verificationMethod"]?.stringValue)
        let publicKey = try DIDKeys.key(fromDIDKey: method)
        let uncovered = try DataIntegrityProofs.verify(DataIntegrityProof.proofs(of: published)[0], in: published, key: publicKey, processor: VectorFiles.processor)
        #expect(uncovered.isEmpty)
    }

    @Test func aTamperedEddsaRDFC2022CredentialDoesNotVerify() throws {
        let published = try VectorFiles.object(Self.eddsa + "eddsa-rdfc-2022/signedDataInt.json")
        let proof = DataIntegrityProof.proofs(of: published)[0]
        let key = try DIDKeys.key(fromDIDKey: try #require(proof.verificationMethod))
        var renamed = published
        renamed.set("name", .string("Forged Credential"))
        var redated = published
        var proofObject = proof.object
        proofObject.set("created", .string("2024-02-24T23:36:38Z"))
        redated.set("proof", .object(proofObject))
        for tampered in [renamed, redated] {
            #expect(throws: ProofFailure.self) {
                try DataIntegrityProofs.verify(DataIntegrityProof.proofs(of: tampered)[0], in: tampered, key: key, processor: VectorFiles.processor)
            }
        }
    }

    @Test(arguments: ["P256", "P384"])
    func ecdsaRDFC2019MatchesEveryIntermediateAndVerifies(_ curve: String) throws {
        let folder = Self.ecdsa + "ecdsa-rdfc-2019-\(curve.lowercased())/"
        let keyType: KeyType = curve == "P256" ? .p256 : .p384
        let canonical = try Self.canonical(unsigned: Self.ecdsa + "unsigned.json", config: folder + "proofConfigECDSA\(curve).json", keyType: keyType)
        #expect(canonical.document.trimmingCharacters(in: .newlines) == (try VectorFiles.text(folder + "canonDocECDSA\(curve).txt")))
        #expect(canonical.configuration.trimmingCharacters(in: .newlines) == (try VectorFiles.text(folder + "proofCanonECDSA\(curve).txt")))
        let data = RDFCProofs.hashData(canonical, suite: .ecdsaRDFC2019, keyType: keyType)
        #expect(VectorFiles.hex(data) == (try VectorFiles.text(folder + "combinedHashECDSA\(curve).txt")))
        #expect(VectorFiles.hex(Array(data.suffix(data.count / 2))) == (try VectorFiles.text(folder + "docHashECDSA\(curve).txt")))
        let signed = try VectorFiles.object(folder + "signedECDSA\(curve).json")
        let proof = DataIntegrityProof.proofs(of: signed)[0]
        let key = try DIDKeys.key(fromDIDKey: try #require(proof.verificationMethod))
        _ = try DataIntegrityProofs.verify(proof, in: signed, key: key, processor: VectorFiles.processor)
        // A fresh key of the curve signs, and verifies; the vector's key does not verify it.
        let fresh = try SigningKey.generate(keyType)
        var options = try VectorFiles.object(folder + "proofConfigECDSA\(curve).json")
        _ = options.remove("@context")
        let mine = try DataIntegrityProofs.sign(try VectorFiles.object(Self.ecdsa + "unsigned.json"), options: options, key: fresh, suite: .ecdsaRDFC2019, processor: VectorFiles.processor)
        _ = try DataIntegrityProofs.verify(DataIntegrityProof.proofs(of: mine)[0], in: mine, key: fresh.publicKey, processor: VectorFiles.processor)
        #expect(throws: ProofFailure.self) {
            try DataIntegrityProofs.verify(DataIntegrityProof.proofs(of: mine)[0], in: mine, key: key, processor: VectorFiles.processor)
        }
    }

    /// The vectors whose documents use the citizenship v4rc1 or Ed25519 2020 contexts: those contexts are
    /// not in ../shared/reference, so their JSON-LD cannot be computed here. Their canonical forms are
    /// given, so hashing and signatures are still checked from them.
    @Test func vectorsWhoseContextsAreNotAvailableAreCheckedFromTheirCanonicalForms() throws {
        let cases: [(folder: String, suffix: String, suite: Cryptosuite, key: KeyType, signed: String)] = [
            (Self.eddsa + "Ed25519Signature2020/", "EdSig", .ed25519Signature2020, .ed25519, "signedEdSig.json"),
            (Self.eddsa + "eddsa-rdfc-2022/employ/", "DataInt", .eddsaRDFC2022, .ed25519, "signedDataInt.json"),
        ]
        for c in cases {
            let canonical = RDFCProofs.Canonical(
                document: try VectorFiles.text(c.folder + "canonDoc\(c.suffix).txt") + "\n",
                configuration: try VectorFiles.text(c.folder + "proofCanon\(c.suffix).txt") + "\n", uncovered: [])
            let data = RDFCProofs.hashData(canonical, suite: c.suite, keyType: c.key)
            #expect(VectorFiles.hex(data) == (try VectorFiles.text(c.folder + "combinedHash\(c.suffix).txt")), "\(c.folder)")
            let signed = try VectorFiles.object(c.folder + c.signed)
            let proof = DataIntegrityProof.proofs(of: signed)[0]
            #expect(Cryptosuite.of(proof) == c.suite)
            let key = try DIDKeys.key(fromDIDKey: try #require(proof.verificationMethod))
            let proofValue = try #require(proof.proofValue)
            let signature = try #require(Multibase.decode(proofValue))
            #expect(VectorFiles.hex(signature) == (try VectorFiles.text(c.folder + "sigHex\(c.suffix).txt")))
            #expect(DataIntegrityProofs.isValidSignature(signature, of: data, key: key))
            // Through JSON-LD, the missing context is an error naming it, not a pass.
            do {
                _ = try DataIntegrityProofs.verify(proof, in: signed, key: key, processor: VectorFiles.processor)
                Issue.record("\(c.folder) verified without its context")
            } catch {
                #expect(error.message.contains("not embedded"), "\(error)")
            }
        }
    }

    @Test func proofSetsAndChainsVerifyProofByProof() throws {
        let folder = Self.eddsa + "proof-set-chain/"
        for file in ["signedProofSet2.json", "signedProofChain2.json"] {
            let signed = try VectorFiles.object(folder + file)
            let proofs = DataIntegrityProof.proofs(of: signed)
            #expect(proofs.count >= 2, "\(file)")
            for proof in proofs {
                let key = try DIDKeys.key(fromDIDKey: try #require(proof.verificationMethod))
                _ = try DataIntegrityProofs.verify(proof, in: signed, key: key, processor: VectorFiles.processor)
            }
            // Dropping a proof that a later one chains to breaks the chain.
            if file.contains("Chain"), let chained = proofs.last(where: { $0.object["previousProof"] != nil }) {
                var broken = signed
                broken.set("proof", .array([.object(chained.object)]))
                #expect(throws: ProofFailure.self) {
                    try DataIntegrityProofs.verify(chained, in: broken, key: try DIDKeys.key(fromDIDKey: chained.verificationMethod!), processor: VectorFiles.processor)
                }
            }
        }
        // The chain's intermediate document is what credconv signs for a chained proof.
        let temp = try VectorFiles.object(folder + "proofChainTempDoc2.json")
        let lastProof = try #require(DataIntegrityProof.proofs(of: try VectorFiles.object(folder + "signedProofChain2.json")).last)
        let covered = try DataIntegrityProofs.securedDocument(for: lastProof, in: try VectorFiles.object(folder + "signedProofChain2.json"))
        #expect(covered == temp.reordered(like: covered))
    }

    @Test func signingRefusesMembersJSONLDWouldDrop() throws {
        let key = try SigningKey.generate(.ed25519)
        let document = JSONObject([
            "@context": .array([.string("https://www.w3.org/2018/credentials/v1")]), "type": .array([.string("VerifiableCredential")]),
            "issuer": .string("did:example:i"), "issuanceDate": .string("2024-01-01T00:00:00Z"),
            "credentialSubject": .object(JSONObject(["id": .string("did:example:s"), "undefinedTerm": .string("x")])),
        ])
        let options = JSONObject([
            "type": .string("DataIntegrityProof"), "cryptosuite": .string("eddsa-rdfc-2022"),
            "verificationMethod": .string(key.publicKey.didKeyVerificationMethod!), "proofPurpose": .string("assertionMethod"),
        ])
        do {
            _ = try DataIntegrityProofs.sign(document, options: options, key: key, suite: .eddsaRDFC2022, processor: JSONLDProcessor())
            Issue.record("a document with an undefined term was signed")
        } catch {
            #expect(error.message.contains("/credentialSubject/undefinedTerm"), "\(error)")
        }
    }
}
