import CredconvJSON
import CredentialModel
import FormatInterface

/// `credconv check`: which elements a profile wants a credential holds, read from any format.
public struct CredentialCheck: Sendable {
    /// What a credential is checked for.
    public enum Profile: String, Sendable, CaseIterable {
        /// Annex I of the Council Recommendation on micro-credentials: 11 mandatory and 5 optional elements.
        case euMicrocredential = "eu-microcredential"
        /// Annex I, plus what the EDC shapes require of the data before a Europass credential is issued.
        case edc
        /// What JSON-LD processing drops from the document (``JSONLDCheck``): not an element list.
        case jsonld
        /// The claims of the EUDI Wallet's Learning Credential (SD-JWT VC), mandatory and optional.
        case eudiLearningCredential = "eudi-lc"
    }

    /// The verdict: every element with its value, and whether all mandatory ones are present.
    public struct Result: Sendable {
        public var format: FormatName
        public var profile: Profile
        public var elements: [MicroCredentialElement]
        public var isConformant: Bool { elements.allSatisfy { !$0.isMandatory || $0.isPresent } }
    }

    public init() {}

    /// Reads the credential and lists the profile's elements.
    public func check(_ bytes: [UInt8], profile: Profile, options: ConversionOptions) throws(Diagnostic) -> Result {
        var report = ConversionReport()
        let (credential, input) = try Converter().read(bytes, options: options, report: &report)
        if profile == .eudiLearningCredential {
            return Result(format: input.format, profile: profile, elements: Self.learningCredentialElements(credential, options: options))
        }
        var elements = MicroCredentialElements.of(credential, preferring: [options.language].compactMap { $0 })
        if profile == .edc { elements += Self.edcElements(credential) }
        return Result(format: input.format, profile: profile, elements: elements)
    }

    /// The Learning Credential's claims, as `-t eudi-lc` would write them (`cnf` comes from `--holder-key`,
    /// `exp` may come from `--expires`).
    static func learningCredentialElements(_ c: Credential, options: ConversionOptions) -> [MicroCredentialElement] {
        let holderKey = options.formatOptions[HolderKeyOption.self]
        let projection = LearningCredentialClaims(
            c, preferring: [options.language].compactMap { $0 }, holderKey: holderKey, expiry: options.formatOptions[ExpiryOption.self],
            makeIdentifier: { "(a urn:uuid: made when written)" })
        return LearningCredentialType.topLevelClaims.map { claim in
            var value = projection.claims[claim.name].map(Self.text)
            if claim.name == "cnf", value == nil { value = "bound when written (--holder-key FILE)" }
            let path = projection.missing.first { $0.claim == claim.name }?.modelPath ?? claim.modelPath
            return MicroCredentialElement(name: claim.name, label: claim.label, isMandatory: claim.isMandatory, value: value, modelPath: path)
        }
    }

    /// A claim value as text: strings as they are, lists joined.
    static func text(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): return s
        case .array(let a): return a.map(text).joined(separator: "; ")
        case .object: return JSONWriter(style: .compact).string(value)
        default: return value.numberText ?? JSONWriter(style: .compact).string(value)
        }
    }

    /// What the EDC shapes (edc-generic) require that Annex I does not name.
    static func edcElements(_ c: Credential) -> [MicroCredentialElement] {
        let issuer = c.issuer
        let eidas = issuer?.identifiers.first { $0.type == Identifier.Kind.eIDAS }
        let registration = issuer?.identifiers.first { $0.type == Identifier.Kind.registration }
        let eidasValue = eidas?.value ?? registration.map { "\($0.value) (the registration number, written as the eIDAS identifier)" }
        return [
            MicroCredentialElement(name: "edc-issuer-eidas", label: "EDC: eIDAS legal identifier of the issuer", isMandatory: true,
                                   value: eidasValue, modelPath: "issuer.identifiers[type=eIDASIdentifier]"),
            MicroCredentialElement(name: "edc-issuer-legal-name", label: "EDC: legal name of the issuer", isMandatory: true,
                                   value: issuer?.name.flatMap { $0.isEmpty ? nil : $0.best() }, modelPath: "issuer.name"),
            MicroCredentialElement(name: "edc-valid-from", label: "EDC: valid from", isMandatory: true,
                                   value: c.validityStart?.value, modelPath: c.validityStart?.modelPath ?? "validFrom"),
            MicroCredentialElement(name: "edc-assessment-grade", label: "EDC: a grade for each assessment", isMandatory: c.assessment != nil,
                                   value: c.assessment.map { $0.grade.map { $0.best() } } ?? "no assessment", modelPath: "assessment.grade"),
        ]
    }

    /// The verdict as JSON (for `--report json`).
    public static func json(_ result: Result, inputName: String) -> JSONValue {
        var o = JSONObject()
        o.set("input", .string(inputName))
        o.set("format", .string(result.format.rawValue))
        o.set("profile", .string(result.profile.rawValue))
        o.set("conformant", .bool(result.isConformant))
        o.set("elements", .array(result.elements.map { e in
            var x = JSONObject()
            x.set("name", .string(e.name))
            x.set("label", .string(e.label))
            x.set("mandatory", .bool(e.isMandatory))
            x.set("present", .bool(e.isPresent))
            x.set("value", e.value.map(JSONValue.string) ?? .null)
            x.set("modelPath", .string(e.modelPath))
            return .object(x)
        }))
        return .object(o)
    }

    /// The verdict as text, one element per line.
    public static func text(_ result: Result, inputName: String) -> String {
        var lines = ["\(inputName) (\(result.format.rawValue)): \(result.profile.rawValue)"]
        for e in result.elements {
            let mark = e.isPresent ? "present" : (e.isMandatory ? "MISSING" : "absent ")
            let value = e.value.map { v in v.count > 100 ? String(v.prefix(99)) + "…" : v }.map { ": " + $0.replacingOccurrences(of: "\n", with: " ") } ?? ""
            lines.append("  \(mark)  \(e.label)\(e.isMandatory ? "" : " (optional)")\(value)")
        }
        let mandatory = result.elements.filter(\.isMandatory)
        let optional = result.elements.filter { !$0.isMandatory }
        lines.append("mandatory: \(mandatory.filter(\.isPresent).count) of \(mandatory.count) present; optional: \(optional.filter(\.isPresent).count) of \(optional.count)"
                     + (result.isConformant ? "" : " — not conformant"))
        return lines.joined(separator: "\n") + "\n"
    }
}
