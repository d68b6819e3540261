import CredconvJSON
import CredentialModel
import FormatInterface
import JOSE
import JSONLD

/// `credconv check --profile jsonld`: what JSON-LD processing drops from a document (members no context
/// defines, types and ids that stay relative, values outside any property, malformed language tags).
/// Those parts are invisible to JSON-LD consumers and are not covered by an RDFC Data Integrity proof.
public struct JSONLDCheck: Sendable {
    /// The findings, with the document's JSON pointers.
    public struct Result: Sendable {
        public var findings: [ExpansionFinding]
        public var isConformant: Bool { findings.isEmpty }
    }

    public var processor: JSONLDProcessor

    public init(processor: JSONLDProcessor = JSONLDProcessor()) { self.processor = processor }

    /// Checks a JSON-LD document, or the credential of a VC-JWT (its `vc` claim, else its payload).
    public func check(_ bytes: [UInt8], limits: JSONLimits = .default) throws(Diagnostic) -> Result {
        let document = try Self.document(bytes, limits: limits)
        guard document.objectValue?["@context"] != nil || document.arrayValue != nil else {
            throw Diagnostic(.invalidValue, "the document has no @context: it is not JSON-LD", at: .jsonPointer("/@context"))
        }
        do {
            return Result(findings: try processor.expandWithFindings(document).findings)
        } catch {
            throw Diagnostic(.invalidValue, "JSON-LD processing failed: \(error)", at: error.pointer.map { .jsonPointer($0) })
        }
    }

    static func document(_ bytes: [UInt8], limits: JSONLimits) throws(Diagnostic) -> JSONValue {
        let trimmed = bytes.trimmingASCIIWhitespace()
        if trimmed.first != UInt8(ascii: "{") && trimmed.first != UInt8(ascii: "["), trimmed.filter({ $0 == UInt8(ascii: ".") }).count == 2 {
            guard let jws = try? SignedJWS(String(decoding: trimmed, as: UTF8.self), limits: limits),
                  case .object(let claims) = try? JSONParser(limits: limits).parse(jws.payload) else {
                throw Diagnostic(.invalidValue, "the input looks like a JWT but is not a compact JWS with a JSON object payload")
            }
            return claims["vc"] ?? .object(claims)
        }
        do {
            return try JSONParser(limits: limits).parse(Array(trimmed))
        } catch {
            throw Diagnostic(error)
        }
    }

    /// The findings as JSON (for `--report json`).
    public static func json(_ result: Result, inputName: String) -> JSONValue {
        var o = JSONObject()
        o.set("input", .string(inputName))
        o.set("profile", .string("jsonld"))
        o.set("conformant", .bool(result.isConformant))
        o.set("findings", .array(result.findings.map { f in
            .object(JSONObject(["kind": .string(f.kind.rawValue), "pointer": .string(f.pointer), "detail": .string(f.detail)]))
        }))
        return .object(o)
    }

    /// The findings as text, one per line.
    public static func text(_ result: Result, inputName: String) -> String {
        var lines = ["\(inputName): jsonld"]
        for f in result.findings {
            lines.append("  DROPPED  \(f.pointer.isEmpty ? "/" : f.pointer)  \(f.detail) [\(f.kind.rawValue)]")
        }
        lines.append(result.isConformant
            ? "every member expands under the document's contexts: a JSON-LD proof covers all of it"
            : "\(result.findings.count) part\(result.findings.count == 1 ? "" : "s") JSON-LD drops: JSON-LD consumers do not see them and an RDFC Data Integrity proof does not cover them")
        return lines.joined(separator: "\n") + "\n"
    }
}
