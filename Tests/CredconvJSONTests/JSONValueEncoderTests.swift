import CredconvJSON
import Testing

@Suite("Encodable to JSONValue")
struct JSONValueEncoderTests {
    struct Inner: Encodable {
        var label: String
        var tags: [String] = []
    }

    struct Sample: Encodable {
        var zeta: Int
        var alpha: String?
        var inner: Inner
        var nothing: String?
        var exact: JSONValue
        var list: [Inner]
        var ratio: Double
    }

    @Test func keepsDeclarationOrderAndOmitsNilAndEmpty() throws {
        let s = Sample(zeta: 1, alpha: "a", inner: Inner(label: "x"), nothing: nil, exact: .number("42.0"), list: [], ratio: 2.5)
        let v = try JSONValueEncoder().encode(s)
        #expect(JSONWriter(style: .compact).string(v) == #"{"zeta":1,"alpha":"a","inner":{"label":"x"},"exact":42.0,"ratio":2.5}"#)
    }

    @Test func sameValueEncodesTheSameEveryTime() throws {
        let s = Sample(zeta: 9, alpha: nil, inner: Inner(label: "y", tags: ["t"]), nothing: "n", exact: .null, list: [Inner(label: "z")], ratio: 1)
        let first = JSONWriter().string(try JSONValueEncoder().encode(s))
        for _ in 0..<5 { #expect(JSONWriter().string(try JSONValueEncoder().encode(s)) == first) }
        #expect(first.contains("\"ratio\": 1\n"))
    }
}
