/// Why a ``JSONValue`` could not be decoded, and where.
public struct JSONValueDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// A value of the wrong JSON type.
        case typeMismatch
        /// A required member is absent.
        case missingMember
        /// A member no property reads.
        case unknownMember
        /// A value of the right type that is not acceptable.
        case invalidValue
    }

    public var kind: Kind
    public var message: String
    /// The place in the decoded document.
    public var pointer: JSONPointer

    public init(_ message: String, at pointer: JSONPointer, kind: Kind? = nil) {
        self.message = message
        self.pointer = pointer
        self.kind = kind ?? (message.hasPrefix("expected") ? .typeMismatch : .invalidValue)
    }

    public var description: String { "\(pointer): \(message)" }
}

/// A type that reads itself from a raw ``JSONValue`` (language maps, number lexemes, kept JSON), the
/// counterpart of ``JSONValueRepresentable``. ``JSONValueDecoder`` hands such types the value as it is.
public protocol JSONValueDecodable {
    init(jsonValue: JSONValue, at pointer: JSONPointer) throws(JSONValueDecodingError)
}

/// Turns a ``JSONValue`` into `Decodable` values with the conventions of ``JSONValueEncoder``, strictly.
///
/// - An absent array or set is empty, an absent nested value whose every property may be absent is
///   decoded from `{}` (the encoder leaves out empty collections and such values).
/// - A member no property reads is an error naming its JSON pointer (no silent drop).
/// - Numbers decode to `Int` only when their text is an integer in range; JSON types are never coerced.
public struct JSONValueDecoder: Sendable {
    public init() {}

    /// Decodes `value` as a `T`.
    /// - Throws: ``JSONValueDecodingError`` with the pointer of the first fault.
    public func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws(JSONValueDecodingError) -> T {
        do {
            return try ValueDecoder.decode(type, from: value, at: .root)
        } catch let error as JSONValueDecodingError {
            throw error
        } catch {
            throw JSONValueDecodingError("\(error)", at: .root)
        }
    }
}

/// The decoder of one value; also what `JSONValue.init(from:)` recognises to take the value raw.
final class ValueDecoder: Decoder {
    let value: JSONValue
    let pointer: JSONPointer
    /// The members a keyed container read; nil when none was made.
    var readKeys: Set<String>?

    init(_ value: JSONValue, at pointer: JSONPointer) {
        self.value = value
        self.pointer = pointer
    }

    var codingPath: [any CodingKey] { pointer.tokens.map(AnyKey.init(stringValue:)) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue, at pointer: JSONPointer) throws -> T {
        if let raw = T.self as? any JSONValueDecodable.Type {
            return try raw.init(jsonValue: value, at: pointer) as! T
        }
        let decoder = ValueDecoder(value, at: pointer)
        let result = try T(from: decoder)
        if let read = decoder.readKeys, case .object(let o) = value {
            if let unknown = o.members.first(where: { !read.contains($0.key) }) {
                throw JSONValueDecodingError("unknown member \"\(unknown.key)\"", at: pointer / unknown.key, kind: .unknownMember)
            }
        }
        return result
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let o) = value else { throw typeMismatch("an object") }
        if readKeys == nil { readKeys = [] }
        return KeyedDecodingContainer(KeyedContainer<Key>(object: o, decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let a) = value else { throw typeMismatch("an array") }
        return UnkeyedContainer(items: a, pointer: pointer)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleContainer(value: value, pointer: pointer) }

    func typeMismatch(_ expected: String) -> JSONValueDecodingError {
        JSONValueDecodingError("expected \(expected), found \(value.typeName)", at: pointer)
    }
}

/// Scalars, shared by the three containers.
enum Scalar {
    static func string(_ v: JSONValue, _ p: JSONPointer) throws -> String {
        guard case .string(let s) = v else { throw JSONValueDecodingError("expected a string, found \(v.typeName)", at: p) }
        return s
    }

    static func bool(_ v: JSONValue, _ p: JSONPointer) throws -> Bool {
        guard case .bool(let b) = v else { throw JSONValueDecodingError("expected true or false, found \(v.typeName)", at: p) }
        return b
    }

    static func integer<I: FixedWidthInteger>(_ v: JSONValue, _ p: JSONPointer) throws -> I {
        guard case .number(let n) = v else { throw JSONValueDecodingError("expected a number, found \(v.typeName)", at: p) }
        guard let i = I(n) else { throw JSONValueDecodingError("expected an integer in range, found \(n)", at: p) }
        return i
    }

    static func double(_ v: JSONValue, _ p: JSONPointer) throws -> Double {
        guard case .number(let n) = v, let d = Double(n), d.isFinite else {
            throw JSONValueDecodingError("expected a number, found \(v.typeName)", at: p)
        }
        return d
    }

    static func decode<T: Decodable>(_ type: T.Type, _ v: JSONValue, _ p: JSONPointer) throws -> T {
        switch type {
        case is String.Type: return try string(v, p) as! T
        case is Bool.Type: return try bool(v, p) as! T
        case is Int.Type: return try integer(v, p) as Int as! T
        case is Double.Type: return try double(v, p) as! T
        default: return try ValueDecoder.decode(type, from: v, at: p)
        }
    }
}

struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let object: JSONObject
    let decoder: ValueDecoder

    var codingPath: [any CodingKey] { decoder.codingPath }
    var allKeys: [Key] { object.members.compactMap { Key(stringValue: $0.key) } }

    func contains(_ key: Key) -> Bool {
        decoder.readKeys?.insert(key.stringValue)
        return object[key.stringValue] != nil
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        decoder.readKeys?.insert(key.stringValue)
        guard let v = object[key.stringValue] else { return true }
        return v == .null
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        decoder.readKeys?.insert(key.stringValue)
        let p = decoder.pointer / key.stringValue
        if let v = object[key.stringValue] { return try Scalar.decode(type, v, p) }
        // Absent: what the encoder leaves out (an empty collection, a value with nothing set).
        if T.self is any ExpressibleByArrayLiteral.Type, let empty = try? Scalar.decode(type, .array([]), p) { return empty }
        if !(T.self is String.Type), let empty = try? Scalar.decode(type, .object(JSONObject()), p) { return empty }
        throw JSONValueDecodingError("required member \"\(key.stringValue)\" is missing", at: p, kind: .missingMember)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        decoder.readKeys?.insert(key.stringValue)
        guard let v = object[key.stringValue], v != .null else { return nil }
        return try Scalar.decode(type, v, decoder.pointer / key.stringValue)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        decoder.readKeys?.insert(key.stringValue)
        return try ValueDecoder(object[key.stringValue] ?? .null, at: decoder.pointer / key.stringValue).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        decoder.readKeys?.insert(key.stringValue)
        return try ValueDecoder(object[key.stringValue] ?? .null, at: decoder.pointer / key.stringValue).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { decoder }
    func superDecoder(forKey key: Key) throws -> any Decoder {
        decoder.readKeys?.insert(key.stringValue)
        return ValueDecoder(object[key.stringValue] ?? .null, at: decoder.pointer / key.stringValue)
    }
}

struct UnkeyedContainer: UnkeyedDecodingContainer {
    let items: [JSONValue]
    let pointer: JSONPointer
    var currentIndex = 0

    init(items: [JSONValue], pointer: JSONPointer) {
        self.items = items
        self.pointer = pointer
    }

    var codingPath: [any CodingKey] { pointer.tokens.map(AnyKey.init(stringValue:)) }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    mutating func next() throws -> (JSONValue, JSONPointer) {
        guard !isAtEnd else { throw JSONValueDecodingError("fewer elements than expected", at: pointer / currentIndex) }
        defer { currentIndex += 1 }
        return (items[currentIndex], pointer / currentIndex)
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, items[currentIndex] == .null else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (v, p) = try next()
        return try Scalar.decode(type, v, p)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let (v, p) = try next()
        return try ValueDecoder(v, at: p).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (v, p) = try next()
        return try ValueDecoder(v, at: p).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (v, p) = try next()
        return ValueDecoder(v, at: p)
    }
}

struct SingleContainer: SingleValueDecodingContainer {
    let value: JSONValue
    let pointer: JSONPointer

    var codingPath: [any CodingKey] { pointer.tokens.map(AnyKey.init(stringValue:)) }
    func decodeNil() -> Bool { value == .null }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try Scalar.decode(type, value, pointer) }
}

/// A coding key made from any string.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { Int(stringValue) }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { stringValue = String(intValue) }
}

extension JSONValue: Decodable, JSONValueDecodable {
    public init(jsonValue: JSONValue, at pointer: JSONPointer) { self = jsonValue }

    /// Only ``JSONValueDecoder`` can hand over a value with its number text intact.
    public init(from decoder: any Decoder) throws {
        guard let d = decoder as? ValueDecoder else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "JSONValue decodes only with JSONValueDecoder"))
        }
        self = d.value
    }
}

extension JSONObject: Decodable, JSONValueDecodable {
    public init(jsonValue: JSONValue, at pointer: JSONPointer) throws(JSONValueDecodingError) {
        guard case .object(let o) = jsonValue else { throw JSONValueDecodingError("expected an object, found \(jsonValue.typeName)", at: pointer) }
        self = o
    }

    public init(from decoder: any Decoder) throws {
        let value = try JSONValue(from: decoder)
        try self.init(jsonValue: value, at: JSONPointer(tokens: decoder.codingPath.map(\.stringValue)))
    }
}
