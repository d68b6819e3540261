import CredconvJSON
import CredentialModel
import FormatInterface

/// CLR 2.0 uses the Open Badges 3.0 data model for its header, issuer profile, learner and achievement
/// definitions. Rather than map them a second time, the CLR format reads and writes them through the
/// registry's OB 3.0 format, as parts of a scaffold credential: a CLR header is an OB 3.0 credential whose
/// subject holds a placeholder achievement; an achievement definition sits in a placeholder credential.
/// Findings about the scaffold itself are dropped; findings about the real parts are placed where those
/// parts are in the CLR (JSON pointers on reading, model paths on writing).
enum OpenBadgesScaffold {
    static let placeholderId = "urn:credconv:clr-scaffold"

    static var placeholderAchievement: JSONValue {
        .object(JSONObject([
            "id": .string(placeholderId), "type": .array([.string("Achievement")]), "name": .string("scaffold"),
            "criteria": .object(JSONObject(["narrative": .string("scaffold")])),
        ]))
    }

    static var placeholderIssuer: JSONValue {
        .object(JSONObject(["id": .string(placeholderId), "type": .array([.string("Profile")]), "name": .string("scaffold")]))
    }

    /// Reads an OB 3.0 document made from parts of a CLR; keeps the findings under `keptPointers`
    /// (pointers of the scaffold, equal to the CLR's below `base`) and drops those under `scaffoldPointers`.
    static func read(
        _ scaffold: JSONObject, keeping isKept: (String) -> Bool, rebase: (String) -> String, context: inout ReadContext
    ) throws(Diagnostic) -> Credential {
        var inner = context
        inner.report = ConversionReport()
        let credential: Credential
        do {
            credential = try context.formats.read(.json(.object(scaffold)), as: ClrVocabulary.openBadges, context: &inner)
        } catch {
            if case .jsonPointer(let p)? = error.location, isKept(p) {
                var moved = error
                moved.location = .jsonPointer(rebase(p))
                throw moved
            }
            throw error
        }
        for d in inner.report.diagnostics {
            guard case .jsonPointer(let p)? = d.location, isKept(p) else { continue }
            var moved = d
            moved.location = .jsonPointer(rebase(p))
            context.report.add(moved)
        }
        return credential
    }

    /// Writes a credential as OB 3.0 JSON with a report of its own, keeping the findings whose model path
    /// `isKept`, renamed by `rebase`.
    static func write(
        _ credential: Credential, keeping isKept: (String) -> Bool, rebase: (String) -> String, context: inout WriteContext
    ) throws(Diagnostic) -> JSONObject {
        var inner = context
        inner.report = ConversionReport()
        inner.jsonStyle = .compact
        let bytes = try context.formats.write(credential, as: ClrVocabulary.openBadges, context: &inner)
        for d in inner.report.diagnostics {
            switch d.location {
            case .modelPath(let path)?:
                guard isKept(path) else { continue }
                var moved = d
                moved.location = .modelPath(rebase(path))
                context.report.add(moved)
            case nil:
                continue
            default:
                context.report.add(d)
            }
        }
        guard case .object(let o)? = try? JSONParser().parse(bytes) else {
            throw Diagnostic(.io, "the Open Badges 3.0 writer did not write a JSON object")
        }
        return o
    }

    /// True when a model path is `prefix` or inside it.
    static func path(_ path: String, isIn prefix: String) -> Bool {
        path == prefix || path.hasPrefix(prefix + ".") || path.hasPrefix(prefix + "[")
    }

    /// True when a JSON pointer is `prefix` or inside it.
    static func pointer(_ pointer: String, isIn prefix: String) -> Bool {
        pointer == prefix || pointer.hasPrefix(prefix + "/")
    }
}
