import CredentialModel
import CredconvJSON
import CredentialVerification
import DataIntegrity
import JOSE
import Testing

/// The verifier's steps on JWS made here; the python oracle tests (CLITests/JOSEOracleTests) check
/// what others sign.
@Suite("verifying signed credentials: each check")
struct VerifierTests {
    static let now: Int64 = 1_780_000_000  // 2026-05-28

    static func credential(issuer: String, extra: KeyValuePairs<String, JSONValue> = [:]) -> JSONObject {
        var o = JSONObject([
            "@context": .array([.string("https://www.w3.org/ns/credentials/v2"), .string("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json")]),
            "id": .string("urn:uuid:1"),
            "type": .array([.string("VerifiableCredential"), .string("OpenBadgeCredential")]),
            "issuer": .object(JSONObject(["id": .string(issuer), "type": .array([.string("Profile")])])),
            "validFrom": .string("2026-01-01T00:00:00Z"),
            "credentialSubject": .object(JSONObject(["id": .string("did:example:learner")])),
        ])
        for (k, v) in extra { o.set(k, v) }
        return o
    }

    /// An OB 3.0 VC-JWT of `credential`, with claims from it.
    static func vcJWT(_ credential: JSONObject, key: SigningKey, header: JSONObject, claims extra: KeyValuePairs<String, JSONValue> = [:]) throws -> String {
        var claims = JSONObject([
            "iss": .string(credential["issuer"]!.objectValue!["id"]!.stringValue!), "jti": .string("urn:uuid:1"),
            "sub": .string("did:example:learner"), "nbf": .integer(1_767_225_600), "vc": .object(credential),
        ])
        for (k, v) in extra { claims.set(k, v) }
        return try SignedJWS.sign(header: header, payload: JSONWriter(style: .compact).bytes(.object(claims)), key: key, algorithm: key.type.defaultAlgorithm)
    }

    static func verify(_ text: String, keys: [SuppliedKey] = [], lists: [StatusListDocument] = [], at: Int64 = now) -> VerificationReport {
        JWSCredentialVerifier(options: VerificationOptions(keys: keys, statusLists: lists, at: at)).verify(compactJWS: text)
    }

    static func failed(_ report: VerificationReport) -> VerificationCheck.Code? { report.firstFailure?.code }

    @Test func aDIDKeyIssuerVerifiesOffline() throws {
        let key = try SigningKey.generate(.ed25519)
        let did = try #require(key.publicKey.didKey)
        let text = try Self.vcJWT(Self.credential(issuer: did), key: key, header: JSONObject(["kid": .string(key.publicKey.didKeyVerificationMethod!), "typ": .string("JWT")]))
        let report = Self.verify(text)
        #expect(report.verified, "\(report.text(inputName: "t"))")
        #expect(report.key?.source == "did:key")
        #expect(report.issuer == did)
        #expect(report.status == .none)
    }

    @Test func aHeaderKeyAloneIsNotTheIssuers() throws {
        let key = try SigningKey.generate(.p256)
        let text = try Self.vcJWT(Self.credential(issuer: "https://issuer.example/"), key: key, header: JSONObject(["jwk": .object(key.publicKey.jwk)]))
        let report = Self.verify(text)
        #expect(report.checks.first { $0.code == .signature }?.ok == true)
        #expect(Self.failed(report) == .keyBound)
        // … but it is when the issuer's profile, given as a file, lists it.
        let profile = SuppliedKey(key: key.publicKey, ids: ["https://issuer.example/#key-1"], controller: "https://issuer.example/", origin: "profile.json")
        #expect(Self.verify(text, keys: [profile]).verified)
        // A did:jwk issuer is the key itself.
        let jwkIssuer = try Self.vcJWT(Self.credential(issuer: key.publicKey.didJWK), key: key, header: JSONObject(["jwk": .object(key.publicKey.jwk)]))
        #expect(Self.verify(jwkIssuer).verified)
    }

    @Test func anotherIssuersKeyIsRefused() throws {
        let key = try SigningKey.generate(.ed25519)
        let text = try Self.vcJWT(Self.credential(issuer: "did:web:issuer.example"), key: key, header: JSONObject(["kid": .string(key.publicKey.didKeyVerificationMethod!)]))
        #expect(Self.failed(Self.verify(text)) == .keyBound)
        // A DID document lists the key but not for assertions.
        let doc = SuppliedKey(key: key.publicKey, ids: ["did:web:issuer.example#k"], controller: "did:web:issuer.example", authorisedForAssertions: false, origin: "did.json")
        let named = try Self.vcJWT(Self.credential(issuer: "did:web:issuer.example"), key: key, header: JSONObject(["kid": .string("did:web:issuer.example#k")]))
        #expect(Self.failed(Self.verify(named, keys: [doc])) == .keyBound)
        var authorised = doc
        authorised.authorisedForAssertions = true
        #expect(Self.verify(named, keys: [authorised]).verified)
    }

    @Test func claimsMustAgreeWithTheCredential() throws {
        let key = try SigningKey.generate(.ed25519)
        let did = key.publicKey.didKey!
        let header = JSONObject(["kid": .string(key.publicKey.didKeyVerificationMethod!)])
        for (claim, value) in [("iss", JSONValue.string("did:example:other")), ("sub", .string("did:example:else")), ("jti", .string("urn:uuid:2")), ("nbf", .integer(1_767_225_601))] {
            var claims = JSONObject()
            claims.set(claim, value)
            let text = try Self.vcJWT(Self.credential(issuer: did), key: key, header: header, claims: [claim: value])
            #expect(Self.failed(Self.verify(text)) == .claimsConsistent, "\(claim)")
        }
        let typ = try Self.vcJWT(Self.credential(issuer: did), key: key, header: JSONObject(["kid": .string(key.publicKey.didKeyVerificationMethod!), "typ": .string("dc+sd-jwt")]))
        #expect(Self.failed(Self.verify(typ)) == .claimsConsistent)
    }

    @Test func datesAreCheckedAtTheGivenTime() throws {
        let key = try SigningKey.generate(.ed25519)
        let did = key.publicKey.didKey!
        let header = JSONObject(["kid": .string(key.publicKey.didKeyVerificationMethod!)])
        let expiring = try Self.vcJWT(Self.credential(issuer: did, extra: ["validUntil": .string("2026-03-01T00:00:00Z")]), key: key, header: header)
        #expect(Self.failed(Self.verify(expiring)) == .inDate)
        #expect(Self.verify(expiring, at: 1_770_000_000).verified)  // 2026-02-02
        #expect(Self.failed(Self.verify(expiring, at: 1_760_000_000)) == .inDate)  // before validFrom
    }

    @Test func refusedAlgorithmsStopBeforeTheKey() throws {
        let header = Base64URL.encode(Array("{\"alg\":\"none\"}".utf8))
        let payload = Base64URL.encode(JSONWriter(style: .compact).bytes(.object(Self.credential(issuer: "did:example:i"))))
        let report = Self.verify("\(header).\(payload).")
        #expect(Self.failed(report) == .algorithmAllowed)
        #expect(report.key == nil)
        #expect(!report.verified)
    }

    @Test func aKeyLimitedByItsJWKIsNotUsedOtherwise() throws {
        let key = try SigningKey.generate(.p256)
        let text = try Self.vcJWT(Self.credential(issuer: "https://issuer.example/"), key: key, header: JSONObject(["kid": .string("https://issuer.example/#k")]))
        func supplied(_ limits: KeyValuePairs<String, JSONValue>) -> SuppliedKey {
            var jwk = key.publicKey.jwk
            for (k, v) in limits { jwk.set(k, v) }
            return SuppliedKey(key: key.publicKey, ids: ["https://issuer.example/#k"], controller: "https://issuer.example/", origin: "jwk", restriction: KeyRestriction(jwk: jwk))
        }
        #expect(Self.verify(text, keys: [supplied(["alg": .string("ES256"), "use": .string("sig")])]).verified)
        #expect(Self.failed(Self.verify(text, keys: [supplied(["alg": .string("ES384")])])) == .algorithmAllowed)
        #expect(Self.failed(Self.verify(text, keys: [supplied(["use": .string("enc")])])) == .algorithmAllowed)
        #expect(Self.failed(Self.verify(text, keys: [supplied(["key_ops": .array([.string("encrypt")])])])) == .algorithmAllowed)
    }

    @Test func aKeyByURLIsNeverFetched() throws {
        let key = try SigningKey.generate(.ed25519)
        let text = try Self.vcJWT(Self.credential(issuer: "https://issuer.example/"), key: key, header: JSONObject(["jku": .string("https://issuer.example/jwks.json")]))
        let report = Self.verify(text)
        #expect(Self.failed(report) == .keyResolved)
        #expect(report.firstFailure?.detail.contains("never fetches") == true)
    }

    @Test func statusListsAreRead() throws {
        // The W3C Bitstring Status List example list: 16 KiB, GZIP, base64url, multibase u; index 23 set.
        let list = """
            {"id": "https://example.com/credentials/status/3", "type": ["VerifiableCredential", "BitstringStatusListCredential"],
             "issuer": "did:example:issuer",
             "credentialSubject": {"type": "BitstringStatusList", "statusPurpose": "revocation",
               "encodedList": "uH4sIAAAAAAAA_-3BMQEAAAzDoMy_6cnoA9QFAAAAAAAAAAAAAAAAAAAAbD3uPa2cAEAAAA"}}
            """
        let document = try StatusListDocument.read(Array(list.utf8), name: "list.json")
        guard case .bitstring(let purpose, let bits, let size) = document.content else { Issue.record("not a bitstring"); return }
        #expect(purpose == "revocation" && size == 1)
        #expect(bits.count == 16_384)
        #expect(bits.enumerated().filter { $0.element != 0 }.map(\.offset) == [2])
        #expect(bits[2] == 0x01)
        #expect(throws: StatusListError.self) { try StatusListDocument.read(Array("{\"credentialSubject\": {\"encodedList\": \"uAAAA\"}}".utf8), name: "bad.json") }
    }

    @Test func keyIdsUnderTheIssuer() {
        #expect(IssuerBinding.isUnder("https://issuer.example/keys#1", issuer: "https://issuer.example/"))
        #expect(IssuerBinding.isUnder("https://issuer.example/profile#key-1", issuer: "https://issuer.example/profile"))
        #expect(IssuerBinding.isUnder("did:web:issuer.example#key-1", issuer: "did:web:issuer.example"))
        #expect(!IssuerBinding.isUnder("https://issuer.example.evil/keys#1", issuer: "https://issuer.example"))
        #expect(!IssuerBinding.isUnder("https://issuer.example/profile2#k", issuer: "https://issuer.example/profile"))
        #expect(!IssuerBinding.isUnder("did:web:issuer.example:other#k", issuer: "did:web:issuer.example"))
    }

    @Test func aJWTStatusListMustVerifyForEveryKindOfProof() throws {
        // The same rule for a VC-JWT and for a Data Integrity credential: a status list that is a JWT
        // whose signature does not verify is not used (and never called verified).
        let key = try SigningKey.generate(.ed25519)
        let other = try SigningKey.generate(.ed25519)
        let did = key.publicKey.didKey!
        let status: JSONValue = .object(JSONObject([
            "type": .string("BitstringStatusListEntry"), "statusPurpose": .string("revocation"),
            "statusListIndex": .string("3"), "statusListCredential": .string("https://issuer.example/status/1"),
        ]))
        let listCredential = JSONObject([
            "id": .string("https://issuer.example/status/1"), "issuer": .string(did),
            "credentialSubject": .object(JSONObject(["type": .string("BitstringStatusList"), "statusPurpose": .string("revocation"),
                                                    "encodedList": .string("uH4sIAAAAAAAA_-3BMQEAAAzDoMy_6cnoA9QFAAAAAAAAAAAAAAAAAAAAbD3uPa2cAEAAAA")])),
        ])
        // Named as the issuer's key, signed by another.
        let forgedList = try SignedJWS.sign(header: JSONObject(["kid": .string(key.publicKey.didKeyVerificationMethod!)]),
                                            payload: JSONWriter(style: .compact).bytes(.object(listCredential)), key: other, algorithm: .edDSA)
        let list = try StatusListDocument.read(Array(forgedList.utf8), name: "list.jwt")
        let credential = Self.credential(issuer: did, extra: ["credentialStatus": status])
        let jwt = try Self.vcJWT(credential, key: key, header: JSONObject(["kid": .string(key.publicKey.didKeyVerificationMethod!)]))
        #expect(Self.failed(Self.verify(jwt, lists: [list])) == .status)
        let secured = try JCSProofs.sign(credential, options: JSONObject([
            "type": .string("DataIntegrityProof"), "cryptosuite": .string("eddsa-jcs-2022"),
            "verificationMethod": .string(key.publicKey.didKeyVerificationMethod!), "proofPurpose": .string("assertionMethod"),
        ]), key: key, suite: .eddsaJCS2022)
        let report = DataIntegrityCredentialVerifier(options: VerificationOptions(statusLists: [list], at: Self.now)).verify(document: secured)
        #expect(report.checks.first { $0.code == .signature }?.ok == true)
        #expect(Self.failed(report) == .status)
    }

    @Test func isoInstants() {
        #expect(ISOInstant.seconds("1970-01-01T00:00:00Z") == 0)
        #expect(ISOInstant.seconds("2026-01-01") == 1_767_225_600)
        #expect(ISOInstant.seconds("2026-01-01T01:00:00+01:00") == 1_767_225_600)
        #expect(ISOInstant.seconds("2026-01-01T00:00:00.999Z") == 1_767_225_600)
        #expect(ISOInstant.seconds("0001-01-01T00:00:00Z") == -62_135_596_800)
        #expect(ISOInstant.seconds("2026-13-01") == nil)
        #expect(ISOInstant.seconds("2026-01-01T00:00:00Zjunk") == nil)
        #expect(ISOInstant.text(1_767_225_600) == "2026-01-01T00:00:00Z")
    }
}
