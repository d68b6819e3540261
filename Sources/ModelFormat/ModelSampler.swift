import CredconvJSON
import CredentialModel

/// Walks the model types' `Decodable` conformances to make, at once, a credential with every property
/// set (every array with two different elements) and the JSON Schema of the model document.
///
/// Both are generated, never written by hand, so a property added to the model is in the sample and in
/// the schema the moment it is declared: the test that writes the sample in every format and reads it
/// back cannot miss it. Values are plausible for their key (dates for `…Date`, IRIs for `id`, language
/// tags for `…Language`), so writers take them as real data.
public enum ModelSampler {
    /// The version of the model document's schema; raised when a property changes meaning or is removed.
    public static let schemaVersion = "1.0"

    /// The sample credential and the schema (`schemas/credconv-model.schema.json`).
    public static func make() -> (credential: Credential, schema: JSONValue) {
        let recorder = SchemaRecorder()
        let credential: Credential
        do {
            credential = try recorder.decode(Credential.self, path: [], index: 0).value
        } catch {
            preconditionFailure("the model sampler cannot build a Credential: \(error)")
        }
        var schema = JSONObject()
        schema.set("$schema", .string("https://json-schema.org/draft/2020-12/schema"))
        schema.set("$id", .string("urn:credconv:schema:model:\(schemaVersion)"))
        schema.set("title", .string("credconv model document, version \(schemaVersion) (credconv -t model, -f model, --merge)"))
        schema.set("$ref", .string("#/$defs/Credential"))
        var defs = JSONObject()
        for name in recorder.definitionOrder { defs.set(name, recorder.definitions[name] ?? .object(JSONObject())) }
        schema.set("$defs", .object(defs))
        return (credential, .object(schema))
    }
}

/// Leaf types that say their own sample and schema (their JSON form is not their properties').
protocol ModelSampleLeaf {
    static func sample(key: String, index: Int) -> Self
    static var jsonSchema: JSONValue { get }
}

extension LocalizedString: ModelSampleLeaf {
    static func sample(key: String, index: Int) -> LocalizedString {
        LocalizedString(entries: [.init(language: "en", text: "Sample \(key) \(index + 1)"), .init(language: "de", text: "Beispiel \(key) \(index + 1)")])
    }
    static var jsonSchema: JSONValue {
        .object(JSONObject([
            "type": .string("object"), "minProperties": .integer(1),
            "description": .string("A text by BCP 47 language tag (\"und\" when not stated); \"@format\": markdown or html when not plain."),
            "properties": .object(JSONObject(["@format": .object(JSONObject(["enum": .array(LocalizedString.Format.allCases.map { .string($0.rawValue) })]))])),
            "additionalProperties": .object(JSONObject(["type": .string("string")])),
        ]))
    }
}

extension NumberText: ModelSampleLeaf {
    static func sample(key: String, index: Int) -> NumberText { NumberText(index == 0 ? "7.5" : "3")! }
    static var jsonSchema: JSONValue { .object(JSONObject(["type": .string("number"), "description": .string("A number; its text is kept exactly.")])) }
}

extension Country: ModelSampleLeaf {
    static func sample(key: String, index: Int) -> Country { Country(alpha2: index == 0 ? "DE" : "FR")! }
    static var jsonSchema: JSONValue { .object(JSONObject(["type": .string("string"), "pattern": .string("^[A-Z]{2}$"), "description": .string("ISO 3166-1 alpha-2")])) }
}

extension ExtensionBag: ModelSampleLeaf {
    /// One kept property of a family no writer has: every writer must report it.
    static func sample(key: String, index: Int) -> ExtensionBag {
        var bag = ExtensionBag()
        bag.keep("sampleKept\(index + 1)", .string("kept \(key)"), at: .modelPath("\(key).sample-family.sampleKept\(index + 1)"), family: "sample-family")
        return bag
    }
    static var jsonSchema: JSONValue {
        .object(JSONObject([
            "type": .string("object"),
            "description": .string("Source properties no model field holds, by format family: {\"ob3\": {\"key\": value}}."),
            "additionalProperties": .object(JSONObject(["type": .string("object")])),
        ]))
    }
}

extension JSONValue: ModelSampleLeaf {
    static func sample(key: String, index: Int) -> JSONValue { .object(JSONObject(["sample": .string("\(key) \(index + 1)")])) }
    static var jsonSchema: JSONValue { .object(JSONObject(["description": .string("Any JSON, kept as the source held it.")])) }
}

extension JSONObject: ModelSampleLeaf {
    static func sample(key: String, index: Int) -> JSONObject { JSONObject(["sample": .string("\(key) \(index + 1)")]) }
    static var jsonSchema: JSONValue { .object(JSONObject(["type": .string("object")])) }
}

extension ServiceReference: ModelSampleLeaf {
    static func sample(key: String, index: Int) -> ServiceReference {
        ServiceReference(id: "https://example.org/\(key.replacingOccurrences(of: ".", with: "/"))/\(index + 1)", type: "SampleService")
    }
    static var jsonSchema: JSONValue {
        .object(JSONObject([
            "type": .string("object"), "required": .array([.string("type")]),
            "properties": .object(JSONObject(["id": .object(JSONObject(["type": .string("string")])), "type": .object(JSONObject(["type": .string("string")]))])),
            "description": .string("A service or policy reference; further properties as the source held them."),
        ]))
    }
}

/// The sampling decoder's shared state: the schema definitions and the types being decoded.
final class SchemaRecorder {
    var definitions: [String: JSONValue] = [:]
    var definitionOrder: [String] = []
    var typeStack: [String] = []

    /// A sample of `T` for a value at `path` (model path keys), with its schema.
    func decode<T: Decodable>(_ type: T.Type, path: [String], index: Int) throws -> (value: T, schema: JSONValue) {
        let key = path.last(where: { Int($0) == nil }) ?? "credential"
        if let leaf = T.self as? any ModelSampleLeaf.Type {
            return (Self.leafSample(leaf, key: path.isEmpty ? key : path.joined(separator: "."), index: index) as! T, leaf.jsonSchema)
        }
        if T.self == String.self { return (Self.string(for: path, index: index) as! T, .object(JSONObject(["type": .string("string")]))) }
        if T.self == Bool.self { return (true as! T, .object(JSONObject(["type": .string("boolean")]))) }
        if T.self == Int.self { return ((index + 1) as! T, .object(JSONObject(["type": .string("integer")]))) }
        if T.self == Double.self { return (1.5 as! T, .object(JSONObject(["type": .string("number")]))) }
        if let cases = T.self as? any (CaseIterable & RawRepresentable).Type {
            let (value, raws) = Self.enumSample(cases, index: index)
            return (value as! T, .object(JSONObject(["enum": .array(raws.map { .string("\($0)") })])))
        }
        let name = Self.definitionName(T.self)
        let decoder = SamplingDecoder(recorder: self, path: path, index: index)
        typeStack.append(name)
        defer { typeStack.removeLast() }
        let value = try T(from: decoder)
        if let properties = decoder.properties {
            if definitions[name] == nil { definitionOrder.append(name) }
            var o = JSONObject()
            o.set("type", .string("object"))
            o.set("properties", .object(properties))
            if !decoder.required.isEmpty { o.set("required", .array(decoder.required.map(JSONValue.string))) }
            o.set("additionalProperties", .bool(false))
            definitions[name] = .object(o)
            return (value, .object(JSONObject(["$ref": .string("#/$defs/\(name)")])))
        }
        return (value, decoder.itemsSchema.map { .object(JSONObject(["type": .string("array"), "items": $0])) } ?? .object(JSONObject()))
    }

    /// True when a value of this type is already being decoded further out (a recursive property).
    func isRecursive(_ type: Any.Type) -> Bool { typeStack.contains(Self.definitionName(type)) }

    static func definitionName(_ type: Any.Type) -> String {
        var name = String(describing: type)
        if name.hasPrefix("Indirect<") { name = String(name.dropFirst("Indirect<".count).dropLast()) }
        return name.replacingOccurrences(of: ".", with: "")
    }

    static func leafSample<L: ModelSampleLeaf>(_ type: L.Type, key: String, index: Int) -> Any { L.sample(key: key, index: index) }

    static func enumSample<E: CaseIterable & RawRepresentable>(_ type: E.Type, index: Int) -> (Any, [E.RawValue]) {
        let all = Array(E.allCases)
        return (all[index % all.count], all.map(\.rawValue))
    }

    /// A plausible string for the key: writers take dates, IRIs, languages and emails as real data.
    static func string(for path: [String], index: Int) -> String {
        let key = path.last(where: { Int($0) == nil }) ?? ""
        let lower = key.lowercased()
        let n = index + 1
        let dotted = path.joined(separator: ".")
        if lower.contains("birth") && lower.contains("date") { return "2000-01-0\(n)" }
        if lower.hasSuffix("date") || ["validfrom", "validuntil", "issued", "activitystartdate", "activityenddate"].contains(lower) {
            return "2026-0\(n)-15T00:00:00Z"
        }
        if lower.contains("language") { return n == 1 ? "de" : "fr" }
        if lower.contains("email") { return "sample\(n)@example.org" }
        if lower.contains("phone") { return "+49 30 000000\(n)" }
        if lower == "workload" || lower == "duration" { return "PT\(10 * n)H" }
        if lower == "salt" { return "salt\(n)" }
        if lower == "identityhash" { return "sha256$" + String(repeating: "ab", count: 32) }
        if lower == "identitytype" { return "emailAddress" }
        if lower == "jwt" { return "eyJhbGciOiJFUzI1NiJ9.eyJzYW1wbGUiOnRydWV9.c2ln" }
        if lower == "id" || lower.hasSuffix("id") || lower.contains("url") || lower.contains("homepage") || lower.hasSuffix("iri") || lower == "image" {
            return "https://example.org/\(dotted.replacingOccurrences(of: ".", with: "/"))/\(n)"
        }
        return "Sample \(dotted) \(n)"
    }
}

/// The decoder the sampler hands to each model type's `init(from:)`.
final class SamplingDecoder: Decoder {
    let recorder: SchemaRecorder
    let path: [String]
    let index: Int
    /// The object schema's properties, when the type used a keyed container.
    var properties: JSONObject?
    var required: [String] = []
    /// Keys read with `decodeIfPresent`.
    var optionalKeys: Set<String> = []
    /// The item schema, when the type used an unkeyed container.
    var itemsSchema: JSONValue?

    init(recorder: SchemaRecorder, path: [String], index: Int) {
        self.recorder = recorder
        self.path = path
        self.index = index
    }

    var codingPath: [any CodingKey] { path.map(AnyCodingKey.init(stringValue:)) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        if properties == nil { properties = JSONObject() }
        return KeyedDecodingContainer(SamplingKeyed<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { SamplingUnkeyed(decoder: self) }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SamplingSingle(decoder: self) }
}

struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

struct SamplingKeyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: SamplingDecoder

    var codingPath: [any CodingKey] { decoder.codingPath }
    var allKeys: [Key] { [] }
    /// `decodeIfPresent` asks this first (also the standard library's scalar overloads): such a key is optional.
    func contains(_ key: Key) -> Bool {
        decoder.optionalKeys.insert(key.stringValue)
        return true
    }
    func decodeNil(forKey key: Key) throws -> Bool { false }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        if let array = T.self as? any SampledArray.Type, decoder.recorder.isRecursive(array.elementType) {
            // A recursive array (an achievement's parts): empty here; its schema refers to the outer definition.
            let ref = JSONValue.object(JSONObject(["$ref": .string("#/$defs/\(SchemaRecorder.definitionName(array.elementType))")]))
            decoder.properties?.set(key.stringValue, .object(JSONObject(["type": .string("array"), "items": ref])))
            return try JSONValueDecoder().decode(T.self, from: .array([]))
        }
        let (value, schema) = try decoder.recorder.decode(type, path: decoder.path + [key.stringValue], index: decoder.index)
        decoder.properties?.set(key.stringValue, schema)
        // Required unless the model document may leave it out (an empty collection, a value with nothing set).
        if !decoder.optionalKeys.contains(key.stringValue), (try? JSONValueDecoder().decode(T.self, from: .object(JSONObject()))) == nil,
            !(T.self is any ExpressibleByArrayLiteral.Type)
        {
            decoder.required.append(key.stringValue)
        }
        return value
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        if decoder.recorder.isRecursive(type) {
            decoder.properties?.set(key.stringValue, .object(JSONObject(["$ref": .string("#/$defs/\(SchemaRecorder.definitionName(type))")])))
            return nil
        }
        let (value, schema) = try decoder.recorder.decode(type, path: decoder.path + [key.stringValue], index: decoder.index)
        decoder.properties?.set(key.stringValue, schema)
        return value
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try SamplingDecoder(recorder: decoder.recorder, path: decoder.path + [key.stringValue], index: decoder.index).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        SamplingUnkeyed(decoder: SamplingDecoder(recorder: decoder.recorder, path: decoder.path + [key.stringValue], index: decoder.index))
    }

    func superDecoder() throws -> any Decoder { decoder }
    func superDecoder(forKey key: Key) throws -> any Decoder {
        SamplingDecoder(recorder: decoder.recorder, path: decoder.path + [key.stringValue], index: decoder.index)
    }
}

/// Arrays, for recognising recursive ones.
protocol SampledArray {
    static var elementType: Any.Type { get }
}

extension Array: SampledArray {
    static var elementType: Any.Type { Element.self }
}

/// Arrays get two elements (index 0 and 1), so repeated values are exercised; recursive ones none.
struct SamplingUnkeyed: UnkeyedDecodingContainer {
    let decoder: SamplingDecoder
    var currentIndex = 0
    var elements = 2

    init(decoder: SamplingDecoder) { self.decoder = decoder }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { elements }
    var isAtEnd: Bool { currentIndex >= elements }

    mutating func decodeNil() throws -> Bool { false }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (value, schema) = try decoder.recorder.decode(type, path: decoder.path + [String(currentIndex)], index: currentIndex)
        decoder.itemsSchema = schema
        currentIndex += 1
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        currentIndex += 1
        return try SamplingDecoder(recorder: decoder.recorder, path: decoder.path, index: currentIndex - 1).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        currentIndex += 1
        return SamplingUnkeyed(decoder: SamplingDecoder(recorder: decoder.recorder, path: decoder.path, index: currentIndex - 1))
    }

    mutating func superDecoder() throws -> any Decoder {
        currentIndex += 1
        return SamplingDecoder(recorder: decoder.recorder, path: decoder.path, index: currentIndex - 1)
    }
}

struct SamplingSingle: SingleValueDecodingContainer {
    let decoder: SamplingDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }
    func decodeNil() -> Bool { false }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try decoder.recorder.decode(type, path: decoder.path, index: decoder.index).value
    }
}
