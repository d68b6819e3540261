import CredconvTestSupport
import Foundation
@testable import QRCode
import Testing

@Suite("QR Code encoder")
struct QRCodeTests {
    static let payloads: [String] = [
        "A", "HELLO WORLD", "https://example.org/c/1", "urn:uuid:6f1b2c1e-0f5d-4a5e-9c7a-2d8e4b7a9c01",
        "https://www.tu-example.eu/credentials/2026/data-literacy-pa/ana-maria-perez-fernandez?lang=de",
        "Überprüfung: Datenkompetenz für die öffentliche Verwaltung — 🎓",
        String(repeating: "0123456789abcdef", count: 8),
        String(repeating: "credconv ", count: 30),
    ]

    @Test func versionsGrowWithThePayload() throws {
        #expect(try QRCode(text: "A").version == 1)
        #expect(try QRCode(text: String(repeating: "x", count: 14)).version == 1)  // 14 bytes fit 1-M
        #expect(try QRCode(text: String(repeating: "x", count: 15)).version == 2)
        let big = try QRCode(text: String(repeating: "x", count: 2000))
        #expect(big.version > 30 && big.size == big.version * 4 + 17)
        #expect(throws: QRCode.EncodingError.self) { try QRCode(text: String(repeating: "x", count: 3000)) }
    }

    @Test func reedSolomonMatchesTheStandardsWorkedExample() throws {
        // ISO/IEC 18004 annex I: "01234567" (numeric mode) in version 1-M has these 16 data codewords and
        // these 10 error correction codewords.
        let data: [UInt8] = [16, 32, 12, 86, 97, 128, 236, 17, 236, 17, 236, 17, 236, 17, 236, 17]
        let ecc = ReedSolomon.remainder(data, divisor: ReedSolomon.generator(degree: 10))
        #expect(ecc == [165, 36, 212, 193, 237, 54, 199, 135, 44, 85])
    }

    /// Same symbol as the independent encoder qrencode, module for module, once the same mask is used
    /// (the encoders may weigh the mask penalty differently; the format bits tell which mask it chose).
    @Test(arguments: payloads)
    func matchesQrencode(_ payload: String) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/qrencode") else {
            if ProcessInfo.processInfo.environment["CREDCONV_REQUIRE_ORACLES"] == "1" { Issue.record("qrencode is missing") }
            return
        }
        let r = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/qrencode"), ["-8", "-l", "M", "-m", "0", "-t", "ASCII", payload])
        let theirs = r.stdoutText.split(separator: "\n").map { line in stride(from: 0, to: line.count, by: 2).map { line[line.index(line.startIndex, offsetBy: $0)] == "#" } }
        let unforced = try QRCode(text: payload)
        #expect(unforced.size == theirs.count, "version differs")
        let theirMask = Self.maskFromFormatBits(theirs)
        let ours = try QRCode(bytes: Array(payload.utf8), mask: theirMask)
        #expect(ours.modules == theirs)
    }

    /// Decoded by the independent decoder zbarimg from a PNG of the symbol.
    @Test(arguments: payloads)
    func decodesWithZbar(_ payload: String) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/zbarimg") else {
            if ProcessInfo.processInfo.environment["CREDCONV_REQUIRE_ORACLES"] == "1" { Issue.record("zbarimg is missing") }
            return
        }
        let symbol = try QRCode(text: payload)
        let file = TestPaths.temporaryDirectory().appendingPathComponent("qr.png")
        try Data(PNGWriter.matrix(symbol.modules)).write(to: file)
        let r = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/zbarimg"), ["--raw", "-q", "-Sbinary", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == Array(payload.utf8) || r.stdoutText == payload + "\n")
    }

    @Test func everyMaskStillDecodesTheSameFormat() throws {
        for mask in 0..<8 {
            let symbol = try QRCode(bytes: Array("https://example.org/c/1".utf8), mask: mask)
            #expect(Self.maskFromFormatBits(symbol.modules) == mask)
        }
    }

    @Test func svgHasAQuietZoneAndNoPayloadText() throws {
        let svg = try QRCode(text: "<script>alert(1)</script>").svg()
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(!svg.contains("script"))
    }

    /// The mask in a symbol's first format-bit copy (row 8 / column 8 around the top-left finder).
    static func maskFromFormatBits(_ m: [[Bool]]) -> Int {
        var bits = 0
        for i in 0...5 where m[i][8] { bits |= 1 << i }
        if m[7][8] { bits |= 1 << 6 }
        if m[8][8] { bits |= 1 << 7 }
        if m[8][7] { bits |= 1 << 8 }
        for i in 9..<15 where m[8][14 - i] { bits |= 1 << i }
        return ((bits ^ 0x5412) >> 10) & 0x7
    }
}
