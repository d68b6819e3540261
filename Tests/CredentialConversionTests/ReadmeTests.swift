import CredconvTestSupport
import CredentialConversion
import Foundation
import Testing

/// The README says what the code does: its library example compiles (it is ReadmeExample.swift,
/// byte for byte) and runs, and its table of diagnostic codes is the set the sources declare.
@Suite("README in step with the code")
struct ReadmeTests {
    static let readme = (try? String(contentsOf: TestPaths.repository("README.md"), encoding: .utf8)) ?? ""

    @Test func libraryExampleIsTheCompiledOne() throws {
        let section = try #require(Self.readme.range(of: "## As a library"))
        let rest = Self.readme[section.upperBound...]
        let open = try #require(rest.range(of: "```swift\n"))
        let close = try #require(rest[open.upperBound...].range(of: "```\n"))
        let example = String(rest[open.upperBound..<close.lowerBound])
        let compiled = try String(contentsOf: TestPaths.repository("Tests/CredentialConversionTests/ReadmeExample.swift"), encoding: .utf8)
        #expect(example == compiled)
        let xml = try convertToEuropass([UInt8](try Data(contentsOf: TestPaths.repository("samples/ob3-microcredential.json"))))
        #expect(String(decoding: xml.prefix(5), as: UTF8.self) == "<?xml")
    }

    @Test func everyDiagnosticCodeIsDocumentedAndNoOther() throws {
        let declared = try Self.declaredCodes()
        #expect(declared.count > 30)
        let documented = Set(Self.readme.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `"), let end = line.dropFirst(3).firstIndex(of: "`") else { return nil }
            let code = String(line[line.index(line.startIndex, offsetBy: 3)..<end])
            return code.contains(".") ? code : nil
        })
        #expect(declared.subtracting(documented).sorted() == [], "codes in the sources the README does not list")
        #expect(documented.subtracting(declared).sorted() == [], "codes in the README the sources do not declare")
    }

    /// Every `static let name: Self = "family.name"` in an extension of DiagnosticCode under Sources/.
    static func declaredCodes() throws -> Set<String> {
        var codes = Set<String>()
        let sources = TestPaths.repository("Sources")
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            guard text.contains("extension DiagnosticCode") else { continue }
            for line in text.split(separator: "\n") where line.contains(": Self = \"") {
                let parts = line.split(separator: "\"")
                if parts.count >= 2 { codes.insert(String(parts[1])) }
            }
        }
        return codes
    }
}
