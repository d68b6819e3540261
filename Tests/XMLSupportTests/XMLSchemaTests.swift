import CredconvTestSupport
import Foundation
import Testing
import XMLSupport

@Suite("XSD validation from local files")
struct XMLSchemaTests {
    static func write(_ text: String, _ name: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    static let schema = """
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:test" xmlns="urn:test" elementFormDefault="qualified">
          <xs:element name="credential">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="issued" type="xs:date"/>
                <xs:element name="credits" type="xs:positiveInteger"/>
              </xs:sequence>
              <xs:attribute name="id" type="xs:string" use="required"/>
            </xs:complexType>
          </xs:element>
        </xs:schema>
        """

    @Test func reportsEveryViolationWithItsLine() throws {
        let dir = TestPaths.temporaryDirectory()
        let schema = try XMLSchemaSet(contentsOf: try Self.write(Self.schema, "s.xsd", in: dir))
        let doc = try XMLTree(parsing: Array("<credential xmlns=\"urn:test\">\n<issued>30/06/2024</issued>\n<credits>-3</credits>\n</credential>".utf8))
        let issues = schema.validate(doc)
        #expect(issues.count == 3)
        #expect(issues.map(\.line) == [1, 2, 3])
        #expect(issues[0].message.contains("'id' is required"))
        let valid = try XMLTree(parsing: Array("<credential xmlns=\"urn:test\" id=\"x\"><issued>2024-06-30</issued><credits>3</credits></credential>".utf8))
        #expect(schema.validate(valid).isEmpty)
    }

    @Test func remoteImportsAreNeverFetched() throws {
        let dir = TestPaths.temporaryDirectory()
        let text = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t">
              <xs:import namespace="urn:other" schemaLocation="http://example.com/not-here.xsd"/>
              <xs:element name="a" type="xs:string"/>
            </xs:schema>
            """
        // The import has no local copy: the schema is refused, naming the URL; nothing is fetched.
        do {
            _ = try XMLSchemaSet(contentsOf: try Self.write(text, "remote.xsd", in: dir))
            Issue.record("a schema with an unresolvable remote import compiled")
        } catch let failure as XMLFailure {
            #expect(failure.description.contains("http://example.com/not-here.xsd"))
        }
        // With a file of the same name next to the schema, the import is served locally.
        _ = try Self.write("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"urn:other\"/>", "not-here.xsd", in: dir)
        _ = try XMLSchemaSet(contentsOf: try Self.write(text, "remote2.xsd", in: dir))
    }

    @Test func brokenSchemaIsUnusable() throws {
        let dir = TestPaths.temporaryDirectory()
        #expect(throws: XMLFailure.self) { try XMLSchemaSet(contentsOf: try Self.write("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:element/></xs:schema>", "bad.xsd", in: dir)) }
        #expect(throws: XMLFailure.self) { try XMLSchemaSet(contentsOf: dir.appendingPathComponent("missing.xsd").path) }
    }

    @Test(.enabled(if: TestPaths.referenceAvailable, "../shared/reference is absent: skipped"))
    func officialEuropassSchemaValidatesTheOfficialSamples() throws {
        let schema = try XMLSchemaSet(contentsOf: TestPaths.reference("europass/elm-v2-xml/xsd/genericschema_1.2.xsd").path)
        for name in ["EDC_WileECoyote_Simple.xml", "EDC_SampleACT_AA.xml", "EDC_SampleDegree_AA.xml"] {
            let bytes = [UInt8](try Data(contentsOf: TestPaths.reference("europass/elm-v2-xml/samples/\(name)")))
            let issues = schema.validate(try XMLTree(parsing: bytes))
            #expect(issues.isEmpty, "\(name): \(issues.prefix(3))")
        }
        // The signed 1.0 sample uses the older <language> wrapper: 1.2 rejects it, with line numbers.
        let signed = [UInt8](try Data(contentsOf: TestPaths.reference("europass/elm-v2-xml/samples/credential-generic-profile-xsd-signed.xml")))
        let issues = schema.validate(try XMLTree(parsing: signed))
        #expect(!issues.isEmpty && issues.allSatisfy { $0.line > 0 })
    }

    @Test(.enabled(if: TestPaths.referenceAvailable, "../shared/reference is absent: skipped"))
    func oneCompiledSchemaValidatesOnManyThreads() async throws {
        let schema = try XMLSchemaSet(contentsOf: TestPaths.reference("europass/elm-v2-xml/xsd/genericschema_1.2.xsd").path)
        let bytes = [UInt8](try Data(contentsOf: TestPaths.reference("europass/elm-v2-xml/samples/EDC_WileECoyote_Simple.xml")))
        let results = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<16 { group.addTask { (try? schema.validate(XMLTree(parsing: bytes)).count) ?? -1 } }
            var all: [Int] = []
            for await r in group { all.append(r) }
            return all
        }
        #expect(results == Array(repeating: 0, count: 16))
    }
}
