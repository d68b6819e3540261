import CredconvJSON

/// What a verification found: every check that ran, in order, and the verdict.
///
/// ``verified`` is true only when at least the signature check ran and every check passed.
public struct VerificationReport: Sendable {
    /// The key that verified (or was tried).
    public struct KeyInfo: Sendable, Equatable {
        public var id: String?
        /// `header-jwk`, `did:key`, `did:jwk`, `file`.
        public var source: String
        /// Where it came from, for people.
        public var origin: String
        /// `Ed25519`, `P-256`, `RSA 2048`.
        public var type: String
        /// The RFC 7638 thumbprint.
        public var thumbprint: String
    }

    /// What the status check found.
    public enum StatusOutcome: String, Sendable {
        /// The credential names no status.
        case none
        /// It names a status list that was not given.
        case notChecked = "not-checked"
        /// Checked: neither revoked nor suspended.
        case active
        case revoked
        case suspended
    }

    /// The proof, for people: `VC-JWT EdDSA`, `Open Badges 2.0 signed assertion RS256`.
    public var proof: String
    public var checks: [VerificationCheck] = []
    public var key: KeyInfo?
    /// The issuer id the credential names.
    public var issuer: String?
    public var status: StatusOutcome = .none

    public init(proof: String) { self.proof = proof }

    /// Every check passed, and the signature was among them.
    public var verified: Bool {
        checks.contains { $0.code == .signature && $0.ok } && checks.allSatisfy(\.ok)
    }

    /// The first check that failed.
    public var firstFailure: VerificationCheck? { checks.first { !$0.ok } }

    /// `credential.jwt: verified …` or `… NOT verified …`, then one line per check.
    public func text(inputName: String) -> String {
        var out = "\(inputName): \(verified ? "verified" : "NOT verified") (\(proof)"
        if let key { out += ", key \(key.id ?? key.thumbprint) from \(key.origin)" }
        out += ")\n"
        let width = checks.map(\.code.rawValue.count).max() ?? 0
        for check in checks {
            out += "  \(check.ok ? "ok  " : "FAIL")  \(check.code.rawValue + String(repeating: " ", count: width - check.code.rawValue.count))  \(check.detail)\n"
        }
        return out
    }

    /// `{"verified", "proof", "checks": [{"code", "ok", "detail"}], "key": {"id", "source", …}, "issuer", "status"}`.
    public var json: JSONValue {
        var o = JSONObject()
        o.set("verified", .bool(verified))
        o.set("proof", .string(proof))
        o.set("checks", .array(checks.map { c in
            .object(JSONObject(["code": .string(c.code.rawValue), "ok": .bool(c.ok), "detail": .string(c.detail)]))
        }))
        if let key {
            var k = JSONObject()
            k.set("id", key.id.map(JSONValue.string) ?? .null)
            k.set("source", .string(key.source))
            k.set("origin", .string(key.origin))
            k.set("type", .string(key.type))
            k.set("thumbprint", .string(key.thumbprint))
            o.set("key", .object(k))
        } else {
            o.set("key", .null)
        }
        o.set("issuer", issuer.map(JSONValue.string) ?? .null)
        o.set("status", .string(status.rawValue))
        return .object(o)
    }
}
