import CLibXML2

/// The XPaths of a document's elements below a root (`/a/b[2]/c`: a position only among same-named
/// siblings), made when asked. The steps of an element's children are named all at once, the first
/// time one of them is asked for, so a document with many reported siblings stays linear.
struct XPathNames {
    private let root: XMLElementView
    /// The step (`b[2]`) of each element whose siblings were named.
    private var steps: [UnsafeMutableRawPointer: String] = [:]

    init(root: XMLElementView) { self.root = root }

    /// The XPath of `node`, the root or an element below it.
    mutating func path(of node: xmlNodePtr) -> String {
        var below: [String] = []
        var n = node
        while n != root.node, let parent = n.pointee.parent {
            below.append(step(of: n, in: parent))
            n = parent
        }
        return below.reversed().reduce(root.path) { $0 + "/" + $1 }
    }

    private mutating func step(of node: xmlNodePtr, in parent: xmlNodePtr) -> String {
        if let known = steps[UnsafeMutableRawPointer(node)] { return known }
        func name(_ node: xmlNodePtr) -> String { node.pointee.name.map { String(cString: $0) } ?? "" }
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
