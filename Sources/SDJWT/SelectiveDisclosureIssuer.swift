import CredconvJSON

/// Makes the payload and disclosures of an SD-JWT from plain claims: every claim at one of the chosen
/// paths becomes a salted disclosure, replaced by its digest (`_sd` in objects, `{"...": digest}` in
/// arrays); nested claims are concealed first, so a disclosed value carries its own digests.
public struct SelectiveDisclosureIssuer: Sendable {
    /// The claims to conceal.
    public var concealed: Set<ClaimPath>
    public var algorithm: DigestAlgorithm
    /// Makes each salt (random by default; tests pass fixed salts).
    public var makeSalt: @Sendable () -> String
    /// Decoy digests added to each object that has concealed claims (hides how many there are).
    public var decoysPerObject: Int

    public init(
        concealing paths: Set<ClaimPath>, algorithm: DigestAlgorithm = .sha256,
        makeSalt: @escaping @Sendable () -> String = Disclosure.randomSalt, decoysPerObject: Int = 0
    ) {
        self.concealed = paths
        self.algorithm = algorithm
        self.makeSalt = makeSalt
        self.decoysPerObject = decoysPerObject
    }

    /// The SD-JWT payload (with `_sd_alg`) and its disclosures, in the order they were made.
    public func issue(_ claims: JSONObject) -> (payload: JSONObject, disclosures: [Disclosure]) {
        var disclosures: [Disclosure] = []
        var payload = conceal(claims, at: ClaimPath([]), into: &disclosures)
        payload.set("_sd_alg", .string(algorithm.rawValue))
        return (payload, disclosures)
    }

    private func conceal(_ object: JSONObject, at path: ClaimPath, into disclosures: inout [Disclosure]) -> JSONObject {
        // The object's keys are unique already: members are appended, not looked up (linear in them).
        var members: [JSONObject.Member] = []
        var digests: [String] = []
        for member in object {
            let memberPath = path.appending(member.key)
            let value = conceal(member.value, at: memberPath, into: &disclosures)
            if concealed.contains(memberPath) {
                let disclosure = Disclosure(salt: makeSalt(), claimName: member.key, value: value)
                disclosures.append(disclosure)
                digests.append(disclosure.digest(algorithm))
            } else {
                members.append(JSONObject.Member(key: member.key, value: value))
            }
        }
        var out = JSONObject(uniqueMembers: members)
        if !digests.isEmpty {
            for _ in 0..<decoysPerObject { digests.append(algorithm.digest(of: makeSalt())) }
            // Sorted, so that the order does not tell which claim a digest stands for.
            out.set("_sd", .array(digests.sorted().map(JSONValue.string)))
        }
        return out
    }

    private func conceal(_ value: JSONValue, at path: ClaimPath, into disclosures: inout [Disclosure]) -> JSONValue {
        switch value {
        case .object(let o):
            return .object(conceal(o, at: path, into: &disclosures))
        case .array(let elements):
            let elementPath = path.element
            return .array(elements.map { element in
                let inner = conceal(element, at: elementPath, into: &disclosures)
                guard concealed.contains(elementPath) else { return inner }
                let disclosure = Disclosure(salt: makeSalt(), claimName: nil, value: inner)
                disclosures.append(disclosure)
                return .object(JSONObject(["...": .string(disclosure.digest(algorithm))]))
            })
        default:
            return value
        }
    }
}
