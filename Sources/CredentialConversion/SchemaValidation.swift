import CredentialModel
import Europass
import XMLSupport

/// XSD validation of XML documents against schemas from local files (`credconv validate`).
public enum SchemaValidation {
    /// One violation, with its place.
    public struct Violation: Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    /// Validates `document` against the schema at `schemaPath`.
    /// - Returns: every violation (empty when the document is valid).
    /// - Throws: `Diagnostic` when the document is not well-formed XML (`.data`) or the schema cannot be
    ///   compiled (`.usage`).
    public static func validate(_ document: [UInt8], schemaPath: String, maxBytes: Int = XMLTree.defaultMaxBytes) throws(Diagnostic) -> [Violation] {
        let schema: XMLSchemaSet
        do {
            schema = try XMLSchemaSet(contentsOf: schemaPath)
        } catch {
            throw Diagnostic(.usage, "\(schemaPath): \(error.description)")
        }
        let tree: XMLTree
        do {
            tree = try XMLTree(parsing: document, maxBytes: maxBytes)
        } catch {
            throw Diagnostic(xml: error)
        }
        return schema.validate(tree).map { Violation(line: $0.line, column: $0.column, message: $0.message) }
    }
}
