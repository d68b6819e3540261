import BakedImages
import CredconvJSON
import CredentialModel
import CredentialVerification
import DataIntegrity
import FormatInterface
import JSONMapping
import SDJWT
import EUDILearningCredential

/// What verifying one credential found: the report and, when the input could be read, the credential
/// (with "verified" in its provenance only when the report says so).
public struct VerifiedCredential: Sendable {
    public var report: VerificationReport
    /// The credential as read, or nil with ``readError`` when it could not be read.
    public var credential: Credential?
    /// The format it was read as.
    public var detected: DetectedInput?
    /// What reading it reported.
    public var readReport: ConversionReport
    /// Why it could not be read.
    public var readError: Diagnostic?

    /// The error when the input carries no proof credconv checks and is no credential either: invalid
    /// input (exit 65), not a verdict.
    public var invalidInput: Diagnostic? {
        report.firstFailure?.code == .proofPresent ? readError : nil
    }
}

/// Finds the proof an input carries and verifies it: a compact JWS (VC-JWT, VC-JOSE-COSE, OB 2.0 signed
/// assertion), also inside a baked PNG/SVG or a presentation. Other proofs are reported, not verified.
public struct CredentialVerifier: Sendable {
    public var formats: FormatRegistry

    public init(formats: FormatRegistry = CredconvFormats.registry) { self.formats = formats }

    /// Verifies every credential of an input (a presentation holds several).
    public func verifyEach(_ bytes: [UInt8], options: ConversionOptions, verification: VerificationOptions) throws(Diagnostic) -> [VerifiedCredential] {
        if bytes.count > options.jsonLimits.maxBytes {
            throw Diagnostic(.limitExceeded, "input larger than \(options.jsonLimits.maxBytes) bytes")
        }
        return try formats.records(bytes, limits: options.jsonLimits).map { record in
            verify(record, options: options, verification: verification)
        }
    }

    /// Verifies one record, then reads it into the model.
    func verify(_ record: InputRecord, options: ConversionOptions, verification: VerificationOptions) -> VerifiedCredential {
        var verification = verification
        verification.linkedDocuments += options.linkedDocuments
        verification.jsonLimits = options.jsonLimits
        verification.mandatoryClaims[LearningCredentialType.vct] = verification.mandatoryClaims[LearningCredentialType.vct] ?? LearningCredentialType.mandatoryClaimNames
        let report: VerificationReport
        switch signedForm(record) {
        case .sdJWT(let text, let carrier):
            var r = SDJWTCredentialVerifier(options: verification).verify(sdJWT: text)
            r.checks.insert(.pass(.proofPresent, "an SD-JWT\(carrier)"), at: 0)
            report = r
        case .jws(let text, let carrier):
            var r = JWSCredentialVerifier(options: verification).verify(compactJWS: text)
            r.checks.insert(.pass(.proofPresent, "a compact JWS\(carrier)"), at: 0)
            report = r
        case .dataIntegrity(let document, let carrier):
            var r = DataIntegrityCredentialVerifier(options: verification).verify(document: document)
            r.checks.insert(.pass(.proofPresent, "embedded Data Integrity proof\(carrier)"), at: 0)
            report = r
        case .other(let proof, let why):
            var r = VerificationReport(proof: proof)
            r.checks.append(.fail(.proofPresent, why))
            report = r
        }
        var readReport = ConversionReport()
        var result = VerifiedCredential(report: report, readReport: readReport)
        do throws(Diagnostic) {
            var (credential, detected) = try Converter(formats: formats).read(record, options: options, report: &readReport)
            if report.verified, let key = report.key {
                if credential.provenance.signature == nil { credential.provenance.signature = SignatureInfo(kind: .jws, detail: report.proof) }
                credential.provenance.signature?.verified = true
                credential.provenance.signature?.verification = "verified by credconv \(CredconvInfo.version) with key \(key.id ?? key.thumbprint) (\(key.type), from \(key.origin)) at \(ISOInstant.text(verification.at))"
            }
            result.credential = credential
            result.detected = detected
            result.readReport = readReport
        } catch {
            result.readError = error
        }
        return result
    }

    enum SignedForm {
        /// A compact SD-JWT (issuer JWT, disclosures, key binding), and where it was found.
        case sdJWT(String, carrier: String)
        /// A compact JWS, and where it was found (`, baked in the PNG image …`).
        case jws(String, carrier: String)
        /// A JSON document with embedded Data Integrity proofs.
        case dataIntegrity(JSONObject, carrier: String)
        /// No JWS: what proof there is, and why it is not verified.
        case other(proof: String, why: String)
    }

    /// The JWS a record carries, looking into baked images; else what it carries instead.
    func signedForm(_ record: InputRecord) -> SignedForm {
        if case .compactJWS(let text)? = record.document { return .jws(text, carrier: record.wrappers.last.map { " taken out of a \($0)" } ?? "") }
        let bytes = record.bytes
        if CompactSDJWT.looksLikeSDJWT(bytes) {
            return .sdJWT(String(decoding: bytes.trimmingASCIIWhitespace(), as: UTF8.self), carrier: record.wrappers.last.map { " taken out of a \($0)" } ?? "")
        }
        if CompactJWS.looksLikeCompactJWS(bytes) {
            return .jws(String(decoding: bytes.trimmingASCIIWhitespace(), as: UTF8.self), carrier: record.wrappers.last.map { " taken out of a \($0)" } ?? "")
        }
        if bytes.starts(with: PNGImage.signature) || isSVG(bytes) {
            let kind = bytes.starts(with: PNGImage.signature) ? "PNG" : "SVG"
            let payload: BakedPayload?
            do { payload = kind == "PNG" ? try PNGBaking.unbake(bytes) : try SVGBaking.unbake(bytes) } catch {
                return .other(proof: "\(kind) image", why: "a corrupt \(kind) image: \(error.message)")
            }
            guard let payload else { return .other(proof: "\(kind) image", why: "no baked badge in this \(kind) image") }
            let inner = Array(payload.text.utf8)
            if CompactJWS.looksLikeCompactJWS(inner) {
                return .jws(String(decoding: inner.trimmingASCIIWhitespace(), as: UTF8.self), carrier: ", baked in the \(kind) image (\(payload.location))")
            }
            return jsonProof(inner, carrier: " baked in the \(kind) image")
        }
        if case .json(let value)? = record.document { return jsonProof(value, carrier: "") }
        return jsonProof(bytes, carrier: "")
    }

    private func jsonProof(_ bytes: [UInt8], carrier: String) -> SignedForm {
        guard let first = bytes.trimmingASCIIWhitespace().first else { return .other(proof: "none", why: "empty input") }
        if first == UInt8(ascii: "<") {
            let text = String(decoding: bytes.prefix(1 << 20), as: UTF8.self)
            if text.contains("Signature") && text.contains("http://www.w3.org/2000/09/xmldsig#") {
                return .other(proof: "XAdES seal", why: "a Europass XAdES seal\(carrier): credconv verifies JWS proofs only (an EU seal needs the EU DSS validator, its trust lists and timestamps)")
            }
            return .other(proof: "none", why: "the document\(carrier) carries no signature credconv checks")
        }
        guard let value = try? JSONParser().parse(bytes) else { return .other(proof: "none", why: "the input\(carrier) is no JSON credential") }
        return jsonProof(value, carrier: carrier)
    }

    private func jsonProof(_ value: JSONValue, carrier: String) -> SignedForm {
        guard case .object(let o) = value else { return .other(proof: "none", why: "the document\(carrier) carries no proof") }
        if let proof = o["proof"] {
            let proofs = DataIntegrityProof.proofs(of: o)
            if proofs.contains(where: { $0.type == "DataIntegrityProof" || Cryptosuite.of($0) != nil }) {
                return .dataIntegrity(o, carrier: carrier)
            }
            let first = proof.arrayValue?.first ?? proof
            let name = [first.objectValue?["type"]?.stringValue, first.objectValue?["cryptosuite"]?.stringValue].compactMap { $0 }.joined(separator: " ")
            return .other(proof: name.isEmpty ? "embedded proof" : name, why: "an embedded \(name.isEmpty ? "" : name + " ")proof\(carrier): credconv verifies JWS proofs (VC-JWT, OB 2.0 signed assertions) and Data Integrity proofs (DataIntegrityProof with eddsa-rdfc-2022, ecdsa-rdfc-2019, eddsa-jcs-2022 or ecdsa-jcs-2019; Ed25519Signature2020)")
        }
        if o["verification"]?.objectValue?["type"]?.stringValue.map({ $0.lowercased() == "hosted" || $0.lowercased() == "hostedbadge" }) == true {
            return .other(proof: "hosted assertion", why: "a hosted Open Badges 2.0 assertion\(carrier): it is verified by fetching it from its id, which credconv never does")
        }
        if o["payload"] != nil && o["signatures"] != nil {
            return .other(proof: "JWS JSON serialisation", why: "a JWS in JSON serialisation\(carrier) (a JAdES seal): credconv verifies compact JWS only")
        }
        return .other(proof: "none", why: "the credential\(carrier) carries no signature (no JWS, no proof)")
    }

    private func isSVG(_ bytes: [UInt8]) -> Bool {
        bytes.trimmingASCIIWhitespace().first == UInt8(ascii: "<") && bytes.prefix(4096).containsASCII("<svg")
    }
}
