import CredconvJSON
import CredentialModel
import FormatInterface

extension FormatName {
    /// credconv's own model as JSON.
    public static let model: FormatName = "model"
}

/// credconv's internal model as JSON, for jq and for supplying what a source format cannot carry.
public struct ModelFormat: WritableFormat {
    public init() {}

    public var name: FormatName { .model }
    public var summary: String { "credconv's internal model as JSON (for jq)" }

    public func recognise(_ document: InputDocument, limits: JSONLimits) -> Recognition? {
        guard case .json(.object(let o)) = document, o["provenance"] != nil, o["learner"] != nil else { return nil }
        return .recognised(detail: "credconv model")
    }

    public func write(_ credential: Credential, context: inout WriteContext) throws(Diagnostic) -> [UInt8] {
        do {
            return context.jsonWriter.bytes(try JSONValueEncoder().encode(credential))
        } catch {
            throw Diagnostic(.io, "cannot encode the model: \(error)")
        }
    }
}
