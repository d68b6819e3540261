import CredconvTestSupport
import CredentialConversion
import Foundation
import Testing

/// XML may come in UTF-16 (every XML processor must read it); JSON, a JWS and an SD-JWT may not.
/// The UTF-16 forms here are made by Foundation's encoder, not by the code under test.
@Suite("UTF-16 input")
struct UTF16InputTests {
    let sample = "samples/elm-microcredential.xml"

    private func utf8Sample() throws -> String {
        try String(contentsOf: TestPaths.repository(sample), encoding: .utf8)
    }

    /// The sample with its declaration naming `encoding`, in that encoding, with or without a byte order mark.
    private func encoded(_ text: String, declaring encoding: String, as target: String.Encoding, mark: [UInt8] = []) throws -> [UInt8] {
        let relabelled = text.replacingOccurrences(of: #"encoding="UTF-8""#, with: #"encoding="\#(encoding)""#)
        #expect(relabelled != text, "the sample's declaration names UTF-8")
        return mark + [UInt8](try #require(relabelled.data(using: target)))
    }

    private func ob3(_ bytes: [UInt8]) throws -> ConversionOutput {
        try Converter().convert(bytes, options: ConversionOptions(to: .ob3))
    }

    @Test(arguments: [
        ("UTF-16", String.Encoding.utf16LittleEndian, [UInt8]([0xFF, 0xFE])),
        ("UTF-16", .utf16BigEndian, [0xFE, 0xFF]),
        ("UTF-16LE", .utf16LittleEndian, []),
        ("UTF-16BE", .utf16BigEndian, []),
    ])
    func europassXMLInUTF16ConvertsAsItsUTF8Form(encoding: String, target: String.Encoding, mark: [UInt8]) throws {
        let text = try utf8Sample()
        let expected = try ob3(Array(text.utf8))
        let output = try ob3(try encoded(text, declaring: encoding, as: target, mark: mark))
        #expect(output.inputFormat == .elmXML)
        #expect(output.bytes == expected.bytes)
        #expect(output.report.lost.map(\.message) == expected.report.lost.map(\.message))
    }

    @Test func theDeclarationSaysUTF8AndTheFirstLineKeepsItsColumns() throws {
        let xml = "<?xml version=\"1.0\" encoding='utf-16le' standalone=\"yes\"?>\n<a>ü € 😀</a>"
        let bytes = [UInt8](try #require(xml.data(using: .utf16LittleEndian)))
        let utf8 = try #require(try UTF16Input.xmlAsUTF8(bytes))
        let lines = String(decoding: utf8, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "<?xml version=\"1.0\" encoding='UTF-8'    standalone=\"yes\"?>")
        #expect(lines[0].count == xml.split(separator: "\n")[0].count)
        // Characters outside the Basic Multilingual Plane come from surrogate pairs.
        #expect(lines[1] == "<a>ü € 😀</a>")
    }

    @Test func utf8AndOtherInputIsLeftAlone() throws {
        #expect(try UTF16Input.xmlAsUTF8(Array("<?xml version=\"1.0\"?><a/>".utf8)) == nil)
        #expect(try UTF16Input.xmlAsUTF8([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) == nil)  // PNG
        // UTF-32 (little-endian, with its mark) is not UTF-16.
        #expect(try UTF16Input.xmlAsUTF8([0xFF, 0xFE, 0x00, 0x00, 0x3C, 0x00, 0x00, 0x00]) == nil)
    }

    @Test func utf16JSONIsRefusedSayingWhy() throws {
        let json = try String(contentsOf: TestPaths.repository("samples/ob3-microcredential.json"), encoding: .utf8)
        let bytes = [UInt8](try #require(json.data(using: .utf16)))  // with a byte order mark
        #expect(throws: Diagnostic.self) { try ob3(bytes) }
        do { _ = try ob3(bytes) } catch let error as Diagnostic {
            #expect(error.code == .unknownInput)
            #expect(error.message.contains("UTF-16") && error.message.contains("UTF-8"))
        }
    }

    @Test func brokenUTF16IsAnErrorWithItsPlace() throws {
        let head = [UInt8](try #require("<?xml version=\"1.0\"?>\n<a>".data(using: .utf16LittleEndian)))
        let tail = [UInt8](try #require("</a>".data(using: .utf16LittleEndian)))
        for (bytes, what) in [
            ([0xFF, 0xFE] + head + [0x00, 0xD8] + tail, "high surrogate"),  // D800 alone
            ([0xFF, 0xFE] + head + [0x00, 0xDC] + tail, "low surrogate"),  // DC00 alone
            ([0xFF, 0xFE] + head + tail + [0x3E], "odd number"),
        ] {
            do {
                _ = try UTF16Input.xmlAsUTF8(bytes)
                Issue.record("accepted broken UTF-16 (\(what))")
            } catch {
                #expect(error.code == .xmlSyntax)
                #expect(error.message.contains(what))
                if what != "odd number" { #expect(error.location == .position(line: 2, column: 4)) }
            }
        }
    }

    @Test func aDoctypeInUTF16IsRefusedLikeAnyOther() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<!DOCTYPE a [<!ENTITY e \"x\">]>\n<europassCredential xmlns=\"http://data.europa.eu/snb\">&e;</europassCredential>"
        let bytes = [UInt8](try #require(xml.data(using: .utf16)))
        do {
            _ = try ob3(bytes)
            Issue.record("a DOCTYPE in UTF-16 was read")
        } catch let error as Diagnostic {
            #expect(error.code == .xmlSyntax)
            #expect(error.message.contains("DOCTYPE"))
        }
    }

    /// xmllint reads the UTF-16 file itself: its canonical form (C14N, always UTF-8) must be the
    /// canonical form of what credconv made of it.
    @Test func xmllintReadsTheSameDocument() throws {
        guard Oracle.programAvailable("xmllint") else { return }
        let bytes = try encoded(try utf8Sample(), declaring: "UTF-16", as: .utf16LittleEndian, mark: [0xFF, 0xFE])
        let utf8 = try #require(try UTF16Input.xmlAsUTF8(bytes))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("credconv-utf16-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func canonical(_ data: [UInt8], _ name: String) throws -> [UInt8] {
            let file = folder.appendingPathComponent(name)
            try Data(data).write(to: file)
            let result = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["xmllint", "--nonet", "--c14n", file.path])
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout
        }
        let theirs = try canonical(bytes, "utf16.xml")
        #expect(!theirs.isEmpty)
        #expect(try canonical(utf8, "utf8.xml") == theirs)
    }
}
