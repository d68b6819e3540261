import CredentialHashing
import CredconvJSON
import CredentialModel
import ModelFormat

/// The learner's identities as Open Badges hashes them: checking an email against a credential, and
/// hashing plain emails before a credential is passed on.
public enum RecipientIdentity {
    /// The outcome of checking an identity against a credential.
    public struct Match: Sendable, Equatable {
        public var matched: Bool
        /// What matched or was compared, for people (`emailAddress, hashed sha256, salted`).
        public var detail: String
    }

    /// Whether `identity` (an email, URL or other identity) is the credential's recipient: compared with
    /// each identity object (hashed or plain), the learner's email and id.
    public static func check(_ identity: String, against credential: Credential) -> Match {
        let l = credential.learner
        var compared: [String] = []
        for candidate in l.identities {
            let kind = candidate.hashed ? "hashed \(candidate.identityHash.split(separator: "$").first ?? "?")" : "plain"
            let detail = "\(candidate.identityType), \(kind)" + (candidate.salt != nil ? ", salted" : "")
            compared.append(detail)
            if candidate.hashed {
                if RecipientHash.matches(identity, hash: candidate.identityHash, salt: candidate.salt) == true { return Match(matched: true, detail: detail) }
            } else if candidate.identityHash.lowercased() == identity.lowercased() {
                return Match(matched: true, detail: detail)
            }
        }
        if let email = l.email {
            compared.append("email")
            if email.lowercased() == identity.lowercased() { return Match(matched: true, detail: "email") }
        }
        if let id = l.id {
            compared.append("id")
            let asEmail = EmailAddress.isMailtoIRI(id) && EmailAddress.plain(id).lowercased() == EmailAddress.plain(identity).lowercased()
            if id == identity || asEmail { return Match(matched: true, detail: "id") }
        }
        return Match(matched: false, detail: compared.isEmpty ? "the credential names no recipient identity" : "compared with: " + compared.joined(separator: "; "))
    }

    /// A random salt for `--hash-recipient`.
    public static func randomSalt() -> String { RecipientHash.randomSalt() }

    /// Replaces every form of the learner's email with salted `sha256$` hashes: plain email identities,
    /// the learner's email, and a `mailto:` id (hashed as an identity; the id goes). Emails are lower-cased
    /// first (addresses are compared without case; a checker lower-cases too). Any other place in the
    /// model that still holds one of the addresses (a kept source member, an identifier) loses it, with a
    /// loss report: no plain address survives in any output.
    public static func hashEmails(in credential: inout Credential, salt: String, report: inout ConversionReport) {
        var l = credential.learner
        var addresses: [String] = []
        var added: [IdentityHash] = []
        func hashed(_ email: String) -> IdentityHash {
            IdentityHash(identityHash: RecipientHash.hash(email.lowercased(), salt: salt), identityType: "emailAddress", hashed: true, salt: salt)
        }
        func addHashed(_ email: String) {
            let address = EmailAddress.plain(email).lowercased()
            guard !address.isEmpty, !addresses.contains(address) else { return }
            addresses.append(address)
            if !l.identities.contains(where: { $0.hashed && RecipientHash.matches(address, hash: $0.identityHash, salt: $0.salt) == true }) {
                added.append(hashed(address))
            }
        }
        for i in l.identities.indices.reversed() where !l.identities[i].hashed && ["emailAddress", "email"].contains(l.identities[i].identityType) {
            let address = l.identities.remove(at: i).identityHash
            addHashed(address)
        }
        if let email = l.email {
            addHashed(email)
            l.email = nil
        }
        if let id = l.id, EmailAddress.isMailtoIRI(id) {
            addHashed(id)
            l.id = nil
            report.warn(.valueSubstituted, "--hash-recipient: the learner's id was an email (mailto:); it is written as a hashed identity", at: .modelPath("learner.id"))
        }
        // The hashed addresses come first: a format with one recipient (OB 2.0) takes the first.
        l.identities.insert(contentsOf: added, at: 0)
        credential.learner = l
        if addresses.isEmpty {
            report.warn(.nothingToDo, "--hash-recipient: the credential has no plain email to hash")
            return
        }
        removeRemaining(addresses, from: &credential, report: &report)
    }

    /// Takes the addresses out of whatever else in the model holds them (found on the model document, so
    /// no field is missed), reporting each place.
    static func removeRemaining(_ addresses: [String], from credential: inout Credential, report: inout ConversionReport) {
        guard let document = try? ModelFormat.encode(credential), holds(document, addresses) else { return }
        var removed: [String] = []
        let scrubbed = scrub(document, addresses, path: "", removed: &removed)
        guard let clean = try? ModelFormat.decode(scrubbed) else { return }
        var kept = clean
        kept.provenance = credential.provenance
        credential = kept
        for path in removed {
            report.lose(.modelPath(path), "--hash-recipient: it held the recipient's plain email address, which no output may carry", code: .valueChanged)
        }
    }

    static func holds(_ v: JSONValue, _ addresses: [String]) -> Bool {
        switch v {
        case .string(let s): let lower = s.lowercased(); return addresses.contains { lower.contains($0) }
        case .object(let o): return o.contains { holds($0.value, addresses) }
        case .array(let a): return a.contains { holds($0, addresses) }
        default: return false
        }
    }

    /// The value without any string holding an address (members and array elements holding one go).
    static func scrub(_ v: JSONValue, _ addresses: [String], path: String, removed: inout [String]) -> JSONValue {
        switch v {
        case .object(let o):
            var out = JSONObject()
            for m in o {
                let child = path.isEmpty ? m.key : "\(path).\(m.key)"
                if case .string = m.value, holds(m.value, addresses) { removed.append(child); continue }
                out.set(m.key, scrub(m.value, addresses, path: child, removed: &removed))
            }
            return .object(out)
        case .array(let a):
            var out: [JSONValue] = []
            for (i, x) in a.enumerated() {
                if case .string = x, holds(x, addresses) { removed.append("\(path)[\(i)]"); continue }
                out.append(scrub(x, addresses, path: "\(path)[\(i)]", removed: &removed))
            }
            return .array(out)
        default: return v
        }
    }
}
