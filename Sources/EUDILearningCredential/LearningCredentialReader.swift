import CredconvJSON
import CredentialModel
import JSONMapping
import SDJWT

/// Reads a Learning Credential (compact SD-JWT VC) into the model: splits the parts, checks every
/// disclosure against the issuer JWT's digests (``DisclosedClaims``), then maps the claims. The issuer's
/// signature and the key binding are **not verified** here (`credconv verify` does that).
public struct LearningCredentialReader: Sendable {
    public init() {}

    /// The issuer-signed JWT of an SD-JWT, decoded.
    struct IssuerJWT {
        var sdJWT: CompactSDJWT
        var header: JSONObject
        var payload: JSONObject
        var hasSignature: Bool
        var disclosureCount: Int { sdJWT.disclosures.count }
        var hasKeyBinding: Bool { sdJWT.keyBindingJWT != nil }
    }

    /// Splits `text` and decodes the issuer JWT's header and payload.
    static func issuerJWT(of text: String, limits: JSONLimits) throws(Diagnostic) -> IssuerJWT {
        let sdJWT: CompactSDJWT
        do { sdJWT = try CompactSDJWT(text) } catch { throw Diagnostic(error) }
        let jws = try CompactJWS(sdJWT.issuerJWT, limits: limits)
        let payload: JSONValue
        do { payload = try JSONParser(limits: limits).parse(jws.payload) } catch {
            throw Diagnostic(.sdJWTMalformed, "the SD-JWT's payload is not JSON: \(error.message)", at: .position(line: 1, column: 1))
        }
        guard case .object(let claims) = payload else {
            throw Diagnostic(.sdJWTMalformed, "the SD-JWT's payload is not a JSON object", at: .position(line: 1, column: 1))
        }
        return IssuerJWT(sdJWT: sdJWT, header: jws.header, payload: claims, hasSignature: jws.hasSignature)
    }

    /// Reads one Learning Credential.
    public func read(_ text: String, report: inout ConversionReport, limits: JSONLimits = .default) throws(Diagnostic) -> Credential {
        let issued = try Self.issuerJWT(of: text, limits: limits)
        let typ = CompactSDJWT.mediaType(ofTyp: issued.header["typ"]?.stringValue)
        if typ != LearningCredentialType.mediaType && typ != LearningCredentialType.formerMediaType {
            report.warn(.nonconformingInput, "the SD-JWT's typ is \(typ ?? "absent"), not \(LearningCredentialType.mediaType)", at: .position(line: 1, column: 1))
        }
        var disclosures: [Disclosure] = []
        do {
            for encoded in issued.sdJWT.disclosures { disclosures.append(try Disclosure(encoded: encoded, limits: limits)) }
        } catch { throw Diagnostic(error) }
        let processed: DisclosedClaims
        do { processed = try DisclosedClaims(payload: issued.payload, disclosures: disclosures) } catch { throw Diagnostic(error) }

        var credential = Credential(provenance: Provenance(sourceFormat: LearningCredentialFormat.family, sourceVersion: issued.payload["vct"]?.stringValue))
        var mapping = ClaimMapping(claims: processed.claims)
        try mapping.map(into: &credential, report: &report)
        for name in LearningCredentialType.mandatoryClaimNames where processed.claims[name] == nil {
            report.warn(.valueMissing, "the Learning Credential lacks the mandatory claim \(name)\(processed.undisclosedDigestCount > 0 ? " (withheld by the holder, or never issued)" : "")", at: .jsonPointer("/\(name)"))
        }
        let alg = issued.header["alg"]?.stringValue
        if issued.hasSignature, alg != "none" {
            var detail = "SD-JWT VC" + (alg.map { " \($0)" } ?? "")
            if issued.hasKeyBinding { detail += ", with a key-binding JWT" }
            credential.provenance.signature = SignatureInfo(kind: .jws, detail: detail, keyReference: issued.header["kid"]?.stringValue)
        }
        return credential
    }
}
