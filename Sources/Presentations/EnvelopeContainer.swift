import CredconvJSON
import CredentialModel
import FormatInterface

/// A plain JSON object that carries credentials under its members — as the EDC upload form holds its
/// credential under a member of a wrapper object — and is no JSON-LD node itself (no `@context`, no
/// `type`). Each member value that is a credential or a presentation (a JSON-LD object whose `type`
/// names one), or an array of them, gives records; every other member is reported, not converted.
public struct EnvelopeContainer: CredentialContainer {
    public init() {}

    public var kind: String { "wrapper object" }

    public func unwrap(_ document: InputDocument, limits: JSONLimits) throws(Diagnostic) -> UnwrappedCredentials? {
        guard case .json(.object(let o)) = document, o["@context"] == nil, o["type"] == nil else { return nil }
        var records: [[UInt8]] = []
        var others: [String] = []
        for m in o {
            let values: [JSONValue]
            if case .array(let a) = m.value { values = a } else { values = [m.value] }
            let held = values.filter(Self.isCredentialOrPresentation)
            if !held.isEmpty && held.count == values.count {
                records += held.map { JSONWriter(style: .compact).bytes($0) }
            } else {
                others.append(m.key)
            }
        }
        guard !records.isEmpty else { return nil }
        let notConverted = others.map {
            Diagnostic(.notInModel, "the wrapper's member \($0) is not a credential and is not converted", at: .jsonPointer((JSONPointer.root / $0).description), severity: .lost)
        }
        return UnwrappedCredentials(records: records, notConverted: notConverted)
    }

    static func isCredentialOrPresentation(_ v: JSONValue) -> Bool {
        guard case .object(let o) = v, o["@context"] != nil else { return false }
        let types = o["type"].map(JSONValue.strings) ?? []
        return types.contains("VerifiableCredential") || types.contains("VerifiablePresentation")
    }
}
