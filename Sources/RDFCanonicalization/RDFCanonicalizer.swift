import Crypto

/// RDF Dataset Canonicalization, RDFC-1.0 (W3C Recommendation 2024): blank nodes get canonical labels
/// `c14n0`, `c14n1`, … that depend only on the dataset's structure, so that two isomorphic datasets give
/// the same canonical N-Quads (what Data Integrity proofs such as `eddsa-rdfc-2022` sign).
///
/// A dataset built to make the algorithm explode (a "poison graph") stops at ``workBudget`` calls of the
/// N-degree hash and is an error, not a hang.
public struct RDFCanonicalizer: Sendable {
    /// The hash function (SHA-256 unless a cryptosuite asks for SHA-384).
    public enum HashAlgorithm: String, Sendable {
        case sha256 = "SHA256"
        case sha384 = "SHA384"
    }

    /// Why a dataset could not be canonicalized.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// What canonicalization produced.
    public struct Result: Sendable {
        /// The canonical N-Quads document: lines sorted, duplicates removed.
        public var nquads: String
        /// Input blank node label → canonical label.
        public var issued: [String: String]
    }

    public var hashAlgorithm: HashAlgorithm
    /// The most calls of the hash N-degree quads algorithm one dataset may take.
    public var workBudget: Int

    public init(hashAlgorithm: HashAlgorithm = .sha256, workBudget: Int = 20_000) {
        self.hashAlgorithm = hashAlgorithm
        self.workBudget = workBudget
    }

    /// Canonicalizes a dataset.
    public func canonicalize(_ quads: [RDFQuad]) throws(Failure) -> Result {
        var state = State(hashAlgorithm: hashAlgorithm, budget: workBudget)
        let unique = Array(Set(quads))
        state.quads = unique
        state.texts = unique.map(QuadText.init)
        for (index, quad) in unique.enumerated() {
            for label in [quad.subject.blankLabel, quad.object.blankLabel, quad.graph?.blankLabel].compactMap({ $0 }) {
                if state.quadsByBlankNode[label]?.last != index { state.quadsByBlankNode[label, default: []].append(index) }
            }
        }
        // First-degree hashes; unique hashes get canonical identifiers in hash order.
        var blankNodesByHash: [String: [String]] = [:]
        for label in state.quadsByBlankNode.keys.sorted() {
            blankNodesByHash[state.hashFirstDegree(label), default: []].append(label)
        }
        var shared: [(String, [String])] = []
        for hash in blankNodesByHash.keys.sorted() {
            let labels = blankNodesByHash[hash]!
            if labels.count == 1 {
                state.canonical.issue(labels[0])
            } else {
                shared.append((hash, labels))
            }
        }
        // Blank nodes that share a first-degree hash: N-degree hashes decide.
        for (_, labels) in shared {
            var paths: [(hash: String, issuer: IdentifierIssuer)] = []
            for label in labels where state.canonical.identifier(for: label) == nil {
                var temporary = IdentifierIssuer(prefix: "b")
                temporary.issue(label)
                paths.append(try state.hashNDegree(label, issuer: temporary))
            }
            for path in paths.sorted(by: { $0.hash < $1.hash }) {
                for existing in path.issuer.order { state.canonical.issue(existing) }
            }
        }
        // Relabel and sort.
        let canonical = state.canonical
        let lines = state.texts.map { text in text.line { canonical.identifier(for: $0) ?? $0 } }
        return Result(nquads: String(decoding: Self.sortedUnique(lines), as: UTF8.self), issued: state.canonical.issued)
    }

    /// Canonicalizes an N-Quads document.
    public func canonicalize(nquads text: String) throws(Failure) -> Result {
        let quads: [RDFQuad]
        do { quads = try NQuadsParser.parse(text) } catch { throw Failure(message: "not N-Quads: \(error)") }
        return try canonicalize(quads)
    }

    /// Lines sorted in code point order, repeats dropped, as one byte string.
    static func sortedUnique(_ lines: [[UInt8]]) -> [UInt8] {
        let sorted = lines.sorted(by: byteOrder)
        var out: [UInt8] = []
        out.reserveCapacity(sorted.reduce(0) { $0 + $1.count })
        var previous: [UInt8]?
        for line in sorted where line != previous {
            out.append(contentsOf: line)
            previous = line
        }
        return out
    }

    /// Byte order of UTF-8 lines (which is code point order).
    static func byteOrder(_ x: [UInt8], _ y: [UInt8]) -> Bool {
        x.withUnsafeBufferPointer { x in y.withUnsafeBufferPointer { y in precedes(x, y) } }
    }

    /// Unicode code point order (what the algorithm sorts by; Swift's `<` on String compares by
    /// canonical equivalence, which differs). UTF-8 byte order is code point order.
    static func codePointOrder(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in b.withUTF8 { y in precedes(x, y) } }
    }

    /// Lexicographic byte comparison.
    private static func precedes(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = Swift.min(x.count, y.count)
        var i = 0
        while i < n {
            if x[i] != y[i] { return x[i] < y[i] }
            i += 1
        }
        return x.count < y.count
    }

    /// The algorithm's working state.
    struct State {
        let hashAlgorithm: HashAlgorithm
        var budget: Int
        /// The dataset's quads (without repeats), and each one's line with blank-node slots.
        var quads: [RDFQuad] = []
        var texts: [QuadText] = []
        /// Blank node label → the indices of the quads it is in.
        var quadsByBlankNode: [String: [Int]] = [:]
        var canonical = IdentifierIssuer(prefix: "c14n")
        var firstDegreeCache: [String: String] = [:]

        init(hashAlgorithm: HashAlgorithm, budget: Int) {
            self.hashAlgorithm = hashAlgorithm
            self.budget = budget
        }

        func hash(_ text: String) -> String { hash(bytes: Array(text.utf8)) }

        func hash(bytes: [UInt8]) -> String {
            switch hashAlgorithm {
            case .sha256: return Self.hex(SHA256.hash(data: bytes))
            case .sha384: return Self.hex(SHA384.hash(data: bytes))
            }
        }

        /// Lower-case hex of a digest.
        static func hex<D: Sequence<UInt8>>(_ digest: D) -> String {
            let digits: [UInt8] = Array("0123456789abcdef".utf8)
            var out: [UInt8] = []
            out.reserveCapacity(96)
            for b in digest {
                out.append(digits[Int(b >> 4)])
                out.append(digits[Int(b & 0x0F)])
            }
            return String(decoding: out, as: UTF8.self)
        }

        /// §4.6: the quads of a blank node, itself as `_:a` and every other blank node as `_:z`.
        mutating func hashFirstDegree(_ label: String) -> String {
            if let cached = firstDegreeCache[label] { return cached }
            let lines = (quadsByBlankNode[label] ?? []).map { i in texts[i].line { $0 == label ? "a" : "z" } }
            var joined: [UInt8] = []
            for line in lines.sorted(by: RDFCanonicalizer.byteOrder) { joined.append(contentsOf: line) }
            let result = hash(bytes: joined)
            firstDegreeCache[label] = result
            return result
        }

        /// §4.7: the hash of a blank node related to another through a quad, at a position.
        mutating func hashRelated(_ related: String, quad: RDFQuad, issuer: IdentifierIssuer, position: String) -> String {
            var input = position
            if position != "g", case .iri(let predicate) = quad.predicate { input += "<" + predicate + ">" }
            input += canonical.identifier(for: related).map { "_:" + $0 }
                ?? issuer.identifier(for: related).map { "_:" + $0 }
                ?? hashFirstDegree(related)
            return hash(input)
        }

        /// §4.8: the N-degree hash of a blank node, and the issuer that produced it.
        mutating func hashNDegree(_ label: String, issuer startIssuer: IdentifierIssuer) throws(Failure) -> (hash: String, issuer: IdentifierIssuer) {
            budget -= 1
            guard budget >= 0 else {
                throw Failure(message: "the dataset needs more work to canonicalize than credconv allows (a poison graph?): refused")
            }
            var issuer = startIssuer
            var relatedByHash: [String: [String]] = [:]
            for quad in (quadsByBlankNode[label] ?? []).map({ quads[$0] }) {
                for (term, position) in [(quad.subject, "s"), (quad.object, "o"), (quad.graph, "g")] {
                    guard let related = term?.blankLabel, related != label else { continue }
                    relatedByHash[hashRelated(related, quad: quad, issuer: issuer, position: position), default: []].append(related)
                }
            }
            var data = ""
            for relatedHash in relatedByHash.keys.sorted() {
                data += relatedHash
                var chosenPath = ""
                var chosenIssuer: IdentifierIssuer?
                var permutations = Permutations(relatedByHash[relatedHash]!)
                permutationLoop: while let permutation = permutations.next() {
                    budget -= 1
                    guard budget >= 0 else {
                        throw Failure(message: "the dataset needs more work to canonicalize than credconv allows (a poison graph?): refused")
                    }
                    var issuerCopy = issuer
                    var path = ""
                    var recursion: [String] = []
                    for related in permutation {
                        if let id = canonical.identifier(for: related) {
                            path += "_:" + id
                        } else {
                            if issuerCopy.identifier(for: related) == nil { recursion.append(related) }
                            path += "_:" + issuerCopy.issue(related)
                        }
                        if !chosenPath.isEmpty, path.unicodeScalars.count >= chosenPath.unicodeScalars.count, RDFCanonicalizer.codePointOrder(chosenPath, path) {
                            continue permutationLoop
                        }
                    }
                    for related in recursion {
                        let result = try hashNDegree(related, issuer: issuerCopy)
                        path += "_:" + issuerCopy.issue(related)
                        path += "<" + result.hash + ">"
                        issuerCopy = result.issuer
                        if !chosenPath.isEmpty, path.unicodeScalars.count >= chosenPath.unicodeScalars.count, RDFCanonicalizer.codePointOrder(chosenPath, path) {
                            continue permutationLoop
                        }
                    }
                    if chosenPath.isEmpty || RDFCanonicalizer.codePointOrder(path, chosenPath) {
                        chosenPath = path
                        chosenIssuer = issuerCopy
                    }
                }
                data += chosenPath
                if let chosenIssuer { issuer = chosenIssuer }
            }
            return (hash(data), issuer)
        }
    }
}

/// The permutations of a list, in lexicographic order of positions (Heap-free, allocation per step).
struct Permutations {
    private var items: [String]
    private var indices: [Int]
    private var first = true
    private var done = false

    init(_ items: [String]) {
        self.items = items
        self.indices = Array(items.indices)
    }

    mutating func next() -> [String]? {
        if done { return nil }
        if first {
            first = false
            return indices.map { items[$0] }
        }
        // Next permutation of the indices (lexicographic).
        guard var i = indices.indices.last, i > 0 else { done = true; return nil }
        i -= 1
        while i >= 0 && indices[i] >= indices[i + 1] { i -= 1 }
        guard i >= 0 else { done = true; return nil }
        var j = indices.count - 1
        while indices[j] <= indices[i] { j -= 1 }
        indices.swapAt(i, j)
        indices[(i + 1)...].reverse()
        return indices.map { items[$0] }
    }
}
