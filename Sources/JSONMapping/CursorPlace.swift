import CredconvJSON

/// Where an ``ObjectCursor``'s object is in its document, kept as a chain of tokens to the parent's
/// place, with the last member name and array index held inline: a leaf cursor (most of them) costs
/// no allocation for its place, a cursor that makes children one small node, made once; the JSON
/// pointer is spelled out only when a message or a kept member needs it.
struct CursorPlace {
    private final class Node: Sendable {
        let parent: Node?
        let key: String?
        let index: Int?
        init(parent: Node?, key: String?, index: Int?) {
            self.parent = parent
            self.key = key
            self.index = index
        }
    }

    /// The pointer the chain starts from (the cursor made with an explicit pointer).
    private let base: JSONPointer
    private var chain: Node?
    /// The last tokens, not yet in a node: a member name, then an array index (`/alignment/0`).
    private var key: String?
    private var index: Int?

    init(_ pointer: JSONPointer) {
        base = pointer
    }

    private init(base: JSONPointer, chain: Node?, key: String?, index: Int?) {
        self.base = base
        self.chain = chain
        self.key = key
        self.index = index
    }

    /// The place of a member below this one. The inline tokens move into a node, once per place.
    mutating func member(_ key: String) -> CursorPlace {
        if self.key != nil || index != nil {
            chain = Node(parent: chain, key: self.key, index: index)
            self.key = nil
            index = nil
        }
        return CursorPlace(base: base, chain: chain, key: key, index: nil)
    }

    /// The place of an element of the array this place names (made by ``member(_:)``).
    func element(_ index: Int) -> CursorPlace {
        if self.index != nil {
            return CursorPlace(base: base, chain: Node(parent: chain, key: key, index: self.index), key: nil, index: index)
        }
        return CursorPlace(base: base, chain: chain, key: key, index: index)
    }

    /// The place as a JSON pointer.
    var pointer: JSONPointer {
        var reversed: [String] = []
        if let index { reversed.append(String(index)) }
        if let key { reversed.append(key) }
        var node = chain
        while let n = node {
            if let i = n.index { reversed.append(String(i)) }
            if let k = n.key { reversed.append(k) }
            node = n.parent
        }
        if reversed.isEmpty { return base }
        return JSONPointer(tokens: base.tokens + reversed.reversed())
    }
}
