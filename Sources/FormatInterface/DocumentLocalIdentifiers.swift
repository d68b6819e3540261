import CredentialModel

/// The document-local ids a writer mints for nodes the model has no id for (`urn:epass:note:3`, as the
/// EDC tools make them), numbered per kind in writing order, never equal to a reserved id (one a node
/// kept from the source has). It records what it minted and which model ids it was given, so a writer
/// can tell when a minted id equals a model id and write again around them.
public struct DocumentLocalIdentifiers: Sendable {
    private let prefix: String
    private let reserved: Set<String>
    private var counters: [String: Int] = [:]
    /// The ids minted so far.
    public private(set) var minted: Set<String> = []
    /// The ids taken from the model so far.
    public private(set) var kept: Set<String> = []

    public init(prefix: String = "urn:epass:", reserved: Set<String> = []) {
        self.prefix = prefix
        self.reserved = reserved
    }

    /// A fresh id of a kind: `urn:epass:<kind>:<n>`.
    public mutating func mint(_ kind: String) -> String {
        while true {
            let n = (counters[kind] ?? 0) + 1
            counters[kind] = n
            let id = "\(prefix)\(kind):\(n)"
            if !reserved.contains(id) {
                minted.insert(id)
                return id
            }
        }
    }

    /// The model's id of a node when it has one the target accepts, else a minted one.
    public mutating func nodeId(_ given: String?, kind: String, accepting accepts: (String) -> Bool = { _ in true }) -> String {
        if let given, accepts(given) {
            kept.insert(given)
            return given
        }
        return mint(kind)
    }

    /// True when a minted id equals one taken from the model (the writer should write again, with the
    /// model's ids reserved).
    public var mintedAModelId: Bool { !minted.isDisjoint(with: kept) }

    /// The warning for a second, different node under an id already used, written with a fresh one.
    public static func reusedIdentifier(_ id: String, writtenAs fresh: String) -> Diagnostic {
        Diagnostic(.identifierMinted, "the id \(id) belongs to two different nodes; the second was written as \(fresh)")
    }
}
