import CredconvJSON
import Foundation
import JOSE
import Testing

@Suite("keys: JWK, PEM, did:key, did:jwk, key documents")
struct KeyTests {
    /// RFC 7638 §3.1: the example RSA key and its thumbprint.
    static let rfc7638 = JSONObject([
        "kty": .string("RSA"),
        "n": .string("0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw"),
        "e": .string("AQAB"),
        "alg": .string("RS256"),
        "kid": .string("2011-04-29"),
    ])

    @Test func thumbprintIsRFC7638s() throws {
        let key = try PublicKey(jwk: Self.rfc7638)
        #expect(key.thumbprint == "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs")
        #expect(key.typeDescription == "RSA 2048")
    }

    @Test func didKeyDecodesTheDocumentedTestKey() throws {
        let key = try DIDKeys.key(fromDIDKey: "did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi")
        #expect(key.type == .ed25519)
        #expect(key.didKey == "did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi")
        #expect(throws: JOSEError.self) { try DIDKeys.key(fromDIDKey: "did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi#other") }
    }

    @Test func everyCurveRoundTripsThroughDIDKeyDIDJWKAndJWK() throws {
        for type in [KeyType.ed25519, .p256, .p384, .p521] {
            let key = try SigningKey.generate(type).publicKey
            let did = try #require(key.didKey)
            #expect(try DIDKeys.key(fromDIDKey: did).isSameKey(as: key))
            #expect(try DIDKeys.key(fromDIDJWK: key.didJWK + "#0").isSameKey(as: key))
            #expect(try PublicKey(jwk: key.jwk).isSameKey(as: key))
            #expect(try PublicKey.keys(inPEM: key.pem).first?.key.isSameKey(as: key) == true)
        }
        // P-256 did:keys start with zDn (compressed point, multicodec 0x1200).
        #expect(try SigningKey.generate(.p256).publicKey.didKey?.hasPrefix("did:key:zDn") == true)
    }

    @Test func symmetricAndUnknownKeysAreRefused() {
        #expect(throws: JOSEError.self) { try PublicKey(jwk: JSONObject(["kty": .string("oct"), "k": .string("c2VjcmV0")])) }
        #expect(throws: JOSEError.self) { try PublicKey(jwk: JSONObject(["kty": .string("OKP"), "crv": .string("X25519"), "x": .string("AAAA")])) }
        #expect(throws: JOSEError.self) { try DIDKeys.key(fromMultikey: "zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme") }  // secp256k1
    }

    @Test func keyDocumentsOfEveryKind() throws {
        let signing = try SigningKey.generate(.ed25519)
        let key = signing.publicKey
        let jwk = JSONWriter(style: .compact).string(.object(key.jwk))
        let multikey = "z" + Base58.encode(Multibase.prefixed(0xED, Array(Base64URL.decode(key.jwk["x"]!.stringValue!)!)))
        let did = """
            {"@context": ["https://www.w3.org/ns/did/v1"], "id": "did:web:issuer.example",
             "verificationMethod": [{"id": "#key-1", "type": "Multikey", "controller": "did:web:issuer.example", "publicKeyMultibase": "\(multikey)"}],
             "assertionMethod": ["#key-1"]}
            """
        let found = try KeyDocuments.keys(in: Array(did.utf8), name: "did.json")
        #expect(found.count == 1)
        #expect(found.first?.ids == ["did:web:issuer.example#key-1"])
        #expect(found.first?.controller == "did:web:issuer.example")
        #expect(found.first?.authorisedForAssertions == true)
        #expect(found.first?.key.isSameKey(as: key) == true)

        let jwks = "{\"keys\": [\(jwk.dropLast()), \"kid\": \"k1\"}]}"
        #expect(try KeyDocuments.keys(in: Array(jwks.utf8), name: "jwks.json").first?.ids == ["k1"])
        #expect(try KeyDocuments.keys(in: Array(key.pem.utf8), name: "key.pem").first?.key.isSameKey(as: key) == true)
        // A private key in a file for verification is refused rather than used.
        #expect(throws: JOSEError.self) { try KeyDocuments.keys(in: Array("{\"verificationMethod\": [{\"id\": \"#k\", \"publicKeyJwk\": {\"kty\": \"OKP\", \"crv\": \"Ed25519\", \"x\": \"\(key.jwk["x"]!.stringValue!)\", \"d\": \"AAAA\"}}]}".utf8), name: "bad.json") }
    }

    @Test func aKeyNamedButNotGivenIsAClearVerdict() {
        let resolver = KeyResolver(supplied: [])
        do {
            _ = try resolver.resolve(header: JSONObject(["alg": .string("RS256"), "kid": .string("https://issuer.example/keys#key-1")]))
            Issue.record("resolved a key that was not given")
        } catch {
            #expect(error.code == .keyNotSupplied)
            #expect(error.message.contains("https://issuer.example/keys#key-1 not supplied: give it with --key"))
        }
    }

    @Test func signingKeysNeverShowTheirSecret() throws {
        let key = try SigningKey.generate(.p256)
        let pem = key.pkcs8PEM
        let body = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        for shown in [String(describing: key), String(reflecting: key), "\(key)", { var s = ""; dump(key, to: &s); return s }()] {
            #expect(!shown.contains(body))
            #expect(shown.contains("thumbprint"))
        }
        #expect(try SigningKey(pem: pem).publicKey.isSameKey(as: key.publicKey))
    }
}
