import CredconvJSON
import CredentialModel

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
    /// - Parameter record: the 1-based record number in a batch, nil for a single document.
    public func render(_ output: ConversionOutput, record: Int? = nil) -> String {
        switch style {
        case .text:
            var lines: [String] = []
            let prefix = record.map { "record \($0): " } ?? ""
            for w in output.report.warnings {
                lines.append("credconv: warning: \(prefix)" + (w.path.map { "\($0): " } ?? "") + w.message)
            }
            for l in output.report.lost {
                lines.append("credconv: lost: \(prefix)\(l.path): \(l.reason)")
            }
            return lines.map { $0 + "\n" }.joined()
        case .json:
            var o = JSONObject()
            o.set("input", .string(inputName))
            if let record { o.set("record", .integer(record)) }
            o.set("format", .string(output.inputFormat.rawValue))
            o.set("detail", .string(output.inputDetail))
            o.set("warnings", .array(output.report.warnings.map { w in
                var e = JSONObject()
                e.set("path", ifPresent: w.path.map(JSONValue.string))
                e.set("message", .string(w.message))
                return .object(e)
            }))
            o.set("lost", .array(output.report.lost.map { .object(JSONObject(["path": .string($0.path), "reason": .string($0.reason)])) }))
            o.set("signature", signatureValue(output.signature))
            return JSONWriter(style: .compact).string(.object(o)) + "\n"
        }
    }

    /// The report of a failure.
    /// - Parameters:
    ///   - record: the 1-based record number in a batch.
    ///   - line: the record's line in the input stream.
    public func render(_ error: ConversionError, record: Int? = nil, line: Int? = nil) -> String {
        switch style {
        case .text:
            var where_ = inputName
            if let record { where_ += ": record \(record)" + (line.map { " (line \($0))" } ?? "") }
            if let location = error.location { where_ += ":" + (location.isPosition ? "" : " ") + location.description }
            return "credconv: error: \(where_): \(error.message)\n"
        case .json:
            var o = JSONObject()
            o.set("input", .string(inputName))
            if let record { o.set("record", .integer(record)) }
            if let line { o.set("line", .integer(line)) }
            var e = JSONObject()
            e.set("message", .string(error.message))
            e.set("location", ifPresent: error.location.map { .string($0.description) })
            e.set("exitCode", .integer(Int(error.exitCode)))
            o.set("error", .object(e))
            return JSONWriter(style: .compact).string(.object(o)) + "\n"
        }
    }

    private func signatureValue(_ s: SignatureInfo?) -> JSONValue {
        guard let s else { return .null }
        var o = JSONObject()
        o.set("kind", .string(s.kind.rawValue))
        o.set("detail", ifPresent: s.detail.map(JSONValue.string))
        o.set("keyReference", ifPresent: s.keyReference.map(JSONValue.string))
        o.set("verified", .bool(s.verified))
        o.set("statement", .string(s.statement + "; the output is unsigned derived data"))
        return .object(o)
    }
}

extension SourceLocation {
    /// True for a line:column position (printed right after the input name, as compilers do).
    var isPosition: Bool {
        if case .position = self { return true }
        return false
    }
}
