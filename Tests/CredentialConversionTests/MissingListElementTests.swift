import CredconvJSON
@testable import CredentialConversion
import Testing

/// An element of a list that did not come back is reported whole, not as changed into the element
/// that took its place.
@Suite("Loss check: a list element that did not come back")
struct MissingListElementTests {
    static func describe(_ a: JSONValue, _ b: JSONValue) -> [String] {
        LossAccounting.differences(a, b).map { "\($0.path) -> \($0.written.map { JSONWriter(style: .compact).string($0) } ?? "nothing")" }
    }

    static func identifier(_ value: String, _ type: String) -> JSONValue {
        .object(JSONObject(["value": .string(value), "type": .string(type)]))
    }

    @Test func theFirstOfTwoIsMissingWhole() {
        let model = JSONValue.object(JSONObject(["identifiers": .array([Self.identifier("DE/TUBSP-1", "eIDASIdentifier"), Self.identifier("DE123", "vatIdentifier")])]))
        let back = JSONValue.object(JSONObject(["identifiers": .array([Self.identifier("DE123", "vatIdentifier")])]))
        #expect(Self.describe(model, back) == ["identifiers[0] -> nothing"])
    }

    @Test func aChangedElementIsStillComparedWithItsPlace() {
        let model = JSONValue.object(JSONObject(["identifiers": .array([Self.identifier("DE/TUBSP-1", "eIDASIdentifier"), Self.identifier("DE123", "vatIdentifier")])]))
        let back = JSONValue.object(JSONObject(["identifiers": .array([Self.identifier("DE/TUBSP-1", "registration"), Self.identifier("DE123", "vatIdentifier")])]))
        #expect(Self.describe(model, back) == [#"identifiers[0].type -> "registration""#])
    }

    /// Reordered and each changed a little: each is compared with the one it became.
    @Test func reorderedElementsAreComparedWithTheirCounterparts() {
        func id(_ pairs: KeyValuePairs<String, JSONValue>) -> JSONValue { .object(JSONObject(pairs)) }
        let model = JSONValue.object(JSONObject(["identifiers": .array([
            id(["value": .string("12345678"), "schemeID": .string("Student Card")]),
            id(["value": .string("18118654"), "schemeID": .string("EU Health Card")]),
            id(["value": .string("12345LA"), "type": .string("nationalIdentityNumber"), "spatial": .string("ITA")]),
        ])]))
        let back = JSONValue.object(JSONObject(["identifiers": .array([
            id(["value": .string("12345LA"), "type": .string("nationalIdentityNumber"), "spatial": .string("IT")]),
            id(["value": .string("12345678")]),
            id(["value": .string("18118654")]),
        ])]))
        #expect(Self.describe(model, back) == ["identifiers[0].schemeID -> nothing", "identifiers[1].schemeID -> nothing", #"identifiers[2].spatial -> "IT""#])
    }
}
