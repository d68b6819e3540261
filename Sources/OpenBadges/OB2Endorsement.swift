import CredconvJSON
import CredentialModel
import JSONMapping

/// Open Badges 2.0 `Endorsement`: an issuer's claim about a badge class, a profile or an assertion
/// (`claim.id`) with its `endorsementComment` — the 2.0 form of an OB 3.0 EndorsementCredential.
extension OB2WriteContext {
    mutating func endorsement() throws(Diagnostic) -> JSONObject {
        let c = credential
        if let signature = c.provenance.signature {
            report.warn(.unsignedOutput, "the input was \(signature.statement); the output is unsigned derived data")
        }
        guard let endorsed = c.learner.id else {
            throw Diagnostic(.insufficientData, "an endorsement needs the id of what it endorses", at: .modelPath("learner.id"))
        }
        guard let issuer = c.issuer else { throw Diagnostic(.insufficientData, "the endorsement has no issuer", at: .modelPath("issuer")) }
        var o = JSONObject()
        o.set("@context", .string("https://w3id.org/openbadges/v2"))
        o.set("type", .string("Endorsement"))
        let id = c.id ?? made("endorsement id")
        o.set("id", .string(id))
        var claim = JSONObject()
        claim.set("id", .string(endorsed))
        claim.set("endorsementComment", ifPresent: text(c.endorsementComment, path: "endorsementComment"))
        o.set("claim", .object(claim))
        let profile = profile(issuer, role: "issuer")
        o.set("issuer", .object(profile))
        guard let issuedOn = c.dateOfIssue?.value else {
            throw Diagnostic(.insufficientData, "the endorsement has no date of issue or validity for issuedOn", at: .modelPath("issued"))
        }
        o.set("issuedOn", .string(ISODateText.dateTime(issuedOn) ?? issuedOn))
        if Self.isHTTPS(id) && Self.isHTTPS(profile["id"]?.stringValue) {
            o.set("verification", .object(JSONObject(["type": .string("hosted")])))
        } else {
            report.warn(.unverifiableOutput, "the endorsement or issuer id is not an https URL: the OB 2.0 output cannot be verified (hosted verification needs both published over https)")
        }
        writeKept(c.extensions, into: &o)
        return o
    }
}

extension OB2ReadContext {
    /// Reads an `Endorsement` as an endorsement credential: what it endorses is the subject.
    mutating func endorsement(_ cursor: ObjectCursor) throws(Diagnostic) -> Credential {
        var e = cursor
        var credential = Credential(provenance: Provenance(sourceFormat: "ob2"))
        credential.kind = .endorsement
        credential.provenance.sourceVersion = "Open Badges \(Self.contextVersion(e.raw("@context")))"
        try e.consumeTypes()
        credential.id = try e.string("id")
        credential.provenance.originalId = credential.id
        guard var claim = try e.object("claim") else { throw e.missing("claim") }
        credential.learner.id = try claim.string("id")
        credential.endorsementComment = try claim.localized("endorsementComment", format: .markdown)
        credential.learner.extensions = claim.unreadMembers(family: Self.family)
        var issuerCursor = try linked(&e, "issuer", what: "issuer profile")
        credential.issuer = try profile(&issuerCursor)
        credential.validFrom = try date(&e, "issuedOn")
        if let verification = try e.object("verification") { _ = verification.unreadMembers(family: Self.family) }
        credential.extensions = e.unreadMembers(family: Self.family)
        return credential
    }
}
