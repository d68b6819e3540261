import CredentialModel
import CredconvJSON

/// Whether a JWT's registered claims agree with the credential they carry (OB 3.0 §8.2, VC-JOSE-COSE).
enum ClaimsConsistency {
    static func check(header: JSONObject, payload: JSONObject, credential: JSONObject, form: SignedCredentialForm, issuer: String?) -> VerificationCheck {
        var agreed: [String] = []
        switch form {
        case .openBadges2:
            let type = credential["verification"]?.objectValue?["type"]?.stringValue
            guard let type, ["signedbadge", "signed"].contains(type.lowercased()) else {
                return .fail(.claimsConsistent, "the assertion's verification.type is \(type ?? "missing"): a signed assertion says SignedBadge")
            }
            return .pass(.claimsConsistent, "the assertion says it is signed (verification.type \(type))")
        case .vcClaim, .vcPayload:
            if let typ = header["typ"]?.stringValue {
                let known = form == .vcClaim ? ["jwt"] : ["vc+jwt", "vc+ld+json+jwt", "vc+ld+jwt", "jwt"]
                guard known.contains(typ.lowercased()) else {
                    return .fail(.claimsConsistent, "the JWS typ is \(typ); \(form == .vcClaim ? "a VC-JWT with a vc claim has typ JWT" : "a VC-JOSE-COSE credential has typ vc+jwt")")
                }
            }
            if form == .vcClaim && payload["iss"] == nil {
                return .fail(.claimsConsistent, "the JWT has no iss claim (OB 3.0 §8.2: iss is the issuer's id)")
            }
            if let iss = payload["iss"]?.stringValue {
                if let issuer, iss != issuer { return .fail(.claimsConsistent, "iss \(iss) is not the credential's issuer \(issuer)") }
                agreed.append("iss")
            }
            let subjects = JSONNames.objects(credential["credentialSubject"]).compactMap { $0["id"]?.stringValue }
            if let sub = payload["sub"]?.stringValue, form == .vcClaim || payload["credentialSubject"] != nil {
                if !subjects.isEmpty, !subjects.contains(sub) {
                    return .fail(.claimsConsistent, "sub \(sub) is not the credential subject's id \(subjects.joined(separator: ", "))")
                }
                agreed.append("sub")
            }
            if form == .vcClaim, let jti = payload["jti"]?.stringValue {
                if let id = credential["id"]?.stringValue, id != jti {
                    return .fail(.claimsConsistent, "jti \(jti) is not the credential's id \(id)")
                }
                agreed.append("jti")
            }
            for (claim, members) in [("nbf", ["validFrom", "issuanceDate"]), ("exp", ["validUntil", "expirationDate"])] {
                guard let value = payload[claim] else { continue }
                guard let text = value.numberText, let seconds = Double(text), seconds.isFinite else {
                    return .fail(.claimsConsistent, "\(claim) is not a number of seconds")
                }
                if let member = members.first(where: { credential[$0] != nil }), let date = credential[member]?.stringValue {
                    guard let dateSeconds = ISOInstant.seconds(date) else {
                        return .fail(.claimsConsistent, "the credential's \(member) \(date) is not a date-time")
                    }
                    // A claim is whole seconds (fractions dropped); the credential's time may carry a fraction.
                    guard Int64(seconds.rounded(.down)) == dateSeconds else {
                        return .fail(.claimsConsistent, "\(claim) \(text) (\(ISOInstant.text(Int64(seconds.rounded(.down))))) is not the credential's \(member) \(date)")
                    }
                }
                agreed.append(claim)
            }
        }
        return .pass(.claimsConsistent, agreed.isEmpty ? "no JWT claims to compare" : "\(agreed.joined(separator: ", ")) agree with the credential")
    }
}
