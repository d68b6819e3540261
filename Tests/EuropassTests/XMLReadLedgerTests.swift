import CredconvTestSupport
import CredentialModel
import Europass
import Foundation
import Testing

/// Readers consume, in XML too: an element, attribute or text no part of the reader read is reported with
/// its XPath and line, never dropped.
@Suite("Europass XML: nothing read can vanish")
struct XMLReadLedgerTests {
    static let sample = TestPaths.repository("samples/elm-microcredential.xml")

    func unread(_ bytes: [UInt8]) throws -> [CredentialModel.SourceLocation] {
        var report = ConversionReport()
        _ = try ELMXMLReader().read(bytes, report: &report)
        return report.lost.filter { $0.code == .notInModel && $0.message.contains("read nothing") }.compactMap(\.location)
    }

    @Test func theSampleLeavesNothingUnread() throws {
        #expect(try unread([UInt8](try Data(contentsOf: Self.sample))) == [])
    }

    @Test func anUnknownAttributeAndTextAreReportedWithTheirPlace() throws {
        var text = try String(contentsOf: Self.sample, encoding: .utf8)
        let title = try #require(text.range(of: "<title>"))
        text.replaceSubrange(title, with: "<title unknownAttr=\"q\">")
        let locations = try unread(Array(text.utf8))
        #expect(locations.contains { if case .xpath("/europassCredential/title/@unknownAttr", let line?) = $0 { return line > 1 } else { return false } })
    }

    /// Unread elements are named by their place among same-named siblings (a position only when there
    /// are several), below read ones, with attributes and text of read elements; many unread siblings
    /// are each named once.
    @Test func unreadSiblingsAreNamedByTheirPosition() throws {
        var text = try String(contentsOf: Self.sample, encoding: .utf8)
        let end = try #require(text.range(of: "</europassCredential>"))
        let siblings = String(repeating: "<unknownThing/>", count: 2000)
        text.replaceSubrange(end, with: "<extra><x/><x>t</x><y q=\"1\"/></extra>\(siblings)stray</europassCredential>")
        let paths = try unread(Array(text.utf8)).compactMap { location -> String? in
            if case .xpath(let p, _) = location { return p }
            return nil
        }
        #expect(paths.filter { $0.hasPrefix("/europassCredential/unknownThing[") }.count == 2000)
        #expect(paths.contains("/europassCredential/unknownThing[1]") && paths.contains("/europassCredential/unknownThing[2000]"))
        #expect(paths.contains("/europassCredential/extra") && paths.contains("/europassCredential/text()"))
        #expect(!paths.contains { $0.hasPrefix("/europassCredential/extra/") })
    }

    @Test(.enabled(if: TestPaths.referenceAvailable, "../shared/reference is absent: skipped"))
    func anAssessmentIdentifierIsReportedNotDropped() throws {
        let degree = TestPaths.reference("europass/elm-v2-xml/samples/EDC_SampleDegree_AA.xml")
        let paths = try unread([UInt8](try Data(contentsOf: degree))).compactMap { location -> String? in
            if case .xpath(let p, _) = location { return p }
            return nil
        }
        #expect(paths.contains { $0.hasSuffix("/wasDerivedFrom/identifier/text()") })
    }

    @Test func refusedXMLIsAnXMLSyntaxErrorWithItsPlace() {
        func refusal(_ text: String) -> Diagnostic? {
            var report = ConversionReport()
            do throws(Diagnostic) {
                _ = try ELMXMLReader().read(Array(text.utf8), report: &report)
                return nil
            } catch {
                return error
            }
        }
        let doctype = refusal("<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"b\">]>\n<europassCredential/>")
        #expect(doctype?.code == .xmlSyntax)
        #expect(doctype?.location == .position(line: 2, column: 1))
        #expect(refusal("<europassCredential><a></europassCredential>")?.code == .xmlSyntax)
    }
}
