import CredconvJSON
import CredentialModel

/// A wrapper that holds credentials without being one: a verifiable presentation, an upload envelope.
/// Listed in the registry beside the formats; the registry unwraps an input into one record per
/// credential before any format reads it, so a reader only ever sees one credential.
public protocol CredentialContainer: Sendable {
    /// What the wrapper is, for reports (`verifiable presentation`).
    var kind: String { get }
    /// The credentials inside, each as its own input, or nil when the document is not this wrapper.
    func unwrap(_ document: InputDocument, limits: JSONLimits) throws(Diagnostic) -> UnwrappedCredentials?
}

/// What a container held.
public struct UnwrappedCredentials: Sendable {
    /// Each credential as an input of its own (JSON text, a compact JWS, XML).
    public var records: [[UInt8]]
    /// What the wrapper holds beyond its credentials, which is not converted: one loss each.
    public var notConverted: [Diagnostic]

    public init(records: [[UInt8]], notConverted: [Diagnostic] = []) {
        self.records = records
        self.notConverted = notConverted
    }
}

/// One credential of an input: the input itself, or one taken out of a wrapper.
public struct InputRecord: Sendable {
    public var bytes: [UInt8]
    /// The wrappers it was taken out of, outermost first (empty for the input itself).
    public var wrappers: [String]
    /// Its position among the wrapper's credentials (1-based), and how many there were.
    public var position: (index: Int, of: Int)?
    /// Findings of the unwrapping (what the wrapper held beyond credentials).
    public var findings: [Diagnostic]
    /// The bytes' first look, when the registry already took it (the input itself, not unwrapped).
    public var document: InputDocument?

    public init(bytes: [UInt8], wrappers: [String] = [], position: (index: Int, of: Int)? = nil, findings: [Diagnostic] = [], document: InputDocument? = nil) {
        self.bytes = bytes
        self.document = document
        self.wrappers = wrappers
        self.position = position
        self.findings = findings
    }
}

extension FormatRegistry {
    /// The credentials of an input: the input itself when no container claims it, else one record per
    /// credential inside (wrappers within wrappers too, to a depth of four).
    public func records(_ bytes: [UInt8], limits: JSONLimits) throws(Diagnostic) -> [InputRecord] {
        try records(InputRecord(bytes: bytes), limits: limits, depth: 0)
    }

    func records(_ record: InputRecord, limits: JSONLimits, depth: Int) throws(Diagnostic) -> [InputRecord] {
        guard !containers.isEmpty, depth < 4 else { return [record] }
        let document: InputDocument
        if let given = record.document { document = given } else { document = try Self.document(record.bytes, limits: limits) }
        for container in containers {
            guard let inside = try container.unwrap(document, limits: limits) else { continue }
            guard !inside.records.isEmpty else {
                throw Diagnostic(.unknownInput, "the \(container.kind) holds no credential")
            }
            var out: [InputRecord] = []
            for (i, bytes) in inside.records.enumerated() {
                let inner = InputRecord(
                    bytes: bytes, wrappers: record.wrappers + [container.kind], position: (i + 1, inside.records.count),
                    findings: record.findings + (i == 0 ? inside.notConverted : []))
                out += try records(inner, limits: limits, depth: depth + 1)
            }
            return out
        }
        var looked = record
        looked.document = document
        return [looked]
    }
}
