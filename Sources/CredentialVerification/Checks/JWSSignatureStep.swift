import CredconvJSON
import JOSE

/// The signature steps every JWS proof shares: the algorithm (from the header alone), the key (header,
/// DID, `--key` files; each candidate in turn when the JWS names none) and the signature.
struct JWSSignatureStep {
    var keys: [SuppliedKey]

    /// What the steps found.
    enum Outcome {
        /// The algorithm is refused: no key was used, and no later check means anything.
        case algorithmRefused
        /// The key that verified, or the one tried; nil when none was found.
        case key(ResolvedKey?)
    }

    /// Runs the three steps on `jws`, appending their checks (and the key) to `report`; `keyId` names the
    /// key when the header does not (an Open Badges 2.0 assertion's `verification.creator`).
    func run(_ jws: SignedJWS, keyId: String? = nil, into report: inout VerificationReport) -> Outcome {
        let algorithm: JWSAlgorithm
        do { algorithm = try JWSAlgorithm.allowed(jws.algorithmName) } catch {
            report.checks.append(.fail(.algorithmAllowed, error.message))
            return .algorithmRefused
        }
        do {
            let candidates = try KeyResolver(supplied: keys).resolve(header: jws.header, keyId: keyId)
            var verifiedBy: ResolvedKey?
            var failure: JOSEError?
            for candidate in candidates {
                do throws(JOSEError) {
                    if let refusal = candidate.restrictions.lazy.compactMap({ $0.refusal(for: algorithm.rawValue) }).first {
                        throw JOSEError(.algorithmRefused, refusal)
                    }
                    try jws.verify(with: candidate.key)
                    verifiedBy = candidate
                    break
                } catch {
                    if failure == nil { failure = error }
                }
            }
            let key = verifiedBy ?? candidates[0]
            report.key = Self.keyInfo(key)
            let resolved = VerificationCheck.pass(.keyResolved, "\(key.key) from \(key.source)")
            if verifiedBy != nil {
                report.checks.append(.pass(.algorithmAllowed, "\(algorithm.rawValue) with \(key.key.withArticle)"))
                report.checks.append(resolved)
                report.checks.append(.pass(.signature, "the \(algorithm.rawValue) signature verifies"))
            } else if let failure, failure.code == .algorithmRefused || failure.code == .weakKey {
                report.checks.append(.fail(.algorithmAllowed, failure.message))
                report.checks.append(resolved)
                report.checks.append(.fail(.signature, "not checked: the algorithm does not fit the key"))
            } else {
                report.checks.append(.pass(.algorithmAllowed, "\(algorithm.rawValue) with \(key.key.withArticle)"))
                report.checks.append(resolved)
                let others = candidates.count > 1 ? " (nor with any other of the \(candidates.count) keys given)" : ""
                report.checks.append(.fail(.signature, (failure?.message ?? "the signature does not verify") + others))
            }
            return .key(key)
        } catch {
            report.checks.append(.pass(.algorithmAllowed, "\(algorithm.rawValue)"))
            report.checks.append(.fail(.keyResolved, error.message))
            report.checks.append(.fail(.signature, "not checked: no key"))
            return .key(nil)
        }
    }

    static func keyInfo(_ key: ResolvedKey) -> VerificationReport.KeyInfo {
        VerificationReport.KeyInfo(id: key.id, source: key.source.name, origin: key.source.description, type: key.key.typeDescription, thumbprint: key.key.thumbprint)
    }
}
