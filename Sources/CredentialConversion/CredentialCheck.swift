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
        /// The elements of the credential (for a learner record: of the record as one credential).
        public var elements: [MicroCredentialElement]
        /// For a learner record: each of its credentials, checked on its own.
        public var parts: [Part] = []
        /// For a learner record: which achievement stacks into which (from its associations).
        public var stacks: [Stack] = []
        public var isConformant: Bool {
            parts.isEmpty ? elements.allSatisfy { !$0.isMandatory || $0.isPresent } : parts.allSatisfy(\.isConformant)
        }
    }

    /// One credential of a learner record and its elements.
    public struct Part: Sendable {
        /// Its position in the record (0-based), its id and name.
        public var index: Int
        public var id: String?
        public var name: String
        public var elements: [MicroCredentialElement]
        public var isConformant: Bool { elements.allSatisfy { !$0.isMandatory || $0.isPresent } }
    }

    /// An achievement that counts towards a larger one: `part` stacks into `whole`.
    public struct Stack: Sendable, Equatable {
        public var part: String
        public var whole: String
        /// The association it comes from (`isPartOf`, `isParentOf` read the other way, `isChildOf`).
        public var association: String
    }

    public init() {}

    /// Reads the credential and lists the profile's elements.
    public func check(_ bytes: [UInt8], profile: Profile, options: ConversionOptions) throws(Diagnostic) -> Result {
        var report = ConversionReport()
        if profile != .eudiLearningCredential, let (record, format) = try Converter().readRecordIfAny(bytes, options: options, report: &report) {
            return Self.check(record, format: format, profile: profile, options: options)
        }
        let (credential, input) = try Converter().read(bytes, options: options, report: &report)
        if profile == .eudiLearningCredential {
            return Result(format: input.format, profile: profile, elements: Self.learningCredentialElements(credential, options: options))
        }
        var elements = MicroCredentialElements.of(credential, preferring: [options.language].compactMap { $0 })
        if profile == .edc { elements += Self.edcElements(credential) }
        return Result(format: input.format, profile: profile, elements: elements)
    }

    /// A learner record: the Annex I elements of each of its credentials, and what stacks into what.
    static func check(_ record: LearnerRecord, format: FormatName, profile: Profile, options: ConversionOptions) -> Result {
        let languages = [options.language].compactMap { $0 }
        var scratch = ConversionReport()
        var result = Result(format: format, profile: profile, elements: MicroCredentialElements.of(record.combined(report: &scratch), preferring: languages))
        var names: [String: String] = [:]
        for (i, entry) in record.entries.enumerated() {
            let c = entry.credential
            var elements = MicroCredentialElements.of(c, preferring: languages)
            if profile == .edc { elements += edcElements(c) }
            let name = (c.achievement?.name ?? c.name)?.best(preferring: languages) ?? c.id ?? "credential \(i + 1)"
            if let id = c.achievement?.id { names[id] = name }
            result.parts.append(Part(index: i, id: c.id, name: name, elements: elements))
        }
        for a in record.achievements { if let id = a.id, let name = a.name { names[id] = name.best(preferring: languages) } }
        func label(_ id: String) -> String { names[id].map { "\($0) (\(id))" } ?? id }
        for association in record.associations {
            switch association.kind {
            case .isPartOf, .isChildOf:
                result.stacks.append(Stack(part: label(association.sourceId), whole: label(association.targetId), association: association.kind.rawValue))
            case .isParentOf:
                result.stacks.append(Stack(part: label(association.targetId), whole: label(association.sourceId), association: association.kind.rawValue))
            default: continue
            }
        }
        return result
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
        o.set("elements", .array(result.elements.map(elementJSON)))
        if !result.parts.isEmpty {
            o.set("credentials", .array(result.parts.map { p in
                var x = JSONObject()
                x.set("index", .integer(p.index))
                x.set("id", p.id.map(JSONValue.string) ?? .null)
                x.set("name", .string(p.name))
                x.set("conformant", .bool(p.isConformant))
                x.set("elements", .array(p.elements.map(elementJSON)))
                return .object(x)
            }))
            o.set("stacks", .array(result.stacks.map { s in
                .object(JSONObject(["part": .string(s.part), "whole": .string(s.whole), "association": .string(s.association)]))
            }))
        }
        return .object(o)
    }

    static func elementJSON(_ e: MicroCredentialElement) -> JSONValue {
        var x = JSONObject()
        x.set("name", .string(e.name))
        x.set("label", .string(e.label))
        x.set("mandatory", .bool(e.isMandatory))
        x.set("present", .bool(e.isPresent))
        x.set("value", e.value.map(JSONValue.string) ?? .null)
        x.set("modelPath", .string(e.modelPath))
        return .object(x)
    }

    /// The verdict as text, one element per line.
    public static func text(_ result: Result, inputName: String) -> String {
        guard result.parts.isEmpty else { return recordText(result, inputName: inputName) }
        var lines = ["\(inputName) (\(result.format.rawValue)): \(result.profile.rawValue)"]
        lines += elementLines(result.elements)
        return lines.joined(separator: "\n") + "\n"
    }

    /// A learner record's verdict: each credential's elements, then the stacks.
    static func recordText(_ result: Result, inputName: String) -> String {
        var lines = ["\(inputName) (\(result.format.rawValue)): \(result.profile.rawValue), a learner record of \(result.parts.count) credential\(result.parts.count == 1 ? "" : "s")"]
        for p in result.parts {
            lines.append("credential \(p.index + 1): \(p.name)\(p.id.map { " (\($0))" } ?? "")")
            lines += elementLines(p.elements).map { "  " + $0 }
        }
        lines.append(result.stacks.isEmpty ? "stacking: the record says nothing of what stacks into what" : "stacking:")
        for s in result.stacks { lines.append("  \(s.part) stacks into \(s.whole) [\(s.association)]") }
        let good = result.parts.filter(\.isConformant).count
        lines.append("\(good) of \(result.parts.count) credentials hold every mandatory element" + (result.isConformant ? "" : " — not conformant"))
        return lines.joined(separator: "\n") + "\n"
    }

    static func elementLines(_ elements: [MicroCredentialElement]) -> [String] {
        var lines: [String] = []
        for e in elements {
            let mark = e.isPresent ? "present" : (e.isMandatory ? "MISSING" : "absent ")
            let value = e.value.map { v in v.count > 100 ? String(v.prefix(99)) + "…" : v }.map { ": " + $0.replacingOccurrences(of: "\n", with: " ") } ?? ""
            lines.append("  \(mark)  \(e.label)\(e.isMandatory ? "" : " (optional)")\(value)")
        }
        let mandatory = elements.filter(\.isMandatory)
        let optional = elements.filter { !$0.isMandatory }
        let conformant = mandatory.allSatisfy(\.isPresent)
        lines.append("mandatory: \(mandatory.filter(\.isPresent).count) of \(mandatory.count) present; optional: \(optional.filter(\.isPresent).count) of \(optional.count)"
                     + (conformant ? "" : " — not conformant"))
        return lines
    }
}
