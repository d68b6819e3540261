import CredconvJSON
import CredconvTestSupport
import CredentialConversion
import Foundation
import Testing

/// Whatever a field of the input holds, what credconv writes validates: every text of the sample
/// credential, one at a time, replaced by values no schema takes in most places (an empty text, a
/// date that is no day, a control character, a negative number as text), converted to Open Badges 3.0 and to
/// Europass XML, and both checked with the official schemas (python jsonschema, xmllint). What a
/// target cannot take is reported, never written.
@Suite("Outputs stay valid whatever the input values", .enabled(if: TestPaths.referenceAvailable, "../shared/reference is absent: skipped"))
struct BadValuesOutputTests {
    static let values: [JSONValue] = [
        .string(""), .string("x"), .string("2024-02-30"), .string("a\u{1}b"), .string("-1"),
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
        try Self.convertAndValidate(mutants.map { ($0.what, JSONWriter(style: .compact).bytes($0.document)) })
    }

    /// The Europass XML sample with each text made `x`, and each attribute value (namespace
    /// declarations aside) emptied or made `x`: a `lang` that is no language tag, an identifier
    /// reference to nothing, a code that is no code.
    @Test func europassInputsGiveValidOutputs() throws {
        let sample = try String(contentsOf: TestPaths.repository("samples/elm-microcredential.xml"), encoding: .utf8)
        var mutants: [(String, [UInt8])] = []
        let texts = try Regex(#">([^<>]*[^<>\s][^<>]*)<"#)
        let attributes = try Regex(#"\s([\w:.-]+)="([^"]*)""#)
        for match in sample.matches(of: texts) {
            guard let range = match.output[1].range else { continue }
            mutants.append(("text \(sample[range].prefix(30)) = x", Array(sample.replacingCharacters(in: range, with: "x").utf8)))
        }
        for match in sample.matches(of: attributes) {
            guard let name = match.output[1].substring, !name.hasPrefix("xmlns"), let range = match.output[2].range else { continue }
            for value in ["", "x"] { mutants.append(("\(name)=\(sample[range].prefix(30)) = \(value)", Array(sample.replacingCharacters(in: range, with: value).utf8))) }
        }
        #expect(mutants.count > 250)
        try Self.convertAndValidate(mutants, minimumShare: 0.8)
    }

    /// Converts each input to ob3 and elm-xml and checks every output with the official schemas;
    /// an input the reader refuses (a required value gone) has nothing to check.
    static func convertAndValidate(_ inputs: [(what: String, bytes: [UInt8])], minimumShare: Double = 0.9) throws {
        let folder = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var ob3Files: [URL] = [], xmlFiles: [URL] = []
        var names: [String: String] = [:]
        for (i, input) in inputs.enumerated() {
            for (format, ext) in [(FormatName.ob3, "json"), (.elmXML, "xml")] {
                guard let output = try? Converter().convert(input.bytes, options: ConversionOptions(to: format)) else { continue }
                let file = folder.appendingPathComponent("m\(i).\(ext)")
                try Data(output.bytes).write(to: file)
                names[file.lastPathComponent] = input.what
                if format == .ob3 { ob3Files.append(file) } else { xmlFiles.append(file) }
            }
        }
        #expect(Double(ob3Files.count) > Double(inputs.count) * minimumShare)
        #expect(Double(xmlFiles.count) > Double(inputs.count) * minimumShare)
        func name(_ line: Substring) -> String {
            let file = line.split(separator: ":").first.map { String($0.split(separator: "/").last ?? "") } ?? ""
            return names[file] ?? file
        }
        if Oracle.available("jsonschema") {
            let check = try Oracle.check("ob3-schema-check.py", ob3Files)
            for failure in check.stdoutText.split(separator: "\n").filter({ $0.contains(": ") && !$0.contains(" valid, ") }).prefix(20) {
                Issue.record("\(name(failure)): \(failure)")
            }
            #expect(check.status == 0)
        }
        if let check = try Oracle.europassXMLSchemaCheck(xmlFiles) {
            for line in check.stderr.split(separator: "\n").filter({ $0.contains("validity error") }).prefix(20) {
                Issue.record("\(name(line)): \(line)")
            }
            #expect(check.status == 0)
        }
    }
}
