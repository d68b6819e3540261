/// A type that knows its own ``JSONValue`` form; ``JSONValueEncoder`` uses it instead of `encode(to:)`.
///
/// Number wrappers use this to write their exact lexeme, which `Encoder` cannot express.
public protocol JSONValueRepresentable {
    var jsonValue: JSONValue { get }
}

extension JSONValue: JSONValueRepresentable {
    public var jsonValue: JSONValue { self }
}

/// Turns `Encodable` values into ``JSONValue`` with members in declaration order.
///
/// Foundation's `JSONEncoder` orders keys differently from run to run on Linux; this encoder keeps the
/// order in which `encode(to:)` writes them, so output is stable. Empty arrays and objects are left out
/// when ``omitEmptyCollections`` is set (the default), as are nil optionals. Coding paths are not
/// tracked (`codingPath` is always empty): building one costs an allocation per nested value, and no
/// encoding in credconv reads it.
public struct JSONValueEncoder: Sendable {
    public var omitEmptyCollections: Bool

    public init(omitEmptyCollections: Bool = true) { self.omitEmptyCollections = omitEmptyCollections }

    /// Encodes `value`.
    public func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let node = Node()
        try Node.encode(value, into: node, omitEmpty: omitEmptyCollections)
        return node.value(omitEmpty: omitEmptyCollections) ?? .null
    }
}

/// The mutable tree the encoder builds before it is frozen into a ``JSONValue``.
private final class Node {
    enum Kind {
        case unset
        case value(JSONValue)
        case array([Node])
        case object([(String, Node)])
    }
    var kind: Kind = .unset

    /// Encodes `value` into `node`.
    static func encode<T: Encodable>(_ value: T, into node: Node, omitEmpty: Bool) throws {
        if let representable = value as? JSONValueRepresentable {
            node.kind = .value(representable.jsonValue)
            return
        }
        try value.encode(to: NodeEncoder(node: node, omitEmpty: omitEmpty))
    }

    func value(omitEmpty: Bool) -> JSONValue? {
        switch kind {
        case .unset: return nil
        case .value(let v):
            if omitEmpty {
                if case .object(let o) = v, o.isEmpty { return nil }
                if case .array(let a) = v, a.isEmpty { return nil }
            }
            return v
        case .array(let nodes):
            let values = nodes.compactMap { $0.value(omitEmpty: omitEmpty) }
            if omitEmpty && values.isEmpty { return nil }
            return .array(values)
        case .object(let members):
            // Keys are unique: child(forKey:) hands out one node per key.
            var kept: [JSONObject.Member] = []
            kept.reserveCapacity(members.count)
            for (key, node) in members {
                if let v = node.value(omitEmpty: omitEmpty) { kept.append(JSONObject.Member(key: key, value: v)) }
            }
            if omitEmpty && kept.isEmpty { return nil }
            return .object(JSONObject(uniqueMembers: kept))
        }
    }

    // Both append after setting `kind` to `.unset`, so the array is uniquely held and appending does not
    // copy it (a copy per element made long lists quadratic).
    func child(forKey key: String) -> Node {
        if case .object(var members) = kind {
            if let existing = members.first(where: { $0.0 == key }) { return existing.1 }
            let n = Node()
            kind = .unset
            members.append((key, n))
            kind = .object(members)
            return n
        }
        let n = Node()
        kind = .object([(key, n)])
        return n
    }

    func appendChild() -> Node {
        let n = Node()
        if case .array(var nodes) = kind {
            kind = .unset
            nodes.append(n)
            kind = .array(nodes)
        } else {
            kind = .array([n])
        }
        return n
    }
}

private struct NodeEncoder: Encoder {
    let node: Node
    var codingPath: [any CodingKey] { [] }
    let omitEmpty: Bool
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = node.kind {} else { node.kind = .object([]) }
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(node: node, omitEmpty: omitEmpty))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = node.kind {} else { node.kind = .array([]) }
        return UnkeyedNodeContainer(node: node, omitEmpty: omitEmpty)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleNodeContainer(node: node, omitEmpty: omitEmpty)
    }
}

/// Maps a primitive to a JSON value; nil when `value` is no primitive. Decided by the static type
/// (a metatype comparison each), so the structs that make up most of a model cost no failed casts.
private func primitive<T>(_ value: T) -> JSONValue? {
    if T.self == String.self { return .string(value as! String) }
    if T.self == Bool.self { return .bool(value as! Bool) }
    if T.self == Int.self { return .number(String(value as! Int)) }
    if T.self == Double.self { let v = value as! Double; return v.isFinite ? .number(shortestText(v)) : .null }
    if T.self == Int8.self { return .number(String(value as! Int8)) }
    if T.self == Int16.self { return .number(String(value as! Int16)) }
    if T.self == Int32.self { return .number(String(value as! Int32)) }
    if T.self == Int64.self { return .number(String(value as! Int64)) }
    if T.self == UInt.self { return .number(String(value as! UInt)) }
    if T.self == UInt8.self { return .number(String(value as! UInt8)) }
    if T.self == UInt16.self { return .number(String(value as! UInt16)) }
    if T.self == UInt32.self { return .number(String(value as! UInt32)) }
    if T.self == UInt64.self { return .number(String(value as! UInt64)) }
    if T.self == Float.self { let v = value as! Float; return v.isFinite ? .number(shortestText(Double(v))) : .null }
    return nil
}

/// `1.0` → `1`, `0.5` → `0.5`: the shortest round-trip text, without a trailing `.0`.
private func shortestText(_ d: Double) -> String {
    if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
    return String(d)
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    var codingPath: [any CodingKey] { [] }
    let omitEmpty: Bool

    mutating func encodeNil(forKey key: Key) throws { node.child(forKey: key.stringValue).kind = .value(.null) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        let child = node.child(forKey: key.stringValue)
        if let p = primitive(value) {
            child.kind = .value(p)
            return
        }
        try Node.encode(value, into: child, omitEmpty: omitEmpty)
    }

    // Optionals: the standard library's default goes through a generic copy of the optional; most
    // model properties are nil, so the nil case returns at once.
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        guard let value else { return }
        try encode(value, forKey: key)
    }

    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        guard let value else { return }
        node.child(forKey: key.stringValue).kind = .value(.string(value))
    }

    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
        guard let value else { return }
        node.child(forKey: key.stringValue).kind = .value(.bool(value))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = node.child(forKey: key.stringValue)
        child.kind = .object([])
        return KeyedEncodingContainer(
            KeyedNodeContainer<NestedKey>(node: child, omitEmpty: omitEmpty))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = node.child(forKey: key.stringValue)
        child.kind = .array([])
        return UnkeyedNodeContainer(node: child, omitEmpty: omitEmpty)
    }

    mutating func superEncoder() -> any Encoder {
        NodeEncoder(node: node.child(forKey: "super"), omitEmpty: omitEmpty)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        NodeEncoder(node: node.child(forKey: key.stringValue), omitEmpty: omitEmpty)
    }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let node: Node
    var codingPath: [any CodingKey] { [] }
    let omitEmpty: Bool
    var count: Int {
        if case .array(let nodes) = node.kind { return nodes.count }
        return 0
    }

    mutating func encodeNil() throws { node.appendChild().kind = .value(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let child = node.appendChild()
        if let p = primitive(value) {
            child.kind = .value(p)
            return
        }
        try Node.encode(value, into: child, omitEmpty: omitEmpty)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        let child = node.appendChild()
        child.kind = .object([])
        return KeyedEncodingContainer(
            KeyedNodeContainer<NestedKey>(node: child, omitEmpty: omitEmpty))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = node.appendChild()
        child.kind = .array([])
        return UnkeyedNodeContainer(node: child, omitEmpty: omitEmpty)
    }

    mutating func superEncoder() -> any Encoder {
        NodeEncoder(node: node.appendChild(), omitEmpty: omitEmpty)
    }
}

private struct SingleNodeContainer: SingleValueEncodingContainer {
    let node: Node
    var codingPath: [any CodingKey] { [] }
    let omitEmpty: Bool

    mutating func encodeNil() throws { node.kind = .value(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        if let p = primitive(value) {
            node.kind = .value(p)
            return
        }
        try Node.encode(value, into: node, omitEmpty: omitEmpty)
    }
}
