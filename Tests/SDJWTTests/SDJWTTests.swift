import CredconvJSON
import SDJWT
import Testing

/// Disclosures, digests and their processing, against the SD-JWT specification's examples and the
/// rules of its verification (RFC 9901 §7.1).
@Suite("SD-JWT: disclosures and digests")
struct SDJWTTests {
    /// The specification's examples: a claim and an array element, with their SHA-256 digests.
    @Test func digestsOfTheSpecificationsExamples() throws {
        let claim = try Disclosure(encoded: "WyI2cU1RdlJMNWhhaiIsICJmYW1pbHlfbmFtZSIsICJNw7ZiaXVzIl0")
        #expect(claim.claimName == "family_name")
        #expect(claim.value == .string("Möbius"))
        #expect(claim.digest(.sha256) == "uutlBuYeMDyjLLTpf6Jxi7yNkEF35jdyWMn9U7b_RYY")
        let element = try Disclosure(encoded: "WyJsa2x4RjVqTVlsR1RQVW92TU5JdkNBIiwgIkZSIl0")
        #expect(element.claimName == nil)
        #expect(element.value == .string("FR"))
        #expect(element.digest(.sha256) == "w0I8EKcdCtUPkGCNUrfwVp2xEgNjtoIDlOxc9-PlOhs")
    }

    static let claims = JSONObject([
        "iss": .string("https://issuer.example"),
        "family_name": .string("Möbius"),
        "nationalities": .array([.string("DE"), .string("FR")]),
        "address": .object(JSONObject(["locality": .string("Berlin"), "country": .string("DE")])),
    ])
    static let concealed: Set<ClaimPath> = [
        ClaimPath(names: "family_name"), ClaimPath(names: "nationalities").element,
        ClaimPath(names: "address"), ClaimPath(names: "address", "locality"),
    ]

    static func issued(decoys: Int = 0) -> (JSONObject, [Disclosure]) {
        SelectiveDisclosureIssuer(concealing: concealed, decoysPerObject: decoys).issue(claims)
    }

    @Test func issuedClaimsComeBackWhole() throws {
        let (payload, disclosures) = Self.issued(decoys: 3)
        #expect(payload["family_name"] == nil)
        #expect(payload["address"] == nil)
        #expect(payload["iss"] == .string("https://issuer.example"))
        #expect(payload["_sd_alg"] == .string("sha-256"))
        #expect(disclosures.count == 5)
        let processed = try DisclosedClaims(payload: payload, disclosures: disclosures)
        // Disclosed claims follow the plain ones, in digest order: compared in canonical (JCS) form.
        #expect(try JSONCanonicalization.bytes(.object(processed.claims)) == JSONCanonicalization.bytes(.object(Self.claims)))
        // Decoys: three per object with concealed claims (the top and the address).
        #expect(processed.undisclosedDigestCount == 6)
        #expect(processed.disclosedPointers.count == 5)
    }

    @Test func withheldDisclosuresLeaveTheirClaimsOut() throws {
        let (payload, disclosures) = Self.issued()
        let kept = disclosures.filter { $0.claimName != "family_name" }
        let processed = try DisclosedClaims(payload: payload, disclosures: kept)
        #expect(processed.claims["family_name"] == nil)
        #expect(processed.undisclosedDigestCount == 1)
    }

    @Test func aChangedDisclosureIsNamedByNoDigest() throws {
        let (payload, disclosures) = Self.issued()
        let changed = disclosures.map { d in
            d.claimName == "family_name" ? Disclosure(salt: d.salt, claimName: "family_name", value: .string("Mallory")) : d
        }
        #expect(throws: SDJWTError(.unreferencedDisclosure, "")) { try Self.code(DisclosedClaims(payload: payload, disclosures: changed)) }
    }

    @Test func aDisclosureGivenTwiceIsRefused() throws {
        let (payload, disclosures) = Self.issued()
        #expect(throws: SDJWTError(.duplicateDigest, "")) { try Self.code(DisclosedClaims(payload: payload, disclosures: disclosures + [disclosures[0]])) }
    }

    @Test func aDigestNamedTwiceIsRefused() throws {
        var (payload, disclosures) = Self.issued()
        let digests = try #require(payload["_sd"]?.arrayValue)
        payload.set("_sd", .array(digests + [digests[0]]))
        #expect(throws: SDJWTError(.duplicateDigest, "")) { try Self.code(DisclosedClaims(payload: payload, disclosures: disclosures)) }
    }

    @Test func aWrongOrUnknownDigestAlgorithmIsNamed() throws {
        var (payload, disclosures) = Self.issued()
        payload.set("_sd_alg", .string("sha-384"))
        #expect(throws: SDJWTError(.digestAlgorithm, "")) { try Self.code(DisclosedClaims(payload: payload, disclosures: disclosures)) }
        payload.set("_sd_alg", .string("md5"))
        #expect(throws: SDJWTError(.digestAlgorithm, "")) { try Self.code(DisclosedClaims(payload: payload, disclosures: disclosures)) }
        payload.set("_sd_alg", .integer(256))
        #expect(throws: SDJWTError(.digestAlgorithm, "")) { try Self.code(DisclosedClaims(payload: payload, disclosures: disclosures)) }
    }

    @Test func disclosuresInTheWrongPlaceOrClashingAreRefused() throws {
        // A claim disclosure whose digest is an array element.
        let claim = Disclosure(salt: "s1", claimName: "a", value: .string("x"))
        let inArray = JSONObject(["list": .array([.object(JSONObject(["...": .string(claim.digest(.sha256))]))])])
        #expect(throws: SDJWTError(.misplacedDisclosure, "")) { try Self.code(DisclosedClaims(payload: inArray, disclosures: [claim])) }
        // An element disclosure whose digest is in an object's _sd.
        let element = Disclosure(salt: "s2", claimName: nil, value: .string("x"))
        let inObject = JSONObject(["_sd": .array([.string(element.digest(.sha256))])])
        #expect(throws: SDJWTError(.misplacedDisclosure, "")) { try Self.code(DisclosedClaims(payload: inObject, disclosures: [element])) }
        // A disclosed name the object has in the clear.
        let clash = JSONObject(["a": .string("plain"), "_sd": .array([.string(claim.digest(.sha256))])])
        #expect(throws: SDJWTError(.claimClash, "")) { try Self.code(DisclosedClaims(payload: clash, disclosures: [claim])) }
        // Reserved names, and what is no disclosure at all.
        let reserved = Base64URL.encode(Array(#"["salt", "_sd", 1]"#.utf8))
        #expect(throws: SDJWTError(.claimClash, "")) { try Self.code(Disclosure(encoded: reserved)) }
        for bad in ["not base64!", Base64URL.encode(Array("{}".utf8)), Base64URL.encode(Array(#"["only salt"]"#.utf8)), Base64URL.encode(Array(#"[1, "a", 2]"#.utf8))] {
            #expect(throws: SDJWTError(.malformedDisclosure, "")) { try Self.code(Disclosure(encoded: bad)) }
        }
    }

    /// Many disclosures in one object: each is put back once (processing is linear in them; a quadratic
    /// path would make this test take minutes).
    @Test func fiftyThousandDisclosuresInOneObject() throws {
        var claims = JSONObject()
        var paths = Set<ClaimPath>()
        var members: [JSONObject.Member] = []
        for i in 0..<50_000 {
            members.append(JSONObject.Member(key: "c\(i)", value: .integer(i)))
            paths.insert(ClaimPath(names: "c\(i)"))
        }
        claims = JSONObject(uniqueMembers: members)
        let (payload, disclosures) = SelectiveDisclosureIssuer(concealing: paths).issue(claims)
        #expect(payload.count == 2)
        let processed = try DisclosedClaims(payload: payload, disclosures: disclosures)
        #expect(processed.claims.count == 50_000)
        #expect(processed.claims["c49999"] == .integer(49_999))
    }

    /// A chain of disclosures, each holding the next one's digest: shallow one by one, deep together.
    @Test func aDeepChainOfDisclosuresIsRefusedNotRecursedInto() throws {
        var disclosures: [Disclosure] = []
        var inner: JSONValue = .string("bottom")
        for i in 0..<20_000 {
            let d = Disclosure(salt: "s\(i)", claimName: "c", value: inner)
            disclosures.append(d)
            inner = .object(JSONObject(["_sd": .array([.string(d.digest(.sha256))])]))
        }
        guard case .object(let payload) = inner else { return }
        #expect(throws: SDJWTError(.malformed, "")) { try Self.code(DisclosedClaims(payload: payload, disclosures: disclosures)) }
        // Within the limit, the chain resolves.
        let short = Array(disclosures.prefix(100))
        let top = JSONObject(["_sd": .array([.string(short[99].digest(.sha256))])])
        #expect(try DisclosedClaims(payload: top, disclosures: short).disclosedPointers.count == 100)
    }

    @Test func theCompactFormSplitsAndRejoins() throws {
        let plain = try CompactSDJWT("aGVhZA.cGF5bG9hZA.c2ln~ZDE~ZDI~")
        #expect(plain.disclosures == ["ZDE", "ZDI"])
        #expect(plain.keyBindingJWT == nil)
        #expect(plain.text == "aGVhZA.cGF5bG9hZA.c2ln~ZDE~ZDI~")
        let bound = try CompactSDJWT("aGVhZA.cGF5bG9hZA.c2ln~ZDE~a2I.a2I.a2I")
        #expect(bound.keyBindingJWT == "a2I.a2I.a2I")
        #expect(bound.presentationWithoutKeyBinding == "aGVhZA.cGF5bG9hZA.c2ln~ZDE~")
        #expect(CompactSDJWT.looksLikeSDJWT(Array("aGVhZA.cGF5bG9hZA.c2ln~\n".utf8)))
        #expect(!CompactSDJWT.looksLikeSDJWT(Array("aGVhZA.cGF5bG9hZA.c2ln".utf8)))
        for broken in ["aGVhZA.cGF5bG9hZA.c2ln", "aGVhZA.c2ln~ZDE~", "aGVhZA.cGF5bG9hZA.c2ln~~ZDE~", "aGVhZA.cGF5bG9hZA.c2ln~ZDE~notajwt"] {
            #expect(throws: SDJWTError(.malformed, "")) { try Self.code(CompactSDJWT(broken)) }
        }
    }

    /// Runs `body`, rethrowing an SDJWTError with its message dropped, so `#expect(throws:)` compares codes.
    static func code<T>(_ body: @autoclosure () throws(SDJWTError) -> T) throws(SDJWTError) {
        do { _ = try body() } catch { throw SDJWTError(error.code, "") }
    }
}
