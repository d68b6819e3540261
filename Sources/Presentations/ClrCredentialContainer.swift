import CredconvJSON
import CredentialModel
import FormatInterface
import JSONMapping

/// A 1EdTech Comprehensive Learner Record 2.0 (`ClrCredential`, JSON-LD with VCDM 2.0 or 1.1, or its
/// VC-JWT form) seen as a wrapper: each credential of `credentialSubject.verifiableCredential` (embedded
/// JSON-LD or a VC-JWT string) is a record, converted on its own. This is how a CLR converts to formats
/// that hold one credential (OB 3.0, OB 2.0, the Learning Credential) and how `credconv verify` checks
/// each embedded credential; formats that hold records read it whole (the `clr` format).
///
/// What belongs to the record as a whole — its issuer, name, dates, the associations between
/// achievements, achievements without a credential, its proof — is then not converted and is reported,
/// member by member, at its JSON pointer; the record's signature is not verified (each embedded
/// credential keeps its own, which `credconv verify` checks).
public struct ClrCredentialContainer: CredentialContainer {
    public init() {}

    public var kind: String { "CLR 2.0 learner record" }

    public func unwrap(_ document: InputDocument, limits: JSONLimits) throws(Diagnostic) -> UnwrappedCredentials? {
        switch document {
        case .json(.object(let o)):
            return try credentials(of: o, at: .root)
        case .compactJWS(let text):
            guard let jws = try? CompactJWS(text, limits: limits), case .object(let claims)? = try? JSONParser(limits: limits).parse(jws.payload)
            else { return nil }
            var out: UnwrappedCredentials?
            if case .object(let vc)? = claims["vc"] {
                out = try credentials(of: vc, at: JSONPointer.root / "vc")
            } else {
                out = try credentials(of: claims, at: .root)
            }
            out?.notConverted.append(Diagnostic(.notInModel, "the CLR's JWT signature is not verified and does not carry over", at: .position(line: 1, column: 1), severity: .lost))
            return out
        default:
            return nil
        }
    }

    func credentials(of clr: JSONObject, at pointer: JSONPointer) throws(Diagnostic) -> UnwrappedCredentials? {
        let types = clr["type"].map(JSONValue.strings) ?? []
        guard types.contains("ClrCredential") else { return nil }
        guard case .object(let subject)? = clr["credentialSubject"] else {
            throw Diagnostic(.missingProperty, "the CLR has no credentialSubject object", at: .jsonPointer((pointer / "credentialSubject").description))
        }
        let subjectPointer = pointer / "credentialSubject"
        let held = subject["verifiableCredential"].map { value -> [JSONValue] in value.arrayValue ?? [value] } ?? []
        var records: [[UInt8]] = []
        for (i, entry) in held.enumerated() {
            let at = subjectPointer / "verifiableCredential" / i
            switch entry {
            case .object: records.append(JSONWriter(style: .compact).bytes(entry))
            case .string(let jwt): records.append(Array(jwt.utf8))
            default:
                throw Diagnostic(.typeMismatch, "a CLR's credential is an object or a VC-JWT string, not a \(entry.typeName)", at: .jsonPointer(at.description))
            }
        }
        guard !records.isEmpty else {
            throw Diagnostic(.missingProperty, "the CLR holds no credential (credentialSubject.verifiableCredential is absent or empty)", at: .jsonPointer(subjectPointer.description))
        }
        var notConverted: [Diagnostic] = []
        for m in clr where !["@context", "type", "credentialSubject"].contains(m.key) {
            notConverted.append(Diagnostic(.notInModel, "the CLR's own \(m.key) is not converted: each credential it holds is converted alone", at: .jsonPointer((pointer / m.key).description), severity: .lost))
        }
        for m in subject where !["type", "verifiableCredential"].contains(m.key) {
            if m.key == "association", case .array(let associations) = m.value {
                for (i, a) in associations.enumerated() {
                    let o = a.objectValue
                    let what = [o?["sourceId"]?.stringValue, o?["associationType"]?.stringValue, o?["targetId"]?.stringValue].compactMap { $0 }.joined(separator: " ")
                    notConverted.append(Diagnostic(.notInModel, "the CLR's association \(what) is not converted: each credential it holds is converted alone", at: .jsonPointer((subjectPointer / "association" / i).description), severity: .lost))
                }
                continue
            }
            notConverted.append(Diagnostic(.notInModel, "the CLR subject's \(m.key) is not converted: each credential it holds is converted alone", at: .jsonPointer((subjectPointer / m.key).description), severity: .lost))
        }
        return UnwrappedCredentials(records: records, notConverted: notConverted)
    }
}
