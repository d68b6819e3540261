import CredconvJSON
import CredentialModel
import FormatInterface

/// The one shared walker behind "nothing lost silently": after a writer has written, the target format's
/// own reader reads the output back, and every non-empty model field that did not come back, or came
/// back different, is reported with its model path, unless a diagnostic of the writer already names it
/// (or a field above it).
///
/// So a writer cannot forget to report a field: its loss list only refines the messages. What the walker
/// leaves out, by design: the provenance and source places (`sourcePath`) describe where data came from,
/// not data; kept source properties (`extensions`) have their own accounting by format family, located
/// in the source (each writer writes its own family's and reports the others'). Date texts that name the
/// same day or instant (`2026-06-30` and `2026-06-30T00:00:00Z`) count as the same value, and so do
/// numbers written differently (`1e2` and `100`).
struct LossAccounting {
    let formats: FormatRegistry

    /// Adds to `report` what `output`, read back as `format`, does not hold of `credential`. `serialised`
    /// is the JSON tree the writer wrote `output` from, when it says so: read back without parsing again.
    func account(_ credential: Credential, writtenAs format: FormatName, output: [UInt8], serialised: JSONValue? = nil, options: ConversionOptions, report: inout ConversionReport) {
        guard format != .model, let reader = formats.reader(named: format) else { return }
        var context = ReadContext(formats: formats, jsonLimits: options.jsonLimits, xmlMaxBytes: options.xmlMaxBytes)
        context.reportsUnreadInput = false  // the read-back's own findings are not reported
        let original: JSONValue, back: JSONValue
        do throws(Diagnostic) {
            var readBack = try reader.read(try Self.document(output, serialised: serialised, options: options), context: &context)
            // Most often the output holds everything: then the models are equal but for where they came from.
            readBack.provenance = credential.provenance
            if readBack == credential { return }
            // Only what differs is encoded and walked (what both hold alike cannot be a difference).
            do {
                (original, back) = try DifferingParts.documents(credential, readBack, languageAssumed: Self.languageAssumed(in: report))
            } catch {
                throw Diagnostic(.io, "cannot encode the model: \(error)")
            }
        } catch {
            report.warn(.lossCheckFailed, "the output could not be read back to check what it lost (\(error.message)); the loss report lists only what the writer named")
            return
        }
        Self.reportDifferences(original, back, format: format, into: &report)
        if Self.holdsKeptFields(original) { accountKeptFields(of: credential, original: original, readBack: back, format: format, report: &report) }
    }

    /// The output as a document to read back: the tree it was serialised from when the writer gave it.
    static func document(_ output: [UInt8], serialised: JSONValue?, options: ConversionOptions) throws(Diagnostic) -> InputDocument {
        if let serialised { return .json(serialised) }
        return try FormatRegistry.document(output, limits: options.jsonLimits)
    }

    /// Kept source properties: each one the read-back does not hold at the same place (its own family's
    /// writer put it back) and no diagnostic names is reported where it was in the source. Only those in
    /// `original` (the parts that differ) are looked for: the others the read-back holds alike.
    func accountKeptFields(of credential: Credential, original: JSONValue, readBack back: JSONValue, format: FormatName, report: inout ConversionReport) {
        let reported = Set(report.diagnostics.compactMap(\.location))
        for (path, field) in KeptFields.collect(credential) where !reported.contains(field.source) {
            let tokens = KeptFields.tokens(path) + ["extensions", field.family, field.key]
            if KeptFields.value(at: tokens, in: original) == nil { continue }
            // A key kept several times in one family reads back as an array of its values.
            let held = KeptFields.value(at: tokens, in: back)
            if held == field.value || (held?.arrayValue?.contains(field.value) ?? false) { continue }
            report.lose(kept: field, "\(format) has no place for this \(field.family) property", writerFamily: format.rawValue)
        }
    }

    /// Reports a difference unless a diagnostic names it or a field above it; a missing subtree of which
    /// the writer named some fields is reported field by field, so only the unnamed ones are added.
    static func add(_ difference: Difference, named: NamedPaths, format: FormatName, into report: inout ConversionReport) {
        let path = normalised(difference.path)
        if named.covers(path) { return }
        if difference.written == nil, named.hasNamedBelow(path) {
            switch difference.model {
            case .object(let o):
                for m in o where !skipped(m.key) && !isEmpty(m.value) {
                    add(Difference(path: "\(difference.path).\(m.key)", model: m.value, written: nil), named: named, format: format, into: &report)
                }
                return
            case .array(let a):
                for (i, v) in a.enumerated() where !isEmpty(v) {
                    add(Difference(path: "\(difference.path)[\(i)]", model: v, written: nil), named: named, format: format, into: &report)
                }
                return
            default: break
            }
        }
        switch difference.written {
        case nil:
            report.lose(.modelPath(difference.path), "\(format) has no place for this field", code: .noPlaceInTarget)
        case let written?:
            report.lose(.modelPath(difference.path), "\(format) holds it only as \(brief(written))", code: .valueChanged)
        }
    }

    /// A field of the model that the read-back does not hold (`written` nil) or holds differently.
    struct Difference {
        var path: String
        /// What the model holds there.
        var model: JSONValue
        /// What the read-back holds there; nil when nothing.
        var written: JSONValue?
    }

    /// The highest model paths at which `a` (the model) holds something `b` (the read-back) does not.
    /// With `languageAssumed` (the writer said it wrote texts without a language in one it chose), a
    /// text without a language that comes back unchanged under a language the model's text does not
    /// have is held: only its language tag was assumed, and the writer's warning says so.
    static func differences(_ a: JSONValue, _ b: JSONValue?, at path: String = "", languageAssumed: Bool = false) -> [Difference] {
        func join(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
        func joinIndex(_ i: Int) -> String { "\(path)[\(i)]" }
        if a == b || a == .null { return [] }
        guard let b, b != .null else { return isEmpty(a) ? [] : [Difference(path: path, model: a, written: nil)] }
        switch (a, b) {
        case (.object(let x), .object(let y)):
            var out: [Difference] = []
            for m in x where !skipped(m.key) {
                if languageAssumed, m.key == LocalizedString.undetermined, y[m.key] == nil,
                   Self.heldUnderAssumedLanguage(m.value, model: x, readBack: y) { continue }
                out += differences(m.value, y[m.key], at: join(m.key), languageAssumed: languageAssumed)
            }
            return out
        case (.array(let x), .array(let y)):
            // An element the read-back holds anywhere is kept (writers may reorder); others are compared
            // with the element at the same place.
            var out: [Difference] = []
            // Linear on long lists (hostile input must not make this quadratic): the element at the same
            // place first, a search of the rest only while the lists are short.
            let searchable = x.count * y.count <= 4096
            // Which of the model's elements each read-back element holds, found once per list (at most
            // 4096 comparisons) when an element is not held at its own place.
            var holds: [[Int]]? = nil
            for (i, v) in x.enumerated() {
                if i < y.count && covers(y[i], v, languageAssumed: languageAssumed) { continue }
                guard searchable else {
                    out += differences(v, i < y.count ? y[i] : nil, at: joinIndex(i), languageAssumed: languageAssumed)
                    continue
                }
                if holds == nil { holds = y.map { held in x.indices.filter { covers(held, x[$0], languageAssumed: languageAssumed) } } }
                if holds!.contains(where: { $0.contains(i) }) { continue }
                out += differences(v, Self.counterpart(of: i, in: x, among: y, holds: holds!), at: joinIndex(i), languageAssumed: languageAssumed)
            }
            return out
        case (.string(let s), .string(let t)) where sameDate(s, t):
            return []
        case (.number(let s), .number(let t)) where sameNumber(s, t):
            return []
        default:
            return [Difference(path: path, model: a, written: b)]
        }
    }

    /// What the model's element `i`, held by no read-back element, became in the read-back list: of the
    /// elements that hold none of the model's (`holds[j]`: the model elements `y[j]` holds; those came
    /// back as they were), the one sharing most members with it, the one at the same place on a tie
    /// (writers may reorder; an element before it may not have come back); nil when none shares
    /// anything with it: then it is missing whole, not changed into another.
    static func counterpart(of i: Int, in x: [JSONValue], among y: [JSONValue], holds: [[Int]]) -> JSONValue? {
        guard case .object(let model) = x[i] else {
            guard i < y.count, holds[i].isEmpty else { return nil }
            return y[i]
        }
        var best: (index: Int, shared: Int)? = nil
        for j in y.indices where holds[j].isEmpty {
            guard case .object(let held) = y[j] else { continue }
            let shared = model.members.reduce(0) { n, m in n + (!skipped(m.key) && held[m.key] == m.value ? 1 : 0) }
            guard shared > 0 else { continue }
            if best == nil || shared > best!.shared || (shared == best!.shared && j == i) { best = (j, shared) }
        }
        return best.map { y[$0.index] }
    }

    /// True when the read-back object holds `text` under a language tag the model's object has not
    /// (a localized text's entry whose language the writer assumed).
    static func heldUnderAssumedLanguage(_ text: JSONValue, model x: JSONObject, readBack y: JSONObject) -> Bool {
        guard case .string = text else { return false }
        return y.members.contains { $0.value == text && !$0.key.hasPrefix("@") && x[$0.key] == nil }
    }

    /// True when the model document has a non-empty `extensions` anywhere (the walk for kept fields is
    /// costly, and most credentials have none).
    static func holdsKeptFields(_ v: JSONValue) -> Bool {
        switch v {
        case .object(let o): return o.contains { ($0.key == "extensions" && !isEmpty($0.value)) || holdsKeptFields($0.value) }
        case .array(let a): return a.contains(where: holdsKeptFields)
        default: return false
        }
    }

    /// True when `b` holds everything `a` holds (it may hold more: a writer may add what it derives).
    static func covers(_ b: JSONValue, _ a: JSONValue, languageAssumed: Bool) -> Bool {
        differences(a, b, languageAssumed: languageAssumed).isEmpty
    }

    /// Members that are not data (where it came from) or have their own accounting.
    static func skipped(_ key: String) -> Bool { key == "provenance" || key == "sourcePath" || key == "extensions" }

    static func isEmpty(_ v: JSONValue) -> Bool {
        switch v {
        case .null: return true
        case .string(let s): return s.isEmpty
        case .array(let a): return a.allSatisfy(isEmpty)
        case .object(let o): return o.allSatisfy { isEmpty($0.value) }
        default: return false
        }
    }

    /// Numbers written differently (`1e2` and `100`: Europass has no exponents) are the same value.
    static func sameNumber(_ s: String, _ t: String) -> Bool {
        guard let x = NumberText(s), let y = NumberText(t) else { return false }
        return x.sameValue(as: y)
    }

    static func sameDate(_ s: String, _ t: String) -> Bool {
        guard let x = ISODateText.dateTime(s), let y = ISODateText.dateTime(t) else { return false }
        return x == y || x.replacingOccurrences(of: "+00:00", with: "Z") == y.replacingOccurrences(of: "+00:00", with: "Z")
    }

    /// `a.b[0].c` and `a.b.0.c` alike; language entries `name[de]` as `name.de`.
    static func normalised(_ path: String) -> String {
        let open = UInt8(ascii: "["), close = UInt8(ascii: "]")
        guard path.utf8.contains(where: { $0 == open || $0 == close }) else { return path }
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count)
        for byte in path.utf8 where byte != close { out.append(byte == open ? UInt8(ascii: ".") : byte) }
        return String(decoding: out, as: UTF8.self)
    }

    /// A short rendering of the value the output holds instead.
    static func brief(_ v: JSONValue) -> String {
        let text = JSONWriter(style: .compact).string(v)
        return text.count > 80 ? String(text.prefix(77)) + "…" : text
    }
}

/// Every kept source property in a credential, with the model path of the value that holds it.
enum KeptFields {
    static func collect(_ credential: Credential) -> [(path: String, field: ExtensionBag.Field)] {
        var out: [(String, ExtensionBag.Field)] = []
        walk(credential, path: "", into: &out)
        return out
    }

    private static func walk(_ value: Any, path: String, into out: inout [(String, ExtensionBag.Field)]) {
        switch value {
        case let bag as ExtensionBag:
            for f in bag.fields { out.append((path, f)) }
            return
        case is String, is Bool, is Int, is Double, is JSONValue, is JSONObject, is LocalizedString, is NumberText, is Country:
            return
        case let parent as Indirect<Organization>:
            walk(parent.value, path: path, into: &out)
            return
        default:
            break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            if let wrapped = mirror.children.first { walk(wrapped.value, path: path, into: &out) }
        case .collection:
            for (i, child) in mirror.children.enumerated() { walk(child.value, path: "\(path)[\(i)]", into: &out) }
        case .struct:
            for child in mirror.children {
                guard let label = child.label else { continue }
                if label == "extensions", let bag = child.value as? ExtensionBag {
                    for f in bag.fields { out.append((path, f)) }
                } else {
                    walk(child.value, path: path.isEmpty ? label : "\(path).\(label)", into: &out)
                }
            }
        default:
            return
        }
    }

    /// `a.b[0].c` as tokens `a`, `b`, `0`, `c`.
    static func tokens(_ path: String) -> [String] {
        LossAccounting.normalised(path).split(separator: ".").map(String.init)
    }

    static func value(at tokens: [String], in document: JSONValue) -> JSONValue? {
        var current: JSONValue? = document
        for t in tokens {
            switch current {
            case .object(let o)?: current = o[t]
            case .array(let a)?:
                guard let i = Int(t), i < a.count else { return nil }
                current = a[i]
            default: return nil
            }
        }
        return current
    }
}

/// The model paths diagnostics name, for asking in constant time per path step whether a path or one
/// above it is named, and whether anything below it is.
struct NamedPaths {
    private var named: Set<String> = []
    private var above: Set<String> = []

    init(_ paths: [String]) {
        for p in paths {
            named.insert(p)
            Self.forEachPathAbove(p) { above.insert($0).inserted }
        }
    }

    /// True when the path, or a path above it, is named (the empty path names everything).
    func covers(_ path: String) -> Bool {
        if named.contains("") || named.contains(path) { return true }
        var found = false
        Self.forEachPathAbove(path) { prefix in
            found = named.contains(prefix)
            return !found
        }
        return found
    }

    /// Calls `body` with each path above `path`, nearest first (`a.b.c`: `a.b`, then `a`), while it
    /// returns true. Found on the UTF-8 bytes: a `.` is never part of a multi-byte character.
    private static func forEachPathAbove(_ path: String, _ body: (String) -> Bool) {
        let bytes = path.utf8
        var end = bytes.endIndex
        while let dot = bytes[..<end].lastIndex(of: UInt8(ascii: ".")) {
            guard body(String(decoding: bytes[..<dot], as: UTF8.self)) else { return }
            end = dot
        }
    }

    /// True when a path below this one is named.
    func hasNamedBelow(_ path: String) -> Bool { above.contains(path) }
}

extension LossAccounting {
    /// Adds to `report` what `output` does not hold of `record`: read back as a record when the target
    /// holds records (CLR), else as the one credential the writer wrote (`LearnerRecord.combined(report:)`).
    func account(_ record: LearnerRecord, writtenAs format: FormatName, output: [UInt8], serialised: JSONValue? = nil, options: ConversionOptions, report: inout ConversionReport) {
        guard let reader = formats.format(named: format) as? any RecordReadableFormat else {
            var combining = ConversionReport()
            account(record.combined(report: &combining), writtenAs: format, output: output, serialised: serialised, options: options, report: &report)
            return
        }
        var context = ReadContext(formats: formats, jsonLimits: options.jsonLimits, xmlMaxBytes: options.xmlMaxBytes)
        context.reportsUnreadInput = false  // the read-back's own findings are not reported
        let original: JSONValue, back: JSONValue
        do throws(Diagnostic) {
            var readBack = try reader.readRecord(try Self.document(output, serialised: serialised, options: options), context: &context)
            readBack.provenance = record.provenance
            if readBack.entries.count == record.entries.count {
                for i in readBack.entries.indices { readBack.entries[i].credential.provenance = record.entries[i].credential.provenance }
            }
            if readBack == record { return }
            original = try Self.encode(record)
            back = try Self.encode(readBack)
        } catch {
            report.warn(.lossCheckFailed, "the output could not be read back to check what it lost (\(error.message)); the loss report lists only what the writer named")
            return
        }
        Self.reportDifferences(original, back, format: format, into: &report)
    }

    /// Reports every difference between a model document and its read-back that no diagnostic names.
    static func reportDifferences(_ original: JSONValue, _ back: JSONValue, format: FormatName, into report: inout ConversionReport) {
        let named = NamedPaths(report.diagnostics.compactMap { d -> String? in
            if case .modelPath(let p)? = d.location { return Self.normalised(p) }
            return nil
        })
        for difference in Self.differences(original, back, languageAssumed: languageAssumed(in: report)) {
            Self.add(difference, named: named, format: format, into: &report)
        }
    }

    /// True when the writer warned that it wrote texts without a language in one it chose.
    static func languageAssumed(in report: ConversionReport) -> Bool {
        report.diagnostics.contains { $0.code == .languageAssumed }
    }

    static func encode(_ record: LearnerRecord) throws(Diagnostic) -> JSONValue {
        do { return try JSONValueEncoder().encode(record) } catch { throw Diagnostic(.io, "cannot encode the record: \(error)") }
    }
}
