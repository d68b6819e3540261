import CredentialModel
import CredconvJSON

/// Whether a credential is valid at the time of verification: not before its start, not after its end.
enum ValidityDates {
    static func check(credential: JSONObject, claims: JSONObject, form: SignedCredentialForm, at: Int64) -> VerificationCheck {
        let startMembers = form == .openBadges2 ? ["issuedOn"] : ["validFrom", "issuanceDate"]
        let endMembers = form == .openBadges2 ? ["expires"] : ["validUntil", "expirationDate"]
        let atText = ISOInstant.text(at)
        /// The instant the credential (or else the claim) gives; a failed check when it is no date.
        func instant(_ members: [String], claim: String) -> (value: (String, Int64)?, failure: VerificationCheck?) {
            if let member = members.first(where: { credential[$0] != nil }) {
                guard let text = credential[member]?.stringValue, let s = ISOInstant.seconds(text) else {
                    return (nil, VerificationCheck.fail(.inDate, "the credential's \(member) is not a date-time"))
                }
                return ((text, s), nil)
            }
            if form != .openBadges2, let n = claims[claim]?.numberText, let d = Double(n), d.isFinite, abs(d) < 1e15 {
                let s = Int64(d.rounded(.down))
                return (("\(ISOInstant.text(s)) (\(claim))", s), nil)
            }
            return (nil, nil)
        }
        let (start, startFailure) = instant(startMembers, claim: "nbf")
        if let startFailure { return startFailure }
        let (end, endFailure) = instant(endMembers, claim: "exp")
        if let endFailure { return endFailure }
        if let (text, s) = start, s > at { return .fail(.inDate, "not yet valid: valid from \(text), checked at \(atText)") }
        if let (text, s) = end, s <= at { return .fail(.inDate, "expired: valid until \(text), checked at \(atText)") }
        let range = [start.map { "from \($0.0)" }, end.map { "until \($0.0)" }].compactMap { $0 }.joined(separator: " ")
        return .pass(.inDate, "valid \(range.isEmpty ? "without dates" : range) at \(atText)")
    }
}
