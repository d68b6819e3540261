import CredconvJSON
import CredconvTestSupport
import CredentialConversion
import Foundation
import Testing

/// Open Badges 0.5 assertions (`issued_on`, `issuer.origin`, URLs relative to the origin) are read:
/// their date is the date of issue, and the OB 3.0 written from them passes the official schema and
/// JSON-LD expansion.
@Suite("Open Badges 0.5 assertions")
struct OpenBadges05Tests {
    static let assertion = #"""
{
  "recipient": "sha256$2ad891a61112bb953171416acc9cfe2484d59a45a3ed574a1ca93b47d07629fe",
  "salt": "hashbrowns",
  "evidence": "/badges/html5-basic/bimmy",
  "expires": "2013-06-01",
  "issued_on": "2011-06-01",
  "badge": {
    "version": "0.5.0",
    "name": "HTML5 Fundamental",
    "image": "/img/html5-basic.png",
    "description": "Knows the difference between a <section> and an <article>",
    "criteria": "/badges/html5-basic",
    "issuer": {
      "origin": "https://p2pu.org",
      "name": "P2PU",
      "org": "School of Webcraft",
      "contact": "admin@p2pu.org"
    }
  }
}
"""#

    @Test func isReadAndBecomesAValidOpenBadges3Credential() throws {
        let r = try Converter().convert(Array(Self.assertion.utf8), options: ConversionOptions(to: .ob3))
        let doc = try #require(try JSONParser().parse(r.bytes).objectValue)
        #expect(doc["validFrom"] == .string("2011-06-01T00:00:00Z"))
        #expect(doc["validUntil"] == .string("2013-06-01T00:00:00Z"))
        let issuer = try #require(doc["issuer"]?.objectValue)
        #expect(issuer["id"] == .string("https://p2pu.org") && issuer["email"] == .string("admin@p2pu.org"))
        let achievement = try #require(doc["credentialSubject"]?.objectValue?["achievement"]?.objectValue)
        #expect(achievement["criteria"]?.objectValue?["id"] == .string("https://p2pu.org/badges/html5-basic"))
        #expect(achievement["image"]?.objectValue?["id"] == .string("https://p2pu.org/img/html5-basic.png"))
        #expect(achievement["version"] == nil, "0.5's version is the specification's")
        #expect(r.inputDetail.contains("0.5"), "\(r.inputDetail)")
        // The one member OB 3.0 has no place for is reported where it was.
        #expect(r.report.lost.map(\.location) == [.jsonPointer("/badge/issuer/org")])
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("from-0.5.json")
        try Data(r.bytes).write(to: file)
        if TestPaths.referenceAvailable, let failures = try Oracle.openBadges3Failures([file]) { Issue.record("\(failures)") }
    }
}
