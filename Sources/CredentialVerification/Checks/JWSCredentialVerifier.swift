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

        // 1. The algorithm, 2. the key and 3. the signature.
        guard case .key(let chosen) = JWSSignatureStep(keys: options.keys).run(jws, keyId: creator, into: &report) else { return report }
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

    private func headerSummary(_ header: JSONObject) -> String {
        header.members.map { m in
            if let s = m.value.stringValue { return "\(m.key) \(s.count > 60 ? String(s.prefix(57)) + "…" : s)" }
            return m.key
        }.joined(separator: ", ")
    }
}
