/// Issues blank node identifiers with a prefix and a counter (`c14n0`, `c14n1`, …), remembering the
/// order in which existing identifiers got them (RDFC-1.0 §4.5).
struct IdentifierIssuer {
    let prefix: String
    private(set) var counter = 0
    /// Existing identifier → issued identifier.
    private(set) var issued: [String: String] = [:]
    /// Existing identifiers in the order they were issued.
    private(set) var order: [String] = []

    init(prefix: String) { self.prefix = prefix }

    /// The identifier issued for `existing`, issuing one if needed.
    @discardableResult
    mutating func issue(_ existing: String) -> String {
        if let id = issued[existing] { return id }
        let id = prefix + String(counter)
        counter += 1
        issued[existing] = id
        order.append(existing)
        return id
    }

    func identifier(for existing: String) -> String? { issued[existing] }
}
