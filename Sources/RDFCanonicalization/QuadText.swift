/// A quad's canonical N-Quads line, serialized once as UTF-8, with its blank nodes left as slots to
/// fill: the first-degree hashes and the final relabelling only substitute labels.
struct QuadText {
    /// The bytes around the slots: `pieces.count == slots.count + 1`.
    private var pieces: [[UInt8]] = []
    /// The blank node labels, in the order they appear.
    private var slots: [String] = []

    init(_ quad: RDFQuad) {
        var current: [UInt8] = []
        current.reserveCapacity(128)
        func add(_ term: RDFTerm) {
            if case .blank(let label) = term {
                current.append(contentsOf: "_:".utf8)
                pieces.append(current)
                slots.append(label)
                current = []
            } else {
                NQuadsSerializer.write(term, into: &current)
            }
        }
        add(quad.subject)
        current.append(0x20)
        add(quad.predicate)
        current.append(0x20)
        add(quad.object)
        if let graph = quad.graph {
            current.append(0x20)
            add(graph)
        }
        current.append(contentsOf: " .\n".utf8)
        pieces.append(current)
    }

    /// The line with each blank node written as `label(original)`.
    func line(_ label: (String) -> String) -> [UInt8] {
        var out = pieces[0]
        for (i, slot) in slots.enumerated() {
            out.append(contentsOf: label(slot).utf8)
            out.append(contentsOf: pieces[i + 1])
        }
        return out
    }
}
