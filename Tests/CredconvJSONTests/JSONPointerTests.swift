import CredconvJSON
import Testing

@Suite("JSON pointers")
struct JSONPointerTests {
    @Test func escapesTildeAndSlash() {
        let p = JSONPointer.root / "a/b" / "m~n" / 3
        #expect(p.description == "/a~1b/m~0n/3")
        #expect(JSONPointer(p.description) == p)
        #expect(JSONPointer.root.description == "")
        #expect(JSONPointer("no-slash") == nil)
    }
}
