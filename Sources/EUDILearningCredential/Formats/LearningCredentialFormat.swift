import CredconvJSON
import CredentialModel
import FormatInterface
import JSONMapping
import SDJWT

extension FormatName {
    /// The EU Digital Identity Wallet's Learning Credential (SD-JWT VC).
    public static let eudiLearningCredential: FormatName = "eudi-lc"
}

/// The holder's public key (`cnf.jwk`) for Learning Credential output (`--holder-key`).
public enum HolderKeyOption: FormatOptionKey {
    public static let defaultValue: JSONObject? = nil
}

/// `exp` (Unix seconds) for Learning Credential output when the credential has no end of validity (`--expires`).
public enum ExpiryOption: FormatOptionKey {
    public static let defaultValue: Int64? = nil
}

/// The EUDI Wallet's Learning Credential, an SD-JWT VC of type `urn:eu.europa.ec.eudi:learning:credential:1`.
///
/// Read: the compact SD-JWT (issuer JWT, disclosures, optional key-binding JWT), every disclosure
/// checked against its digest. Written: unsigned by this module (``LearningCredentialWriter``); the
/// conversion signs it (`-t eudi-lc --sign-key`).
public struct LearningCredentialFormat: ReadableFormat, WritableFormat {
    /// The family name of claims kept in the model's extensions.
    public static let family = "eudi-lc"

    public init() {}

    public var name: FormatName { .eudiLearningCredential }
    public var summary: String { "EU Digital Identity Wallet Learning Credential (SD-JWT VC; -t eudi-lc --sign-key --holder-key writes it, signed)" }
    public var fileExtension: String { "sd-jwt" }

    public func recognise(_ document: InputDocument, limits: JSONLimits) -> Recognition? {
        if case .compactJWS(let text) = document, let jws = try? CompactJWS(text, limits: limits),
           case .object(let claims)? = try? JSONParser(limits: limits).parse(jws.payload), claims["vct"] != nil {
            return .refused(Diagnostic(.sdJWTMalformed, "a JWT with a vct (an SD-JWT VC's issuer JWT) but no ~ after it: an SD-JWT is JWT~disclosures~; give it whole", at: .position(line: 1, column: 1)))
        }
        guard case .bytes(let bytes) = document, CompactSDJWT.looksLikeSDJWT(bytes) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        let issued: LearningCredentialReader.IssuerJWT
        do { issued = try LearningCredentialReader.issuerJWT(of: text, limits: limits) } catch { return .refused(error) }
        let vct = issued.payload["vct"]?.stringValue
        guard vct == LearningCredentialType.vct else {
            let what = vct.map { "an SD-JWT VC of type \($0)" } ?? "an SD-JWT without vct"
            return .refused(Diagnostic(.unknownInput, "\(what), not a Learning Credential (\(LearningCredentialType.vct)): credconv reads no other SD-JWT type", at: .jsonPointer("/vct")))
        }
        let alg = issued.header["alg"]?.stringValue ?? "no alg"
        let kb = issued.hasKeyBinding ? ", with key binding" : ""
        return .recognised(detail: "SD-JWT VC \(issued.header["typ"]?.stringValue ?? "without typ") \(alg), \(issued.disclosureCount) disclosures\(kb)")
    }

    public func read(_ document: InputDocument, context: inout ReadContext) throws(Diagnostic) -> Credential {
        let text: String
        switch document {
        case .bytes(let bytes): text = String(decoding: bytes, as: UTF8.self)
        case .compactJWS(let jws): text = jws
        case .json: throw Diagnostic(.formatMismatch, "a Learning Credential is a compact SD-JWT (JWT~disclosures~), not JSON")
        }
        return try LearningCredentialReader().read(text, report: &context.report, limits: context.jsonLimits)
    }

    public func write(_ credential: Credential, context: inout WriteContext) throws(Diagnostic) -> [UInt8] {
        let writer = LearningCredentialWriter(
            holderKey: context.options[HolderKeyOption.self], expiry: context.options[ExpiryOption.self],
            preferredLanguages: context.preferredLanguages, makeIdentifier: context.makeIdentifier)
        return try writer.write(credential, report: &context.report)
    }
}
