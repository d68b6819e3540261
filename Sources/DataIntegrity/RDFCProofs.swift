import CredconvJSON
import JOSE
import JSONLD
import RDFCanonicalization

/// Creating and checking proofs over RDF: `eddsa-rdfc-2022`, `ecdsa-rdfc-2019` and the legacy
/// `Ed25519Signature2020`. The document (without `proof`) and the proof configuration (the proof
/// without `proofValue`, with the document's `@context`) are each converted to RDF with JSON-LD,
/// canonicalized with RDFC-1.0 and hashed; the signature is over both hashes, configuration first.
///
/// What JSON-LD drops (a member no context defines, a relative type) is not signed: signing refuses
/// such a document, and verifying reports the members the proof does not cover.
public enum RDFCProofs {
    /// The canonical N-Quads of a document and its proof configuration, and what neither covers.
    public struct Canonical: Sendable {
        public var document: String
        public var configuration: String
        /// Members of the document (or proof) that JSON-LD drops, so the proof does not cover them.
        public var uncovered: [ExpansionFinding]

        public init(document: String, configuration: String, uncovered: [ExpansionFinding]) {
            self.document = document
            self.configuration = configuration
            self.uncovered = uncovered
        }
    }

    /// The proof configuration: the proof without `proofValue`, with the document's `@context`.
    public static func configuration(of proof: JSONObject, document: JSONObject) -> JSONObject {
        var config = proof
        _ = config.remove("proofValue")
        if let context = document["@context"] { config.set("@context", context) }
        return config
    }

    /// Canonical N-Quads of the document (what the proof covers) and of the configuration.
    public static func canonicalize(
        document unsecured: JSONObject, configuration: JSONObject, keyType: KeyType, processor: JSONLDProcessor
    ) throws(ProofFailure) -> Canonical {
        let canonicalizer = RDFCanonicalizer(hashAlgorithm: keyType == .p384 ? .sha384 : .sha256)
        do {
            let (documentQuads, documentFindings) = try processor.toRDFWithFindings(.object(unsecured))
            let (configQuads, configFindings) = try processor.toRDFWithFindings(.object(configuration))
            let documentText = try canonicalizer.canonicalize(documentQuads).nquads
            let configText = try canonicalizer.canonicalize(configQuads).nquads
            let proofFindings = configFindings.map { finding in
                var f = finding
                f.pointer = "/proof" + f.pointer
                return f
            }
            return Canonical(document: documentText, configuration: configText, uncovered: documentFindings + proofFindings)
        } catch let error as JSONLDError {
            throw ProofFailure("the document cannot be converted to RDF with JSON-LD: \(error)")
        } catch let error as RDFCanonicalizer.Failure {
            throw ProofFailure("the document's RDF cannot be canonicalized: \(error.message)")
        } catch {
            throw ProofFailure("the document cannot be canonicalized: \(error)")
        }
    }

    /// The bytes a proof signs: hash(configuration) ‖ hash(document).
    public static func hashData(_ canonical: Canonical, suite: Cryptosuite, keyType: KeyType) -> [UInt8] {
        suite.hash(Array(canonical.configuration.utf8), for: keyType) + suite.hash(Array(canonical.document.utf8), for: keyType)
    }

    /// Checks a proof's signature with `key`; returns the members the proof does not cover (empty when
    /// it covers the whole document).
    public static func verify(
        _ proof: DataIntegrityProof, document: JSONObject, key: PublicKey, processor: JSONLDProcessor
    ) throws(ProofFailure) -> [ExpansionFinding] {
        guard let suite = Cryptosuite.of(proof), suite.isSupported, !suite.usesJCS else {
            throw ProofFailure("\(proof.name) is not an RDFC proof credconv verifies")
        }
        guard suite.keyTypes.contains(key.type) else {
            throw ProofFailure("\(suite.rawValue) does not sign with \(key.withArticle)")
        }
        guard let value = proof.proofValue, value.first == "z", let signature = Multibase.decode(value) else {
            throw ProofFailure("the proofValue is not a base58btc multibase value (z…)")
        }
        let covered = try DataIntegrityProofs.securedDocument(for: proof, in: document)
        let canonical = try canonicalize(
            document: covered, configuration: configuration(of: proof.object, document: document), keyType: key.type,
            processor: processor)
        guard DataIntegritySignature.isValid(signature, of: hashData(canonical, suite: suite, keyType: key.type), key: key) else {
            throw ProofFailure("the \(suite.rawValue) signature does not verify with the \(key)")
        }
        return canonical.uncovered
    }

    /// A proof over `document` (what it covers: no `proof`, or a chain's previous proofs). `options` holds the proof's members (type,
    /// cryptosuite, created, verificationMethod, proofPurpose, previousProof); the proof carries no
    /// `@context`. Refuses a document with members JSON-LD would drop, since the proof would not cover them.
    public static func proof(
        over document: JSONObject, options: JSONObject, key: SigningKey, suite: Cryptosuite, processor: JSONLDProcessor
    ) throws(ProofFailure) -> JSONObject {
        guard suite.canSign, !suite.usesJCS, suite.keyTypes.contains(key.type) else {
            throw ProofFailure("\(suite.rawValue) cannot sign with \(key.publicKey.withArticle)")
        }
        let canonical = try canonicalize(
            document: document, configuration: configuration(of: options, document: document), keyType: key.type,
            processor: processor)
        guard canonical.uncovered.isEmpty else {
            let list = canonical.uncovered.prefix(8).map(\.description).joined(separator: "; ")
            throw ProofFailure(
                "JSON-LD drops \(canonical.uncovered.count) part\(canonical.uncovered.count == 1 ? "" : "s") of the document, which a \(suite.rawValue) proof would not cover: \(list)")
        }
        let signature: [UInt8]
        do { signature = try DataIntegritySignature.sign(hashData(canonical, suite: suite, keyType: key.type), key: key) } catch {
            throw ProofFailure(error.message)
        }
        var proof = options
        proof.set("proofValue", .string("z" + Base58.encode(signature)))
        return proof
    }
}
