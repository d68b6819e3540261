import CredconvJSON
import JOSE

/// Verifies a credential that travels as a compact JWS (OB 3.0 VC-JWT, VC-JOSE-COSE, OB 2.0 signed
/// assertion), step by step: well-formed, algorithm, key, signature, key bound to the issuer, claims,
/// dates, status. Every step is reported; the verdict is that all passed.
public struct JWSCredentialVerifier: Sendable {
    public var options: VerificationOptions

    public init(options: VerificationOptions) { self.options = options }

    /// The report for `text`, a compact JWS.
    public func verify(compactJWS text: String) -> VerificationReport {
        var report = VerificationReport(proof: "JWS")
        let jws: SignedJWS
        do { jws = try SignedJWS(text, limits: options.jsonLimits) } catch {
            report.checks.append(.fail(.wellFormed, error.message))
            return report
        }
        let payload: JSONObject
        do {
            guard case .object(let o) = try JSONParser(limits: options.jsonLimits).parse(jws.payload) else {
                report.checks.append(.fail(.wellFormed, "the JWS payload is not a JSON object"))
                return report
            }
            payload = o
        } catch {
            report.checks.append(.fail(.wellFormed, "the JWS payload is not JSON: \(error.message)"))
            return report
        }
        let form = SignedCredentialForm(payload: payload)
        let credential = form.credential(payload)
        report.proof = form.proofName(algorithm: jws.algorithmName)
        report.checks.append(.pass(.wellFormed, "a compact JWS, header \(headerSummary(jws.header))"))

        let verification = credential["verification"]?.objectValue
        let creator = form == .openBadges2 ? verification?["creator"]?.stringValue : nil
        let issuer = IssuerIdentity.issuer(of: credential, claims: payload, form: form, linked: options.linkedDocuments)
        report.issuer = issuer.id

        // 1. The algorithm, from the header alone: a refused one stops before any key is used.
        let algorithm: JWSAlgorithm
        do { algorithm = try JWSAlgorithm.allowed(jws.algorithmName) } catch {
            report.checks.append(.fail(.algorithmAllowed, error.message))
            return report
        }
        // 2. The key, and 3. the signature (each candidate key in turn when the JWS names none).
        let resolver = KeyResolver(supplied: options.keys)
        var chosen: ResolvedKey?
        do {
            let candidates = try resolver.resolve(header: jws.header, keyId: creator)
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
            chosen = key
            report.key = keyInfo(key)
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
        } catch {
            report.checks.append(.pass(.algorithmAllowed, "\(algorithm.rawValue)"))
            report.checks.append(.fail(.keyResolved, error.message))
            report.checks.append(.fail(.signature, "not checked: no key"))
        }
        // 4. The key belongs to the issuer.
        if let key = chosen {
            report.checks.append(IssuerBinding.check(key: key, issuer: issuer, form: form, creator: creator))
        } else {
            report.checks.append(.fail(.keyBound, "not checked: no key"))
        }
        // 5. Claims, 6. dates, 7. status.
        report.checks.append(ClaimsConsistency.check(header: jws.header, payload: payload, credential: credential, form: form, issuer: issuer.id))
        report.checks.append(ValidityDates.check(credential: credential, claims: payload, form: form, at: options.at))
        let statusCheck = StatusCheck(lists: options.statusLists, keys: options.keys, issuer: issuer.id)
        let (status, outcome) = statusCheck.check(
            credential, credentialId: JSONNames.id(credential["id"]) ?? payload["jti"]?.stringValue, isOB2: form == .openBadges2)
        report.checks.append(status)
        report.status = outcome
        return report
    }

    private func keyInfo(_ key: ResolvedKey) -> VerificationReport.KeyInfo {
        VerificationReport.KeyInfo(id: key.id, source: key.source.name, origin: key.source.description, type: key.key.typeDescription, thumbprint: key.key.thumbprint)
    }

    private func headerSummary(_ header: JSONObject) -> String {
        header.members.map { m in
            if let s = m.value.stringValue { return "\(m.key) \(s.count > 60 ? String(s.prefix(57)) + "…" : s)" }
            return m.key
        }.joined(separator: ", ")
    }
}
