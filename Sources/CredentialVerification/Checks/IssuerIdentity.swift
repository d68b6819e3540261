import CredconvJSON

/// The issuer a signed credential names, and why it is unknown when it is.
struct IssuerIdentity {
    var id: String?
    /// Why `id` is nil.
    var unknownBecause: String?

    static func issuer(of credential: JSONObject, claims: JSONObject, form: SignedCredentialForm, linked: [JSONValue]) -> IssuerIdentity {
        switch form {
        case .vcClaim, .vcPayload:
            if let id = JSONNames.id(credential["issuer"]) { return IssuerIdentity(id: id) }
            if let iss = claims["iss"]?.stringValue { return IssuerIdentity(id: iss) }
            return IssuerIdentity(unknownBecause: "the credential names no issuer")
        case .openBadges2:
            // assertion → badge class → issuer profile, following ids through the documents given with --with.
            var badge: JSONObject?
            switch credential["badge"] {
            case .object(let o)?: badge = o
            case .string(let id)?:
                badge = find(id, in: linked)
                if badge == nil { return IssuerIdentity(unknownBecause: "the badge class \(id) was not given: give it with --with (credconv never fetches)") }
            default: return IssuerIdentity(unknownBecause: "the assertion names no badge class")
            }
            guard let issuer = JSONNames.id(badge?["issuer"]) else { return IssuerIdentity(unknownBecause: "the badge class names no issuer") }
            return IssuerIdentity(id: issuer)
        }
    }

    /// The fullest object with `id` among `documents` (and inside them).
    static func find(_ id: String, in documents: [JSONValue]) -> JSONObject? {
        var best: JSONObject?
        func visit(_ v: JSONValue) {
            switch v {
            case .object(let o):
                if o["id"]?.stringValue == id, o.count > (best?.count ?? 1) { best = o }
                for m in o { visit(m.value) }
            case .array(let items): items.forEach(visit)
            default: break
            }
        }
        documents.forEach(visit)
        return best
    }
}
