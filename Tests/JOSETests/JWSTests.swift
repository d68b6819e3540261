import CredconvJSON
import JOSE
import Testing

@Suite("compact JWS: algorithms, signing and verifying")
struct JWSTests {
    static let pairs: [(KeyType, JWSAlgorithm)] = [
        (.ed25519, .edDSA), (.ed25519, .ed25519), (.p256, .es256), (.p384, .es384), (.p521, .es512),
        (.rsa, .rs256), (.rsa, .rs384), (.rsa, .rs512), (.rsa, .ps256), (.rsa, .ps384), (.rsa, .ps512),
    ]

    @Test func everyAlgorithmSignsAndVerifiesAndRefusesAChange() throws {
        let rsa = try SigningKey.generate(.rsa)
        for (type, algorithm) in Self.pairs {
            let key = type == .rsa ? rsa : try SigningKey.generate(type)
            let text = try SignedJWS.sign(header: JSONObject(["kid": .string("k")]), payload: Array("{\"a\":1}".utf8), key: key, algorithm: algorithm)
            let jws = try SignedJWS(text)
            #expect(jws.algorithmName == algorithm.rawValue)
            try jws.verify(with: key.publicKey)
            // The same signature over another payload does not verify.
            let parts = text.split(separator: ".")
            let forged = try SignedJWS(parts[0] + "." + Base64URL.encode(Array("{\"a\":2}".utf8)) + "." + parts[2])
            #expect(throws: JOSEError.self) { try forged.verify(with: key.publicKey) }
        }
    }

    @Test func refusedAlgorithmsNeverReachAKey() {
        for name in ["none", "None", "HS256", "HS384", "HS512", "ES256K", "RSA-OAEP", ""] {
            #expect(throws: JOSEError.self) { try JWSAlgorithm.allowed(name) }
        }
        #expect(throws: JOSEError.self) { try JWSAlgorithm.allowed(nil) }
    }

    @Test func anAlgorithmMustFitTheKey() throws {
        let ed = try SigningKey.generate(.ed25519).publicKey
        let p256 = try SigningKey.generate(.p256).publicKey
        #expect(throws: JOSEError.self) { try JWSAlgorithm.es256.check(fits: ed) }
        #expect(throws: JOSEError.self) { try JWSAlgorithm.rs256.check(fits: p256) }
        #expect(throws: JOSEError.self) { try JWSAlgorithm.es384.check(fits: p256) }
        try JWSAlgorithm.es256.check(fits: p256)
    }

    @Test func malformedJWSAreRefused() {
        for text in ["a.b", "a.b.c.d", "eyJhbGciOiJFUzI1NiJ9=.e30.AAAA", "W10.e30.AAAA",
                     "eyJhbGciOiJFZERTQSIsImNyaXQiOlsiZXhwIl0sImV4cCI6MX0.e30.AAAA"] {
            #expect(throws: JOSEError.self) { try SignedJWS(text) }
        }
        // Line-wrapped copies (as specifications print them) are read as the JWS they show.
        #expect((try? SignedJWS("eyJhbGciOiJFZERTQSJ9\n.\ne30\n.\nAAAA")) != nil)
    }
}
