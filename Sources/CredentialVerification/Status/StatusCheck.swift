import CredconvJSON
import JOSE

/// Checks a credential's `credentialStatus` (or an Open Badges 2.0 assertion's revocation) against the
/// lists the user gave. A list that is named but not given is "not checked", never fetched.
struct StatusCheck {
    var lists: [StatusListDocument]
    /// The keys given with `--key`: a list that is a JWT must verify with one of them (or its own header's did:key).
    var keys: [SuppliedKey]
    /// The credential's issuer: a list another issuer made is not trusted.
    var issuer: String?

    /// The check and its outcome.
    func check(_ credential: JSONObject, credentialId: String?, isOB2: Bool) -> (VerificationCheck, VerificationReport.StatusOutcome) {
        if isOB2 { return checkOB2(credentialId: credentialId, uid: credential["uid"]?.stringValue) }
        let entries = JSONNames.objects(credential["credentialStatus"])
        guard !entries.isEmpty else {
            return (.pass(.status, "the credential names no status (no credentialStatus)" + (lists.isEmpty ? "" : "; the --status lists were not used")), .none)
        }
        var details: [String] = []
        var outcome = VerificationReport.StatusOutcome.active
        for entry in entries {
            let (check, entryOutcome) = checkEntry(entry, credentialId: credentialId)
            if !check.ok { return (check, entryOutcome) }
            details.append(check.detail)
            if entryOutcome == .notChecked { outcome = .notChecked }
        }
        return (.pass(.status, details.joined(separator: "; ")), outcome)
    }

    private func checkEntry(_ entry: JSONObject, credentialId: String?) -> (VerificationCheck, VerificationReport.StatusOutcome) {
        let type = JSONNames.strings(entry["type"]).first ?? "(no type)"
        switch type {
        case "BitstringStatusListEntry", "StatusList2021Entry":
            guard let listId = entry["statusListCredential"]?.stringValue else {
                return (.fail(.status, "the \(type) has no statusListCredential"), .notChecked)
            }
            guard let indexText = entry["statusListIndex"]?.stringValue ?? entry["statusListIndex"]?.numberText, let index = Int(indexText), index >= 0 else {
                return (.fail(.status, "the \(type)'s statusListIndex is not a non-negative integer"), .notChecked)
            }
            let purpose = entry["statusPurpose"]?.stringValue ?? "revocation"
            guard let list = lists.first(where: { $0.id == listId }) else {
                return (.pass(.status, "\(purpose) not checked: status list \(listId) not supplied (give it with --status)" + otherLists()), .notChecked)
            }
            guard case .bitstring(let listPurpose, let bits, let size) = list.content else {
                return (.fail(.status, "\(list.name) is a \(list.kind), but the credential's \(type) needs a bitstring status list"), .notChecked)
            }
            if let failure = distrust(list) { return (.fail(.status, failure), .notChecked) }
            if let listPurpose, listPurpose != purpose, !(list.kind == "StatusList2021Credential" && listPurpose.isEmpty) {
                return (.fail(.status, "the list \(listId) is for \(listPurpose), the credential's entry for \(purpose)"), .notChecked)
            }
            let firstBit = index * size
            guard firstBit + size <= bits.count * 8 else {
                return (.fail(.status, "index \(index) is beyond the list \(listId) (\(bits.count * 8 / size) entries)"), .notChecked)
            }
            var value = 0
            for bit in firstBit..<(firstBit + size) {
                value = value << 1 | Int((bits[bit / 8] >> (7 - UInt8(bit % 8))) & 1)
            }
            let source = "list \(listId), index \(index) (\(list.name)\(authenticityNote(list)))"
            switch (purpose, value) {
            case (_, 0): return (.pass(.status, "not \(purpose == "suspension" ? "suspended" : purpose == "revocation" ? "revoked" : "flagged"): \(source)"), .active)
            case ("revocation", _): return (.fail(.status, "revoked: \(source)"), .revoked)
            case ("suspension", _): return (.fail(.status, "suspended: \(source)"), .suspended)
            default: return (.pass(.status, "status \(purpose) value \(value): \(source)"), .active)
            }
        case "1EdTechRevocationList":
            guard let listId = entry["id"]?.stringValue else { return (.fail(.status, "the 1EdTechRevocationList entry has no id"), .notChecked) }
            guard let list = lists.first(where: { $0.id == listId }) else {
                return (.pass(.status, "revocation not checked: revocation list \(listId) not supplied (give it with --status)" + otherLists()), .notChecked)
            }
            return revokedIdCheck(list, credentialId: credentialId, uid: nil)
        default:
            return (.pass(.status, "status of type \(type) not checked: credconv checks BitstringStatusListEntry, StatusList2021Entry and 1EdTechRevocationList"), .notChecked)
        }
    }

    private func checkOB2(credentialId: String?, uid: String?) -> (VerificationCheck, VerificationReport.StatusOutcome) {
        let revocationLists = lists.filter { if case .revokedIds = $0.content { return true } else { return false } }
        guard let list = revocationLists.first else {
            return (.pass(.status, "revocation not checked: give the issuer's RevocationList (its revocationList) with --status"), .notChecked)
        }
        return revokedIdCheck(list, credentialId: credentialId, uid: uid)
    }

    private func revokedIdCheck(_ list: StatusListDocument, credentialId: String?, uid: String?) -> (VerificationCheck, VerificationReport.StatusOutcome) {
        guard case .revokedIds(let revoked) = list.content else {
            return (.fail(.status, "\(list.name) is a \(list.kind), not a revocation list"), .notChecked)
        }
        if let failure = distrust(list) { return (.fail(.status, failure), .notChecked) }
        guard let credentialId else {
            return (.pass(.status, "revocation not checked: the credential has no id to look up in \(list.name)"), .notChecked)
        }
        let source = "\(list.kind) \(list.id ?? list.name) (\(list.name)\(authenticityNote(list)))"
        if let reason = revoked[credentialId] ?? uid.flatMap({ revoked["uid:" + $0] }) {
            return (.fail(.status, "revoked\(reason.isEmpty ? "" : " (\(reason))"): \(source)"), .revoked)
        }
        return (.pass(.status, "not revoked: \(source)"), .active)
    }

    /// Why a list must not be trusted: another issuer's, or a JWT whose signature does not verify; nil
    /// when it may be used.
    private func distrust(_ list: StatusListDocument) -> String? {
        if let listIssuer = list.issuer, let issuer, listIssuer != issuer {
            return "the status list \(list.name) is issued by \(listIssuer), not by the credential's issuer \(issuer)"
        }
        guard let jws = list.jws else { return nil }
        do {
            let candidates = try KeyResolver(supplied: keys).resolve(header: jws.header)
            guard candidates.contains(where: { (try? jws.verify(with: $0.key)) != nil }) else {
                return "the status list \(list.name) is a JWT whose signature does not verify with its key"
            }
            return nil
        } catch {
            return "the status list \(list.name) is a JWT whose key cannot be found: \(error.message)"
        }
    }

    private func authenticityNote(_ list: StatusListDocument) -> String {
        if list.jws != nil { return ", its JWT signature verified" }
        if let proof = list.embeddedProof { return ", its \(proof) proof not verified by credconv" }
        return ", unsigned"
    }

    private func otherLists() -> String {
        lists.isEmpty ? "" : " (given: \(lists.map { $0.id ?? $0.name }.joined(separator: ", ")))"
    }
}
