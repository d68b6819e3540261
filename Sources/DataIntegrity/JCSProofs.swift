import CredconvJSON
import Crypto
import JOSE

/// Creating and checking `eddsa-jcs-2022` and `ecdsa-jcs-2019` proofs: the proof configuration (the
/// proof without `proofValue`, with the document's `@context`) and the document without `proof`, each
/// canonicalized with JCS and hashed; the signature is over both hashes, configuration first.
public enum JCSProofs {
    /// Why a proof could not be made or checked.
    public typealias Failure = ProofFailure

    /// The bytes a JCS proof signs: hash(JCS(configuration)) ‖ hash(JCS(document)), `document` being
    /// what the proof covers (without `proof`, or with the previous proofs of a chain).
    public static func hashData(document: JSONObject, configuration: JSONObject, suite: Cryptosuite, keyType: KeyType) throws(Failure) -> [UInt8] {
        do {
            let config = try JSONCanonicalization.bytes(.object(configuration))
            let doc = try JSONCanonicalization.bytes(.object(document))
            return suite.hash(config, for: keyType) + suite.hash(doc, for: keyType)
        } catch {
            throw Failure("the document cannot be canonicalized with JCS: \(error.message)")
        }
    }

    /// The proof configuration of a proof: without `proofValue`, and with the document's `@context` when
    /// the document has one and the proof does not say otherwise.
    public static func configuration(of proof: JSONObject, document: JSONObject) -> JSONObject {
        var config = proof
        _ = config.remove("proofValue")
        if config["@context"] == nil, let context = document["@context"] { config.set("@context", context) }
        return config
    }

    /// The document as it was signed: a proof's `@context` (where the document's begins) is the context
    /// it was signed with; contexts added after it are not covered.
    static func documentAsSigned(_ document: JSONObject, proof: JSONObject) -> JSONObject {
        guard let context = proof["@context"] else { return document }
        var out = document
        out.set("@context", context)
        return out
    }

    /// Checks a proof's signature with `key`.
    public static func verify(_ proof: DataIntegrityProof, document: JSONObject, key: PublicKey) throws(Failure) {
        guard let suiteName = proof.cryptosuite, let suite = Cryptosuite(rawValue: suiteName), suite.usesJCS else {
            throw Failure("cryptosuite \(proof.cryptosuite ?? "(none)") is not one credconv verifies")
        }
        guard suite.keyTypes.contains(key.type) else {
            throw Failure("\(suite.rawValue) does not sign with \(key.withArticle)")
        }
        guard let value = proof.proofValue, value.first == "z", let signature = Multibase.decode(value) else {
            throw Failure("the proofValue is not a base58btc multibase value (z…)")
        }
        let signed = try DataIntegrityProofs.securedDocument(for: proof, in: documentAsSigned(document, proof: proof.object))
        let data = try hashData(document: signed, configuration: configuration(of: proof.object, document: document), suite: suite, keyType: key.type)
        guard DataIntegritySignature.isValid(signature, of: data, key: key) else {
            throw Failure("the \(suite.rawValue) signature does not verify with the \(key)")
        }
    }

    /// Adds a proof to `document`: `proof` holds the options (type, cryptosuite, created,
    /// verificationMethod, proofPurpose); the document's `@context` is copied into it.
    public static func sign(_ document: JSONObject, options: JSONObject, key: SigningKey, suite: Cryptosuite) throws(Failure) -> JSONObject {
        let covered = try DataIntegrityProofs.securedDocument(for: DataIntegrityProof(options), in: document)
        return DataIntegrityProofs.attach(try proof(over: covered, options: options, key: key, suite: suite), to: document)
    }

    /// A proof over `document` (what it covers: no `proof`, or a chain's previous proofs), from `options`.
    public static func proof(over document: JSONObject, options: JSONObject, key: SigningKey, suite: Cryptosuite) throws(Failure) -> JSONObject {
        guard suite.usesJCS, suite.keyTypes.contains(key.type) else {
            throw Failure("\(suite.rawValue) cannot sign with \(key.publicKey.withArticle)")
        }
        var proof = options
        if let context = document["@context"], proof["@context"] == nil { proof.set("@context", context) }
        let data = try hashData(document: document, configuration: proof, suite: suite, keyType: key.type)
        let signature: [UInt8]
        do { signature = try DataIntegritySignature.sign(data, key: key) } catch { throw Failure(error.message) }
        proof.set("proofValue", .string("z" + Base58.encode(signature)))
        return proof
    }
}

/// Data Integrity signature values: Ed25519 over the data; ECDSA (P1363 r ‖ s) over the data with the
/// curve's hash.
enum DataIntegritySignature {
    static func isValid(_ signature: [UInt8], of data: [UInt8], key: PublicKey) -> Bool {
        switch key.material {
        case .ed25519(let k): return signature.count == 64 && k.isValidSignature(signature, for: data)
        case .p256(let k):
            guard let s = try? P256.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
            return k.isValidSignature(s, for: SHA256.hash(data: data))
        case .p384(let k):
            guard let s = try? P384.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
            return k.isValidSignature(s, for: SHA384.hash(data: data))
        default: return false
        }
    }

    static func sign(_ data: [UInt8], key: SigningKey) throws(JOSEError) -> [UInt8] {
        switch key.type {
        case .ed25519: return try key.sign(data, algorithm: .edDSA)
        case .p256: return try key.sign(data, algorithm: .es256)
        case .p384: return try key.sign(data, algorithm: .es384)
        default: throw JOSEError(.unsupportedKey, "Data Integrity proofs are signed with Ed25519, P-256 or P-384 keys")
        }
    }
}
