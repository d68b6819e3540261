import CredconvJSON
import CredconvTestSupport
import CredentialConversion
import Foundation
import Testing

@Suite("JSON Lines batches")
struct JSONLinesBatchTests {
    /// The sample as one line.
    static func sampleLine() throws -> [UInt8] {
        let value = try JSONParser().parse([UInt8](try Data(contentsOf: TestPaths.repository("samples/ob3-microcredential.json"))))
        return JSONWriter(style: .compact).bytes(value)
    }

    @Test func aBrokenRecordIsReportedAndEveryOtherOneConverted() throws {
        let good = try Self.sampleLine()
        var lines: [[UInt8]] = Array(repeating: good, count: 1000)
        lines[499] = Array("{\"@context\": [".utf8)  // record 500 is cut short
        lines.insert([], at: 10)  // a blank line is skipped and not counted as a record
        var source = ArrayLineSource(lines)
        var emitted: [[UInt8]] = []
        var diagnostics: [String] = []
        let batch = JSONLinesBatch(options: ConversionOptions(to: .ob3), strict: false)
        let summary = try batch.run(
            source: &source,
            renderer: ReportRenderer(style: .text, inputName: "<stdin>"),
            emit: { emitted.append($0) },
            diagnose: { diagnostics.append($0) })
        #expect(summary.converted == 999)
        #expect(summary.failed == 1)
        #expect(summary.exitCode == 65)
        #expect(emitted.count == 999)
        #expect(emitted.allSatisfy { !$0.contains(0x0A) })
        #expect(emitted.first == good)
        #expect(diagnostics == ["credconv: error: <stdin>: record 500 (line 501):1:15: invalid JSON: unexpected end of input [data.json-syntax]\n"])
    }

    @Test func strictBatchRefusesLossyRecordsWithExit3() throws {
        let lossy = Array(#"{"@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"], "id": "urn:x", "type": ["VerifiableCredential", "OpenBadgeCredential"], "issuer": "https://example.edu/i", "validFrom": "2026-01-01T00:00:00Z", "image": {"id": "https://e/i.png", "type": "Image", "width": 1}, "credentialSubject": {"id": "did:x", "achievement": {"id": "https://e/a", "type": ["Achievement"], "name": "A", "description": "d", "criteria": {}}}}"#.utf8)
        var source = ArrayLineSource([try Self.sampleLine(), lossy])
        var emitted = 0
        let summary = try JSONLinesBatch(options: ConversionOptions(to: .ob3), strict: true).run(
            source: &source,
            renderer: ReportRenderer(style: .text, inputName: "x"), emit: { _ in emitted += 1 }, diagnose: { _ in })
        #expect(emitted == 1)
        #expect(summary.lossy == 1)
        #expect(summary.exitCode == 3)
    }

    @Test func outputKeepsInputOrderWhateverTheWindow() throws {
        let good = try Self.sampleLine()
        let text = String(decoding: good, as: UTF8.self)
        // Records that differ (by id) so order can be checked.
        let lines = (0..<300).map { i in Array(text.replacingOccurrences(of: "urn:uuid:6f1b2c1e-0f5d-4a5e-9c7a-2d8e4b7a9c01", with: "urn:uuid:rec-\(i)").utf8) }
        for window in [1, 7, 64] {
            var source = ArrayLineSource(lines)
            var ids: [String] = []
            _ = try JSONLinesBatch(options: ConversionOptions(to: .ob3), strict: false, window: window).run(
                source: &source, renderer: ReportRenderer(style: .text, inputName: "x"),
                emit: { ids.append(try! JSONParser().parse($0).objectValue!["id"]!.stringValue!) }, diagnose: { _ in })
            #expect(ids == (0..<300).map { "urn:uuid:rec-\($0)" })
        }
    }

    /// A source that says how far reading runs ahead of writing.
    final class CountingSource: LineSource {
        let lines: [SourceLine]
        var read = 0
        init(lines: [SourceLine]) { self.lines = lines }
        func next() throws(Diagnostic) -> SourceLine? {
            guard read < lines.count else { return nil }
            read += 1
            return lines[read - 1]
        }
        func mightBlock() -> Bool { false }
    }

    @Test func anOversizedLineIsOneFailedRecord() throws {
        let good = try Self.sampleLine()
        var lines = Array(repeating: SourceLine.line(good), count: 40)
        lines[20] = .oversized(bytes: 70_000_000, limit: 67_108_864)
        var source = CountingSource(lines: lines)
        var emitted = 0
        var diagnostics: [String] = []
        let summary = try JSONLinesBatch(options: ConversionOptions(to: .ob3), strict: false).run(
            source: &source, renderer: ReportRenderer(style: .text, inputName: "x"),
            emit: { _ in emitted += 1 }, diagnose: { diagnostics.append($0) })
        #expect(summary.converted == 39 && summary.failed == 1 && emitted == 39)
        #expect(diagnostics.count == 1 && diagnostics[0].contains("record 21 (line 21)") && diagnostics[0].contains("[data.limit-exceeded]"))
    }

    @Test func recordsInFlightAreBoundedInBytes() throws {
        let good = try Self.sampleLine()
        func aheadOfWriting(maxInFlightBytes: Int) throws -> Int {
            let counter = CountingSource(lines: Array(repeating: .line(good), count: 300))
            var source = counter
            var emitted = 0
            var ahead = 0
            _ = try JSONLinesBatch(options: ConversionOptions(to: .ob3), strict: false, maxInFlightBytes: maxInFlightBytes).run(
                source: &source, renderer: ReportRenderer(style: .text, inputName: "x"),
                emit: { _ in
                    ahead = max(ahead, counter.read - emitted)
                    emitted += 1
                }, diagnose: { _ in })
            #expect(emitted == 300)
            return ahead
        }
        #expect(try aheadOfWriting(maxInFlightBytes: 4 * good.count) <= 6)
        #expect(try aheadOfWriting(maxInFlightBytes: 64 << 20) > 6)
    }
}

