import CredconvJSON

// Decoding of the model types whose JSON form is not their stored properties' (the model document
// `credconv -t model` writes and `-f model` reads). Each mirrors its `jsonValue` or `encode(to:)`.

extension LocalizedString: JSONValueDecodable {
    /// From `{"en": "…", "de": "…"}`, with `"@format"` when not plain.
    public init(jsonValue: JSONValue, at pointer: JSONPointer) throws(JSONValueDecodingError) {
        guard case .object(let o) = jsonValue, !o.isEmpty else {
            throw JSONValueDecodingError("expected a language map such as {\"en\": \"…\"}", at: pointer)
        }
        var entries: [Entry] = []
        var format = Format.plain
        for m in o {
            guard case .string(let s) = m.value else { throw JSONValueDecodingError("expected a string", at: pointer / m.key) }
            if m.key == "@format" {
                guard let f = Format(rawValue: s) else { throw JSONValueDecodingError("unknown text format \"\(s)\"", at: pointer / m.key) }
                format = f
            } else {
                entries.append(Entry(language: m.key, text: s))
            }
        }
        guard !entries.isEmpty else { throw JSONValueDecodingError("a language map without a text", at: pointer) }
        self.init(entries: entries, format: format)
    }

    public init(from decoder: any Decoder) throws {
        try self.init(jsonValue: try JSONValue(from: decoder), at: JSONPointer(decoder))
    }
}

extension ExtensionBag: JSONValueDecodable {
    /// From `{"family": {"key": value}}`; each field's source is its place in the model document.
    public init(jsonValue: JSONValue, at pointer: JSONPointer) throws(JSONValueDecodingError) {
        guard case .object(let families) = jsonValue else { throw JSONValueDecodingError("expected an object of format families", at: pointer) }
        self.init()
        for family in families {
            guard case .object(let o) = family.value else { throw JSONValueDecodingError("expected an object of kept properties", at: pointer / family.key) }
            for m in o { keep(m.key, m.value, at: .jsonPointer((pointer / family.key / m.key).description), family: family.key) }
        }
    }

    public init(from decoder: any Decoder) throws {
        try self.init(jsonValue: try JSONValue(from: decoder), at: JSONPointer(decoder))
    }
}

extension Country: JSONValueDecodable {
    /// From an ISO 3166-1 alpha-2 code.
    public init(jsonValue: JSONValue, at pointer: JSONPointer) throws(JSONValueDecodingError) {
        guard case .string(let s) = jsonValue, let c = Country(alpha2: s) else {
            throw JSONValueDecodingError("expected an ISO 3166-1 alpha-2 country code", at: pointer)
        }
        self = c
    }

    public init(from decoder: any Decoder) throws {
        try self.init(jsonValue: try JSONValue(from: decoder), at: JSONPointer(decoder))
    }
}

extension NumberText: JSONValueDecodable {
    /// From a JSON number, its text kept.
    public init(jsonValue: JSONValue, at pointer: JSONPointer) throws(JSONValueDecodingError) {
        guard case .number(let n) = jsonValue, let t = NumberText(n) else { throw JSONValueDecodingError("expected a number", at: pointer) }
        self = t
    }

    public init(from decoder: any Decoder) throws {
        try self.init(jsonValue: try JSONValue(from: decoder), at: JSONPointer(decoder))
    }
}

extension ServiceReference: JSONValueDecodable {
    /// From `{"id", "type", …further properties}`.
    public init(jsonValue: JSONValue, at pointer: JSONPointer) throws(JSONValueDecodingError) {
        guard case .object(let o) = jsonValue else { throw JSONValueDecodingError("expected an object", at: pointer) }
        guard case .string(let type)? = o["type"] else { throw JSONValueDecodingError("required member \"type\" is missing or not a string", at: pointer / "type") }
        var id: String? = nil
        if let v = o["id"] {
            guard case .string(let s) = v else { throw JSONValueDecodingError("expected a string", at: pointer / "id") }
            id = s
        }
        var rest = JSONObject()
        for m in o where m.key != "id" && m.key != "type" { rest.set(m.key, m.value) }
        self.init(id: id, type: type, properties: rest.isEmpty ? nil : rest)
    }

    public init(from decoder: any Decoder) throws {
        try self.init(jsonValue: try JSONValue(from: decoder), at: JSONPointer(decoder))
    }
}

extension Indirect {
    public init(from decoder: any Decoder) throws {
        self.init(try Value(from: decoder))
    }
}

extension JSONPointer {
    /// The pointer of a decoder's coding path.
    init(_ decoder: any Decoder) { self.init(tokens: decoder.codingPath.map(\.stringValue)) }
}
