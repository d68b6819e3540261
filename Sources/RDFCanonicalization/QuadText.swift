/// A quad's canonical N-Quads line, serialized once, with its blank nodes left as slots to fill: the
/// first-degree hashes and the final relabelling only substitute labels.
struct QuadText {
    /// The text around the slots: `pieces.count == slots.count + 1`.
    private var pieces: [String] = []
    /// The blank node labels, in the order they appear.
    private var slots: [String] = []

    init(_ quad: RDFQuad) {
        var current = ""
        var terms = [quad.subject, quad.predicate, quad.object]
        if let graph = quad.graph { terms.append(graph) }
        for (i, term) in terms.enumerated() {
            if i > 0 { current += " " }
            if case .blank(let label) = term {
                current += "_:"
                pieces.append(current)
                slots.append(label)
                current = ""
            } else {
                NQuadsSerializer.write(term, into: &current)
            }
        }
        current += " .\n"
        pieces.append(current)
    }

    /// The line with each blank node written as `label(original)`.
    func line(_ label: (String) -> String) -> String {
        var out = pieces[0]
        for (i, slot) in slots.enumerated() {
            out += label(slot)
            out += pieces[i + 1]
        }
        return out
    }
}
