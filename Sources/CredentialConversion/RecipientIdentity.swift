import CredentialHashing
import CredentialModel

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

    /// Replaces plain email identities (and the learner's email) with `sha256$` hashes, salted. Emails are
    /// lower-cased first (addresses are compared without case; a checker lower-cases too).
    public static func hashEmails(in credential: inout Credential, salt: String, report: inout ConversionReport) {
        var l = credential.learner
        var hashedAny = false
        for i in l.identities.indices where !l.identities[i].hashed && ["emailAddress", "email"].contains(l.identities[i].identityType) {
            l.identities[i] = IdentityHash(identityHash: RecipientHash.hash(l.identities[i].identityHash.lowercased(), salt: salt), identityType: "emailAddress", hashed: true, salt: salt)
            hashedAny = true
        }
        if let email = l.email {
            if !l.identities.contains(where: { $0.identityType == "emailAddress" }) {
                l.identities.insert(IdentityHash(identityHash: RecipientHash.hash(email.lowercased(), salt: salt), identityType: "emailAddress", hashed: true, salt: salt), at: 0)
            }
            l.email = nil
            hashedAny = true
        }
        if !hashedAny { report.warn(.nothingToDo, "--hash-recipient: the credential has no plain email to hash") }
        credential.learner = l
    }
}
