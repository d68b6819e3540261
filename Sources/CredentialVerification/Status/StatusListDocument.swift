import CredconvJSON
import JOSE

/// A status list given with `--status`: a Bitstring Status List or StatusList2021 credential (JSON, or a
/// JWT whose payload is one), a 1EdTech revocation list, or an Open Badges 2.0 RevocationList.
public struct StatusListDocument: Sendable {
    /// What the list says.
    public enum Content: Sendable {
        /// A bitstring: each credential's status is `statusSize` bits at its index.
        case bitstring(purpose: String?, bits: [UInt8], statusSize: Int)
        /// Ids of revoked credentials, with the reason when one is given.
        case revokedIds([String: String])
    }

    /// The list's id: the status list credential's `id`, or the revocation list's.
    public var id: String?
    /// The issuer the list names.
    public var issuer: String?
    public var content: Content
    /// How messages name it (`--status revocations.json`).
    public var name: String
    /// `BitstringStatusListCredential`, `StatusList2021Credential`, `1EdTechRevocationList`, `RevocationList`.
    public var kind: String
    /// The list as a JWS, when it came as one: its signature is checked with the credential's keys.
    public var jws: SignedJWS?
    /// The list's own embedded proof, when it has one (credconv does not verify Data Integrity proofs yet).
    public var embeddedProof: String?

    /// Reads a status list file.
    public static func read(_ bytes: [UInt8], name: String, limits: JSONLimits = .default) throws(StatusListError) -> StatusListDocument {
        let text = String(decoding: bytes.trimmingASCIIWhitespace(), as: UTF8.self)
        var jws: SignedJWS?
        var json: JSONValue
        if !text.hasPrefix("{"), !text.hasPrefix("["), text.split(separator: ".", omittingEmptySubsequences: false).count == 3 {
            let signed: SignedJWS
            do { signed = try SignedJWS(text, limits: limits) } catch {
                throw StatusListError("\(name): a JWT status list that is not a valid JWS: \(error.message)")
            }
            jws = signed
            do { json = try JSONParser(limits: limits).parse(signed.payload) } catch {
                throw StatusListError("\(name): the status list JWT's payload is not JSON: \(error.message)")
            }
            if case .object(let claims) = json, case .object(let vc)? = claims["vc"] { json = .object(vc) }
        } else {
            do { json = try JSONParser(limits: limits).parse(bytes) } catch {
                throw StatusListError("\(name): not a status list (not JSON: \(error.message) at \(error.position))")
            }
        }
        guard case .object(let o) = json else { throw StatusListError("\(name): a status list is a JSON object") }
        var document = try read(o, name: name)
        document.jws = jws
        return document
    }

    static func read(_ o: JSONObject, name: String) throws(StatusListError) -> StatusListDocument {
        let types = JSONNames.strings(o["type"])
        let id = o["id"]?.stringValue
        let issuer = o["issuer"]?.stringValue ?? o["issuer"]?.objectValue?["id"]?.stringValue
        let proof = o["proof"].map { p -> String in
            let first = p.arrayValue?.first ?? p
            return [first.objectValue?["type"]?.stringValue, first.objectValue?["cryptosuite"]?.stringValue].compactMap { $0 }.joined(separator: " ")
        }
        if case .object(let subject)? = o["credentialSubject"], let encoded = subject["encodedList"]?.stringValue {
            let subjectTypes = JSONNames.strings(subject["type"])
            let isBitstring = subjectTypes.contains("BitstringStatusList") || types.contains("BitstringStatusListCredential")
            guard let bits = decodeList(encoded, multibase: isBitstring) else {
                throw StatusListError("\(name): the encodedList is not a GZIP-compressed base64url bitstring\(isBitstring ? " with the multibase prefix u" : "")")
            }
            let size = Int(subject["statusSize"]?.numberText ?? subject["statusSize"]?.stringValue ?? "1") ?? 1
            guard (1...8).contains(size) else { throw StatusListError("\(name): statusSize \(size) is outside 1–8") }
            return StatusListDocument(
                id: id, issuer: issuer, content: .bitstring(purpose: subject["statusPurpose"]?.stringValue, bits: bits, statusSize: size),
                name: name, kind: isBitstring ? "BitstringStatusListCredential" : "StatusList2021Credential", embeddedProof: proof)
        }
        for member in ["revokedCredentials", "revokedAssertions"] {
            guard case .array(let items)? = o[member] else { continue }
            var revoked: [String: String] = [:]
            for item in items {
                if let s = item.stringValue { revoked[s] = "" }
                if case .object(let entry) = item {
                    if entry["revoked"]?.boolValue == false { continue }
                    let reason = entry["revocationReason"]?.stringValue ?? ""
                    if let entryId = entry["id"]?.stringValue { revoked[entryId] = reason }
                    if let uid = entry["uid"]?.stringValue { revoked["uid:" + uid] = reason }
                }
            }
            return StatusListDocument(
                id: id, issuer: issuer, content: .revokedIds(revoked), name: name,
                kind: member == "revokedAssertions" ? "RevocationList" : "1EdTechRevocationList", embeddedProof: proof)
        }
        throw StatusListError("\(name): not a status list credconv reads (a Bitstring or StatusList2021 credential with encodedList, a 1EdTech revocation list with revokedCredentials, an OB 2.0 RevocationList with revokedAssertions)")
    }

    /// base64url (after the multibase `u`), then GZIP.
    static func decodeList(_ text: String, multibase: Bool) -> [UInt8]? {
        var candidates: [Substring] = []
        if text.hasPrefix("u") { candidates.append(text.dropFirst()) }
        candidates.append(Substring(text))
        for candidate in candidates {
            // Some issuers pad, or use the standard alphabet: accept both for the list (it is not a signed part).
            if let compressed = Base64URL.decodeLenient(bytes: ArraySlice(candidate.utf8)), compressed.starts(with: [0x1F, 0x8B]), let bits = GZip.inflate(compressed) {
                return bits
            }
        }
        return nil
    }
}

/// A status list file that cannot be used.
public struct StatusListError: Error, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
