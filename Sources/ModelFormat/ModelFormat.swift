import CredconvJSON
import CredentialModel
import FormatInterface
import JSONMapping

extension FormatName {
    /// credconv's own model as JSON.
    public static let model: FormatName = "model"
}

/// credconv's internal model as JSON (`schemas/credconv-model.schema.json`), for jq and for
/// supplying what a source format cannot carry: `credconv -t model x | jq … | credconv -f model -t elm`.
public struct ModelFormat: ReadableFormat, RecordWritableFormat {
    public init() {}

    public var name: FormatName { .model }
    public var summary: String { "credconv's internal model as JSON (for jq; schemas/credconv-model.schema.json)" }

    public func recognise(_ document: InputDocument, limits: JSONLimits) -> Recognition? {
        guard case .json(.object(let o)) = document, o["provenance"] != nil, o["learner"] != nil || o["kind"] != nil else { return nil }
        return .recognised(detail: "credconv model")
    }

    public func read(_ document: InputDocument, context: inout ReadContext) throws(Diagnostic) -> Credential {
        guard case .json(let value) = document else { throw Diagnostic(.formatMismatch, "a model document is JSON") }
        var credential = try Self.decode(value)
        ReadLedger.current?.consume(.root)  // the decoder refuses any member the model does not define
        Self.neverTrustAClaimedVerification(&credential, report: &context.report)
        return credential
    }

    public func write(_ credential: Credential, context: inout WriteContext) throws(Diagnostic) -> [UInt8] {
        context.jsonWriter.bytes(try Self.encode(credential))
    }

    /// The model document of a credential.
    public static func encode(_ credential: Credential) throws(Diagnostic) -> JSONValue {
        do {
            return try JSONValueEncoder().encode(credential)
        } catch {
            throw Diagnostic(.io, "cannot encode the model: \(error)")
        }
    }

    /// A credential from its model document; faults name their JSON pointer.
    public static func decode(_ value: JSONValue) throws(Diagnostic) -> Credential {
        do {
            return try JSONValueDecoder().decode(Credential.self, from: value)
        } catch {
            let code: DiagnosticCode
            switch error.kind {
            case .typeMismatch: code = .typeMismatch
            case .missingMember: code = .missingProperty
            case .unknownMember: code = .unknownMember
            case .invalidValue: code = .invalidValue
            }
            throw Diagnostic(code, error.message + " (see schemas/credconv-model.schema.json)", at: .jsonPointer(error.pointer.description))
        }
    }

    /// A model document is data anyone can edit: a signature it says was verified was not verified here.
    static func neverTrustAClaimedVerification(_ credential: inout Credential, report: inout ConversionReport) {
        guard credential.provenance.signature?.verified == true || credential.provenance.signature?.verification != nil else { return }
        credential.provenance.signature?.verified = false
        credential.provenance.signature?.verification = nil
        report.warn(.signatureNotVerified, "the model document says its signature was verified; credconv did not verify it, so it is not", at: .jsonPointer("/provenance/signature/verified"))
    }
}
