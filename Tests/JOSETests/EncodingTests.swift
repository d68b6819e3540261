import Foundation
import CredconvJSON
import JOSE
import Testing

@Suite("base64url, base58 and multibase")
struct EncodingTests {
    @Test func base64URLRoundTripsEveryLength() {
        for length in 0..<70 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            let text = Base64URL.encode(bytes)
            #expect(!text.contains("=") && !text.contains("+") && !text.contains("/"))
            #expect(Base64URL.decode(text) == bytes)
        }
        #expect(Base64URL.encode(Array("hi".utf8)) == "aGk")
    }

    @Test func base64URLIsStrict() {
        // Padding, the standard alphabet, a lone character and non-zero unused bits are refused, so each
        // byte string has one text only (a changed JWS never decodes to the signed bytes).
        #expect(Base64URL.decode("aGk=") == nil)
        #expect(Base64URL.decode("a+k") == nil)
        #expect(Base64URL.decode("a/k") == nil)
        #expect(Base64URL.decode("aGkxa") == nil)
        #expect(Base64URL.decode("aGl") == nil)  // 'l' leaves a set bit where "hi" has none
        #expect(Base64URL.decode("aGk") == Array("hi".utf8))
        #expect(Base64URL.decode("a Gk") == nil)
    }

    @Test func base58MatchesTheDocumentedTestKey() throws {
        // The 1EdTech OB 3.0 test key (trust.md): did:key z6Mk… is multicodec 0xed01 + the Ed25519 key.
        let bytes = try #require(Multibase.decode("z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi"))
        let (code, key) = try #require(Multibase.splitMulticodec(bytes))
        #expect(code == 0xED)
        #expect(key.map { String(format: "%02x", $0) }.joined() == "4bdeafde2ea8beefadd8c699b5c7e0704cf51154d52e17b20b71337ca04cc5a5")
        #expect("z" + Base58.encode(Multibase.prefixed(0xED, key)) == "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi")
    }

    @Test func base58KeepsLeadingZerosAndRefusesOtherCharacters() {
        #expect(Base58.encode([0, 0, 1]) == "112")
        #expect(Base58.decode("112") == [0, 0, 1])
        #expect(Base58.decode("0OIl") == nil)
        #expect(Base58.decode("") == [])
    }

    @Test func multicodecVarints() {
        #expect(Multibase.prefixed(0xED, []) == [0xED, 0x01])
        #expect(Multibase.prefixed(0x1200, []) == [0x80, 0x24])
        #expect(Multibase.splitMulticodec([0x80, 0x24, 7])?.code == 0x1200)
        #expect(Multibase.splitMulticodec([0x80]) == nil)
    }
}
