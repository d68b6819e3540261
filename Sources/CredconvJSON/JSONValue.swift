/// A JSON value that keeps what a round trip needs: member order and the exact text of numbers.
///
/// Numbers are held as their source lexeme (`"42.0"` stays `42.0`, `9007199254740993` is not rounded);
/// objects keep their members in document order. Two values are equal when they are written the same.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number, as its JSON lexeme (already checked against the JSON grammar and to fit a double).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The string, when this value is one.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The object, when this value is one.
    public var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// The elements, when this value is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The Boolean, when this value is one.
    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The number lexeme, when this value is a number.
    public var numberText: String? {
        if case .number(let n) = self { return n }
        return nil
    }

    /// A short name of the value's JSON type, for messages ("string", "object", …).
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// Creates a number value from an integer.
    public static func integer(_ value: Int) -> JSONValue { .number(String(value)) }
}

/// A JSON object whose members keep their order. Keys are unique (the parser rejects duplicates;
/// ``JSONObject/set(_:_:)`` replaces in place).
public struct JSONObject: Sendable, Equatable, Sequence {
    /// One member of an object.
    public struct Member: Sendable, Equatable {
        public var key: String
        public var value: JSONValue
        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The members in document order.
    public private(set) var members: [Member]

    public init() { members = [] }

    /// Creates an object from members already known to have unique keys.
    public init(uniqueMembers: [Member]) { members = uniqueMembers }

    /// Creates an object from key/value pairs; a later pair with the same key replaces the earlier value.
    public init(_ pairs: KeyValuePairs<String, JSONValue>) {
        members = []
        for (k, v) in pairs { set(k, v) }
    }

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }
    public var keys: [String] { members.map(\.key) }

    /// The value of `key`, or nil.
    public subscript(key: String) -> JSONValue? {
        index(of: key).map { members[$0].value }
    }

    /// The position of `key` among the members, or nil.
    public func index(of key: String) -> Int? {
        // Compare UTF-8 lengths first: most keys differ in length, and that check is cheap.
        let length = key.utf8.count
        for i in members.indices where members[i].key.utf8.count == length && members[i].key == key { return i }
        return nil
    }

    /// Sets `key` to `value`, keeping the member's place when it exists, appending otherwise.
    public mutating func set(_ key: String, _ value: JSONValue) {
        if let i = index(of: key) {
            members[i].value = value
        } else {
            // Objects are built member by member: room for eight at once saves the three doublings
            // (an allocation and a copy each) that growing from one would take.
            if members.capacity == 0 { members.reserveCapacity(8) }
            members.append(Member(key: key, value: value))
        }
    }

    /// Sets `key` only when `value` is not nil.
    public mutating func set(_ key: String, ifPresent value: JSONValue?) {
        if let value { set(key, value) }
    }

    /// Removes `key` and returns its value.
    @discardableResult
    public mutating func remove(_ key: String) -> JSONValue? {
        guard let i = index(of: key) else { return nil }
        return members.remove(at: i).value
    }

    public func makeIterator() -> IndexingIterator<[Member]> { members.makeIterator() }

    /// Tells apart the objects of a document while it lives: the address of the members' storage, which
    /// copies of one object share and no two live objects with members do.
    public struct StorageIdentity: Hashable, @unchecked Sendable {
        let address: UnsafeRawPointer?
    }

    /// This object's ``StorageIdentity``.
    public var storageIdentity: StorageIdentity {
        StorageIdentity(address: members.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) })
    }
}
