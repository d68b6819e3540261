import CredconvJSON
import CredentialModel
import FormatInterface

/// Open Badges 3.0 credentials as JSON-LD (VCDM 2.0; 1.1 on input).
public struct OB3Format: ReadableFormat, WritableFormat {
    public init() {}

    public var name: FormatName { .ob3 }
    public var summary: String { "Open Badges 3.0 credential, JSON-LD (VCDM 2.0; reads 1.1 too)" }

    public func recognise(_ document: InputDocument, limits: JSONLimits) -> Recognition? {
        guard case .json(.object(let o)) = document else { return nil }
        let types = o["type"].map(JSONValue.strings) ?? []
        guard let kind = types.first(where: OpenBadgesRecognition.credentialTypes.contains) else { return nil }
        let contexts = o["@context"].map(JSONValue.strings) ?? []
        return .recognised(detail: ([kind] + OpenBadgesRecognition.vcDetail(contexts)).joined(separator: ", "))
    }

    public func read(_ document: InputDocument, context: inout ReadContext) throws(Diagnostic) -> Credential {
        guard case .json(let value) = document else { throw Diagnostic(.formatMismatch, "Open Badges 3.0 JSON-LD is a JSON document") }
        return try OB3Reader().read(value, report: &context.report)
    }

    public func write(_ credential: Credential, context: inout WriteContext) throws(Diagnostic) -> [UInt8] {
        let value = try OB3Writer(options: OB3WriterOptions(context)).write(credential, report: &context.report)
        return context.serialise(value)
    }
}
