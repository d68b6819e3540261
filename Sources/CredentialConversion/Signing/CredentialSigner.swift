import CredconvJSON
import CredentialModel
import CredentialVerification
import FormatInterface
import DataIntegrity
import JOSE

/// Signs what a writer wrote: wraps an Open Badges 3.0 credential or an Open Badges 2.0 assertion in a
/// compact JWS made with the user's key. The signature is credconv's, made now: it says who signed the
/// output, never that the input was authentic.
struct CredentialSigner {
    var request: SigningRequest

    /// The format whose unsigned JSON is signed.
    var unsignedFormat: FormatName {
        switch request.form {
        case .ob2: return .ob2
        case .learningCredential: return .eudiLearningCredential
        case .ob3, .ob3JWT, .vcJWT: return .ob3
        }
    }

    /// The signed form of `document` (the unsigned writer's output): a compact JWS, or for ``SigningRequest/Form/ob3``
    /// the document with an embedded Data Integrity proof, written in `style`.
    func sign(_ document: [UInt8], style: JSONWriter.Style, report: inout ConversionReport) throws(Diagnostic) -> [UInt8] {
        if request.form == .learningCredential { return try signSDJWT(document, report: &report) }
        guard case .object(var credential) = try? JSONParser().parse(document) else {
            throw Diagnostic(.invalidValue, "the \(unsignedFormat) output to sign is not a JSON object")
        }
        let key = request.key
        if request.form == .ob3 { return JSONWriter(style: style).bytes(.object(try embedProof(in: credential, report: &report))) }
        if request.suite != nil && request.form != .ob2 { credential = try embedProof(in: credential, report: &report) }
        let algorithm = request.algorithm ?? key.type.defaultAlgorithm
        do { try algorithm.check(fits: key.publicKey) } catch {
            throw Diagnostic(.usage, "--alg \(algorithm.rawValue) cannot sign with this key: \(error.message)")
        }
        var header = JSONObject()
        let payload: JSONValue
        let issuer = credential["issuer"]?.stringValue ?? credential["issuer"]?.objectValue?["id"]?.stringValue
        switch request.form {
        case .ob3:
            return JSONWriter(style: style).bytes(.object(try embedProof(in: credential, report: &report)))
        case .ob2:
            guard let creator = request.keyId else {
                throw Diagnostic(.usage, "an Open Badges 2.0 signed assertion names its key by the URL of its CryptographicKey document: give it with --kid")
            }
            if algorithm != .rs256 {
                report.warn(.writtenDifferently, "Open Badges 2.0 signed assertions use RS256; this one is signed with \(algorithm.rawValue), which OB 2.0 verifiers may refuse")
            }
            credential.set("verification", .object(JSONObject(["type": .string("SignedBadge"), "creator": .string(creator)])))
            payload = .object(credential)
        case .learningCredential:
            return try signSDJWT(document, report: &report)
        case .ob3JWT, .vcJWT:
            let kid = request.keyId ?? key.publicKey.didKeyVerificationMethod
            if let kid { header.set("kid", .string(kid)) } else { header.set("jwk", .object(key.publicKey.jwk)) }
            header.set("typ", .string(request.form == .ob3JWT ? "JWT" : "vc+jwt"))
            if request.form == .vcJWT { header.set("cty", .string("vc")) }
            warnUnlessBound(kid: kid, issuer: issuer, report: &report)
            if request.form == .vcJWT {
                payload = .object(credential)
            } else {
                var claims = JSONObject()
                if let issuer { claims.set("iss", .string(issuer)) }
                if let id = credential["id"]?.stringValue { claims.set("jti", .string(id)) }
                if let sub = credential["credentialSubject"]?.objectValue?["id"]?.stringValue { claims.set("sub", .string(sub)) }
                if let from = (credential["validFrom"] ?? credential["issuanceDate"])?.stringValue, let s = ISOInstant.seconds(from) {
                    claims.set("nbf", .integer(Int(s)))
                }
                if let until = (credential["validUntil"] ?? credential["expirationDate"])?.stringValue, let s = ISOInstant.seconds(until) {
                    claims.set("exp", .integer(Int(s)))
                }
                claims.set("vc", .object(credential))
                payload = .object(claims)
            }
        }
        if request.form == .ob2 { header = JSONObject() }
        do {
            let text = try SignedJWS.sign(header: header, payload: JSONWriter(style: .compact).bytes(payload), key: key, algorithm: algorithm)
            return Array(text.utf8)
        } catch {
            throw Diagnostic(.invalidKey, "signing failed: \(error.message)")
        }
    }

    /// The credential with a Data Integrity proof (default `eddsa-rdfc-2022` for Ed25519,
    /// `ecdsa-rdfc-2019` for P-256 and P-384).
    private func embedProof(in credential: JSONObject, report: inout ConversionReport) throws(Diagnostic) -> JSONObject {
        let key = request.key
        let suite = request.suite ?? (key.type == .ed25519 ? .eddsaRDFC2022 : .ecdsaRDFC2019)
        guard suite.canSign else {
            throw Diagnostic(.usage, "credconv signs with eddsa-rdfc-2022, ecdsa-rdfc-2019, eddsa-jcs-2022 and ecdsa-jcs-2019, not \(suite.rawValue)")
        }
        guard suite.keyTypes.contains(key.type) else {
            throw Diagnostic(.usage, "\(suite.rawValue) signs with \(suite.keyTypes.map(\.description).joined(separator: " or ")) keys, not \(key.publicKey.withArticle)")
        }
        guard let method = request.keyId ?? key.publicKey.didKeyVerificationMethod else {
            throw Diagnostic(.usage, "name the verification method with --kid (this key has no did:key)")
        }
        let issuer = credential["issuer"]?.stringValue ?? credential["issuer"]?.objectValue?["id"]?.stringValue
        warnUnlessBound(kid: method, issuer: issuer, report: &report)
        var options = JSONObject([
            "type": .string("DataIntegrityProof"), "cryptosuite": .string(suite.rawValue),
        ])
        if let created = request.created { options.set("created", .string(created)) }
        options.set("verificationMethod", .string(method))
        options.set("proofPurpose", .string("assertionMethod"))
        do {
            var signed = try DataIntegrityProofs.sign(credential, options: options, key: key, suite: suite, processor: request.jsonld)
            // A set of one: the strict Open Badges 3.0 schema (2024) wants `proof` as an array.
            if case .object(let proof)? = signed["proof"] { signed.set("proof", .array([.object(proof)])) }
            return signed
        } catch {
            throw Diagnostic(.invalidValue, "cannot add the \(suite.rawValue) proof: \(error.message)")
        }
    }

    /// Warns when a verifier will not be able to tie the key to the issuer from the credential alone.
    func warnUnlessBound(kid: String?, issuer: String?, report: inout ConversionReport) {
        guard let issuer else { return }
        if let kid, IssuerBinding.isUnder(kid, issuer: issuer) { return }
        let named = kid ?? "in the JWS header"
        report.warn(.keyNotBound, "the signing key \(named) is not under the issuer's id \(issuer): a verifier ties it to the issuer only through the issuer's DID document or profile listing it (publish it there), or when the issuer's id is the key's DID (\(request.key.publicKey.didKey ?? request.key.publicKey.didJWK))")
    }
}
