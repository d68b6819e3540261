import CredconvJSON
import CredconvTestSupport
import Foundation
import JOSE
import JSONLD

/// Reading the W3C Data Integrity vectors (../shared/reference/w3c-tests).
enum VectorFiles {
    struct TestFailure: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }

    static func text(_ path: String) throws -> String {
        try String(contentsOf: TestPaths.reference("w3c-tests/" + path), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: TestPaths.reference("w3c-tests/" + path).path) }

    static func object(_ path: String) throws -> JSONObject {
        guard case .object(let o) = try JSONParser().parse(try text(path)) else { throw TestFailure("not an object: \(path)") }
        return o
    }

    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    /// An Ed25519 signing key from a vector's Multikey pair.
    static func ed25519Key(publicMultibase: String, privateMultibase: String) throws -> SigningKey {
        guard let secret = Multibase.decode(privateMultibase), secret.prefix(2) == [0x80, 0x26] else {
            throw TestFailure("not an ed25519-priv multikey")
        }
        guard let x = try DIDKeys.key(fromMultikey: publicMultibase).jwk["x"] else { throw TestFailure("no x") }
        return try SigningKey(jwk: JSONObject([
            "kty": .string("OKP"), "crv": .string("Ed25519"), "d": .string(Base64URL.encode(secret.dropFirst(2))), "x": x,
        ]))
    }

    /// The loader the vectors need: the embedded contexts plus the VC examples context from the reference.
    static let loader = OfflineDocumentLoader(files: [
        "https://www.w3.org/ns/credentials/examples/v2": TestPaths.reference("openbadges/w3c-vc/credentials-examples-v2-context.jsonld").path
    ])

    static let processor = JSONLDProcessor(loader: loader)
}
