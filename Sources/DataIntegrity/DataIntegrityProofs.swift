import CredconvJSON
import JOSE
import JSONLD

/// Data Integrity proofs whatever their cryptosuite: which document a proof signs (proof sets and
/// `previousProof` chains), checking and adding proofs through the suite's canonicalization.
public enum DataIntegrityProofs {
    /// The document `proof` was made over: `document` without its proofs, plus the proofs `proof` names
    /// in `previousProof` (a chain). A proof of a set signs the document alone.
    public static func securedDocument(for proof: DataIntegrityProof, in document: JSONObject) throws(ProofFailure) -> JSONObject {
        var unsecured = document
        _ = unsecured.remove("proof")
        guard let previous = proof.object["previousProof"] else { return unsecured }
        let ids: [String]
        switch previous {
        case .string(let id): ids = [id]
        case .array(let items) where items.allSatisfy({ $0.stringValue != nil }): ids = items.compactMap(\.stringValue)
        default: throw ProofFailure("previousProof must be a proof id or a list of them")
        }
        let all = DataIntegrityProof.proofs(of: document)
        var matching: [JSONValue] = []
        for id in ids {
            guard let found = all.first(where: { $0.object["id"]?.stringValue == id }) else {
                throw ProofFailure("previousProof names \(id), which is not among the document's proofs")
            }
            matching.append(.object(found.object))
        }
        unsecured.set("proof", .array(matching))
        return unsecured
    }

    /// Checks `proof` (one of `document`'s) with `key`; returns the members the proof does not cover.
    public static func verify(
        _ proof: DataIntegrityProof, in document: JSONObject, key: PublicKey, processor: JSONLDProcessor
    ) throws(ProofFailure) -> [ExpansionFinding] {
        guard let suite = Cryptosuite.of(proof), suite.isSupported else {
            throw ProofFailure("\(proof.name.isEmpty ? "a proof without type" : proof.name) is not a proof credconv verifies")
        }
        if suite.usesJCS {
            try JCSProofs.verify(proof, document: document, key: key)
            return []
        }
        return try RDFCProofs.verify(proof, document: document, key: key, processor: processor)
    }

    /// Adds a `suite` proof to `document`, after any proofs it has (a proof set; with `previousProof` in
    /// `options`, a chain: the proofs named are signed with the document).
    public static func sign(
        _ document: JSONObject, options: JSONObject, key: SigningKey, suite: Cryptosuite, processor: JSONLDProcessor
    ) throws(ProofFailure) -> JSONObject {
        let signed = try securedDocument(for: DataIntegrityProof(options), in: document)
        let proof = suite.usesJCS
            ? try JCSProofs.proof(over: signed, options: options, key: key, suite: suite)
            : try RDFCProofs.proof(over: signed, options: options, key: key, suite: suite, processor: processor)
        return attach(proof, to: document)
    }

    /// Whether `signature` is `key`'s signature of `data` (Ed25519, or ECDSA P-256/P-384 as r ‖ s), the
    /// last step of every suite.
    public static func isValidSignature(_ signature: [UInt8], of data: [UInt8], key: PublicKey) -> Bool {
        DataIntegritySignature.isValid(signature, of: data, key: key)
    }

    /// `document` with `proof` added to its proofs.
    static func attach(_ proof: JSONObject, to document: JSONObject) -> JSONObject {
        var signed = document
        switch signed["proof"] {
        case .object(let existing)?: signed.set("proof", .array([.object(existing), .object(proof)]))
        case .array(let existing)?: signed.set("proof", .array(existing + [.object(proof)]))
        default: signed.set("proof", .object(proof))
        }
        return signed
    }
}
