import CredconvJSON
import Foundation

/// Where a verification key came from.
public enum KeySource: Sendable, Equatable, CustomStringConvertible {
    /// The JWS header's `jwk` (chosen by whoever made the JWS: it proves nothing about the issuer alone).
    case header
    /// The first certificate of the JWS header's `x5c` chain (bound to nothing until the chain is validated).
    case headerCertificate
    /// Decoded from a did:key identifier.
    case didKey
    /// Decoded from a did:jwk identifier.
    case didJWK
    /// A file given with `--key`.
    case supplied(origin: String)

    /// The stable name in reports: `header-jwk`, `did:key`, `did:jwk`, `file`.
    public var name: String {
        switch self {
        case .header: return "header-jwk"
        case .headerCertificate: return "header-x5c"
        case .didKey: return "did:key"
        case .didJWK: return "did:jwk"
        case .supplied: return "file"
        }
    }

    public var description: String {
        switch self {
        case .header: return "the JWS header's jwk"
        case .headerCertificate: return "the JWS header's x5c certificate"
        case .didKey: return "the did:key itself"
        case .didJWK: return "the did:jwk itself"
        case .supplied(let origin): return origin
        }
    }
}

/// A key found for a JWS.
public struct ResolvedKey: Sendable {
    public var key: PublicKey
    /// The id the key is known by (the `kid`, or the id of the document it was found in).
    public var id: String?
    public var source: KeySource
    /// The parties the key is bound to: the DID of a self-describing DID key, and the controllers of
    /// the supplied documents that list the same key (see ``SuppliedKey/controller``).
    public var controllers: [String]
    /// See ``SuppliedKey/authorisedForAssertions`` (of the supplied documents listing the key).
    public var authorisedForAssertions: Bool?
    /// What the key's JWK limits it to (header `jwk`, or the supplied documents listing the key).
    public var restrictions: [KeyRestriction] = []
    /// The `--key` file of a bare key (PEM, JWK without owner) that is this key: the user vouches for it.
    public var vouchedBy: String?
}

/// Finds the key a JWS names, offline: its header `jwk`, a `kid` that is a did:key or did:jwk, or the
/// keys given in files. It never fetches: a key that is named but not given is an error saying so.
public struct KeyResolver: Sendable {
    /// The keys the user gave.
    public var supplied: [SuppliedKey]

    public init(supplied: [SuppliedKey]) { self.supplied = supplied }

    /// The candidate keys for a JWS with `header`; `keyId` names the key when the header does not (an
    /// Open Badges 2.0 assertion's `verification.creator`). One candidate unless the JWS names no key and
    /// several were given (then each is tried).
    public func resolve(header: JSONObject, keyId fallback: String? = nil) throws(JOSEError) -> [ResolvedKey] {
        let kid = header["kid"]?.stringValue ?? fallback
        if let jwkValue = header["jwk"] {
            guard case .object(let jwk) = jwkValue else { throw JOSEError(.malformed, "the JWS header's jwk is not an object") }
            if jwk["d"] != nil { throw JOSEError(.invalidKey, "the JWS header's jwk holds a private key (d): refused") }
            let key = try PublicKey(jwk: jwk)
            if let kid, let named = try? selfDescribingKey(kid), !named.key.isSameKey(as: key) {
                throw JOSEError(.invalidKey, "the header's jwk and its kid \(kid) are different keys")
            }
            let known = supplied.first { $0.key.isSameKey(as: key) }
            var resolved = withSuppliedBindings(ResolvedKey(key: key, id: kid ?? known?.ids.first, source: .header, controllers: []))
            if let restriction = KeyRestriction(jwk: jwk) { resolved.restrictions.append(restriction) }
            return [resolved]
        }
        if case .array(let chain)? = header["x5c"], let first = chain.first?.stringValue {
            // An X.509 chain in the header: its first certificate's key, as little bound as a header jwk
            // (credconv validates no certificate chain).
            guard let der = Data(base64Encoded: first) else { throw JOSEError(.malformed, "the JWS header's x5c is not base64 DER") }
            let key = try PublicKey.keys(inPEM: PEMBlock(label: "CERTIFICATE", der: Array(der)).text)[0].key
            return [withSuppliedBindings(ResolvedKey(key: key, id: kid, source: .headerCertificate, controllers: []))]
        }
        if let kid {
            if let named = try selfDescribingKey(kid) { return [withSuppliedBindings(named)] }
            if let match = match(kid) {
                return [withSuppliedBindings(ResolvedKey(key: match.key, id: kid, source: .supplied(origin: match.origin), controllers: []))]
            }
            let unnamed = supplied.filter { $0.ids.isEmpty }
            if unnamed.count == 1, let only = unnamed.first {
                return [withSuppliedBindings(ResolvedKey(key: only.key, id: kid, source: .supplied(origin: only.origin + ", a key without an id, taken for \(kid)"), controllers: []))]
            }
            throw JOSEError(.keyNotSupplied, "key \(kid) not supplied: give it with --key (a JWK, JWKS, PEM, DID document or CryptographicKey file); credconv never fetches keys" + (supplied.isEmpty ? "" : " (the \(supplied.count) key\(supplied.count == 1 ? "" : "s") given go\(supplied.count == 1 ? "es" : "") by other ids: \(supplied.flatMap(\.ids).prefix(5).joined(separator: ", ")))"))
        }
        guard !supplied.isEmpty else {
            for member in ["jku", "x5u"] {
                if let url = header[member]?.stringValue {
                    throw JOSEError(.keyNotSupplied, "the JWS points to its key by URL (\(member) \(url)); credconv never fetches: give the issuer's key with --key")
                }
            }
            throw JOSEError(.keyNotSupplied, "the JWS names no key (no kid or jwk in its header): give the issuer's key with --key")
        }
        return supplied.map { withSuppliedBindings(ResolvedKey(key: $0.key, id: $0.ids.first, source: .supplied(origin: $0.origin), controllers: [])) }
    }

    /// `key` with the controllers (and assertion authorisation) of every supplied document listing it.
    func withSuppliedBindings(_ key: ResolvedKey) -> ResolvedKey {
        var out = key
        for s in supplied where s.key.isSameKey(as: key.key) {
            if s.controller == nil && out.vouchedBy == nil { out.vouchedBy = s.origin }
            if let c = s.controller, !out.controllers.contains(c) { out.controllers.append(c) }
            if let authorised = s.authorisedForAssertions { out.authorisedForAssertions = (out.authorisedForAssertions ?? false) || authorised }
            if let restriction = s.restriction { out.restrictions.append(restriction) }
        }
        return out
    }

    /// A did:key or did:jwk id's own key; nil for other ids.
    func selfDescribingKey(_ kid: String) throws(JOSEError) -> ResolvedKey? {
        if kid.hasPrefix("did:key:") {
            return ResolvedKey(key: try DIDKeys.key(fromDIDKey: kid), id: kid, source: .didKey, controllers: [DIDKeys.documentPart(kid)])
        }
        if kid.hasPrefix("did:jwk:") {
            return ResolvedKey(key: try DIDKeys.key(fromDIDJWK: kid), id: kid, source: .didJWK, controllers: [DIDKeys.documentPart(kid)])
        }
        return nil
    }

    /// The supplied key with this id: exactly, or — for a relative `#fragment` — the only one ending so.
    func match(_ kid: String) -> SuppliedKey? {
        if let exact = supplied.first(where: { $0.ids.contains(kid) }) { return exact }
        if kid.hasPrefix("#") {
            let candidates = supplied.filter { $0.ids.contains { $0.hasSuffix(kid) } }
            return candidates.count == 1 ? candidates.first : nil
        }
        return nil
    }
}
