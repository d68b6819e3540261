import BakedImages
import CredconvTestSupport
import Foundation
import Testing

@Suite("Baked badge images")
struct BakedImagesTests {
    static let official = [
        "openbadges/ob3/examples/validator/simple-json.png",
        "openbadges/ob3/examples/validator/simple-jwt.png",
        "openbadges/ob3/examples/validator/simple-json.svg",
        "openbadges/ob3/examples/validator/simple-jwt.svg",
        "openbadges/ob2/examples/validator-simple-badge.png",
    ]

    static func unbake(_ bytes: [UInt8]) throws -> BakedPayload? {
        bytes.starts(with: PNGImage.signature) ? try PNGBaking.unbake(bytes) : try SVGBaking.unbake(bytes)
    }

    @Test("Every official baked vector unbakes, in its slot, as JSON or a JWS", .enabled(if: TestPaths.referenceAvailable, "../shared/reference is absent: skipped"), arguments: official)
    func officialVectors(_ path: String) throws {
        let bytes = [UInt8](try Data(contentsOf: TestPaths.reference(path)))
        let payload = try #require(try Self.unbake(bytes))
        #expect(payload.slot == (path.contains("/ob2/") ? .openBadges2 : .openBadges3))
        #expect(!payload.isReferenceOnly)
        if path.contains("jwt") {
            #expect(payload.text.split(separator: ".").count == 3)
        } else {
            #expect(payload.text.hasPrefix("{"))
        }
    }

    static let tinyPNG: [UInt8] = PNGWriter.grayscale([[0, 255], [255, 0]])

    @Test("Bake → unbake round trips in PNG; other chunks are kept in order; a second bake replaces the first")
    func pngRoundTrip() throws {
        let first = BakedPayload(slot: .openBadges3, text: #"{"type":["VerifiableCredential","OpenBadgeCredential"],"name":"Ünïcode ✓"}"#, location: "")
        let baked = try PNGBaking.bake(first, into: Self.tinyPNG)
        #expect(try PNGBaking.unbake(baked)?.text == first.text)
        let original = try PNGImage(parsing: Self.tinyPNG).chunks.map(\.type)
        let chunks = try PNGImage(parsing: baked).chunks.map(\.type)
        #expect(chunks.filter { $0 != "iTXt" } == original)
        #expect(chunks[1] == "iTXt")
        let second = BakedPayload(slot: .openBadges2, text: #"{"type":"Assertion"}"#, location: "")
        let rebaked = try PNGBaking.bake(second, into: baked)
        #expect(try PNGImage(parsing: rebaked).chunks.filter { $0.type == "iTXt" }.count == 1)
        #expect(try PNGBaking.unbake(rebaked) == BakedPayload(slot: .openBadges2, text: second.text, location: try PNGBaking.unbake(rebaked)!.location))
    }

    @Test("Corrupt PNGs are located errors, never crashes")
    func corruptPNG() throws {
        let baked = try PNGBaking.bake(BakedPayload(slot: .openBadges3, text: "{}", location: ""), into: Self.tinyPNG)
        var flipped = baked
        flipped[45] ^= 0xFF  // inside the iTXt chunk's data
        #expect(throws: BakingError.self) { try PNGBaking.unbake(flipped) }
        do { _ = try PNGBaking.unbake(flipped) } catch { #expect(error.byteOffset != nil) }
        // Every truncation is refused with a message.
        for n in [0, 7, 8, 12, 20, 33, 40, baked.count - 1] {
            #expect(throws: BakingError.self, "truncated to \(n)") { try PNGBaking.unbake(Array(baked.prefix(n))) }
        }
        // A huge declared length does not allocate or crash.
        var huge = baked
        huge.replaceSubrange(33..<37, with: [0x7F, 0xFF, 0xFF, 0xFF])
        #expect(throws: BakingError.self) { try PNGBaking.unbake(huge) }
        #expect(throws: BakingError.self) { try PNGBaking.unbake(Array("GIF89a".utf8)) }
    }

    @Test("Any single corrupted byte of a baked PNG or SVG gives a badge or an error, never a crash")
    func everyByteFlipped() throws {
        let png = try PNGBaking.bake(BakedPayload(slot: .openBadges3, text: #"{"a":1}"#, location: ""), into: Self.tinyPNG)
        for i in png.indices {
            var broken = png
            broken[i] ^= 0x5A
            _ = try? PNGBaking.unbake(broken)
        }
        let svg = try SVGBaking.bake(BakedPayload(slot: .openBadges2, text: #"{"a":1}"#, location: ""), into: Array(Self.plainSVG.utf8))
        for i in svg.indices {
            var broken = svg
            broken[i] = UInt8(ascii: "<")
            _ = try? SVGBaking.unbake(broken)
        }
    }

    @Test("A compressed badge chunk is refused; the old tEXt URL form is read as a reference")
    func chunkForms() throws {
        var png = try PNGImage(parsing: Self.tinyPNG)
        png.chunks.insert(PNGImage.Chunk(type: "iTXt", data: Array("openbadges".utf8) + [0, 1, 0, 0, 0] + [0x78, 0x9C]), at: 1)
        #expect(throws: BakingError.self) { try PNGBaking.unbake(png.bytes) }
        png.chunks[1] = PNGImage.Chunk(type: "tEXt", data: Array("openbadges".utf8) + [0] + Array("https://example.org/assertion.json".utf8))
        let payload = try #require(try PNGBaking.unbake(png.bytes))
        #expect(payload.isReferenceOnly)
        #expect(payload.text == "https://example.org/assertion.json")
    }

    static let plainSVG = #"<?xml version="1.0"?>\#n<!-- a badge -->\#n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><circle cx="5" cy="5" r="4"/></svg>\#n"#

    @Test("Bake → unbake round trips in SVG; the rest of the document is kept byte for byte")
    func svgRoundTrip() throws {
        let json = BakedPayload(slot: .openBadges3, text: #"{"name":"<b> & \"q\""}"#, location: "")
        let baked = try SVGBaking.bake(json, into: Array(Self.plainSVG.utf8))
        #expect(try SVGBaking.unbake(baked)?.text == json.text)
        let jws = BakedPayload(slot: .openBadges3, text: "eyJhbGciOiJub25lIn0.eyJ2YyI6e319.", location: "")
        let rebaked = try SVGBaking.bake(jws, into: baked)
        let text = String(decoding: rebaked, as: UTF8.self)
        #expect(text.components(separatedBy: "openbadges:credential").count == 2)  // one element, self-closing
        #expect(try SVGBaking.unbake(rebaked)?.text == jws.text)
        #expect(text.replacingOccurrences(of: #"<openbadges:credential xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" verify="eyJhbGciOiJub25lIn0.eyJ2YyI6e319."/>"#, with: "") == Self.plainSVG)
        // A self-closing root gets a body.
        let selfClosing = try SVGBaking.bake(json, into: Array(#"<svg xmlns="http://www.w3.org/2000/svg"/>"#.utf8))
        #expect(try SVGBaking.unbake(selfClosing)?.text == json.text)
    }

    @Test("SVG with an internal DTD subset or entities is refused; an external DOCTYPE alone is accepted")
    func svgAttacks() throws {
        let xxe = #"<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>"#
        #expect(throws: BakingError.self) { try SVGBaking.unbake(Array(xxe.utf8)) }
        let external = #"<?xml version="1.0"?>\#n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\#n<svg xmlns="http://www.w3.org/2000/svg"/>"#
        #expect(try SVGBaking.unbake(Array(external.utf8)) == nil)
        #expect(throws: BakingError.self) { try SVGBaking.unbake(Array("<html/>".utf8)) }
        #expect(throws: BakingError.self) { try SVGBaking.bake(BakedPayload(slot: .openBadges3, text: "{\"a\":\"]]>\"}", location: ""), into: Array(Self.plainSVG.utf8)) }
    }
}
