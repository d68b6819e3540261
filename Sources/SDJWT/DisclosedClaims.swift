import CredconvJSON

/// The claims of an SD-JWT as its verifier sees them: the payload with every disclosed claim put back in
/// place of its digest, `_sd` and `_sd_alg` removed (SD-JWT §7.1, steps 3–5).
///
/// Every disclosure must be named by exactly one digest, in an object for a claim and in an array for
/// an element; digests without a disclosure (withheld claims, decoys) are dropped.
public struct DisclosedClaims: Sendable {
    /// The processed claims.
    public var claims: JSONObject
    /// The digest algorithm of the payload.
    public var algorithm: DigestAlgorithm
    /// The JSON pointers (in ``claims``) of the values that came from disclosures.
    public var disclosedPointers: [JSONPointer]
    /// Digests no disclosure matched: claims the holder withheld, or decoys (they cannot be told apart).
    public var undisclosedDigestCount: Int

    /// Processes `payload` (the issuer-signed JWT's claims) with `disclosures`. Disclosures nested in
    /// disclosures may reach at most `maxDepth` levels of arrays and objects in all (each disclosure is
    /// shallow, but a chain of them is not: hostile input must not exhaust the stack).
    /// - Throws: ``SDJWTError`` with the code of the first rule broken.
    public init(payload: JSONObject, disclosures: [Disclosure], maxDepth: Int = 256) throws(SDJWTError) {
        let algorithmName: String?
        switch payload["_sd_alg"] {
        case nil: algorithmName = nil
        case .string(let s)?: algorithmName = s
        case let other?: throw SDJWTError(.digestAlgorithm, "_sd_alg is a JSON \(other.typeName), not the name of a hash")
        }
        let algorithm = try DigestAlgorithm.named(algorithmName)
        var walker = Walker(algorithm: algorithm, maxDepth: maxDepth)
        for (index, disclosure) in disclosures.enumerated() {
            let digest = disclosure.digest(algorithm)
            if walker.byDigest[digest] != nil {
                throw SDJWTError(.duplicateDigest, "disclosure \(index + 1) is given twice (digest \(digest))")
            }
            walker.byDigest[digest] = index
        }
        walker.disclosures = disclosures
        var top = payload
        _ = top.remove("_sd_alg")
        let claims = try walker.object(top, pointer: .root)
        if walker.used.count < disclosures.count {
            let unused = disclosures.indices.filter { !walker.used.contains($0) }
            // All of them unnamed, but each named under another hash: the payload names the wrong one.
            let digests = Set(Self.allDigests(in: .object(payload)) + disclosures.flatMap { Self.allDigests(in: $0.value) })
            for other in DigestAlgorithm.allCases where other != algorithm {
                if unused.allSatisfy({ digests.contains(disclosures[$0].digest(other)) }) {
                    throw SDJWTError(.digestAlgorithm, "the digests are \(other.rawValue), but _sd_alg says \(algorithm.rawValue)")
                }
            }
            let list = unused.prefix(5).map { i in
                "\(i + 1)" + (disclosures[i].claimName.map { " (claim \($0))" } ?? " (an array element)")
            }.joined(separator: ", ")
            throw SDJWTError(.unreferencedDisclosure, "disclosure\(unused.count == 1 ? "" : "s") \(list) \(unused.count == 1 ? "is" : "are") named by no digest of the issuer-signed JWT: changed, or taken from another SD-JWT")
        }
        self.claims = claims
        self.algorithm = algorithm
        self.disclosedPointers = walker.disclosedPointers
        self.undisclosedDigestCount = walker.undisclosed
    }

    /// Every string in an `_sd` array or a `{"...": digest}` element, anywhere.
    static func allDigests(in value: JSONValue) -> [String] {
        switch value {
        case .object(let o):
            var out: [String] = []
            for m in o {
                if m.key == "_sd", case .array(let a) = m.value { out += a.compactMap(\.stringValue) }
                else if m.key == "...", let s = m.value.stringValue { out.append(s) }
                else { out += allDigests(in: m.value) }
            }
            return out
        case .array(let a): return a.flatMap(allDigests)
        default: return []
        }
    }

    private struct Walker {
        let algorithm: DigestAlgorithm
        var byDigest: [String: Int] = [:]
        var disclosures: [Disclosure] = []
        var used: Set<Int> = []
        var seenDigests: Set<String> = []
        var disclosedPointers: [JSONPointer] = []
        var undisclosed = 0
        let maxDepth: Int
        var depth = 0

        init(algorithm: DigestAlgorithm, maxDepth: Int) {
            self.algorithm = algorithm
            self.maxDepth = maxDepth
        }

        /// An object with its disclosed claims put back. Names are tracked in a set, so an object with
        /// many disclosures costs time in proportion to them (hostile input must not make this quadratic).
        mutating func object(_ o: JSONObject, pointer: JSONPointer) throws(SDJWTError) -> JSONObject {
            try enter(pointer)
            defer { depth -= 1 }
            var members: [JSONObject.Member] = []
            var names = Set<String>()
            for m in o where m.key != "_sd" {
                members.append(JSONObject.Member(key: m.key, value: try value(m.value, pointer: pointer / m.key)))
                names.insert(m.key)
            }
            guard let digests = o["_sd"] else { return JSONObject(uniqueMembers: members) }
            guard case .array(let list) = digests else {
                throw SDJWTError(.malformed, "\(pointer)/_sd is not an array of digests")
            }
            for entry in list {
                guard let digest = entry.stringValue else { throw SDJWTError(.malformed, "\(pointer)/_sd holds a \(entry.typeName), not a digest") }
                try claim(digest)
                guard let index = byDigest[digest] else { undisclosed += 1; continue }
                let disclosure = disclosures[index]
                guard let name = disclosure.claimName else {
                    throw SDJWTError(.misplacedDisclosure, "disclosure \(index + 1) is an array element, but its digest is in the object at \(pointer == .root ? "the top" : pointer.description)")
                }
                guard names.insert(name).inserted else {
                    throw SDJWTError(.claimClash, "disclosure \(index + 1) discloses \(name), which the object at \(pointer == .root ? "the top" : pointer.description) already has")
                }
                used.insert(index)
                let at = pointer / name
                disclosedPointers.append(at)
                members.append(JSONObject.Member(key: name, value: try value(disclosure.value, pointer: at)))
            }
            return JSONObject(uniqueMembers: members)
        }

        mutating func value(_ v: JSONValue, pointer: JSONPointer) throws(SDJWTError) -> JSONValue {
            switch v {
            case .object(let o): return .object(try object(o, pointer: pointer))
            case .array(let elements):
                try enter(pointer)
                defer { depth -= 1 }
                var out: [JSONValue] = []
                for element in elements {
                    if case .object(let o) = element, o.count == 1, case .string(let digest)? = o["..."] {
                        try claim(digest)
                        guard let index = byDigest[digest] else { undisclosed += 1; continue }
                        let disclosure = disclosures[index]
                        if disclosure.claimName != nil {
                            throw SDJWTError(.misplacedDisclosure, "disclosure \(index + 1) is a claim (\(disclosure.claimName!)), but its digest is an element of the array at \(pointer)")
                        }
                        used.insert(index)
                        let at = pointer / out.count
                        disclosedPointers.append(at)
                        out.append(try value(disclosure.value, pointer: at))
                    } else {
                        out.append(try value(element, pointer: pointer / out.count))
                    }
                }
                return .array(out)
            default: return v
            }
        }

        /// One level deeper, within the limit.
        mutating func enter(_ pointer: JSONPointer) throws(SDJWTError) {
            depth += 1
            if depth > maxDepth {
                throw SDJWTError(.malformed, "the claims nest deeper than \(maxDepth) levels (disclosures within disclosures) at \(pointer.tokens.prefix(8).joined(separator: "/"))…")
            }
        }

        /// A digest may appear once in the whole SD-JWT.
        mutating func claim(_ digest: String) throws(SDJWTError) {
            guard seenDigests.insert(digest).inserted else {
                throw SDJWTError(.duplicateDigest, "the digest \(digest) appears twice in the SD-JWT")
            }
        }
    }
}
