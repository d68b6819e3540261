import CredconvJSON
import CredconvTestSupport
import CredentialConversion
import Foundation
import Testing

/// The oracle of "nothing lost silently": the generated model with every property set (ModelSampler, so
/// a new property cannot be forgotten) goes through every format credconv writes and reads back.
@Suite("Every property of the model survives every format or is reported")
struct FullModelOracleTests {
    static var writableAndReadable: [FormatName] {
        let registry = CredconvFormats.registry
        return registry.writableNames.filter { registry.reader(named: $0) != nil }
    }

    static func write(_ format: FormatName) throws -> (model: Credential, bytes: [UInt8], report: ConversionReport) {
        var model = ModelSampler.make().credential
        var options = ConversionOptions(to: format)
        options.pageImage = .none
        if format == .eudiLearningCredential {
            // A Learning Credential is written signed only, bound to a holder key.
            let key = try SigningKey.generate(.p256)
            options.signing = SigningRequest(key: key, form: .learningCredential)
            options.formatOptions[HolderKeyOption.self] = try SigningKey.generate(.p256).publicKey.jwk
            // The type needs the level as an EQF number; the sampler's concepts are generic IRIs.
            model.achievement?.eqfLevel = EUVocabulary.eqfLevel(6)
        }
        var report = ConversionReport()
        let bytes = try Converter().write(model, options: options, input: [], report: &report)
        return (model, bytes, report)
    }

    /// Whatever differs after read(write(model)) is named in the write's report, by its model path or a
    /// path above it; and the output always reads back.
    @Test(arguments: writableAndReadable)
    func everyFieldSurvivesOrIsReported(_ format: FormatName) throws {
        let (model, bytes, report) = try Self.write(format)
        #expect(!report.warnings.contains { $0.code == .lossCheckFailed })
        var readReport = ConversionReport()
        let back: Credential
        if let (record, _) = try Converter().readRecordIfAny(bytes, options: ConversionOptions(to: .model), report: &readReport) {
            // A learner record (CLR) read as one credential: its achievements combined again.
            back = record.combined(report: &readReport)
        } else {
            back = try Converter().read(bytes, options: ConversionOptions(to: .model), report: &readReport).0
        }
        let differences = ModelDifference.paths(try ModelFormat.encode(model), try ModelFormat.encode(back))
            .filter { !$0.hasPrefix("provenance") && !$0.hasSuffix("sourcePath") && !$0.contains("extensions.") }
        let named = report.diagnostics.compactMap { d -> String? in
            if case .modelPath(let p)? = d.location { return ModelDifference.normalised(p) }
            return nil
        }
        let silent = differences.filter { d in !named.contains { d == $0 || d.hasPrefix($0 + ".") || $0.isEmpty } }
        #expect(silent == [], "\(format): \(silent.count) fields changed or vanished with no report:\n\(silent.joined(separator: "\n"))")
        #expect(differences.count < ModelDifference.leafCount(try ModelFormat.encode(model)), "\(format) keeps some of the model")
    }

    /// A kept source property of a family no writer has is reported by every writer at its source place
    /// (the model document carries them all, by family).
    @Test(arguments: writableAndReadable.filter { $0 != .model })
    func everyForeignKeptFieldIsReportedWhereItCameFrom(_ format: FormatName) throws {
        let (model, _, report) = try Self.write(format)
        let kept = ModelDifference.leafPaths(try ModelFormat.encode(model)).filter { $0.contains(".extensions.sample-family.") || $0.hasPrefix("extensions.sample-family.") }
        #expect(kept.count > 20)
        let reported = Set(report.lost.filter { $0.code == .foreignExtension }.compactMap { d -> String? in
            if case .modelPath(let p)? = d.location { return ModelDifference.normalised(p) }
            return nil
        })
        let silent = kept.filter { !reported.contains($0) }
        #expect(silent == [], "\(format): kept fields neither written nor reported:\n\(silent.joined(separator: "\n"))")
    }
}

/// Paths at which two model documents differ, written independently of the converter's walker.
enum ModelDifference {
    /// `a.b[0].c` and `a.b.0.c` alike: dots only.
    static func normalised(_ path: String) -> String {
        path.replacingOccurrences(of: "[", with: ".").replacingOccurrences(of: "]", with: "")
    }

    static func paths(_ a: JSONValue, _ b: JSONValue, at path: String = "") -> [String] {
        func join(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
        switch a {
        case .object(let x):
            let y = b.objectValue ?? JSONObject()
            return x.members.flatMap { paths($0.value, y[$0.key] ?? .null, at: join($0.key)) }
        case .array(let x):
            // An element found anywhere in the read-back counts as kept (writers may reorder); else it is
            // compared with the element of the same id (a reader may add elements before it), else with
            // the element at the same place.
            let y = b.arrayValue ?? []
            return x.enumerated().flatMap { i, v in
                if y.contains(where: { paths(v, $0).isEmpty }) { return [String]() }
                let sameId = v.objectValue?["id"].flatMap { id in y.first { $0.objectValue?["id"] == id } }
                return paths(v, sameId ?? (i < y.count ? y[i] : .null), at: join(String(i)))
            }
        case .null:
            return []
        default:
            if a == b { return [] }
            if case .string(let s) = a, case .string(let t) = b, let x = ISODateText.dateTime(s), x == ISODateText.dateTime(t) { return [] }
            return [path]
        }
    }

    static func leafPaths(_ v: JSONValue, at path: String = "") -> [String] {
        func join(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
        switch v {
        case .object(let o): return o.members.flatMap { leafPaths($0.value, at: join($0.key)) }
        case .array(let a): return a.enumerated().flatMap { leafPaths($0.element, at: join(String($0.offset))) }
        default: return [path]
        }
    }

    static func leafCount(_ v: JSONValue) -> Int { leafPaths(v).count }
}
