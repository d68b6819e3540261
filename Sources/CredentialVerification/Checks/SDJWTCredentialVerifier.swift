import CredconvJSON
import CredentialModel
import JOSE
import SDJWT

/// Verifies an SD-JWT VC (the EUDI Wallet's form): the issuer-signed JWT (algorithm, key — also from an
/// `x5c` chain validated against `--trust` anchors —, signature, key bound to `iss`), every disclosure
/// against its digest, the claims SD-JWT VC reserves, the type's mandatory claims, the key-binding JWT
/// when there is one (or when `--audience`/`--nonce` ask for it), and the dates.
public struct SDJWTCredentialVerifier: Sendable {
    public var options: VerificationOptions

    public init(options: VerificationOptions) { self.options = options }

    /// Claims SD-JWT VC forbids as disclosures (they must be readable without them).
    static let plainOnlyClaims = ["iss", "nbf", "exp", "cnf", "vct", "status"]

    /// The report for `text`, a compact SD-JWT.
    public func verify(sdJWT text: String) -> VerificationReport {
        var report = VerificationReport(proof: "SD-JWT VC")
        let sdJWT: CompactSDJWT
        let jws: SignedJWS
        let payload: JSONObject
        do {
            sdJWT = try CompactSDJWT(text)
            jws = try SignedJWS(sdJWT.issuerJWT, limits: options.jsonLimits)
            guard case .object(let o) = try JSONParser(limits: options.jsonLimits).parse(jws.payload) else {
                report.checks.append(.fail(.wellFormed, "the SD-JWT's payload is not a JSON object"))
                return report
            }
            payload = o
        } catch let error as SDJWTError {
            report.checks.append(.fail(.wellFormed, error.message))
            return report
        } catch let error as JOSEError {
            report.checks.append(.fail(.wellFormed, "the issuer-signed JWT: \(error.message)"))
            return report
        } catch {
            report.checks.append(.fail(.wellFormed, "the SD-JWT's payload is not JSON: \(error)"))
            return report
        }
        report.proof = "SD-JWT VC" + (jws.algorithmName.map { " \($0)" } ?? "") + (sdJWT.keyBindingJWT != nil ? " with key binding" : "")
        let issuer = payload["iss"]?.stringValue
        report.issuer = issuer
        // RFC 7515 §4.1.9: a typ may carry the "application/" prefix, and compares without case.
        let typ = CompactSDJWT.mediaType(ofTyp: jws.type)
        guard typ == "dc+sd-jwt" || typ == "vc+sd-jwt" else {
            report.checks.append(.fail(.wellFormed, "the issuer JWT's typ is \(typ ?? "absent"), not dc+sd-jwt (or vc+sd-jwt)"))
            return report
        }
        report.checks.append(.pass(.wellFormed, "an SD-JWT with \(sdJWT.disclosures.count) disclosure\(sdJWT.disclosures.count == 1 ? "" : "s")\(sdJWT.keyBindingJWT != nil ? " and a key-binding JWT" : ""), typ \(typ!)"))

        guard case .key(let chosen) = JWSSignatureStep(keys: options.keys).run(jws, into: &report) else { return report }
        report.checks.append(keyBinding(chosen, header: jws.header, issuer: issuer))

        // The disclosures.
        var claims: JSONObject?
        var disclosedNames: [String] = []
        var digestAlgorithm = DigestAlgorithm.sha256
        do {
            let disclosures = try sdJWT.disclosures.map { (d: String) throws(SDJWTError) -> Disclosure in try Disclosure(encoded: d, limits: options.jsonLimits) }
            let processed = try DisclosedClaims(payload: payload, disclosures: disclosures)
            claims = processed.claims
            digestAlgorithm = processed.algorithm
            disclosedNames = processed.disclosedPointers.filter { $0.tokens.count == 1 }.map { $0.tokens[0] }
            report.checks.append(.pass(.disclosures, "\(disclosures.count) disclosure\(disclosures.count == 1 ? "" : "s"), each named by one digest; \(processed.undisclosedDigestCount) digest\(processed.undisclosedDigestCount == 1 ? "" : "s") without a disclosure (withheld or decoys)"))
            report.checks.append(.pass(.digestAlgorithm, processed.algorithm.rawValue))
        } catch {
            if error.code == .digestAlgorithm {
                report.checks.append(.fail(.digestAlgorithm, error.message))
            } else {
                report.checks.append(.fail(.disclosures, "\(error.code.rawValue): \(error.message)"))
            }
        }

        // The claims SD-JWT VC reserves, and the type's mandatory ones.
        if let claims {
            report.checks.append(reservedClaims(claims, disclosed: disclosedNames))
            if let vct = claims["vct"]?.stringValue, let required = options.mandatoryClaims[vct] {
                let missing = required.filter { claims[$0] == nil }
                report.checks.append(missing.isEmpty
                    ? .pass(.mandatoryClaims, "the \(required.count) claims \(vct) makes mandatory are present")
                    : .fail(.mandatoryClaims, "\(vct) makes \(missing.joined(separator: ", ")) mandatory; the SD-JWT does not disclose \(missing.count == 1 ? "it" : "them") (a disclosure removed, or never issued)"))
            }
        }
        report.checks.append(keyBindingJWT(sdJWT, payload: payload, algorithm: digestAlgorithm))
        report.checks.append(dates(payload))
        if payload["status"] != nil {
            report.checks.append(.pass(.status, "not checked: the credential names an IETF Token Status List, which credconv does not read"))
            report.status = .notChecked
        } else {
            report.checks.append(.pass(.status, "the credential names no status"))
        }
        return report
    }

    /// The key is the issuer's: an `x5c` chain that validates to a `--trust` anchor and names `iss`, or
    /// the bindings other JWS proofs have (DID documents, `--key` files, a kid under `iss`).
    private func keyBinding(_ key: ResolvedKey?, header: JSONObject, issuer: String?) -> VerificationCheck {
        guard let key else { return .fail(.keyBound, "not checked: no key") }
        guard let issuer else { return .fail(.keyBound, "the SD-JWT has no iss") }
        if case .array(let x5c)? = header["x5c"] {
            let chain: CertificateChain
            do { chain = try CertificateChain(x5c: x5c.compactMap(\.stringValue)) } catch {
                return .fail(.keyBound, error.message)
            }
            if let failure = chain.validationFailure(anchors: options.trustAnchors, at: options.at) {
                return .fail(.keyBound, "the x5c chain (\(chain.leafSubject())) does not validate: \(failure)")
            }
            let names = chain.leafNames()
            let host = Self.host(of: issuer)
            if names.uris.contains(issuer) || (host != nil && names.dns.contains { $0.lowercased() == host }) {
                return .pass(.keyBound, "the x5c chain validates to a --trust anchor and its certificate (\(chain.leafSubject())) names the issuer \(issuer)")
            }
            return .fail(.keyBound, "the x5c certificate (\(chain.leafSubject())) validates, but names \((names.dns + names.uris).joined(separator: ", ").nonEmpty ?? "no DNS name or URI"), not the issuer \(issuer)")
        }
        return IssuerBinding.check(key: key, issuer: IssuerIdentity(id: issuer), form: .vcPayload, creator: nil)
    }

    /// `iss`, `vct` present; none of the claims SD-JWT VC reserves disclosed selectively.
    private func reservedClaims(_ claims: JSONObject, disclosed: [String]) -> VerificationCheck {
        if claims["vct"]?.stringValue == nil { return .fail(.claimsConsistent, "the SD-JWT VC has no vct string") }
        if claims["iss"]?.stringValue == nil { return .fail(.claimsConsistent, "the SD-JWT VC has no iss string") }
        let reserved = disclosed.filter(Self.plainOnlyClaims.contains)
        if !reserved.isEmpty {
            return .fail(.claimsConsistent, "\(reserved.joined(separator: ", ")) must be plain claims in an SD-JWT VC, not disclosures")
        }
        return .pass(.claimsConsistent, "vct \(claims["vct"]!.stringValue!), iss \(claims["iss"]!.stringValue!)")
    }

    /// The key-binding JWT: signed by the `cnf` key, `typ: kb+jwt`, `sd_hash` of this presentation, `iat`
    /// recent, `aud` and `nonce` as asked.
    private func keyBindingJWT(_ sdJWT: CompactSDJWT, payload: JSONObject, algorithm: DigestAlgorithm) -> VerificationCheck {
        guard let kbText = sdJWT.keyBindingJWT else {
            if options.audience != nil || options.nonce != nil {
                return .fail(.keyBinding, "--audience/--nonce ask for key binding, but the SD-JWT has no key-binding JWT")
            }
            return .pass(.keyBinding, payload["cnf"] != nil ? "no key-binding JWT: the holder has not proved possession of the cnf key (not asked for)" : "no key binding")
        }
        guard case .object(let jwk)? = payload["cnf"]?.objectValue?["jwk"] else {
            return .fail(.keyBinding, "a key-binding JWT, but the issuer JWT binds no holder key (no cnf.jwk)")
        }
        let holderKey: PublicKey
        do { holderKey = try PublicKey(jwk: jwk) } catch { return .fail(.keyBinding, "cnf.jwk: \(error.message)") }
        let kb: SignedJWS
        let claims: JSONObject
        do {
            kb = try SignedJWS(kbText, limits: options.jsonLimits)
            guard case .object(let o) = try JSONParser(limits: options.jsonLimits).parse(kb.payload) else {
                return .fail(.keyBinding, "the key-binding JWT's payload is not a JSON object")
            }
            claims = o
        } catch let error as JOSEError {
            return .fail(.keyBinding, "the key-binding JWT: \(error.message)")
        } catch {
            return .fail(.keyBinding, "the key-binding JWT's payload is not JSON")
        }
        guard CompactSDJWT.mediaType(ofTyp: kb.type) == "kb+jwt" else { return .fail(.keyBinding, "the key-binding JWT's typ is \(kb.type ?? "absent"), not kb+jwt") }
        do { try kb.verify(with: holderKey) } catch {
            return .fail(.keyBinding, "the key-binding JWT is not signed by the holder's key (cnf.jwk): \(error.message)")
        }
        let expected = algorithm.digest(of: sdJWT.presentationWithoutKeyBinding)
        guard claims["sd_hash"]?.stringValue == expected else {
            return .fail(.keyBinding, "the key-binding JWT's sd_hash is not the digest of this presentation: disclosures were added, removed or changed after the holder signed")
        }
        guard let iatText = claims["iat"]?.numberText, let iat = Int64(iatText) else {
            return .fail(.keyBinding, "the key-binding JWT has no iat")
        }
        if iat > options.at + 60 { return .fail(.keyBinding, "the key-binding JWT was made in the future (iat \(ISOInstant.text(iat)))") }
        if options.at - iat > options.keyBindingMaxAge {
            return .fail(.keyBinding, "the key-binding JWT is \(options.at - iat) s old (iat \(ISOInstant.text(iat))); credconv accepts \(options.keyBindingMaxAge) s")
        }
        let aud = claims["aud"]?.stringValue, nonce = claims["nonce"]?.stringValue
        if let audience = options.audience, aud != audience {
            return .fail(.keyBinding, "the key-binding JWT is for the audience \(aud ?? "(none)"), not \(audience)")
        }
        if let expectedNonce = options.nonce, nonce != expectedNonce {
            return .fail(.keyBinding, "the key-binding JWT's nonce is \(nonce ?? "(none)"), not the one given")
        }
        let unchecked = [options.audience == nil ? "aud \(aud ?? "(none)")" : nil, options.nonce == nil ? "nonce" : nil].compactMap { $0 }
        return .pass(.keyBinding, "signed by the holder's key, sd_hash matches, iat \(ISOInstant.text(iat))" + (unchecked.isEmpty ? ", aud and nonce as given" : "; not compared: \(unchecked.joined(separator: ", ")) (give --audience and --nonce)"))
    }

    /// `nbf`, `exp` and `iat` against the time of verification.
    private func dates(_ payload: JSONObject) -> VerificationCheck {
        func seconds(_ name: String) -> Int64?? {
            guard let value = payload[name] else { return .some(nil) }
            guard let text = value.numberText, let n = Double(text), n.isFinite, abs(n) < 1e15 else { return nil }
            return .some(Int64(n.rounded(.down)))
        }
        guard let nbf = seconds("nbf"), let exp = seconds("exp"), let iat = seconds("iat") else {
            return .fail(.inDate, "iat, nbf or exp is not a number of seconds")
        }
        let at = options.at
        if let nbf, at < nbf { return .fail(.inDate, "not valid before \(ISOInstant.text(nbf)) (checked at \(ISOInstant.text(at)))") }
        if let exp, at >= exp { return .fail(.inDate, "expired at \(ISOInstant.text(exp)) (checked at \(ISOInstant.text(at)))") }
        if let iat, iat > at + 60 { return .fail(.inDate, "issued in the future (iat \(ISOInstant.text(iat)))") }
        return .pass(.inDate, "valid at \(ISOInstant.text(at))" + (exp.map { ", until \(ISOInstant.text($0))" } ?? ""))
    }

    /// The lower-cased host of an http(s) URL.
    static func host(of url: String) -> String? {
        guard let scheme = url.range(of: "://") else { return nil }
        let rest = url[scheme.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let host = authority.split(separator: "@").last.map { $0.split(separator: ":").first.map(String.init) ?? "" } ?? ""
        return host.isEmpty ? nil : host.lowercased()
    }
}

extension String {
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
