import CredconvJSON
import JOSE

/// The three ways a credential travels as a JWS, told apart by the payload.
enum SignedCredentialForm: Sendable, Equatable {
    /// Open Badges 3.0 / VCDM 1.1 VC-JWT: the credential in the `vc` claim, with `iss`, `sub`, `jti`, `nbf`, `exp`.
    case vcClaim
    /// VC-JOSE-COSE (`typ: vc+jwt`): the payload is the credential.
    case vcPayload
    /// An Open Badges 2.0 signed assertion: the payload is the assertion.
    case openBadges2

    init(payload: JSONObject) {
        if case .object? = payload["vc"] {
            self = .vcClaim
        } else if Self.isOpenBadges2(payload) {
            self = .openBadges2
        } else {
            self = .vcPayload
        }
    }

    static func isOpenBadges2(_ o: JSONObject) -> Bool {
        let contexts = JSONNames.strings(o["@context"])
        if contexts.contains(where: { $0.contains("w3id.org/openbadges/v2") || $0.contains("w3id.org/openbadges/v1") }) { return true }
        return o["recipient"] != nil && o["badge"] != nil && o["credentialSubject"] == nil
    }

    /// The credential (or assertion) the JWS carries.
    func credential(_ payload: JSONObject) -> JSONObject {
        if self == .vcClaim, case .object(let vc)? = payload["vc"] { return vc }
        return payload
    }

    /// For people: `VC-JWT EdDSA`.
    func proofName(algorithm: String?) -> String {
        let alg = algorithm.map { " \($0)" } ?? ""
        switch self {
        case .vcClaim: return "VC-JWT\(alg), credential in vc claim"
        case .vcPayload: return "VC-JOSE-COSE JWT\(alg)"
        case .openBadges2: return "Open Badges 2.0 signed assertion\(alg)"
        }
    }
}
