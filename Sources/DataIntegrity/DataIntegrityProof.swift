import CredconvJSON

/// A `DataIntegrityProof` as a document carries it (VC Data Integrity 1.0 §2.1).
public struct DataIntegrityProof: Sendable {
    /// The proof object as given (with `proofValue`).
    public var object: JSONObject
    public var type: String?
    public var cryptosuite: String?
    public var verificationMethod: String?
    public var proofPurpose: String?
    public var created: String?
    public var expires: String?
    public var proofValue: String?

    public init(_ object: JSONObject) {
        self.object = object
        type = object["type"]?.stringValue
        cryptosuite = object["cryptosuite"]?.stringValue
        verificationMethod = object["verificationMethod"]?.stringValue ?? object["verificationMethod"]?.objectValue?["id"]?.stringValue
        proofPurpose = object["proofPurpose"]?.stringValue
        created = object["created"]?.stringValue
        expires = object["expires"]?.stringValue
        proofValue = object["proofValue"]?.stringValue
    }

    /// The proofs of a secured document (`proof` as one object or a set).
    public static func proofs(of document: JSONObject) -> [DataIntegrityProof] {
        switch document["proof"] {
        case .object(let o)?: return [DataIntegrityProof(o)]
        case .array(let items)?: return items.compactMap(\.objectValue).map(DataIntegrityProof.init)
        default: return []
        }
    }

    /// For people: `DataIntegrityProof eddsa-jcs-2022`.
    public var name: String { [type, cryptosuite].compactMap { $0 }.joined(separator: " ") }
}
