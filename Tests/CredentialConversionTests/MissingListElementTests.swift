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
}
