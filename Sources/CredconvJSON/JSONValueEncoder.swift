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
/// when ``omitEmptyCollections`` is set (the default), as are nil optionals.
public struct JSONValueEncoder: Sendable {
    public var omitEmptyCollections: Bool

    public init(omitEmptyCollections: Bool = true) { self.omitEmptyCollections = omitEmptyCollections }

    /// Encodes `value`.
    public func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let node = try Node.encode(value, omitEmpty: omitEmptyCollections, path: [])
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

    static func encode<T: Encodable>(_ value: T, omitEmpty: Bool, path: [any CodingKey]) throws -> Node {
        let node = Node()
        if let representable = value as? JSONValueRepresentable {
            node.kind = .value(representable.jsonValue)
            return node
        }
        let encoder = NodeEncoder(node: node, codingPath: path, omitEmpty: omitEmpty)
        try value.encode(to: encoder)
        return node
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
            var object = JSONObject()
            for (key, node) in members {
                if let v = node.value(omitEmpty: omitEmpty) { object.set(key, v) }
            }
            if omitEmpty && object.isEmpty { return nil }
            return .object(object)
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

private struct IndexKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ i: Int) { stringValue = String(i); intValue = i }
    init?(stringValue: String) { self.stringValue = stringValue; intValue = Int(stringValue) }
    init?(intValue: Int) { self.init(intValue) }
}

private struct NodeEncoder: Encoder {
    let node: Node
    let codingPath: [any CodingKey]
    let omitEmpty: Bool
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = node.kind {} else { node.kind = .object([]) }
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(node: node, codingPath: codingPath, omitEmpty: omitEmpty))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = node.kind {} else { node.kind = .array([]) }
        return UnkeyedNodeContainer(node: node, codingPath: codingPath, omitEmpty: omitEmpty)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleNodeContainer(node: node, codingPath: codingPath, omitEmpty: omitEmpty)
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
    let codingPath: [any CodingKey]
    let omitEmpty: Bool

    mutating func encodeNil(forKey key: Key) throws { node.child(forKey: key.stringValue).kind = .value(.null) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        let child = node.child(forKey: key.stringValue)
        if let p = primitive(value) {
            child.kind = .value(p)
            return
        }
        let encoded = try Node.encode(value, omitEmpty: omitEmpty, path: codingPath + [key])
        child.kind = encoded.kind
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = node.child(forKey: key.stringValue)
        child.kind = .object([])
        return KeyedEncodingContainer(
            KeyedNodeContainer<NestedKey>(node: child, codingPath: codingPath + [key], omitEmpty: omitEmpty))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = node.child(forKey: key.stringValue)
        child.kind = .array([])
        return UnkeyedNodeContainer(node: child, codingPath: codingPath + [key], omitEmpty: omitEmpty)
    }

    mutating func superEncoder() -> any Encoder {
        NodeEncoder(node: node.child(forKey: "super"), codingPath: codingPath, omitEmpty: omitEmpty)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        NodeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key], omitEmpty: omitEmpty)
    }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]
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
        let encoded = try Node.encode(value, omitEmpty: omitEmpty, path: codingPath + [IndexKey(count - 1)])
        child.kind = encoded.kind
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        let child = node.appendChild()
        child.kind = .object([])
        return KeyedEncodingContainer(
            KeyedNodeContainer<NestedKey>(node: child, codingPath: codingPath + [IndexKey(count - 1)], omitEmpty: omitEmpty))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = node.appendChild()
        child.kind = .array([])
        return UnkeyedNodeContainer(node: child, codingPath: codingPath + [IndexKey(count - 1)], omitEmpty: omitEmpty)
    }

    mutating func superEncoder() -> any Encoder {
        NodeEncoder(node: node.appendChild(), codingPath: codingPath, omitEmpty: omitEmpty)
    }
}

private struct SingleNodeContainer: SingleValueEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]
    let omitEmpty: Bool

    mutating func encodeNil() throws { node.kind = .value(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        if let p = primitive(value) {
            node.kind = .value(p)
            return
        }
        let encoded = try Node.encode(value, omitEmpty: omitEmpty, path: codingPath)
        node.kind = encoded.kind
    }
}
