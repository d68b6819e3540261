import CredconvJSON
import CredentialModel
import FormatInterface

/// Open Badges 2.0 assertions (and 1.x), with their badge class and issuer embedded, linked in a JSON
/// array or given separately; signed assertions as compact JWS.
public struct OB2Format: ReadableFormat, WritableFormat {
    public init() {}

    public var name: FormatName { .ob2 }
    public var summary: String { "Open Badges 2.0 assertion with badge class and issuer" }

    public func recognise(_ document: InputDocument, limits: JSONLimits) -> Recognition? {
        switch document {
        case .json(.array(let items)):
            guard items.contains(where: OpenBadgesRecognition.looksLikeOB2) else { return nil }
            let legacy = items.contains(where: OpenBadgesRecognition.isLegacyContext)
            return .recognised(detail: "Open Badges \(legacy ? "1.1" : "2.0") documents (\(items.count))")
        case .json(let value):
            guard OpenBadgesRecognition.looksLikeOB2(value), case .object(let o) = value else { return nil }
            let version = OpenBadgesRecognition.legacyVersion(value) ?? "2.0"
            return .recognised(detail: "Open Badges \(version) \((o["type"].map(JSONValue.strings) ?? []).first ?? "Assertion")")
        case .compactJWS(let text):
            guard let (claims, algorithm) = OpenBadgesRecognition.jwsPayload(text, limits: limits),
                OpenBadgesRecognition.looksLikeOB2(.object(claims))
            else { return nil }
            return .recognised(detail: "Open Badges 2.0 signed assertion (JWS" + (algorithm.map { " \($0)" } ?? "") + ")")
        case .bytes:
            return nil
        }
    }

    public func read(_ document: InputDocument, context: inout ReadContext) throws(Diagnostic) -> Credential {
        switch document {
        case .json(let value):
            return try OB2Reader().read(value, linked: context.linkedDocuments, report: &context.report)
        case .compactJWS(let text):
            return try OB2Reader().readSigned(text, linked: context.linkedDocuments, report: &context.report, limits: context.jsonLimits)
        case .bytes:
            throw Diagnostic(.formatMismatch, "an Open Badges 2.0 assertion is JSON or a compact JWS")
        }
    }

    public func write(_ credential: Credential, context: inout WriteContext) throws(Diagnostic) -> [UInt8] {
        let value = try OB2Writer(options: OB3WriterOptions(context)).write(credential, report: &context.report)
        return context.serialise(value)
    }
}
