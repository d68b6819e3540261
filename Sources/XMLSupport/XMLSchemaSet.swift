import CLibXML2
import Foundation

/// A compiled XML Schema, loaded only from local files, used to validate ``XMLTree``s.
///
/// Imports are resolved next to the schema file; an import by remote URL is served from the file of
/// the same name in that directory (the Europass schemas import XAdES and xmldsig by `http://` URLs);
/// nothing is fetched. Compiled schemas are read-only and may validate on several threads at once.
public final class XMLSchemaSet: @unchecked Sendable {
    private let schema: xmlSchemaPtr
    /// The schema file.
    public let path: String
    /// Warnings from compiling the schema (harmless "import skipped" notices and the like).
    public let compileWarnings: [XMLIssue]

    /// Compiles the schema at `path`.
    /// - Throws: ``XMLFailure/schemaUnusable(_:)`` with the issues when it cannot be compiled.
    public init(contentsOf path: String) throws(XMLFailure) {
        _ = LibXML.initialized
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: absolute) else {
            throw .schemaUnusable([XMLIssue(level: .error, line: 0, column: 0, message: "no such file", file: path)])
        }
        ResourceLoader.allow(directory: (absolute as NSString).deletingLastPathComponent)
        let collector = IssueCollector()
        let compiled: xmlSchemaPtr? = withExtendedLifetime(collector) {
            guard let parser = xmlSchemaNewParserCtxt(absolute) else { return nil }
            defer { xmlSchemaFreeParserCtxt(parser) }
            clx_schema_parser_errors(parser, collectorErrorCallback, Unmanaged.passUnretained(collector).toOpaque())
            return xmlSchemaParse(parser)
        }
        guard let compiled else {
            throw .schemaUnusable(collector.errors.isEmpty ? collector.issues : collector.errors)
        }
        schema = compiled
        self.path = absolute
        compileWarnings = collector.issues.filter { $0.level == .warning }
    }

    deinit { xmlSchemaFree(schema) }

    /// Validates a document; returns every violation (empty when valid), each with its line.
    public func validate(_ tree: XMLTree) -> [XMLIssue] {
        let collector = IssueCollector()
        return withExtendedLifetime(collector) {
            guard let context = xmlSchemaNewValidCtxt(schema) else {
                return [XMLIssue(level: .error, line: 0, column: 0, message: "cannot create a validation context")]
            }
            defer { xmlSchemaFreeValidCtxt(context) }
            clx_schema_valid_errors(context, collectorErrorCallback, Unmanaged.passUnretained(collector).toOpaque())
            let result = xmlSchemaValidateDoc(context, tree.document)
            var issues = collector.errors
            if result != 0 && issues.isEmpty {
                issues.append(XMLIssue(level: .error, line: 0, column: 0, message: "the document is not valid (libxml2 gave no detail)"))
            }
            return issues
        }
    }
}
