import CredconvJSON
import CredentialModel
import SDJWT

/// Writes the model as a Learning Credential: the claims (``LearningCredentialClaims``), the ones the
/// type marks `sd: always` as salted disclosures, in an SD-JWT whose issuer JWT is **unsigned**
/// (`alg: none`, empty signature). Signing is the proof layer's: the conversion signs this payload with
/// the user's key (`--sign-key`), so the format module never holds key material.
public struct LearningCredentialWriter: Sendable {
    /// The holder's public JWK (`cnf.jwk`).
    public var holderKey: JSONObject?
    /// `exp` (Unix seconds) when the credential has no end of validity.
    public var expiry: Int64?
    public var preferredLanguages: [String]
    /// Makes the disclosures' salts (random by default).
    public var makeSalt: @Sendable () -> String = Disclosure.randomSalt
    /// Makes the `jti` of a credential without an id.
    public var makeIdentifier: @Sendable () -> String

    public init(
        holderKey: JSONObject?, expiry: Int64?, preferredLanguages: [String],
        makeIdentifier: @escaping @Sendable () -> String
    ) {
        self.holderKey = holderKey
        self.expiry = expiry
        self.preferredLanguages = preferredLanguages
        self.makeIdentifier = makeIdentifier
    }

    /// The unsigned SD-JWT text.
    /// - Throws: `usage.invalid` without a holder key; `data.insufficient` naming every mandatory claim
    ///   the model has no data for.
    public func write(_ credential: Credential, report: inout ConversionReport) throws(Diagnostic) -> [UInt8] {
        guard credential.kind == .achievement else {
            throw Diagnostic(.noFormInTarget, "a Learning Credential attests an achievement; an endorsement has no form in it")
        }
        var kept = credential.extensions.fields.filter { $0.family == LearningCredentialFormat.family }
        let keptHolderKey = kept.first { $0.key == "cnf" }?.value.objectValue?["jwk"]?.objectValue
        guard let holderKey = holderKey ?? keptHolderKey else {
            throw Diagnostic(.usage, "a Learning Credential is bound to the holder's key (cnf.jwk, mandatory in its type): give the holder's public key with --holder-key FILE (a JWK or PEM)")
        }
        if self.holderKey != nil { kept.removeAll { $0.key == "cnf" } }
        var projection = LearningCredentialClaims(
            credential, preferring: preferredLanguages, holderKey: holderKey, expiry: expiry, makeIdentifier: makeIdentifier)
        if !projection.missing.isEmpty {
            let list = projection.missing.map { "\($0.claim) (\($0.need); model \($0.modelPath))" }.joined(separator: "; ")
            throw Diagnostic(.insufficientData, "a Learning Credential needs \(projection.missing.count) mandatory claim\(projection.missing.count == 1 ? "" : "s") the source lacks: \(list). Supply them with --merge FILE (a partial model document); credconv does not invent them")
        }
        for diagnostic in projection.notes { report.add(diagnostic) }
        if credential.achievement?.description == nil, credential.description != nil {
            report.warn(.writtenDifferently, "the credential's description is written as achievement_description", at: .modelPath("description"))
        }
        // Claims of this format kept from an earlier read, that no model field holds, go back as they came.
        for field in kept where projection.claims[field.key] == nil { projection.claims.set(field.key, field.value) }
        let issuer = SelectiveDisclosureIssuer(concealing: LearningCredentialType.concealedPaths, makeSalt: makeSalt)
        let (payload, disclosures) = issuer.issue(projection.claims)
        let header = JSONObject(["alg": .string("none"), "typ": .string(LearningCredentialType.mediaType)])
        let jwt = Base64URL.encode(JSONWriter(style: .compact).bytes(.object(header))) + "."
            + Base64URL.encode(JSONWriter(style: .compact).bytes(.object(payload))) + "."
        let sdJWT = CompactSDJWT(issuerJWT: jwt, disclosures: disclosures.map(\.encoded))
        return Array(sdJWT.text.utf8)
    }
}
