import CredconvJSON
import CredconvTestSupport
import CredentialConversion
import Foundation
import Testing

/// Whatever a field of the input holds, what credconv writes validates: every text of the sample
/// credential, one at a time, replaced by values no schema takes in most places (an empty text, a
/// date that is no day, a control character, an exponent), converted to Open Badges 3.0 and to
/// Europass XML, and both checked with the official schemas (python jsonschema, xmllint). What a
/// target cannot take is reported, never written.
@Suite("Outputs stay valid whatever the input values", .enabled(if: TestPaths.referenceAvailable, "../shared/reference is absent: skipped"))
struct BadValuesOutputTests {
    static let values: [JSONValue] = [
        .string(""), .string("x"), .string("2024-02-30"), .string("a\u{1}b"), .string("-1"), .string("PT7,5H"),
    ]

    /// The sample with the string at each leaf path replaced by each value (paths of `type` and
    /// `@context` left alone: without them it is no credential).
    static func mutants() throws -> [(what: String, document: JSONValue)] {
        let sample = try JSONParser().parse([UInt8](try Data(contentsOf: TestPaths.repository("samples/ob3-microcredential.json"))))
        var out: [(String, JSONValue)] = []
        func leaves(_ v: JSONValue, _ path: [String]) -> [[String]] {
            switch v {
            case .object(let o): return o.members.flatMap { leaves($0.value, path + [$0.key]) }
            case .array(let a): return a.enumerated().flatMap { leaves($0.element, path + [String($0.offset)]) }
            case .string: return ["type", "@context"].contains(path.last ?? "") || path.contains("@context") ? [] : [path]
            default: return []
            }
        }
        for path in leaves(sample, []) {
            for value in values { out.append((path.joined(separator: "/") + " = " + JSONWriter(style: .compact).string(value), replacing(sample, at: path[...], with: value))) }
        }
        return out
    }

    static func replacing(_ v: JSONValue, at path: ArraySlice<String>, with value: JSONValue) -> JSONValue {
        guard let key = path.first else { return value }
        switch v {
        case .object(var o):
            o.set(key, replacing(o[key] ?? .null, at: path.dropFirst(), with: value))
            return .object(o)
        case .array(var a):
            let i = Int(key)!
            a[i] = replacing(a[i], at: path.dropFirst(), with: value)
            return .array(a)
        default:
            return v
        }
    }

    @Test func openBadgesAndEuropassOutputsValidate() throws {
        let mutants = try Self.mutants()
        #expect(mutants.count > 300)
        let folder = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var ob3Files: [URL] = [], xmlFiles: [URL] = []
        var names: [String: String] = [:]
        for (i, mutant) in mutants.enumerated() {
            let input = JSONWriter(style: .compact).bytes(mutant.document)
            for (format, ext) in [(FormatName.ob3, "json"), (.elmXML, "xml")] {
                // An input the reader refuses (a required value gone) has nothing to check.
                guard let output = try? Converter().convert(input, options: ConversionOptions(to: format)) else { continue }
                let file = folder.appendingPathComponent("m\(i).\(ext)")
                try Data(output.bytes).write(to: file)
                names[file.lastPathComponent] = mutant.what
                if format == .ob3 { ob3Files.append(file) } else { xmlFiles.append(file) }
            }
        }
        #expect(ob3Files.count > mutants.count * 9 / 10)
        #expect(xmlFiles.count > mutants.count * 9 / 10)
        if Oracle.available("jsonschema") {
            let check = try Oracle.check("ob3-schema-check.py", ob3Files)
            let failures = check.stdoutText.split(separator: "\n").filter { $0.contains(": ") && !$0.contains(" valid, ") }
            for failure in failures.prefix(20) {
                let file = String(failure.split(separator: ":")[0]).split(separator: "/").last.map(String.init) ?? ""
                Issue.record("\(names[file] ?? file): \(failure)")
            }
            #expect(check.status == 0)
        }
        if let check = try Oracle.europassXMLSchemaCheck(xmlFiles) {
            for line in check.stderr.split(separator: "\n").filter({ $0.contains("validity error") }).prefix(20) {
                let file = String(line.split(separator: ":")[0]).split(separator: "/").last.map(String.init) ?? ""
                Issue.record("\(names[file] ?? file): \(line)")
            }
            #expect(check.status == 0)
        }
    }
}
