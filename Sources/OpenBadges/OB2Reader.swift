import CredconvJSON
import CredentialModel
import JSONMapping

/// Reads Open Badges 2.0 (and 1.0/1.1) assertions into the model, following 1EdTech's migration guide for
/// what becomes what in 3.0: the assertion's id is kept as evidence typed
/// `https://w3id.org/openbadges#Assertion` (the 3.0 credential gets a new id), the recipient becomes an
/// identity object (hashed stays hashed), the BadgeClass the achievement, `issuedOn`/`expires` the validity.
///
/// The input is one assertion with its BadgeClass and issuer embedded, or several documents (assertion,
/// badge class, issuer) in a JSON array, linked by id; or a signed assertion (compact JWS, not verified).
/// Nothing is fetched: a BadgeClass or issuer given only by URL and absent from the input is an error that
/// names the URL.
public struct OB2Reader: Sendable {
    public static let family = "ob2"
    /// The type 1EdTech's migration guide gives the evidence that links the original 2.0 assertion.
    public static let assertionEvidenceType = "https://w3id.org/openbadges#Assertion"

    public init() {}

    /// Reads an assertion (object) or a set of linked documents (array); `linked` are further documents
    /// (badge classes, issuers) the assertion may refer to by id, given separately.
    public func read(_ document: JSONValue, linked: [JSONValue] = [], report: inout ConversionReport) throws(Diagnostic) -> Credential {
        var graph = OB2Graph()
        for (i, extra) in linked.enumerated() { graph.index(extra, at: JSONPointer.root / "linked" / i) }
        let assertion: JSONObject
        let assertionPointer: JSONPointer
        switch document {
        case .array(let items):
            var found: (JSONObject, JSONPointer)? = nil
            for (i, item) in items.enumerated() {
                let pointer = JSONPointer.root / i
                graph.index(item, at: pointer)
                if found == nil, case .object(let o) = item, OB2Graph.isAssertion(o) { found = (o, pointer) }
            }
            guard let found else { throw Diagnostic(.invalidValue, "no Open Badges assertion among the \(items.count) documents (a document with type Assertion, or recipient and badge)", at: .jsonPointer("")) }
            (assertion, assertionPointer) = found
        case .object(let o) where OB2Graph.isEndorsement(o):
            graph.index(document, at: .root)
            var context = OB2ReadContext(graph: graph, report: report)
            let credential = try context.endorsement(ObjectCursor(o, at: .root))
            report = context.report
            return credential
        case .object(let o):
            guard OB2Graph.isAssertion(o) else {
                let type = o["type"]?.stringValue ?? o["type"]?.arrayValue?.first?.stringValue ?? "document"
                throw Diagnostic(.invalidValue, "an Open Badges \(type), not an assertion: a badge is awarded by an assertion (give it, with this \(type), as a JSON array or with --with)", at: .jsonPointer("/type"))
            }
            graph.index(document, at: .root)
            (assertion, assertionPointer) = (o, .root)
        default:
            throw Diagnostic(.invalidValue, "an Open Badges 2.0 document must be a JSON object or an array of them, not a \(document.typeName)", at: .jsonPointer(""))
        }
        var context = OB2ReadContext(graph: graph, report: report)
        let credential = try context.credential(ObjectCursor(assertion, at: assertionPointer))
        report = context.report
        return credential
    }

    /// Reads a signed assertion: a compact JWS whose payload is the assertion (the signature is not verified).
    public func readSigned(_ text: String, linked: [JSONValue] = [], report: inout ConversionReport, limits: JSONLimits = .default) throws(Diagnostic) -> Credential {
        let jws = try CompactJWS(text, limits: limits)
        let payload: JSONValue
        do { payload = try JSONParser(limits: limits).parse(jws.payload) } catch {
            throw Diagnostic(.invalidValue, "the JWS payload is not JSON: \(error.message)", at: .position(line: 1, column: 1))
        }
        var credential = try read(payload, linked: linked, report: &report)
        credential.provenance.signature = SignatureInfo(kind: .jws, detail: "Open Badges 2.0 signed assertion" + (jws.algorithm.map { " (\($0))" } ?? ""), keyReference: jws.keyId)
        return credential
    }
}

/// The documents of one input, by id, so that IRIs can be followed without a network.
struct OB2Graph {
    var byId: [String: (JSONObject, JSONPointer)] = [:]

    mutating func index(_ value: JSONValue, at pointer: JSONPointer) {
        switch value {
        case .object(let o):
            // The fullest description of each id wins (a reference alone is no description).
            if let id = o["id"]?.stringValue, o.count > 1, (byId[id]?.0.count ?? 0) < o.count { byId[id] = (o, pointer) }
            for m in o { index(m.value, at: pointer / m.key) }
        case .array(let a):
            for (i, v) in a.enumerated() { index(v, at: pointer / String(i)) }
        default: break
        }
    }

    static func isEndorsement(_ o: JSONObject) -> Bool {
        ((o["type"]?.stringValue.map { [$0] } ?? o["type"]?.arrayValue?.compactMap(\.stringValue)) ?? []).contains("Endorsement")
    }

    static func isAssertion(_ o: JSONObject) -> Bool {
        let types = (o["type"]?.stringValue.map { [$0] } ?? o["type"]?.arrayValue?.compactMap(\.stringValue)) ?? []
        return types.contains("Assertion") || (o["recipient"] != nil && o["badge"] != nil)
    }
}
