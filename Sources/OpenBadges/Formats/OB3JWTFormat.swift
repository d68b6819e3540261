import CredconvJSON
import CredentialModel
import FormatInterface

/// Open Badges 3.0 VC-JWT: the credential in a `vc` claim, or the payload itself (VC-JOSE-COSE).
public struct OB3JWTFormat: ReadableFormat {
    public init() {}

    public var name: FormatName { .ob3JWT }
    public var summary: String { "Open Badges 3.0 VC-JWT (compact JWS; credconv verify checks it, -t ob3-jwt --sign-key writes it)" }
    public var fileExtension: String { "jwt" }

    public func recognise(_ document: InputDocument, limits: JSONLimits) -> Recognition? {
        guard case .compactJWS(let text) = document, let (claims, algorithm) = OpenBadgesRecognition.jwsPayload(text, limits: limits)
        else { return nil }
        let types = claims["type"].map(JSONValue.strings) ?? []
        guard claims["vc"] != nil || types.contains(where: { $0.hasSuffix("Credential") }) else { return nil }
        return .recognised(detail: "VC-JWT" + (algorithm.map { " \($0)" } ?? "") + (claims["vc"] != nil ? ", credential in vc claim" : ""))
    }

    public func read(_ document: InputDocument, context: inout ReadContext) throws(Diagnostic) -> Credential {
        guard case .compactJWS(let text) = document else { throw Diagnostic(.formatMismatch, "a VC-JWT is a compact JWS") }
        return try OB3Reader().readJWT(text, report: &context.report, limits: context.jsonLimits)
    }
}
