import CredconvJSON
import CredentialModel

/// A JSON object being mapped onto the model, with its JSON pointer.
///
/// Every accessor checks the value's type and throws a ``Diagnostic`` naming the pointer
/// (`/credentialSubject/achievement/name: expected a string, found number`) instead of coercing.
/// The cursor remembers which members were read; ``unreadMembers(family:)`` hands the rest to the
/// model's extension bag so nothing is dropped silently.
public struct ObjectCursor {
    public let object: JSONObject
    /// Where the object is in its document.
    public var pointer: JSONPointer { place.pointer }
    /// The language of plain strings (a document's declared primary language); nil means not stated (`und`).
    /// Cursors for nested objects inherit it.
    public var defaultLanguage: String?
    private var place: CursorPlace
    /// Which members (by index) an accessor has read.
    private var read: MemberFlags
    /// This object's flags in the read ledger, when a read is being accounted.
    private let ledger: ReadLedger.ObjectFlags?
    /// The lengths of the members' keys, to answer most lookups of absent members at once.
    private let keyLengths: MemberKeyLengths

    public init(_ object: JSONObject, at pointer: JSONPointer) {
        self.init(object, place: CursorPlace(pointer))
    }

    private init(_ object: JSONObject, place: CursorPlace) {
        self.object = object
        self.place = place
        self.read = MemberFlags(count: object.count)
        self.ledger = ReadLedger.current?.flags(for: object)
        self.keyLengths = MemberKeyLengths(object)
    }

    /// A cursor on the object at `place`, or the type error naming it.
    private init(_ value: JSONValue, place: CursorPlace, what: String = "an object") throws(Diagnostic) {
        guard case .object(let o) = value else { throw Self.typeError(what, found: value, at: place.pointer) }
        self.init(o, place: place)
    }

    /// Wraps a value that must be an object.
    public init(_ value: JSONValue, at pointer: JSONPointer, what: String = "an object") throws(Diagnostic) {
        guard case .object(let o) = value else { throw Self.typeError(what, found: value, at: pointer) }
        self.init(o, place: CursorPlace(pointer))
    }

    /// True when the member is present (null counts as present).
    public func has(_ key: String) -> Bool { index(of: key) != nil }

    /// The position of a member, or nil.
    private func index(of key: String) -> Int? {
        keyLengths.mayContain(key) ? object.index(of: key) : nil
    }

    /// Marks a member as read without looking at it.
    public mutating func skip(_ key: String) { _ = raw(key) }

    /// The raw value of a member, marked as read, and consumed whole in the read ledger.
    public mutating func raw(_ key: String) -> JSONValue? {
        guard let i = index(of: key) else { return nil }
        read[i] = true
        ledger?.mark(i, .consumed)
        return object.members[i].value
    }

    /// A member marked as read but not consumed: a container whose own members the reader maps one by
    /// one (through the cursors ``object(_:)``, ``objects(_:)`` and ``idOrObject(_:)`` return).
    private mutating func take(_ key: String) -> JSONValue? {
        guard let i = index(of: key) else { return nil }
        read[i] = true
        ledger?.mark(i, .visited)
        return object.members[i].value
    }

    /// A string member; nil when absent.
    public mutating func string(_ key: String) throws(Diagnostic) -> String? {
        guard let v = raw(key) else { return nil }
        guard case .string(let s) = v else { throw Self.typeError("a string", found: v, at: pointer / key) }
        return s
    }

    /// The first present string among several member names (all are marked as read).
    public mutating func string(anyOf keys: String...) throws(Diagnostic) -> String? {
        var found: String? = nil
        for k in keys {
            let v = try string(k)
            if found == nil { found = v }
        }
        return found
    }

    /// A string member that must be present.
    public mutating func requiredString(_ key: String) throws(Diagnostic) -> String {
        guard let s = try string(key) else { throw missing(key) }
        return s
    }

    /// A Boolean member; nil when absent.
    public mutating func bool(_ key: String) throws(Diagnostic) -> Bool? {
        guard let v = raw(key) else { return nil }
        guard case .bool(let b) = v else { throw Self.typeError("true or false", found: v, at: pointer / key) }
        return b
    }

    /// A number member, with its text kept; nil when absent.
    public mutating func number(_ key: String) throws(Diagnostic) -> NumberText? {
        guard let v = raw(key) else { return nil }
        guard case .number(let n) = v, let text = NumberText(n) else {
            throw Self.typeError("a number", found: v, at: pointer / key)
        }
        return text
    }

    /// A member that may be a string or a number, returned as text (Open Badges `points`, `value`).
    public mutating func scalarText(_ key: String) throws(Diagnostic) -> String? {
        guard let v = raw(key) else { return nil }
        switch v {
        case .string(let s): return s
        case .number(let n): return n
        default: throw Self.typeError("a string or a number", found: v, at: pointer / key)
        }
    }

    /// An object member; nil when absent.
    public mutating func object(_ key: String) throws(Diagnostic) -> ObjectCursor? {
        guard let v = take(key) else { return nil }
        return try ObjectCursor(v, place: place.member(key)).inheriting(defaultLanguage)
    }

    /// A member that may be one object or an array of objects (JSON-LD's singular-or-set rule).
    public mutating func objects(_ key: String) throws(Diagnostic) -> [ObjectCursor] {
        guard let v = take(key) else { return [] }
        switch v {
        case .object(let o): return [ObjectCursor(o, place: place.member(key)).inheriting(defaultLanguage)]
        case .array(let items):
            let here = place.member(key)
            var out: [ObjectCursor] = []
            out.reserveCapacity(items.count)
            for (i, item) in items.enumerated() { out.append(try ObjectCursor(item, place: here.element(i)).inheriting(defaultLanguage)) }
            return out
        default: throw Self.typeError("an object or an array of objects", found: v, at: pointer / key)
        }
    }

    /// A member that may be one string or an array of strings.
    public mutating func strings(_ key: String) throws(Diagnostic) -> [String] {
        guard let v = raw(key) else { return [] }
        switch v {
        case .string(let s): return [s]
        case .array(let items):
            var out: [String] = []
            out.reserveCapacity(items.count)
            for (i, item) in items.enumerated() {
                guard case .string(let s) = item else { throw Self.typeError("a string", found: item, at: pointer / key / i) }
                out.append(s)
            }
            return out
        default: throw Self.typeError("a string or an array of strings", found: v, at: pointer / key)
        }
    }

    /// A member that may be a string, or an object whose `id` is the string (JSON-LD node reference).
    /// Returns the id and, for an object, its cursor.
    public mutating func idOrObject(_ key: String) throws(Diagnostic) -> (id: String?, object: ObjectCursor?)? {
        guard let v = take(key) else { return nil }
        switch v {
        case .string(let s):
            if let i = index(of: key) { ledger?.mark(i, .consumed) }
            return (s, nil)
        case .object(let o):
            let here = place.member(key)
            var c = ObjectCursor(o, place: here)
            let id = try c.string("id")
            return (id, ObjectCursor(o, place: here).inheriting(defaultLanguage))
        default: throw Self.typeError("an IRI string or an object", found: v, at: pointer / key)
        }
    }

    /// A human text: a plain string, a language map `{"en": "…"}` (values may be arrays of strings), a
    /// JSON-LD value object `{"@value", "@language"}`, or an array of such value objects.
    public mutating func localized(_ key: String, format: LocalizedString.Format = .plain) throws(Diagnostic) -> LocalizedString? {
        guard let v = raw(key) else { return nil }
        // A plain string, the common case, cannot be wrong: its place is spelled only for the other forms.
        if case .string(let s) = v { return Self.plainText(s, format: format, defaultLanguage: defaultLanguage) }
        return try Self.localizedString(v, at: pointer / key, format: format, defaultLanguage: defaultLanguage)
    }

    /// This cursor with a default language for plain strings.
    public func inheriting(_ language: String?) -> ObjectCursor {
        var copy = self
        copy.defaultLanguage = language
        return copy
    }

    /// Reads a human text value (see ``localized(_:format:)``); a plain string is in `defaultLanguage`.
    public static func localizedString(
        _ v: JSONValue, at pointer: JSONPointer, format: LocalizedString.Format = .plain, defaultLanguage: String? = nil
    ) throws(Diagnostic) -> LocalizedString {
        switch v {
        case .string(let s):
            return plainText(s, format: format, defaultLanguage: defaultLanguage)
        case .object(let o):
            if let value = o["@value"] {
                guard case .string(let s) = value else { throw typeError("a string", found: value, at: pointer / "@value") }
                if let lang = o["@language"] {
                    guard case .string(let l) = lang else { throw typeError("a language tag", found: lang, at: pointer / "@language") }
                    return LocalizedString(s, language: l, format: format)
                }
                return LocalizedString(s, format: format)
            }
            var entries: [LocalizedString.Entry] = []
            for m in o {
                guard isLanguageTag(m.key) else {
                    throw Diagnostic(.invalidValue, 
                        "expected a text or a language map, found key \"\(m.key)\" which is no language tag",
                        at: .jsonPointer((pointer / m.key).description))
                }
                switch m.value {
                case .string(let s): entries.append(.init(language: m.key, text: s))
                case .array(let items):
                    // ELM writes {"en": ["…"]}; several values per language are joined as lines.
                    var texts: [String] = []
                    for (i, item) in items.enumerated() {
                        guard case .string(let s) = item else { throw typeError("a string", found: item, at: pointer / m.key / i) }
                        texts.append(s)
                    }
                    entries.append(.init(language: m.key, text: texts.joined(separator: "\n")))
                default: throw typeError("a string", found: m.value, at: pointer / m.key)
                }
            }
            guard !entries.isEmpty else { throw Diagnostic(.invalidValue, "empty language map", at: .jsonPointer(pointer.description)) }
            return LocalizedString(entries: entries, format: format)
        case .array(let items):
            var result: LocalizedString? = nil
            for (i, item) in items.enumerated() {
                let part = try localizedString(item, at: pointer / i, format: format, defaultLanguage: defaultLanguage)
                // Two texts in one language are both kept (joined as lines), never collapsed to one.
                if result == nil { result = part } else { for e in part.entries { result!.append(e.text, for: e.language) } }
            }
            guard let result else { throw Diagnostic(.invalidValue, "empty text array", at: .jsonPointer(pointer.description)) }
            return result
        default:
            throw typeError("a text", found: v, at: pointer)
        }
    }

    /// A plain string as a text in `defaultLanguage` (not stated when nil).
    private static func plainText(_ s: String, format: LocalizedString.Format, defaultLanguage: String?) -> LocalizedString {
        if let defaultLanguage { return LocalizedString(s, language: defaultLanguage, format: format) }
        return LocalizedString(s, format: format)
    }

    /// The `type` member as a list (string or array of strings).
    public mutating func types() throws(Diagnostic) -> [String] { try strings("type") }

    /// Reads and checks the `type` member (a string or an array of strings) without making the list,
    /// for readers that take the type from the context of the object.
    public mutating func consumeTypes() throws(Diagnostic) {
        guard let v = raw("type") else { return }
        switch v {
        case .string: return
        case .array(let items):
            for (i, item) in items.enumerated() {
                guard case .string = item else { throw Self.typeError("a string", found: item, at: pointer / "type" / i) }
            }
        default: throw Self.typeError("a string or an array of strings", found: v, at: pointer / "type")
        }
    }

    /// Marks every member as consumed in the read ledger: the reader keeps this object whole. (What
    /// ``unreadMembers(family:)`` hands out is unchanged.) Cheaper for the ledger's walk than consuming
    /// the object's place, which makes it look up a pointer for every value of the document.
    public func consumeWhole() {
        guard let ledger else { return }
        for i in object.members.indices { ledger.mark(i, .consumed) }
    }

    /// The members no accessor read, for the extension bag.
    public func unreadMembers(family: String) -> ExtensionBag {
        var bag = ExtensionBag()
        var here: JSONPointer? = nil
        for (i, m) in object.members.enumerated() where !read[i] {
            ledger?.mark(i, .consumed)
            if here == nil { here = pointer }
            bag.keep(m.key, m.value, at: .jsonPointer((here! / m.key).description), family: family)
        }
        return bag
    }

    /// An error for a missing member.
    public func missing(_ key: String) -> Diagnostic {
        Diagnostic(.missingProperty, "required property \"\(key)\" is missing", at: .jsonPointer((pointer / key).description))
    }

    /// An error for a value of the wrong type.
    public static func typeError(_ expected: String, found: JSONValue, at pointer: JSONPointer) -> Diagnostic {
        Diagnostic(.typeMismatch, "expected \(expected), found \(found.typeName)", at: .jsonPointer(pointer.description))
    }

    /// A loose BCP 47 check: letters, digits and hyphens, starting with 2–8 letters (or `und`).
    public static func isLanguageTag(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return false
        }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}
