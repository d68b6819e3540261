import CLibXML2

/// A parsed XML document owned by credconv (frees itself).
///
/// Parsing is safe for untrusted input: in memory, no network, no entity substitution, no DTD
/// loading, no XInclude, no recovery of broken XML, line numbers beyond 65535, any DOCTYPE refused
/// before its subset is read, and a size cap. Named `XMLTree`, not `XMLDocument`, so it never clashes
/// with Foundation.
public final class XMLTree {
    let document: xmlDocPtr

    /// The default size cap: 16 MiB (the largest real Europass document seen is under 1 MB).
    public static let defaultMaxBytes = 16 << 20

    /// Parses `bytes`.
    /// - Throws: ``XMLFailure`` with the line and column of the first problem.
    public init(parsing bytes: [UInt8], maxBytes: Int = XMLTree.defaultMaxBytes) throws(XMLFailure) {
        _ = LibXML.initialized
        guard bytes.count <= maxBytes else { throw .tooLarge(limit: maxBytes) }
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else { throw .empty }
        let collector = IssueCollector()
        var state = clx_parse_state(collector: Unmanaged.passUnretained(collector).toOpaque(), doctype_line: 0)
        let result: xmlDocPtr? = withExtendedLifetime(collector) {
            bytes.withUnsafeBufferPointer { buffer -> xmlDocPtr? in
                guard let context = buffer.baseAddress.flatMap({
                    $0.withMemoryRebound(to: CChar.self, capacity: buffer.count) { xmlCreateMemoryParserCtxt($0, Int32(buffer.count)) }
                }) else { return nil }
                defer { xmlFreeParserCtxt(context) }
                let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue)
                _ = xmlCtxtUseOptions(context, options)
                return withUnsafeMutablePointer(to: &state) { statePointer -> xmlDocPtr? in
                    clx_prepare_parser(context, parserErrorCallback, statePointer)
                    _ = xmlParseDocument(context)
                    let document = clx_take_document(context)
                    if statePointer.pointee.doctype_line > 0 || clx_well_formed(context) == 0 {
                        if let document { xmlFreeDoc(document) }
                        return nil
                    }
                    return document
                }
            }
        }
        if state.doctype_line > 0 { throw .doctypeForbidden(line: Int(state.doctype_line)) }
        guard let result else {
            let errors = collector.errors
            throw .malformed(errors.isEmpty ? [XMLIssue(level: .error, line: 1, column: 1, message: "not well-formed XML")] : errors)
        }
        document = result
    }

    deinit { xmlFreeDoc(document) }

    /// The root element.
    public var root: XMLElementView? {
        guard let node = xmlDocGetRootElement(document) else { return nil }
        return XMLElementView(node: node, tree: self)
    }

    /// The libxml2 version in use.
    public static var libxmlVersion: String { LibXML.version }
}
