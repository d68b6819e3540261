import CredconvJSON
import CredentialModel
import JSONMapping

/// The formats credconv knows, as one list (pandoc's readers and writers): `formats`, detection,
/// reading and writing all go through it. The list's order is the order of recognition.
public struct FormatRegistry: Sendable {
    /// Every format, in the order detection asks them.
    public let formats: [any CredentialFormat]

    /// The wrappers that hold credentials (presentations, envelopes), tried before the formats.
    public let containers: [any CredentialContainer]

    /// The readers and writers by name, cast once here rather than on every record.
    private let readers: [FormatName: any ReadableFormat]
    private let writers: [FormatName: any WritableFormat]

    public init(_ formats: [any CredentialFormat], containers: [any CredentialContainer] = []) {
        self.formats = formats
        self.containers = containers
        var readers: [FormatName: any ReadableFormat] = [:], writers: [FormatName: any WritableFormat] = [:]
        for format in formats.reversed() {  // the first of a name wins, as in format(named:)
            if let reader = format.asReadable { readers[format.name] = reader }
            if let writer = format.asWritable { writers[format.name] = writer }
        }
        self.readers = readers
        self.writers = writers
    }

    /// The format of that name.
    public func format(named name: FormatName) -> (any CredentialFormat)? { formats.first { $0.name == name } }
    /// The reader of that name, when the format can be read.
    public func reader(named name: FormatName) -> (any ReadableFormat)? { readers[name] }
    /// The writer of that name, when the format can be written.
    public func writer(named name: FormatName) -> (any WritableFormat)? { writers[name] }

    /// The format of that name, or the usage error naming the formats there are.
    public func requireFormat(named name: FormatName) throws(Diagnostic) -> any CredentialFormat {
        guard let format = format(named: name) else {
            throw Diagnostic(.unknownFormat, "unknown format \(name); credconv knows: \(names.map(\.rawValue).joined(separator: ", "))")
        }
        return format
    }

    /// The reader of that name, or the usage error saying what credconv reads.
    public func requireReader(named name: FormatName) throws(Diagnostic) -> any ReadableFormat {
        guard let reader = readers[name] else {
            _ = try requireFormat(named: name)
            throw Diagnostic(.unsupportedFormat, "credconv cannot read \(name); it reads: \(readableNames.map(\.rawValue).joined(separator: ", "))")
        }
        return reader
    }

    /// The writer of that name, or the usage error saying what credconv writes.
    public func requireWriter(named name: FormatName) throws(Diagnostic) -> any WritableFormat {
        guard let writer = writers[name] else {
            _ = try requireFormat(named: name)
            throw Diagnostic(.unsupportedFormat, "credconv cannot write \(name); it writes: \(writableNames.map(\.rawValue).joined(separator: ", "))")
        }
        return writer
    }

    /// Every name, in list order.
    public var names: [FormatName] { formats.map(\.name) }
    /// The names of the formats that can be read.
    public var readableNames: [FormatName] { formats.filter { $0.asReadable != nil }.map(\.name) }
    /// The names of the formats that can be written.
    public var writableNames: [FormatName] { formats.filter { $0.asWritable != nil }.map(\.name) }

    /// Detects the format of `bytes` from their content (never from a file name): parses JSON once,
    /// recognises a compact JWS, and asks each format in turn.
    /// - Throws: ``Diagnostic`` (`data.…`) for empty, unparsable or unknown input, or the reason a
    ///   format that claims the document would refuse it.
    public func detect(_ bytes: [UInt8], limits: JSONLimits = .default) throws(Diagnostic) -> DetectedInput {
        try detect(document: try Self.document(bytes, limits: limits), limits: limits)
    }

    /// Detects the format of a document already given its first look (see ``document(_:limits:)``).
    public func detect(document: InputDocument, limits: JSONLimits = .default) throws(Diagnostic) -> DetectedInput {
        var refusal: Diagnostic? = nil
        for format in formats {
            switch format.recognise(document, limits: limits) {
            case .recognised(let detail)?:
                return DetectedInput(format: format.name, detail: detail, document: document)
            case .refused(let reason)?:
                if refusal == nil { refusal = reason }
            case nil:
                continue
            }
        }
        if let refusal { throw refusal }
        throw Self.unknown(document)
    }

    /// Reads `bytes` into the model: detects the format (a stated one must agree with the content), then
    /// reads with that format's reader.
    public func read(
        _ bytes: [UInt8], stated: FormatName? = nil, context: inout ReadContext
    ) throws(Diagnostic) -> (Credential, DetectedInput) {
        try read(document: try Self.document(bytes, limits: context.jsonLimits), stated: stated, context: &context)
    }

    /// Reads a document already given its first look (so an input is parsed once, also when the
    /// containers looked at it first).
    public func read(
        document: InputDocument, stated: FormatName? = nil, context: inout ReadContext
    ) throws(Diagnostic) -> (Credential, DetectedInput) {
        var detected = try detect(document: document, limits: context.jsonLimits)
        if let stated, stated != detected.format {
            _ = try requireFormat(named: stated)
            throw Diagnostic(.formatMismatch, "the input is not \(stated): it looks like \(detected.format) (\(detected.detail))")
        }
        guard reader(named: detected.format) != nil else {
            throw Diagnostic(.unsupportedFormat, "detected \(detected.format) (\(detected.detail)), which credconv cannot read; it reads: \(readableNames.map(\.rawValue).joined(separator: ", "))")
        }
        context.detail = detected.detail
        let credential = try read(detected.document, as: detected.format, context: &context)
        detected.detail = context.detail
        return (credential, detected)
    }

    /// Reads a document with the named format's reader (also for documents embedded in others). A JSON
    /// document is read under a ``ReadLedger``: every member the reader neither mapped, kept nor reported
    /// is reported as `lost.not-in-model` at its JSON pointer, so no reader drops input silently.
    public func read(_ document: InputDocument, as name: FormatName, context: inout ReadContext) throws(Diagnostic) -> Credential {
        let reader = try requireReader(named: name)
        guard case .json(let value) = document else { return try reader.read(document, context: &context) }
        var inner = context
        let (credential, ledger) = try ReadLedger.withLedger { () throws(Diagnostic) -> Credential in
            try reader.read(document, context: &inner)
        }
        context = inner
        let reported = Set(context.report.diagnostics.compactMap { d -> JSONPointer? in
            if case .jsonPointer(let p)? = d.location { return JSONPointer(p) }
            return nil
        })
        for pointer in ledger.unconsumed(in: value, reported: reported) {
            context.report.lose(.jsonPointer(pointer.description), "credconv read nothing from this member: no model field holds it", code: .notInModel)
        }
        return credential
    }

    /// Writes the model in the named format.
    public func write(_ credential: Credential, as name: FormatName, context: inout WriteContext) throws(Diagnostic) -> [UInt8] {
        try requireWriter(named: name).write(credential, context: &context)
    }

    // MARK: first look

    /// JSON (parsed), a compact JWS, or bytes (UTF-16 XML as UTF-8: ``UTF16Input``).
    public static func document(_ bytes: [UInt8], limits: JSONLimits) throws(Diagnostic) -> InputDocument {
        if let xml = try UTF16Input.xmlAsUTF8(bytes) { return .bytes(xml) }
        let trimmed = bytes.trimmingASCIIWhitespace()
        guard let first = trimmed.first else {
            throw Diagnostic(.unknownInput, "empty input: no credential", at: .position(line: 1, column: 1))
        }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            do { return .json(try JSONParser(limits: limits).parse(bytes)) } catch { throw Diagnostic(error) }
        }
        if CompactJWS.looksLikeCompactJWS(bytes) {
            return .compactJWS(String(decoding: trimmed, as: UTF8.self))
        }
        return .bytes(bytes)
    }

    static func unknown(_ document: InputDocument) -> Diagnostic {
        switch document {
        case .json(let value):
            if case .object(let o) = value, let types = o["type"].map(JSONValue.strings), !types.isEmpty {
                return Diagnostic(.unknownInput, "no credential format credconv knows: a JSON object of type \(types.joined(separator: ", "))", at: .jsonPointer("/type"))
            }
            return Diagnostic(.unknownInput, "no credential format credconv knows: a JSON \(value.typeName) that no format recognises", at: .jsonPointer(""))
        case .compactJWS:
            return Diagnostic(.unknownInput, "a compact JWS whose payload is no credential credconv knows", at: .position(line: 1, column: 1))
        case .bytes(let bytes):
            if bytes.trimmingASCIIWhitespace().first == UInt8(ascii: "<") {
                return Diagnostic(.unknownInput, "no credential format credconv knows: markup with an unknown root", at: .position(line: 1, column: 1))
            }
            return Diagnostic(.unknownInput, "no credential format credconv knows: the input is not JSON, XML, a JWS, an SD-JWT or an image", at: .position(line: 1, column: 1))
        }
    }
}

extension JSONValue {
    /// A string, or the strings of an array (JSON-LD's one-or-many), for recognising `type` and `@context`.
    public static func strings(_ value: JSONValue) -> [String] {
        switch value {
        case .string(let s): return [s]
        case .array(let a): return a.compactMap(\.stringValue)
        default: return []
        }
    }
}

extension Diagnostic {
    /// A JSON syntax error at its line and column.
    public init(_ error: JSONParseError) {
        self.init(error.isLimit ? .limitExceeded : .jsonSyntax, "invalid JSON: " + error.message,
                  at: .position(line: error.position.line, column: error.position.column))
    }
}
