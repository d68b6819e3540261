import CredconvJSON
import JSONMapping
import OpenBadges

/// Detects a credential format from the content of the input (never from a file name).
public struct FormatDetector: Sendable {
    public var jsonLimits: JSONLimits

    public init(jsonLimits: JSONLimits = .default) { self.jsonLimits = jsonLimits }

    /// Detects the format of `bytes`.
    /// - Throws: ``ConversionError`` of kind `.data` for empty, unparsable or unknown input.
    public func detect(_ bytes: [UInt8]) throws(ConversionError) -> DetectedInput {
        let trimmed = bytes.trimmingASCIIWhitespace()
        guard let first = trimmed.first else { throw ConversionError(.data, "empty input: no credential", at: .position(line: 1, column: 1)) }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            return DetectedInput(format: .png, detail: "PNG image", document: .bytes(bytes))
        }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            let value: JSONValue
            do { value = try JSONParser(limits: jsonLimits).parse(bytes) } catch { throw ConversionError(error) }
            return try classify(json: value)
        }
        if first == UInt8(ascii: "<") {
            return try classify(markup: bytes)
        }
        if CompactJWS.looksLikeCompactJWS(bytes) {
            let text = String(decoding: trimmed, as: UTF8.self)
            return try classify(jws: text)
        }
        throw ConversionError(.data, "no credential format credconv knows: the input is not JSON, XML, a JWS or an image", at: .position(line: 1, column: 1))
    }

    /// Classifies a parsed JSON document.
    public func classify(json value: JSONValue) throws(ConversionError) -> DetectedInput {
        switch value {
        case .array(let items):
            if items.contains(where: { Self.looksLikeOB2($0) }) {
                let legacy = items.contains { Self.strings($0.objectValue?["@context"]).contains { $0.hasSuffix("w3id.org/openbadges/v1") } }
                return DetectedInput(format: .ob2, detail: "Open Badges \(legacy ? "1.1" : "2.0") documents (\(items.count))", document: .json(value))
            }
        case .object(let o):
            let types = Self.strings(o["type"])
            let contexts = Self.strings(o["@context"])
            if types.contains("OpenBadgeCredential") || types.contains("AchievementCredential") || types.contains("EndorsementCredential") {
                let kind = types.first { $0 != "VerifiableCredential" } ?? "OpenBadgeCredential"
                return DetectedInput(format: .ob3, detail: ([kind] + Self.vcDetail(contexts)).joined(separator: ", "), document: .json(value))
            }
            if types.contains("ClrCredential") {
                throw ConversionError(.data, "CLR 2.0 credentials are not supported yet", at: .jsonPointer("/type"))
            }
            if types.contains("EuropeanDigitalCredential") || contexts.contains(where: { $0.hasPrefix("http://data.europa.eu/snb/model/context") || $0.hasPrefix("https://data.europa.eu/snb/model/context") }) {
                return DetectedInput(format: .elm, detail: "ELM v3 EuropeanDigitalCredential", document: .json(value))
            }
            if o["payload"] != nil && o["signatures"] != nil {
                return DetectedInput(format: .elm, detail: "JAdES-sealed JSON (ELM v3 envelope)", document: .json(value))
            }
            if Self.looksLikeOB2(value) {
                let version = contexts.contains { $0.hasSuffix("w3id.org/openbadges/v1") } ? "1.1" : "2.0"
                return DetectedInput(format: .ob2, detail: "Open Badges \(version) \(types.first ?? "Assertion")", document: .json(value))
            }
            if o["provenance"] != nil && o["learner"] != nil {
                return DetectedInput(format: .model, detail: "credconv model", document: .json(value))
            }
            if types.contains("VerifiableCredential") {
                throw ConversionError(.data, "a Verifiable Credential of a type credconv does not know (\(types.joined(separator: ", ")))", at: .jsonPointer("/type"))
            }
        default: break
        }
        throw ConversionError(.data, "no credential format credconv knows: a JSON \(value.typeName) with no Open Badges or Europass type or context", at: .jsonPointer(""))
    }

    private func classify(jws text: String) throws(ConversionError) -> DetectedInput {
        let jws: CompactJWS
        do { jws = try CompactJWS(text, limits: jsonLimits) } catch { throw ConversionError(error) }
        guard let payload = try? JSONParser(limits: jsonLimits).parse(jws.payload), case .object(let claims) = payload else {
            throw ConversionError(.data, "a compact JWS whose payload is not a JSON object", at: .position(line: 1, column: 1))
        }
        let alg = jws.algorithm.map { " \($0)" } ?? ""
        if claims["vc"] != nil || Self.strings(claims["type"]).contains(where: { $0.hasSuffix("Credential") }) {
            return DetectedInput(format: .ob3JWT, detail: "VC-JWT\(alg)" + (claims["vc"] != nil ? ", credential in vc claim" : ""), document: .compactJWS(text))
        }
        if Self.looksLikeOB2(payload) {
            return DetectedInput(format: .ob2, detail: "Open Badges 2.0 signed assertion (JWS\(alg))", document: .compactJWS(text))
        }
        throw ConversionError(.data, "a compact JWS whose payload is no credential credconv knows", at: .position(line: 1, column: 1))
    }

    private func classify(markup bytes: [UInt8]) throws(ConversionError) -> DetectedInput {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        if head.contains("europassCredential") || head.contains("verifiablePresentation") {
            let version = head.contains("_1.2.xsd") ? "schema 1.2" : head.contains("_1.1.xsd") ? "schema 1.1"
                : head.contains("genericschema.xsd") ? "schema 1.0" : "schema version not stated"
            let wrapper = head.contains("verifiablePresentation") ? ", in a verifiable presentation" : ""
            return DetectedInput(format: .elmXML, detail: "Europass ELM v2 credential XML, \(version)\(wrapper)", document: .bytes(bytes))
        }
        let lower = head.lowercased()
        if lower.hasPrefix("<!doctype html") || lower.hasPrefix("<html") || (lower.contains("<html") && !lower.hasPrefix("<svg") && !lower.hasPrefix("<?xml")) {
            let certificate = String(decoding: bytes, as: UTF8.self).contains("id=\"credconv-credential\"")
            return DetectedInput(format: .html, detail: certificate ? "credconv HTML certificate" : "HTML document", document: .bytes(bytes))
        }
        if head.contains("<svg") {
            return DetectedInput(format: .svg, detail: "SVG image", document: .bytes(bytes))
        }
        throw ConversionError(.data, "no credential format credconv knows: XML with an unknown root", at: .position(line: 1, column: 1))
    }

    static func looksLikeOB2(_ value: JSONValue) -> Bool {
        guard case .object(let o) = value else { return false }
        let contexts = strings(o["@context"])
        if contexts.contains(where: { $0.hasPrefix("https://w3id.org/openbadges/v") || $0.hasPrefix("http://w3id.org/openbadges/v") }) {
            return true
        }
        let types = strings(o["type"])
        if types.contains("Assertion") || types.contains("BadgeClass") { return true }
        return o["recipient"] != nil && o["badge"] != nil
    }

    static func strings(_ v: JSONValue?) -> [String] {
        switch v {
        case .string(let s)?: return [s]
        case .array(let a)?: return a.compactMap(\.stringValue)
        default: return []
        }
    }

    static func vcDetail(_ contexts: [String]) -> [String] {
        var out: [String] = []
        if contexts.first == "https://www.w3.org/ns/credentials/v2" { out.append("VCDM 2.0") }
        if contexts.first == "https://www.w3.org/2018/credentials/v1" { out.append("VCDM 1.1") }
        if let ob = contexts.first(where: { OB3Vocabulary.isOBContext($0) }) {
            out.append("OB context \(OB3Vocabulary.obContextVersion(ob))")
        }
        return out
    }
}
