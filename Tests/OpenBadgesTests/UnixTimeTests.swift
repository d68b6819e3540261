import CredconvJSON
import CredentialModel
import Foundation
import OpenBadges
import CredconvTestSupport
import Testing

/// Unix times (OB 1.0 `issuedOn`, JWT `nbf`/`exp`) become ISO 8601 date-times only inside years
/// 1–9999; outside, the input is refused with its place, never turned into a wrong date.
@Suite("Unix times, checked")
struct UnixTimeTests {
    /// Foundation's formatter, an implementation independent of credconv's.
    static func foundation(_ seconds: Int64) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    @Test func agreesWithFoundationAcrossTheRange() {
        var generator = SystemRandomNumberGenerator()
        var samples: [Int64] = [0, -1, 1, 86_399, 86_400, -86_400, 951_782_400 /* 2000-02-29 */, 1_262_304_000, UnixTime.latest, 253_402_214_400]
        for _ in 0..<2000 { samples.append(Int64.random(in: -2_208_988_800...UnixTime.latest, using: &generator)) }
        for s in samples {
            #expect(UnixTime.isoDateTime(fromSeconds: String(s)) == .success(Self.foundation(s)), "\(s)")
        }
        #expect(UnixTime.isoDateTime(fromSeconds: String(UnixTime.earliest)) == .success("0001-01-01T00:00:00Z"))
        #expect(UnixTime.isoDateTime(fromSeconds: "1262304000.75") == .success("2010-01-01T00:00:00Z"))
    }

    @Test(arguments: ["1e300", "-1e300", "253402300800", "-62135596801", "1e400"])
    func outsideYears1To9999IsRefused(_ text: String) {
        #expect(UnixTime.isoDateTime(fromSeconds: text) == .failure(.outOfRange))
    }

    static func unsecuredJWT(_ claims: String) -> String {
        func b64(_ s: String) -> String {
            Data(s.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        }
        return b64(#"{"alg":"none"}"#) + "." + b64(claims) + "."
    }

    @Test(arguments: ["nbf", "exp"])
    func aJWTTimeClaimOutOfRangeIsAnError(_ claim: String) throws {
        let vc = #"{"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],"type":["VerifiableCredential","OpenBadgeCredential"],"issuer":{"id":"https://example.org/","type":["Profile"],"name":"Example"},"credentialSubject":{"type":["AchievementSubject"],"achievement":{"id":"https://example.org/a","type":["Achievement"],"name":"A","criteria":{"narrative":"x"}}}}"#
        let fine = claim == "nbf" ? "" : #""nbf":1262304000,"#
        var report = ConversionReport()
        do {
            _ = try OB3Reader().readJWT(Self.unsecuredJWT(#"{\#(fine)"\#(claim)":1e300,"vc":\#(vc)}"#), report: &report)
            Issue.record("accepted a \(claim) of 1e300")
        } catch {
            #expect(error.code == .invalidValue && error.location == .jsonPointer("/\(claim)"), "\(error)")
        }
        let good = try OB3Reader().readJWT(Self.unsecuredJWT(#"{"nbf":1262304000,"vc":\#(vc)}"#), report: &report)
        #expect(good.validFrom == "2010-01-01T00:00:00Z")
    }

    @Test(arguments: ["1e300", "-1e300"])
    func anOpenBadges1IssuedOnOutOfRangeIsAnError(_ number: String) throws {
        var text = try String(contentsOf: TestPaths.repository("samples/ob2-microcredential.json"), encoding: .utf8)
        let issuedOn = try #require(text.range(of: #""issuedOn": "[^"]*""#, options: .regularExpression))
        text.replaceSubrange(issuedOn, with: #""issuedOn": \#(number)"#)
        var report = ConversionReport()
        do {
            _ = try OB2Reader().read(try JSONParser().parse(text), report: &report)
            Issue.record("accepted issuedOn \(number)")
        } catch let e as Diagnostic {
            #expect(e.code == .invalidValue && e.location == .jsonPointer("/issuedOn"), "\(e)")
        }
    }
}
