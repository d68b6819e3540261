import CredconvJSON
import CredentialModel
import FormatInterface
import ModelFormat

/// `credconv bundle` and `credconv split`: several credentials of one learner into one learner record,
/// and a record back into its credentials.
public struct RecordBundling: Sendable {
    public var formats: FormatRegistry

    public init(formats: FormatRegistry = CredconvFormats.registry) { self.formats = formats }

    /// The credentials of one input: a record's entries, the credentials of a wrapper (a presentation),
    /// or the credential itself; a signed one keeps its signed form.
    public func entries(of bytes: [UInt8], options: ConversionOptions, report: inout ConversionReport) throws(Diagnostic) -> [RecordEntry] {
        let converter = Converter(formats: formats)
        if let (record, _) = try converter.readRecordIfAny(bytes, options: options, report: &report) { return record.entries }
        var out: [RecordEntry] = []
        for record in try formats.records(bytes, limits: options.jsonLimits) {
            let (credential, _) = try converter.read(record, options: options, report: &report)
            out.append(RecordEntry(credential: credential, signedOriginal: credential.provenance.signature == nil ? nil : Self.signedForm(of: record)))
        }
        return out
    }

    /// A signed input as it was: JSON-LD (with its embedded proof) or a compact JWS; nil for other forms.
    static func signedForm(of record: InputRecord) -> SignedOriginal? {
        switch record.document {
        case .json(let value)?: return SignedOriginal(form: .jsonLD, text: JSONWriter(style: .compact).string(value))
        case .compactJWS(let text)?: return SignedOriginal(form: .compactJWS, text: text)
        default: return nil
        }
    }

    /// One record of the given credentials, which must be about one learner.
    /// - Parameters:
    ///   - entries: the credentials, each with the name of the input it came from (for errors).
    ///   - issuer: who compiles the record; nil leaves it to the target (a CLR takes the credentials'
    ///     issuer when they share one).
    ///   - name: the record's name.
    ///   - report: where relations between the credentials' achievements, made associations, are noted.
    /// - Throws: `data.different-learners` naming the inputs and their learners.
    public func bundle(_ entries: [(source: String, entry: RecordEntry)], issuer: Organization?, name: LocalizedString?, report: inout ConversionReport) throws(Diagnostic) -> LearnerRecord {
        guard let first = entries.first else { throw Diagnostic(.unknownInput, "nothing to bundle: no credential was given") }
        let keyed = entries.map { ($0.source, $0.entry.credential.learner.identifyingKey) }
        if let reference = keyed.first(where: { $0.1 != nil }), let other = keyed.first(where: { $0.1 != nil && $0.1 != reference.1 }) {
            let learners = Dictionary(grouping: keyed.filter { $0.1 != nil }, by: { $0.1! }).sorted { $0.key < $1.key }
                .map { "\($0.key) (\($0.value.map(\.0).joined(separator: ", ")))" }
            throw Diagnostic(.differentLearners, "a learner record is about one learner; these credentials are about \(learners.count): \(learners.joined(separator: "; ")) — \(other.0) is not about \(reference.1 ?? "")")
        }
        var record = LearnerRecord(provenance: Provenance(sourceFormat: "bundle"), entries: entries.map(\.entry))
        record.issuer = issuer
        record.name = name
        record.learner = entries.map(\.entry.credential.learner).max { score($0) < score($1) } ?? first.entry.credential.learner
        record.associateRelatedAchievements(report: &report)
        return record
    }

    /// How much a learner entry says, to pick the fullest as the record's learner.
    private func score(_ l: Learner) -> Int {
        [l.id != nil, l.fullName != nil, l.givenName != nil, l.familyName != nil, l.email != nil, l.dateOfBirth != nil].filter { $0 }.count
            + l.identifiers.count + l.identities.count
    }

    /// The credentials of an input to split: a record's entries, else the credential's achievements
    /// (`LearnerRecord.init(splitting:)`), each a credential of its own with the record's associations
    /// as relations of its achievement (`LearnerRecord.standaloneEntries(report:)`).
    public func split(_ bytes: [UInt8], options: ConversionOptions, report: inout ConversionReport) throws(Diagnostic) -> [RecordEntry] {
        let converter = Converter(formats: formats)
        if let (record, _) = try converter.readRecordIfAny(bytes, options: options, report: &report) {
            return record.standaloneEntries(report: &report)
        }
        let (credential, _) = try converter.read(bytes, options: options, report: &report)
        if credential.otherAchievements.isEmpty {
            report.warn(.nothingToDo, "the input is one credential of one achievement: nothing to split")
        }
        return LearnerRecord(splitting: credential).standaloneEntries(report: &report)
    }

    /// One credential of a split, one line: its signed original as it was when `target` is nil and it has
    /// one, else the credential written as `target` (default `ob3`), compact.
    public func write(_ entry: RecordEntry, as target: FormatName?, options: ConversionOptions, report: inout ConversionReport) throws(Diagnostic) -> [UInt8] {
        if target == nil, let original = entry.signedOriginal { return Array(original.text.utf8) }
        var out = options
        out.to = target ?? "ob3"
        out.compact = true
        if entry.credential.provenance.signature != nil {
            report.warn(.unsignedOutput, "the credential is written from the model: its signature does not carry over (without -t, split writes signed credentials as they were)")
        }
        // Identifiers the target needs are derived from the credential itself, so each split line differs.
        let seed = JSONWriter(style: .compact).bytes(try ModelFormat.encode(entry.credential))
        return try Converter(formats: formats).write(entry.credential, options: out, input: seed, report: &report)
    }
}
