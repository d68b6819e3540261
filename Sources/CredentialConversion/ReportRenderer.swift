import CredconvJSON
import CredentialModel
import FormatInterface

/// Renders warnings, losses, signature notes and errors for stderr: as `credconv: …` lines for
/// people, or as one JSON object per document for machines (`--report json`).
public struct ReportRenderer: Sendable {
    /// How reports are written.
    public enum Style: String, Sendable, CaseIterable {
        case text
        case json
    }

    public var style: Style
    /// The input's name in messages (a path, or `<stdin>`).
    public var inputName: String

    public init(style: Style, inputName: String) {
        self.style = style
        self.inputName = inputName
    }

    /// The report of a successful conversion; empty when there is nothing to say in text style.
    /// - Parameters:
    ///   - output: the conversion's result.
    ///   - record: the 1-based record number in a batch, nil for a single document.
    public func render(_ output: ConversionOutput, record: Int? = nil) -> String {
        switch style {
        case .text:
            // Appended piece by piece: a batch renders a line per diagnostic of every record, and
            // interpolation would look each piece's conformances up at run time.
            let prefix = record.map { "record " + String($0) + ": " } ?? ""
            var text = ""
            for d in output.report.diagnostics {
                text += "credconv: "
                text += d.severity.rawValue
                text += ": "
                text += prefix
                if let location = d.location {
                    text += location.description
                    text += ": "
                }
                text += d.message
                text += " ["
                text += d.code.rawValue
                text += "]\n"
            }
            return text
        case .json:
            var o = JSONObject()
            o.set("input", .string(inputName))
            if let record { o.set("record", .integer(record)) }
            o.set("format", .string(output.inputFormat.rawValue))
            o.set("detail", .string(output.inputDetail))
            o.set("warnings", .array(output.report.warnings.map(Self.json)))
            o.set("lost", .array(output.report.lost.map(Self.json)))
            o.set("signature", signatureValue(output.signature, outputSigned: output.report.diagnostics.contains { $0.code == .signedOutput }))
            return JSONWriter(style: .compact).string(.object(o)) + "\n"
        }
    }

    /// The report of a failure.
    /// - Parameters:
    ///   - error: what went wrong.
    ///   - record: the 1-based record number in a batch.
    ///   - line: the record's line in the input stream.
    public func render(_ error: Diagnostic, record: Int? = nil, line: Int? = nil) -> String {
        switch style {
        case .text:
            var where_ = inputName
            if let record { where_ += ": record \(record)" + (line.map { " (line \($0))" } ?? "") }
            if let location = error.location { where_ += ":" + (location.isPosition ? "" : " ") + location.description }
            return "credconv: error: \(where_): \(error.message) [\(error.code)]\n"
        case .json:
            var o = JSONObject()
            o.set("input", .string(inputName))
            if let record { o.set("record", .integer(record)) }
            if let line { o.set("line", .integer(line)) }
            var e = Self.json(error).objectValue ?? JSONObject()
            e.set("exitCode", .integer(Int(error.exitCode)))
            o.set("error", .object(e))
            return JSONWriter(style: .compact).string(.object(o)) + "\n"
        }
    }

    /// One diagnostic: `{"code", "message", "location"}`.
    public static func json(_ d: Diagnostic) -> JSONValue {
        var e = JSONObject()
        e.set("code", .string(d.code.rawValue))
        e.set("message", .string(d.message))
        e.set("location", ifPresent: d.location.map(json))
        return .object(e)
    }

    /// A location: `{"type": "jsonPointer", "pointer": "/a/b"}`, `{"type": "xpath", "xpath", "line"}`,
    /// `{"type": "position", "line", "column"}`, `{"type": "model", "path"}`, `{"type": "byteOffset", "offset"}`.
    public static func json(_ location: SourceLocation) -> JSONValue {
        var o = JSONObject()
        o.set("type", .string(location.kind))
        switch location {
        case .jsonPointer(let p): o.set("pointer", .string(p))
        case .position(let line, let column):
            o.set("line", .integer(line))
            o.set("column", .integer(column))
        case .xpath(let x, let line):
            o.set("xpath", .string(x))
            o.set("line", ifPresent: line.map { .integer($0) })
        case .modelPath(let m): o.set("path", .string(m))
        case .byteOffset(let n): o.set("offset", .integer(n))
        }
        return .object(o)
    }

    private func signatureValue(_ s: SignatureInfo?, outputSigned: Bool) -> JSONValue {
        guard let s else { return .null }
        var o = JSONObject()
        o.set("kind", .string(s.kind.rawValue))
        o.set("detail", ifPresent: s.detail.map(JSONValue.string))
        o.set("keyReference", ifPresent: s.keyReference.map(JSONValue.string))
        o.set("verified", .bool(s.verified))
        o.set("verification", ifPresent: s.verification.map(JSONValue.string))
        o.set("statement", .string(s.statement + (outputSigned ? "; the output carries a new signature, credconv's" : "; the output is unsigned derived data")))
        return .object(o)
    }

    /// A warning that belongs to no conversion (an exposed key file): a `credconv: warning:` line, or a
    /// JSON object with `warnings`.
    public func render(warning: Diagnostic) -> String {
        switch style {
        case .text:
            return "credconv: warning: \(warning.message) [\(warning.code)]\n"
        case .json:
            var o = JSONObject()
            o.set("input", .string(inputName))
            o.set("warnings", .array([Self.json(warning)]))
            return JSONWriter(style: .compact).string(.object(o)) + "\n"
        }
    }
}
