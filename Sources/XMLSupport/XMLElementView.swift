import CLibXML2

/// A borrowed view of an element in an ``XMLTree`` (keeps the tree alive).
public struct XMLElementView {
    let node: xmlNodePtr
    let tree: XMLTree

    /// The local name.
    public var name: String { node.pointee.name.map { String(cString: $0) } ?? "" }

    /// The namespace URI, or nil.
    public var namespaceURI: String? {
        node.pointee.ns?.pointee.href.map { String(cString: $0) }
    }

    /// The name as written: `prefix:local`, or the local name when it has no prefix.
    public var qualifiedName: String {
        if let prefix = node.pointee.ns?.pointee.prefix { return String(cString: prefix) + ":" + name }
        return name
    }

    /// The 1-based source line.
    public var line: Int { Int(xmlGetLineNo(node)) }

    /// An attribute value: without a namespace when `namespace` is nil.
    public func attribute(_ name: String, namespace: String? = nil) -> String? {
        Self.withXMLChars(name) { name in
            Self.withOptionalXMLChars(namespace) { namespace in
                if let ledger = XMLReadLedger.current, let attribute = xmlHasNsProp(node, name, namespace) { ledger.read(attribute) }
                let value: UnsafeMutablePointer<xmlChar>?
                if let namespace {
                    value = xmlGetNsProp(node, name, namespace)
                } else {
                    value = xmlGetNoNsProp(node, name)
                }
                guard let value else { return nil }
                defer { clx_free(value) }
                return String(cString: value)
            }
        }
    }

    /// An attribute value without marking it as read (for indexes).
    public func attributeWithoutReading(_ name: String) -> String? {
        Self.withXMLChars(name) { name in
            guard let value = xmlGetNoNsProp(node, name) else { return nil }
            defer { clx_free(value) }
            return String(cString: value)
        }
    }

    /// Runs `body` with the string as libxml2's `xmlChar *`, in place (a String passed where an
    /// `xmlChar *` is expected is first copied into a new array).
    private static func withXMLChars<R>(_ string: String, _ body: (UnsafePointer<xmlChar>) -> R) -> R {
        string.withCString { body(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
    }

    private static func withOptionalXMLChars<R>(_ string: String?, _ body: (UnsafePointer<xmlChar>?) -> R) -> R {
        guard let string else { return body(nil) }
        return withXMLChars(string) { body($0) }
    }

    /// Every attribute: local name, namespace URI, value.
    public var attributes: [(name: String, namespace: String?, value: String)] {
        var out: [(String, String?, String)] = []
        var a = node.pointee.properties
        while let attribute = a {
            let name = attribute.pointee.name.map { String(cString: $0) } ?? ""
            let ns = attribute.pointee.ns?.pointee.href.map { String(cString: $0) }
            out.append((name, ns, self.attribute(name, namespace: ns) ?? ""))
            a = attribute.pointee.next
        }
        return out
    }

    /// The child elements, in order (marked as gone into in the read ledger).
    public var children: [XMLElementView] {
        let out = childrenWithoutReading
        if let ledger = XMLReadLedger.current { for c in out { ledger.visit(c.node) } }
        return out
    }

    /// The child elements, in order, without marking them as read (for indexes and structure checks).
    public var childrenWithoutReading: [XMLElementView] {
        var out: [XMLElementView] = []
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE { out.append(XMLElementView(node: c, tree: tree)) }
            child = c.pointee.next
        }
        return out
    }

    /// The child elements with a local name (and namespace, when given).
    public func children(_ name: String, namespace: String? = nil) -> [XMLElementView] {
        var out: [XMLElementView] = []
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE, Self.node(c, isNamed: name, namespace: namespace) { out.append(XMLElementView(node: c, tree: tree)) }
            child = c.pointee.next
        }
        if !out.isEmpty, let ledger = XMLReadLedger.current { for c in out { ledger.visit(c.node) } }
        return out
    }

    /// The first child element with a local name (and namespace, when given).
    public func child(_ name: String, namespace: String? = nil) -> XMLElementView? {
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE, Self.node(c, isNamed: name, namespace: namespace) {
                XMLReadLedger.current?.visit(c)
                return XMLElementView(node: c, tree: tree)
            }
            child = c.pointee.next
        }
        return nil
    }

    /// True when the element has this local name (and namespace, when given), compared as libxml2
    /// holds them: code point by code point, without making a Swift string of every child's name.
    private static func node(_ node: xmlNodePtr, isNamed name: String, namespace: String?) -> Bool {
        guard let local = node.pointee.name, equal(local, name) else { return false }
        guard let namespace else { return true }
        guard let href = node.pointee.ns?.pointee.href else { return false }
        return equal(href, namespace)
    }

    /// True when the NUL-terminated `text` holds exactly the UTF-8 bytes of `string` (read in place:
    /// passing a String where libxml2 wants an `xmlChar *` would copy it into a new array first).
    private static func equal(_ text: UnsafePointer<xmlChar>, _ string: String) -> Bool {
        var string = string
        return string.withUTF8 { bytes in
            for i in 0..<bytes.count where text[i] == 0 || text[i] != bytes[i] { return false }
            return text[bytes.count] == 0
        }
    }

    /// The text content of the element and its descendants (consumed in the read ledger).
    public var text: String {
        XMLReadLedger.current?.consume(node)
        return textWithoutReading
    }

    /// The text content, without marking the element as read (to decide whether it is data).
    public var textWithoutReading: String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { clx_free(content) }
        return String(cString: content)
    }

    /// True when the element has element children.
    public var hasElementChildren: Bool {
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE { return true }
            child = c.pointee.next
        }
        return false
    }

    /// The element's position as an XPath of local names, with 1-based indexes where siblings share a name
    /// (`/europassCredential/credentialSubject/achievements/learningAchievement[2]`).
    public var path: String {
        var names = XPathNames()
        return names.path(of: node)
    }

    /// The element serialised as XML (namespace declarations inherited from ancestors are not repeated).
    public var serialized: String {
        XMLReadLedger.current?.consume(node)
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        _ = xmlNodeDump(buffer, tree.document, node, 0, 0)
        guard let content = xmlBufferContent(buffer) else { return "" }
        return String(cString: content)
    }
}

extension XMLElementView {
    /// The element as a document of its own: a copy whose namespace declarations are completed from its
    /// ancestors, so it parses alone (a credential taken out of a presentation). Reads nothing.
    public var standaloneDocument: [UInt8] {
        guard let copy = xmlNewDoc("1.0") else { return [] }
        defer { xmlFreeDoc(copy) }
        guard let element = xmlDocCopyNode(node, copy, 1) else { return [] }
        xmlDocSetRootElement(copy, element)
        _ = xmlReconciliateNs(copy, element)
        var buffer: UnsafeMutablePointer<xmlChar>? = nil
        var size: Int32 = 0
        xmlDocDumpMemoryEnc(copy, &buffer, &size, "UTF-8")
        guard let buffer else { return [] }
        defer { clx_free(buffer) }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(size)))
    }
}
