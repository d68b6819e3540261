/// Lets model types hold raw JSON (extension bags, kept documents) and still be `Encodable`.
///
/// ``JSONValueEncoder`` uses the value as it is (numbers keep their text); other encoders get a faithful
/// approximation (numbers as `Double`).
extension JSONValue: Encodable {
    public func encode(to encoder: any Encoder) throws {
        // Only reached through encoders other than JSONValueEncoder; write a faithful approximation.
        switch self {
        case .null:
            var c = encoder.singleValueContainer(); try c.encodeNil()
        case .bool(let b):
            var c = encoder.singleValueContainer(); try c.encode(b)
        case .number(let n):
            var c = encoder.singleValueContainer(); try c.encode(Double(n) ?? 0)
        case .string(let s):
            var c = encoder.singleValueContainer(); try c.encode(s)
        case .array(let a):
            var c = encoder.unkeyedContainer()
            for v in a { try c.encode(v) }
        case .object(let o):
            struct Key: CodingKey {
                var stringValue: String
                var intValue: Int? { nil }
                init(stringValue: String) { self.stringValue = stringValue }
                init?(intValue: Int) { nil }
            }
            var c = encoder.container(keyedBy: Key.self)
            for m in o { try c.encode(m.value, forKey: Key(stringValue: m.key)) }
        }
    }
}
