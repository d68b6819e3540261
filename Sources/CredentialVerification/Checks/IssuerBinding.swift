import CredconvJSON
import JOSE

/// Whether the key that signed belongs to the credential's issuer.
///
/// A key is the issuer's when the document it came from binds it to the issuer (a DID document or profile
/// whose id or controller is the issuer, an OB 2.0 CryptographicKey whose owner is), or when the key is its
/// own identifier (did:key, did:jwk) and that identifier is the issuer's. A key from the JWS header alone
/// proves nothing: whoever made the JWS chose it.
public enum IssuerBinding {
    /// Whether a key id belongs to the issuer's id by its name: the DID URL of the issuer's DID
    /// (`did:web:x#key-1` for `did:web:x`), or a URL at or under the issuer's URL
    /// (`https://issuer.example/keys#1` for `https://issuer.example/`). Only evidence for a key that came
    /// from a file the user gave for it: a name chosen by whoever made the JWS proves nothing.
    public static func isUnder(_ keyId: String, issuer: String) -> Bool {
        if DIDKeys.documentPart(keyId) == issuer { return true }
        guard issuer.hasPrefix("https://") || issuer.hasPrefix("http://"), keyId.hasPrefix(issuer) else { return false }
        if issuer.hasSuffix("/") { return true }
        guard let next = keyId.dropFirst(issuer.count).first else { return true }
        return next == "/" || next == "#"
    }

    static func check(key: ResolvedKey, issuer: IssuerIdentity, form: SignedCredentialForm, creator: String?) -> VerificationCheck {
        guard let issuerId = issuer.id else {
            return .fail(.keyBound, "the issuer is unknown: \(issuer.unknownBecause ?? "the credential names none")")
        }
        let keyName = key.id ?? key.key.thumbprint
        if key.authorisedForAssertions == false {
            return .fail(.keyBound, "\(key.source) lists \(keyName), but not under assertionMethod: it may not issue credentials")
        }
        if form == .openBadges2 {
            guard let creator else {
                return .fail(.keyBound, "the assertion's verification names no creator (the URL of its CryptographicKey)")
            }
            if let id = key.id, id != creator {
                return .fail(.keyBound, "the JWS names key \(id), the assertion's verification.creator \(creator)")
            }
            guard !key.controllers.isEmpty else {
                return .fail(.keyBound, "the key \(creator) has no owner: give the issuer's CryptographicKey document (with its owner) with --key")
            }
            guard key.controllers.contains(issuerId) else {
                return .fail(.keyBound, "the key \(creator) is owned by \(key.controllers.joined(separator: ", ")), not by the issuer \(issuerId)")
            }
            return .pass(.keyBound, "the key \(creator) is owned by the issuer \(issuerId) (\(key.source))")
        }
        let isIssuer: (String) -> Bool = { c in
            c == issuerId || issuerId.hasPrefix("did:") && DIDKeys.documentPart(c) == DIDKeys.documentPart(issuerId)
        }
        if let controller = key.controllers.first(where: isIssuer) {
            let selfDescribing = key.source == .didKey || key.source == .didJWK
            if selfDescribing && DIDKeys.documentPart(key.id ?? "") == controller {
                return .pass(.keyBound, "the key is the issuer's DID \(issuerId) itself")
            }
            return .pass(.keyBound, "a document given with --key binds \(keyName) to the issuer \(issuerId)")
        }
        if let file = key.vouchedBy, key.controllers.isEmpty {
            return .pass(.keyBound, "the key is the one given with --key (\(file)); that file names no owner, so its being the issuer's (\(issuerId)) rests on whoever gave it")
        }
        if !key.controllers.isEmpty {
            return .fail(.keyBound, "the key \(keyName) belongs to \(key.controllers.joined(separator: ", ")), not to the issuer \(issuerId): give the issuer's DID document or profile listing it with --key")
        }
        switch key.source {
        case .headerCertificate:
            return .fail(.keyBound, "the key comes from the JWS header's x5c certificate, whose chain credconv validates only for SD-JWT VCs (with --trust): nothing ties it to the issuer \(issuerId)")
        case .header:
            // The issuer may itself be the key (did:key / did:jwk of the same key).
            if let issuerKey = try? KeyResolver(supplied: []).resolve(header: JSONObject(), keyId: issuerId).first?.key, issuerKey.isSameKey(as: key.key) {
                return .pass(.keyBound, "the header's key is the issuer's DID \(issuerId) itself")
            }
            return .fail(.keyBound, "the key comes from the JWS header alone; nothing ties it to the issuer \(issuerId): give the issuer's DID document or profile with --key")
        case .supplied:
            if let id = key.id, Self.isUnder(id, issuer: issuerId) {
                return .pass(.keyBound, "the key id \(id) is under the issuer's id \(issuerId), and the key was given for it (\(key.source))")
            }
            return .fail(.keyBound, "nothing ties the key \(keyName) (\(key.source)) to the issuer \(issuerId): give the issuer's DID document or profile listing it, or a kid under the issuer's id")
        case .didKey, .didJWK:
            return .fail(.keyBound, "the key's DID is not the issuer \(issuerId)")
        }
    }
}
