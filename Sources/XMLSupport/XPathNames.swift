import CLibXML2

/// The XPaths of a document's elements (`/a/b[2]/c`: local names, a 1-based position only among
/// same-named siblings), made when asked. The steps of an element's children are named all at once,
/// the first time one of them is asked for, so naming many siblings of one parent stays linear.
struct XPathNames {
    /// The step (`b[2]`) of each element whose siblings were named.
    private var steps: [UnsafeMutableRawPointer: String] = [:]

    /// The XPath of the element `node`, from the document's top element.
    mutating func path(of node: xmlNodePtr) -> String {
        var above: [String] = []
        var current: xmlNodePtr? = node
        while let n = current, n.pointee.type == XML_ELEMENT_NODE {
            above.append(n.pointee.parent.map { step(of: n, in: $0) } ?? Self.name(n))
            current = n.pointee.parent
        }
        return "/" + above.reversed().joined(separator: "/")
    }

    private static func name(_ node: xmlNodePtr) -> String { node.pointee.name.map { String(cString: $0) } ?? "" }

    private mutating func step(of node: xmlNodePtr, in parent: xmlNodePtr) -> String {
        if let known = steps[UnsafeMutableRawPointer(node)] { return known }
        let name = Self.name
        var counts: [String: Int] = [:]
        var child = parent.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE { counts[name(c), default: 0] += 1 }
            child = c.pointee.next
        }
        var positions: [String: Int] = [:]
        child = parent.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE {
                let n = name(c)
                positions[n, default: 0] += 1
                steps[UnsafeMutableRawPointer(c)] = (counts[n] ?? 0) > 1 ? "\(n)[\(positions[n]!)]" : n
            }
            child = c.pointee.next
        }
        return steps[UnsafeMutableRawPointer(node)] ?? name(node)
    }
}
