import CredconvJSON
import CredconvTestSupport
import CredentialModel
import Foundation
import OpenBadges

/// Reading and writing helpers for the Open Badges tests.
enum OB3 {
    /// A deterministic identifier source for the writer.
    static let fixedIdentifiers: @Sendable () -> String = { "urn:uuid:00000000-0000-4000-8000-000000000000" }

    static func parse(_ url: URL) throws -> JSONValue {
        try JSONParser().parse([UInt8](try Data(contentsOf: url)))
    }

    static func read(_ text: String) throws -> (Credential, ConversionReport) {
        var report = ConversionReport()
        let c = try OB3Reader().read(try JSONParser().parse(text), report: &report)
        return (c, report)
    }

    static func read(_ url: URL) throws -> (Credential, ConversionReport) {
        var report = ConversionReport()
        if url.pathExtension == "jwt" {
            let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            return (try OB3Reader().readJWT(text, report: &report), report)
        }
        return (try OB3Reader().read(try parse(url), report: &report), report)
    }

    static func write(_ c: Credential, language: String? = nil) throws -> (JSONValue, ConversionReport) {
        var report = ConversionReport()
        let writer = OB3Writer(options: OB3WriterOptions(preferredLanguage: language, makeIdentifier: fixedIdentifiers))
        return (try writer.write(c, report: &report), report)
    }

    /// The error a document is refused with.
    static func refusal(_ text: String) -> Diagnostic? {
        do {
            _ = try read(text)
            return nil
        } catch let e as Diagnostic {
            return e
        } catch {
            return Diagnostic(.invalidValue, "unexpected \(error)")
        }
    }

    /// A minimal valid OB 3.0 credential with `achievement` members replaced or added.
    static func minimal(achievement extra: String = "", subject: String = "", top: String = "") -> String {
        """
        {
          "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
          "id": "urn:uuid:11111111-1111-4111-8111-111111111111",
          "type": ["VerifiableCredential", "OpenBadgeCredential"],
          "issuer": {"id": "https://example.edu/issuer", "type": ["Profile"], "name": "Example University"},
          "validFrom": "2026-01-01T00:00:00Z",\(top)
          "credentialSubject": {
            "id": "did:example:learner",
            "type": ["AchievementSubject"],\(subject)
            "achievement": {
              "id": "https://example.edu/achievements/1",
              "type": ["Achievement"],
              "name": "Teamwork",
              "description": "Works well in teams.",\(extra)
              "criteria": {"narrative": "Peer nominated."}
            }
          }
        }
        """
    }

    /// Writes JSON values into a temporary folder, one file each, for the oracles.
    static func files(_ values: [(String, JSONValue)]) throws -> [URL] {
        let dir = TestPaths.temporaryDirectory()
        return try values.map { name, value in
            let url = dir.appendingPathComponent(name + ".json")
            try Data(JSONWriter().bytes(value)).write(to: url)
            return url
        }
    }
}
