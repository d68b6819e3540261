import CredconvJSON

/// Source fields that no model property holds, kept so that a writer of the same family can put them
/// back and every other writer can name them in the loss report.
public struct ExtensionBag: Sendable, Equatable, Codable, JSONValueRepresentable {
    /// One kept field.
    public struct Field: Sendable, Equatable {
        /// The property name as the source wrote it.
        public var key: String
        /// The value, unchanged.
        public var value: JSONValue
        /// Where the field was in the source (a JSON pointer or an XPath), for the loss report.
        public var source: SourceLocation
        /// The format family that wrote it (`ob3`, `elm-xml`, …): only writers of that family can carry it.
        public var family: String

        public init(key: String, value: JSONValue, source: SourceLocation, family: String) {
            self.key = key
            self.value = value
            self.source = source
            self.family = family
        }
    }

    public private(set) var fields: [Field] = []

    public init() {}

    public var isEmpty: Bool { fields.isEmpty }

    /// Keeps a field. A key kept again (repeated XML elements) is kept again, never collapsed.
    public mutating func keep(_ key: String, _ value: JSONValue, at source: SourceLocation, family: String) {
        fields.append(Field(key: key, value: value, source: source, family: family))
    }

    /// Keeps every field of another bag.
    public mutating func keep(contentsOf other: ExtensionBag) {
        fields.append(contentsOf: other.fields)
    }

    /// The first value kept under `key`.
    public subscript(key: String) -> JSONValue? { fields.first { $0.key == key }?.value }

    /// Every value kept under `key`, in order.
    public func values(_ key: String) -> [JSONValue] { fields.filter { $0.key == key }.map(\.value) }

    /// The fields grouped by family, for the model document: `{"ob3": {"key": value}}`. A key kept
    /// several times in one family becomes an array of its values.
    public var jsonValue: JSONValue {
        // Grouped through dictionaries, in first-seen order: linear in the number of fields (a hostile
        // input with many unknown members must not make this quadratic).
        var familyOrder: [String] = []
        var keyOrder: [String: [String]] = [:]
        var values: [String: [String: [JSONValue]]] = [:]
        for f in fields {
            if values[f.family] == nil { familyOrder.append(f.family) }
            if values[f.family, default: [:]][f.key] == nil { keyOrder[f.family, default: []].append(f.key) }
            values[f.family, default: [:]][f.key, default: []].append(f.value)
        }
        let families = familyOrder.map { family in
            let own = values[family] ?? [:]
            let members = (keyOrder[family] ?? []).map { key in
                let all = own[key] ?? []
                return JSONObject.Member(key: key, value: all.count == 1 ? all[0] : .array(all))
            }
            return JSONObject.Member(key: family, value: .object(JSONObject(uniqueMembers: members)))
        }
        return .object(JSONObject(uniqueMembers: families))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(jsonValue)
    }
}
