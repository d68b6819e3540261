import CredconvJSON
import CredentialModel

/// A partial model document and its name for messages (a file path).
public struct MergeDocument: Sendable {
    public var name: String
    public var value: JSONValue

    public init(name: String, value: JSONValue) {
        self.name = name
        self.value = value
    }
}

/// Lays partial model documents over a credential (`--merge FILE`): how a provider supplies what the
/// source format cannot carry (an issuer's eIDAS identifier, an EQF level, a workload).
///
/// A merge document is a JSON Merge Patch (RFC 7396) of the model document: objects merge member by
/// member, any other value replaces what was there, and `null` removes it. Every value it sets or
/// removes is reported as a warning with its model path; a result that does not fit the model is an
/// error naming the place.
public enum ModelMerge {
    /// The credential with `patch` applied.
    public static func apply(_ patch: JSONValue, to credential: Credential, report: inout ConversionReport) throws(Diagnostic) -> Credential {
        guard case .object = patch else {
            throw Diagnostic(.typeMismatch, "a merge document is a JSON object (a partial model document)", at: .jsonPointer(""))
        }
        let document = try ModelFormat.encode(credential)
        var changes: [(path: String, removed: Bool)] = []
        let merged = mergePatch(document, patch, path: "", changes: &changes)
        var result = try ModelFormat.decode(merged)
        ModelFormat.neverTrustAClaimedVerification(&result, report: &report)
        for change in changes {
            report.warn(.merged, change.removed ? "removed by a merge document" : "set by a merge document", at: .modelPath(change.path))
        }
        return result
    }

    /// RFC 7396 MergePatch(target, patch), recording the model path of every leaf it sets or removes.
    static func mergePatch(_ target: JSONValue, _ patch: JSONValue, path: String, changes: inout [(path: String, removed: Bool)]) -> JSONValue {
        guard case .object(let p) = patch else {
            changes.append((path, false))
            return patch
        }
        var result: JSONObject
        if case .object(let t) = target { result = t } else { result = JSONObject() }
        for m in p {
            let memberPath = path.isEmpty ? m.key : "\(path).\(m.key)"
            if m.value == .null {
                if result[m.key] != nil { changes.append((memberPath, true)) }
                _ = result.remove(m.key)
            } else {
                result.set(m.key, mergePatch(result[m.key] ?? .null, m.value, path: memberPath, changes: &changes))
            }
        }
        return .object(result)
    }
}
