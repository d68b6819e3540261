import CredconvJSON

/// Source fields that no model property holds, kept so that a writer of the same family can put them
/// back and every other writer can name them in the loss report.
public struct ExtensionBag: Sendable, Equatable, Encodable, JSONValueRepresentable {
    /// One kept field.
    public struct Field: Sendable, Equatable {
        /// The property name as the source wrote it.
        public var key: String
        /// The value, unchanged.
        public var value: JSONValue
        /// Where the field was in the source (a JSON pointer or an XPath), for the loss report.
        public var sourcePath: String
        /// The format family that wrote it (`ob3`, `elm-xml`, …): only writers of that family can carry it.
        public var family: String

        public init(key: String, value: JSONValue, sourcePath: String, family: String) {
            self.key = key
            self.value = value
            self.sourcePath = sourcePath
            self.family = family
        }
    }

    public private(set) var fields: [Field] = []

    public init() {}

    public var isEmpty: Bool { fields.isEmpty }

    /// Keeps a field; a second field with the same key replaces the first.
    public mutating func keep(_ key: String, _ value: JSONValue, at sourcePath: String, family: String) {
        if let i = fields.firstIndex(where: { $0.key == key }) {
            fields[i] = Field(key: key, value: value, sourcePath: sourcePath, family: family)
        } else {
            fields.append(Field(key: key, value: value, sourcePath: sourcePath, family: family))
        }
    }

    /// The value kept under `key`.
    public subscript(key: String) -> JSONValue? { fields.first { $0.key == key }?.value }

    public var jsonValue: JSONValue {
        var o = JSONObject()
        for f in fields { o.set(f.key, f.value) }
        return .object(o)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(jsonValue)
    }
}
