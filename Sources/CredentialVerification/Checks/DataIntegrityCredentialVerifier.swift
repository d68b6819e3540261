import CredentialModel
import CredconvJSON
import DataIntegrity
import JOSE
import JSONLD

/// Verifies a credential secured with embedded Data Integrity proofs, step by step like a JWS: the proof
/// is well formed, its cryptosuite is one credconv checks (`eddsa-rdfc-2022`, `ecdsa-rdfc-2019`, the JCS
/// suites, legacy `Ed25519Signature2020`) and fits the key, the verification method's key is found
/// (did:key offline, else `--key` files), the signature holds and covers the whole document (nothing
/// JSON-LD drops), the key is the issuer's, the proof is for `assertionMethod` with the document's
/// contexts, the credential and the proof are in date, and its status. With several proofs (a set, or a
/// `previousProof` chain), each one credconv checks must verify, and one at least.
public struct DataIntegrityCredentialVerifier: Sendable {
    public var options: VerificationOptions

    public init(options: VerificationOptions) { self.options = options }

    public func verify(document: JSONObject) -> VerificationReport {
        let proofs = DataIntegrityProof.proofs(of: document)
        var report = VerificationReport(proof: proofs.map(\.name).joined(separator: ", "))
        let supported = proofs.filter { Cryptosuite.of($0)?.isSupported == true }
        let others = proofs.filter { p in !supported.contains { $0.proofValue == p.proofValue } }
        guard !supported.isEmpty else {
            let names = proofs.map(\.name).joined(separator: ", ")
            report.checks.append(.fail(.algorithmAllowed, "\(names.isEmpty ? "a proof without type" : names): credconv verifies the Data Integrity cryptosuites eddsa-rdfc-2022, ecdsa-rdfc-2019, eddsa-jcs-2022, ecdsa-jcs-2019 and Ed25519Signature2020 proofs"))
            return report
        }
        let issuer = IssuerIdentity.issuer(of: document, claims: JSONObject(), form: .vcPayload, linked: options.linkedDocuments)
        report.issuer = issuer.id
        let skipped = others.isEmpty ? "" : " (not checked: \(others.map(\.name).joined(separator: ", ")))"
        report.checks.append(.pass(.wellFormed, "\(supported.count) Data Integrity proof\(supported.count == 1 ? "" : "s") credconv checks\(skipped)"))
        let resolver = KeyResolver(supplied: options.keys)
        for proof in supported {
            let suite = Cryptosuite.of(proof)!
            let label = supported.count > 1 ? "\(proof.name) (\(proof.verificationMethod ?? "no method")): " : ""
            guard let method = proof.verificationMethod else {
                report.checks.append(.fail(.keyResolved, label + "the proof names no verificationMethod"))
                continue
            }
            let key: ResolvedKey
            do {
                key = try resolver.resolve(header: JSONObject(["kid": .string(method)]))[0]
            } catch {
                report.checks.append(.pass(.algorithmAllowed, label + suite.rawValue))
                report.checks.append(.fail(.keyResolved, label + error.message))
                report.checks.append(.fail(.signature, label + "not checked: no key"))
                continue
            }
            if report.key == nil {
                report.key = VerificationReport.KeyInfo(id: key.id, source: key.source.name, origin: key.source.description, type: key.key.typeDescription, thumbprint: key.key.thumbprint)
            }
            guard suite.keyTypes.contains(key.key.type) else {
                report.checks.append(.fail(.algorithmAllowed, label + "\(suite.rawValue) does not sign with \(key.key.withArticle)"))
                continue
            }
            report.checks.append(.pass(.algorithmAllowed, label + "\(suite.rawValue) with \(key.key.withArticle)"))
            report.checks.append(.pass(.keyResolved, label + "\(key.key) from \(key.source)"))
            do {
                let uncovered = try DataIntegrityProofs.verify(proof, in: document, key: key.key, processor: options.jsonld)
                report.checks.append(.pass(.signature, label + "the \(suite.rawValue) signature verifies"))
                if !uncovered.isEmpty {
                    let list = uncovered.prefix(8).map(\.description).joined(separator: "; ")
                    report.checks.append(.fail(.claimsConsistent, label + "JSON-LD drops \(uncovered.count) part\(uncovered.count == 1 ? "" : "s") of the document, which the proof therefore does not cover: \(list)"))
                }
            } catch {
                report.checks.append(.fail(.signature, label + error.message))
            }
            var binding = IssuerBinding.check(key: key, issuer: issuer, form: .vcPayload, creator: nil)
            binding.detail = label + binding.detail
            report.checks.append(binding)
            report.checks.append(Self.purposeAndContext(proof, document: document, label: label))
            if let expires = proof.expires, let seconds = ISOInstant.seconds(expires), seconds <= options.at {
                report.checks.append(.fail(.inDate, label + "the proof expired at \(expires)"))
            }
            if let created = proof.created, ISOInstant.seconds(created) == nil {
                report.checks.append(.fail(.wellFormed, label + "the proof's created \(created) is not a date-time"))
            }
        }
        report.checks.append(ValidityDates.check(credential: document, claims: JSONObject(), form: .vcPayload, at: options.at))
        let (status, outcome) = StatusCheck(lists: options.statusLists, keys: options.keys, issuer: issuer.id).check(
            document, credentialId: JSONNames.id(document["id"]), isOB2: false)
        report.checks.append(status)
        report.status = outcome
        return report
    }

    /// The proof is for issuing (`assertionMethod`), and its `@context`, if any, is where the document's begins.
    static func purposeAndContext(_ proof: DataIntegrityProof, document: JSONObject, label: String) -> VerificationCheck {
        guard proof.proofPurpose == "assertionMethod" else {
            return .fail(.claimsConsistent, label + "the proof's purpose is \(proof.proofPurpose ?? "missing"), not assertionMethod: it does not assert the credential")
        }
        if let proofContext = proof.object["@context"] {
            let mine = proofContext.arrayValue ?? [proofContext]
            let theirs = document["@context"]?.arrayValue ?? document["@context"].map { [$0] } ?? []
            guard theirs.count >= mine.count, Array(theirs.prefix(mine.count)) == mine else {
                return .fail(.claimsConsistent, label + "the proof's @context is not where the document's begins")
            }
        }
        return .pass(.claimsConsistent, label + "proof purpose assertionMethod" + (proof.created.map { ", created \($0)" } ?? ""))
    }
}
