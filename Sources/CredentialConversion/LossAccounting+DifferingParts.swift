import CredconvJSON
import CredentialModel

/// The model documents the loss walk compares, holding only the properties in which a credential and
/// its read-back differ.
///
/// What both hold alike can produce no difference (the walk compares member with member, never one
/// member with another), so it need not be encoded; and encoding is what the check spent its time
/// on: the standard library's `Codable` costs a fixed ~0.2 µs for every property of every struct,
/// set or not, ~8 µs per struct level. Here each property is compared in Swift first and only the
/// differing ones are encoded, each under its coding key, in declaration order: a credential, its
/// achievement, issuer and learner are entered property by property (the losses usually lie in a few
/// of their properties), anything else is encoded whole when it differs.
///
/// The keys are the stored property names (the model's `Codable` conformances are synthesized); the
/// tests hold these lists to the types' stored properties, so a property added to the model and not
/// here fails them.
enum DifferingParts {
    /// The model documents of what `a` and `b` hold differently (the provenance left out: it says
    /// where data came from and is not compared). The second holds only properties the first holds:
    /// the walk looks at nothing else of it. With `languageAssumed` (the writer warned it wrote texts
    /// without a language in one it chose), a text the walk would find held under the assumed language
    /// is left out as well (see ``LossAccounting/differences(_:_:at:languageAssumed:)``).
    static func documents(_ a: Credential, _ b: Credential, languageAssumed: Bool = false) throws -> (JSONValue, JSONValue) {
        var x: [JSONObject.Member] = [], y: [JSONObject.Member] = []
        for field in credentialFields { try field.compare(a, b, languageAssumed, &x, &y) }
        return (.object(JSONObject(uniqueMembers: x)), .object(JSONObject(uniqueMembers: y)))
    }

    /// One stored property: its coding key, and how to add it to both documents when it differs.
    struct Field<Root>: Sendable {
        let key: String
        /// Adds the property to both documents when it differs; the flag is `languageAssumed`.
        let compare: @Sendable (Root, Root, Bool, inout [JSONObject.Member], inout [JSONObject.Member]) throws -> Void
    }

    /// A property encoded whole when it differs.
    @inline(__always) static func whole<Root, Value: Encodable & Equatable & Sendable>(_ key: String, _ path: KeyPath<Root, Value> & Sendable) -> Field<Root> {
        Field(key: key) { a, b, _, x, y in
            let u = a[keyPath: path], v = b[keyPath: path]
            if u == v { return }
            // The walk compares what the first document holds; where it holds nothing, the second's
            // value is never looked at, so it is not encoded either.
            guard try append(u, key, &x) else { return }
            try append(v, key, &y)
        }
    }

    /// A struct property entered property by property when both sides hold it and it differs.
    @inline(__always) static func entered<Root, Value: Encodable & Equatable & Sendable>(
        _ key: String, _ path: KeyPath<Root, Value?> & Sendable, _ fields: [Field<Value>]
    ) -> Field<Root> {
        Field(key: key) { a, b, languageAssumed, x, y in
            let u = a[keyPath: path], v = b[keyPath: path]
            if u == v { return }
            guard let u else { return }
            guard let v else {
                try append(u, key, &x)
                return
            }
            try enter(u, v, key, fields, languageAssumed, &x, &y)
        }
    }

    /// The same for a property that is always there.
    @inline(__always) static func entered<Root, Value: Encodable & Equatable & Sendable>(
        _ key: String, _ path: KeyPath<Root, Value> & Sendable, _ fields: [Field<Value>]
    ) -> Field<Root> {
        Field(key: key) { a, b, languageAssumed, x, y in
            let u = a[keyPath: path], v = b[keyPath: path]
            if u == v { return }
            try enter(u, v, key, fields, languageAssumed, &x, &y)
        }
    }

    /// A text property, encoded whole unless the walk would find the read-back holds it (with
    /// `languageAssumed`, also under the language the writer assumed): most texts of a credential
    /// converted into Europass differ only so. Asked of the texts' own JSON forms, with the walk's own
    /// rule, which costs less than encoding them through `Codable`.
    @inline(__always) static func text<Root>(_ key: String, _ path: KeyPath<Root, LocalizedString?> & Sendable) -> Field<Root> {
        Field(key: key) { a, b, languageAssumed, x, y in
            let u = a[keyPath: path], v = b[keyPath: path]
            if u == v { return }
            if let u, let v, LossAccounting.covers(v.jsonValue, u.jsonValue, languageAssumed: languageAssumed) { return }
            guard try append(u, key, &x) else { return }
            try append(v, key, &y)
        }
    }

    private static func enter<Value: Encodable>(
        _ u: Value, _ v: Value, _ key: String, _ fields: [Field<Value>], _ languageAssumed: Bool,
        _ x: inout [JSONObject.Member], _ y: inout [JSONObject.Member]
    ) throws {
        var inner: [JSONObject.Member] = [], other: [JSONObject.Member] = []
        for field in fields { try field.compare(u, v, languageAssumed, &inner, &other) }
        // The walk looks for what the first holds: when none of what it holds differs, it would find
        // nothing below this key, whatever the second holds (and encoding the value to see whether it
        // holds anything at all costs more than all the rest).
        guard !inner.isEmpty else { return }
        x.append(JSONObject.Member(key: key, value: .object(JSONObject(uniqueMembers: inner))))
        try appendEntered(v, other, key, &y)
    }

    /// The differing members of the second side's entered value; when none differ, an empty object if
    /// the value holds anything at all (what both hold alike): whether the object is there decides
    /// whether the walk compares the first side member by member or reports it missing as a whole.
    private static func appendEntered<Value: Encodable>(
        _ value: Value, _ members: [JSONObject.Member], _ key: String, _ document: inout [JSONObject.Member]
    ) throws {
        if members.isEmpty, try JSONValueEncoder().encode(value) == .null { return }
        document.append(JSONObject.Member(key: key, value: .object(JSONObject(uniqueMembers: members))))
    }

    /// Adds `value` under `key` unless it encodes to nothing (nil, or an empty collection: the model
    /// document leaves those out); says whether it added it.
    @discardableResult
    private static func append<Value: Encodable>(_ value: Value, _ key: String, _ members: inout [JSONObject.Member]) throws -> Bool {
        let encoded = try JSONValueEncoder().encode(value)
        guard encoded != .null else { return false }
        members.append(JSONObject.Member(key: key, value: encoded))
        return true
    }
}
