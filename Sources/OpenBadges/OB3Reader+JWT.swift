import CredconvJSON
import CredentialModel
import Foundation
import JSONMapping

extension OB3Reader {
    /// Reads an Open Badges 3.0 VC-JWT: the credential is the payload, or the payload's `vc` claim
    /// (VCDM 1.1 style). JWT claims fill in what the credential leaves out (`jti` → id, `iss` → issuer,
    /// `nbf` → validFrom, `exp` → validUntil, `sub` → subject id). The signature is **not verified**.
    public func readJWT(_ text: String, report: inout ConversionReport, limits: JSONLimits = .default) throws(Diagnostic) -> Credential {
        let jws = try CompactJWS(text, limits: limits)
        let payload: JSONValue
        do {
            payload = try JSONParser(limits: limits).parse(jws.payload)
        } catch {
            throw Diagnostic(.invalidValue, "JWT payload is not valid JSON: \(error.message) (at \(error.position) of the decoded payload)", at: .position(line: 1, column: 1))
        }
        guard case .object(let claims) = payload else {
            throw Diagnostic(.invalidValue, "JWT payload is not a JSON object", at: .position(line: 1, column: 1))
        }
        var document: JSONObject
        if case .object(let vc)? = claims["vc"] { document = vc } else { document = claims }
        if document["id"] == nil, let jti = claims["jti"]?.stringValue { document.set("id", .string(jti)) }
        if document["issuer"] == nil, let iss = claims["iss"]?.stringValue { document.set("issuer", .string(iss)) }
        if document["validFrom"] == nil && document["issuanceDate"] == nil, let nbf = claims["nbf"]?.numberText {
            document.set("validFrom", .string(try Self.isoDate(fromEpoch: nbf, claim: "nbf")))
        }
        if document["validUntil"] == nil && document["expirationDate"] == nil, let exp = claims["exp"]?.numberText {
            document.set("validUntil", .string(try Self.isoDate(fromEpoch: exp, claim: "exp")))
        }
        if let sub = claims["sub"]?.stringValue, case .object(var subject)? = document["credentialSubject"], subject["id"] == nil {
            subject.set("id", .string(sub))
            document.set("credentialSubject", .object(subject))
        }
        var credential = try read(.object(document), report: &report, formatName: "ob3-jwt")
        credential.provenance.signature = SignatureInfo(
            kind: .jws, detail: jws.algorithm.map { "VC-JWT \($0)" } ?? "VC-JWT", keyReference: jws.keyId)
        if !jws.hasSignature { credential.provenance.signature?.detail = "unsecured JWT (empty signature)" }
        return credential
    }

    /// A JWT time claim as a date-time; outside years 1–9999 an error naming the claim.
    static func isoDate(fromEpoch text: String, claim: String) throws(Diagnostic) -> String {
        switch UnixTime.isoDateTime(fromSeconds: text) {
        case .success(let iso): return iso
        case .failure:
            throw Diagnostic(.invalidValue, "the JWT claim \(claim) (\(text)) is no Unix time in the years 1–9999", at: .jsonPointer("/\(claim)"))
        }
    }
}
