import CLibXML2

/// What a reader consumed of an XML document: elements whose text or whole subtree it read, elements it
/// went into, attributes it read. ``XMLElementView`` records into the ledger bound for the current read;
/// ``unconsumed(in:)`` lists what nothing read, so no reader can drop input silently.
///
/// A ledger belongs to one read on one thread (bound with ``withLedger(_:)``); it is not shared.
public final class XMLReadLedger: @unchecked Sendable {
    /// The ledger of the read in progress, if any.
    @TaskLocal public static var current: XMLReadLedger?

    private var consumed = PointerSet()
    private var visited = PointerSet()
    private var readAttributes = PointerSet()

    public init() {}

    func consume(_ node: xmlNodePtr) { consumed.insert(UnsafeMutableRawPointer(node)) }
    func visit(_ node: xmlNodePtr) { visited.insert(UnsafeMutableRawPointer(node)) }
    func read(_ attribute: xmlAttrPtr) { readAttributes.insert(UnsafeMutableRawPointer(attribute)) }

    /// Marks an element, with everything inside it, as consumed (an element a reader keeps or handles whole).
    public func consume(_ element: XMLElementView) { consume(element.node) }

    /// Marks an element as gone into (one the reader reached through a reference).
    public func visit(_ element: XMLElementView) { visit(element.node) }

    /// True when the reader went into the element or consumed it (or something above it).
    public func isRead(_ element: XMLElementView) -> Bool {
        var n: xmlNodePtr? = element.node
        if visited.contains(UnsafeMutableRawPointer(element.node)) { return true }
        while let current = n {
            if consumed.contains(UnsafeMutableRawPointer(current)) { return true }
            n = current.pointee.parent
        }
        return false
    }

    /// Runs `read` with a fresh ledger bound, and returns its result with the ledger.
    public static func withLedger<T, E: Error>(_ read: () throws(E) -> T) throws(E) -> (T, XMLReadLedger) {
        let ledger = XMLReadLedger()
        let result: Result<T, E> = $current.withValue(ledger) {
            do throws(E) { return .success(try read()) } catch { return .failure(error) }
        }
        return (try result.get(), ledger)
    }

    /// Something no reader read.
    public struct Unread: Sendable, Equatable {
        /// The element's XPath, with `/@name` for an attribute and `/text()` for text.
        public var path: String
        public var line: Int
    }

    /// The XML Schema instance namespace: `xsi:schemaLocation` and kin describe the document, not data.
    static let schemaInstance = "http://www.w3.org/2001/XMLSchema-instance"

    /// The highest elements nothing read, and the attributes and text of read elements that nothing read.
    /// Linear in the document: XPaths are built from the parent's, with sibling positions counted once.
    /// True for no text or only XML white space (space, tab, CR, LF), checked on the bytes.
    static func isXMLWhitespace(_ text: UnsafeMutablePointer<xmlChar>?) -> Bool {
        guard var p = text else { return true }
        while p.pointee != 0 {
            switch p.pointee {
            case 0x20, 0x09, 0x0D, 0x0A: p += 1
            default: return false
            }
        }
        return true
    }

    public func unconsumed(in root: XMLElementView) -> [Unread] {
        // Elements something inside was read of (a reference section whose entries were reached by idref).
        var touched = PointerSet()
        func touchAncestors(of node: xmlNodePtr?) {
            var n = node
            while let current = n, touched.insert(UnsafeMutableRawPointer(current)) { n = current.pointee.parent }
        }
        for p in visited { touchAncestors(of: p.assumingMemoryBound(to: xmlNode.self).pointee.parent) }
        for p in consumed { touchAncestors(of: p.assumingMemoryBound(to: xmlNode.self).pointee.parent) }
        for p in readAttributes { touchAncestors(of: p.assumingMemoryBound(to: xmlAttr.self).pointee.parent) }
        var out: [Unread] = []
        // Most of a document was read: its XPaths are made only for what is reported.
        var paths = XPathNames()
        func walk(_ node: xmlNodePtr) {
            let key = UnsafeMutableRawPointer(node)
            if consumed.contains(key) { return }
            guard visited.contains(key) || touched.contains(key) else {
                out.append(Unread(path: paths.path(of: node), line: Int(xmlGetLineNo(node))))
                return
            }
            var a = node.pointee.properties
            while let attribute = a {
                a = attribute.pointee.next
                if readAttributes.contains(UnsafeMutableRawPointer(attribute)) { continue }
                let href = attribute.pointee.ns?.pointee.href
                // An element's `id` is its place in the document's reference graph, not data of its own.
                if href == nil, xmlStrEqual(attribute.pointee.name, Self.idName) != 0 { continue }
                if let href, xmlStrEqual(href, Self.schemaInstanceName) != 0 { continue }
                let attributeName = attribute.pointee.name.map { String(cString: $0) } ?? ""
                out.append(Unread(path: paths.path(of: node) + "/@" + attributeName, line: Int(xmlGetLineNo(node))))
            }
            var child = node.pointee.children
            while let c = child {
                switch c.pointee.type {
                case XML_ELEMENT_NODE:
                    walk(c)
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if !Self.isXMLWhitespace(c.pointee.content) { out.append(Unread(path: paths.path(of: node) + "/text()", line: Int(xmlGetLineNo(c)))) }
                default: break
                }
                child = c.pointee.next
            }
        }
        walk(root.node)
        return out
    }

    static let idName: [xmlChar] = Array("id".utf8) + [0]
    static let schemaInstanceName: [xmlChar] = Array(schemaInstance.utf8) + [0]
}
