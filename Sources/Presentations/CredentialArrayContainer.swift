import CredconvJSON
import CredentialModel
import FormatInterface
import JSONMapping

/// A JSON array of credentials — what `jq -s` makes of several, or an export of a registry's badges:
/// each element is a record. Taken only when every element is a credential or a presentation (a
/// JSON-LD object whose `type` names one) or a VC-JWT / SD-JWT string, so an Open Badges 2.0 bundle
/// (an assertion, its badge class and issuer in one array) is left to its own reader.
public struct CredentialArrayContainer: CredentialContainer {
    public init() {}

    public var kind: String { "JSON array" }

    public func unwrap(_ document: InputDocument, limits: JSONLimits) throws(Diagnostic) -> UnwrappedCredentials? {
        guard case .json(.array(let elements)) = document, !elements.isEmpty else { return nil }
        var records: [[UInt8]] = []
        records.reserveCapacity(elements.count)
        for element in elements {
            switch element {
            case .object where EnvelopeContainer.isCredentialOrPresentation(element):
                records.append(JSONWriter(style: .compact).bytes(element))
            case .string(let text) where Self.isCompactJWT(text):
                records.append(Array(text.utf8))
            default:
                return nil
            }
        }
        return UnwrappedCredentials(records: records)
    }

    /// A compact JWS, or an SD-JWT (a compact JWS, then `~`-separated disclosures).
    static func isCompactJWT(_ text: String) -> Bool {
        let utf8 = Array(text.utf8)
        let jws = utf8.firstIndex(of: UInt8(ascii: "~")).map { Array(utf8[..<$0]) } ?? utf8
        return CompactJWS.looksLikeCompactJWS(jws)
    }
}
