import CredconvJSON
import CredentialModel
import FormatInterface
import JSONMapping

/// A W3C verifiable presentation (VCDM 1.1 or 2.0, JSON-LD, or a VP-JWT with a `vp` claim): each of its
/// `verifiableCredential` entries — an embedded credential, a VC-JWT string, or an enveloped
/// `data:application/vc+jwt,…` credential — is a record. The presentation's own proof and holder are
/// not converted and are reported; its signature is not verified.
public struct VerifiablePresentationContainer: CredentialContainer {
    public init() {}

    public var kind: String { "verifiable presentation" }

    public func unwrap(_ document: InputDocument, limits: JSONLimits) throws(Diagnostic) -> UnwrappedCredentials? {
        switch document {
        case .json(.object(let o)):
            return try credentials(of: o, at: .root, signed: false)
        case .compactJWS(let text):
            guard let jws = try? CompactJWS(text, limits: limits), case .object(let claims)? = try? JSONParser(limits: limits).parse(jws.payload),
                case .object(let vp)? = claims["vp"]
            else { return nil }
            var out = try credentials(of: vp, at: JSONPointer.root / "vp", signed: true)
            out?.notConverted.append(Diagnostic(.notInModel, "the presentation's JWT signature is not verified and does not carry over", at: .position(line: 1, column: 1), severity: .lost))
            return out
        default:
            return nil
        }
    }

    func credentials(of vp: JSONObject, at pointer: JSONPointer, signed: Bool) throws(Diagnostic) -> UnwrappedCredentials? {
        let types = vp["type"].map(JSONValue.strings) ?? []
        guard types.contains("VerifiablePresentation") else { return nil }
        guard let held = vp["verifiableCredential"] else {
            throw Diagnostic(.missingProperty, "the verifiable presentation has no verifiableCredential", at: .jsonPointer(pointer.description))
        }
        let entries: [JSONValue]
        if case .array(let a) = held { entries = a } else { entries = [held] }
        var records: [[UInt8]] = []
        for (i, entry) in entries.enumerated() {
            let at = held.arrayValue != nil ? pointer / "verifiableCredential" / i : pointer / "verifiableCredential"
            switch entry {
            case .object(let c):
                if (c["type"].map(JSONValue.strings) ?? []).contains("EnvelopedVerifiableCredential"), let id = c["id"]?.stringValue {
                    guard let comma = id.firstIndex(of: ","), id.hasPrefix("data:") else {
                        throw Diagnostic(.invalidValue, "an enveloped credential's id is not a data: URL", at: .jsonPointer((at / "id").description))
                    }
                    records.append(Array(id[id.index(after: comma)...].utf8))
                } else {
                    records.append(JSONWriter(style: .compact).bytes(entry))
                }
            case .string(let jwt):
                records.append(Array(jwt.utf8))
            default:
                throw Diagnostic(.typeMismatch, "a presented credential is an object or a JWT string, not a \(entry.typeName)", at: .jsonPointer(at.description))
            }
        }
        var notConverted: [Diagnostic] = []
        for m in vp where !["@context", "type", "id", "verifiableCredential"].contains(m.key) {
            notConverted.append(Diagnostic(.notInModel, "the presentation's \(m.key) is not converted (each credential is converted alone)", at: .jsonPointer((pointer / m.key).description), severity: .lost))
        }
        return UnwrappedCredentials(records: records, notConverted: notConverted)
    }
}
