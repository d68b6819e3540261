import CredconvJSON

/// Reading the key files a user gives (`--key`): a JWK, a JWKS, PEM (public keys, certificates), a DID
/// document, a verification method on its own (a Multikey document, `Ed25519VerificationKey2020`,
/// `JsonWebKey2020`), an Open Badges 2.0 CryptographicKey, an Open Badges 3.0 or 2.0 profile that lists
/// keys, or a JSON array of any of these.
public enum KeyDocuments {
    /// The keys of one file. `name` is how messages name the file.
    public static func keys(in bytes: [UInt8], name: String) throws(JOSEError) -> [SuppliedKey] {
        guard bytes.count <= 4 << 20 else { throw JOSEError(.invalidKey, "\(name): a key file larger than 4 MiB") }
        let text = String(decoding: bytes, as: UTF8.self)
        let first = text.first(where: { !$0.isWhitespace })
        if first != "{" && first != "[" && text.contains("-----BEGIN ") {
            let keys = try PublicKey.keys(inPEM: text)
            return keys.map { SuppliedKey(key: $0.key, ids: [], controller: nil, origin: "\(name) (PEM \($0.label))") }
        }
        let value: JSONValue
        do { value = try JSONParser(limits: JSONLimits(maxDepth: 32, maxBytes: 4 << 20)).parse(bytes) } catch {
            throw JOSEError(.invalidKey, "\(name) is neither PEM nor JSON: \(error.message) at \(error.position)")
        }
        var out: [SuppliedKey] = []
        switch value {
        case .object(let o): try read(o, name: name, into: &out)
        case .array(let items):
            for case .object(let o) in items { try read(o, name: name, into: &out) }
        default: break
        }
        guard !out.isEmpty else {
            throw JOSEError(.invalidKey, "\(name) holds no public key credconv reads (a JWK, JWKS, PEM, DID document, Multikey document, CryptographicKey or profile with keys)")
        }
        return out
    }

    static func read(_ o: JSONObject, name: String, into out: inout [SuppliedKey]) throws(JOSEError) {
        if o["kty"] != nil {
            let key = try PublicKey(jwk: o)
            out.append(SuppliedKey(key: key, ids: o["kid"]?.stringValue.map { [$0] } ?? [], controller: nil, origin: "\(name) (JWK)", restriction: KeyRestriction(jwk: o)))
            return
        }
        if case .array(let keys)? = o["keys"] {
            for case .object(let jwk) in keys {
                let key = try PublicKey(jwk: jwk)
                out.append(SuppliedKey(key: key, ids: jwk["kid"]?.stringValue.map { [$0] } ?? [], controller: nil, origin: "\(name) (JWKS)", restriction: KeyRestriction(jwk: jwk)))
            }
            return
        }
        if let pem = o["publicKeyPem"]?.stringValue, o["verificationMethod"] == nil {
            // An Open Badges 2.0 CryptographicKey.
            let keys = try PublicKey.keys(inPEM: pem)
            let id = o["id"]?.stringValue
            for k in keys {
                out.append(SuppliedKey(key: k.key, ids: id.map { [$0] } ?? [], controller: o["owner"]?.stringValue, origin: "\(name) (CryptographicKey\(id.map { " \($0)" } ?? ""))"))
            }
            return
        }
        if o["verificationMethod"] == nil, o["publicKeyMultibase"] != nil || o["publicKeyJwk"] != nil || o["publicKeyBase58"] != nil {
            // A verification method on its own: a Multikey document, say.
            let id = o["id"]?.stringValue
            guard let key = try methodKey(o, name: name, id: id) else { return }
            let type = o["type"]?.stringValue ?? "verification method"
            out.append(SuppliedKey(
                key: key, ids: id.map { [$0] } ?? [], controller: o["controller"]?.stringValue,
                origin: "\(name) (\(type)\(id.map { " \($0)" } ?? ""))",
                restriction: o["publicKeyJwk"]?.objectValue.flatMap(KeyRestriction.init(jwk:))))
            return
        }
        try readDocument(o, name: name, into: &out)
    }

    /// A DID document, or a profile (OB 3.0 / OB 2.0) listing keys: `verificationMethod`, `publicKey`,
    /// and methods embedded in `assertionMethod`.
    static func readDocument(_ o: JSONObject, name: String, into out: inout [SuppliedKey]) throws(JOSEError) {
        let documentId = o["id"]?.stringValue
        let isDID = documentId?.hasPrefix("did:") ?? false
        let kind = isDID ? "DID document" : "profile"
        // Which methods may issue credentials: assertionMethod, as absolute ids.
        var assertionIds: Set<String>?
        if case .array(let list)? = o["assertionMethod"] {
            assertionIds = []
            for item in list {
                if let id = item.stringValue ?? item.objectValue?["id"]?.stringValue { assertionIds?.insert(absolute(id, in: documentId)) }
            }
        }
        var methods: [JSONObject] = []
        for member in ["verificationMethod", "publicKey", "assertionMethod", "authentication"] {
            switch o[member] {
            case .array(let list)?: methods += list.compactMap(\.objectValue)
            case .object(let single)?: methods.append(single)
            default: break
            }
        }
        var seen: Set<String> = []
        for method in methods {
            let id = method["id"].flatMap(\.stringValue).map { absolute($0, in: documentId) }
            if let id { guard seen.insert(id).inserted else { continue } }
            guard let key = try methodKey(method, name: name, id: id) else { continue }
            let controller = method["controller"]?.stringValue ?? method["owner"]?.stringValue ?? documentId
            out.append(SuppliedKey(
                key: key, ids: id.map { [$0] } ?? [], controller: controller,
                authorisedForAssertions: assertionIds.map { set in id.map { set.contains($0) } ?? false },
                origin: "\(name) (\(kind)\(documentId.map { " \($0)" } ?? ""))",
                restriction: method["publicKeyJwk"]?.objectValue.flatMap(KeyRestriction.init(jwk:))))
        }
    }

    /// The key of a verification method: publicKeyJwk, publicKeyMultibase, publicKeyBase58 (Ed25519 2018) or publicKeyPem.
    static func methodKey(_ m: JSONObject, name: String, id: String?) throws(JOSEError) -> PublicKey? {
        let context = "\(name): the verification method \(id ?? "without id")"
        do throws(JOSEError) {
            if case .object(let jwk)? = m["publicKeyJwk"] {
                if jwk["d"] != nil { throw JOSEError(.invalidKey, "\(context) holds a private key (d): a key file for verification must be public") }
                return try PublicKey(jwk: jwk)
            }
            if let multibase = m["publicKeyMultibase"]?.stringValue {
                return try DIDKeys.key(fromMultikey: multibase, context: context)
            }
            if let base58 = m["publicKeyBase58"]?.stringValue {
                guard let raw = Base58.decode(base58), raw.count == 32 else { throw JOSEError(.invalidKey, "\(context): publicKeyBase58 is not a 32-byte Ed25519 key") }
                return try PublicKey(jwk: JSONObject(["kty": .string("OKP"), "crv": .string("Ed25519"), "x": .string(Base64URL.encode(raw))]))
            }
            if let pem = m["publicKeyPem"]?.stringValue {
                return try PublicKey.keys(inPEM: pem).first?.key
            }
        } catch {
            throw JOSEError(error.code, error.message.hasPrefix(name) ? error.message : "\(context): \(error.message)")
        }
        return nil
    }

    /// A method id made absolute: `#key-1` in `did:web:example.com` is `did:web:example.com#key-1`.
    static func absolute(_ id: String, in document: String?) -> String {
        guard id.hasPrefix("#"), let document else { return id }
        return DIDKeys.documentPart(document) + id
    }
}
