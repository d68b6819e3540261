import CredconvJSON
import CredentialModel
import JSONMapping
import Testing

/// A cursor names the place of what it reads: errors and kept members carry the JSON pointer of the
/// member, however deep, whichever way the cursor was reached.
@Suite("Object cursor: places and read flags")
struct ObjectCursorPlaceTests {
    static let document = #"{"a": {"b": [{"c": {"d": [{"e": 1}, {"f": {"g": 7}}]}}]}, "t": [{"u": "v"}]}"#

    @Test func errorsNameTheMemberBelowNestedObjectsAndArrays() throws {
        let doc = try JSONParser().parse(Array(Self.document.utf8))
        var root = try ObjectCursor(doc, at: .root)
        var a = try #require(try root.object("a"))
        var b = try a.objects("b")
        var c = try #require(try b[0].object("c"))
        var d = try c.objects("d")
        #expect(d[0].pointer.description == "/a/b/0/c/d/0")
        var f = try #require(try d[1].object("f"))
        #expect(f.pointer.description == "/a/b/0/c/d/1/f")
        #expect(throws: Diagnostic.self) { _ = try f.string("g") }
        do { _ = try f.string("g") } catch {
            #expect(error.location == .jsonPointer("/a/b/0/c/d/1/f/g"))
        }
        // A sibling reached after the deep walk starts from its own parent again.
        var t = try root.objects("t")
        #expect(t[0].pointer.description == "/t/0")
        do { _ = try t[0].bool("u") } catch {
            #expect(error.location == .jsonPointer("/t/0/u"))
        }
        // A cursor made at an explicit pointer extends it.
        var based = try ObjectCursor(doc, at: .root / "x" / 3)
        let kept = try #require(try based.object("a")).unreadMembers(family: "test")
        #expect(kept.fields.map(\.source) == [.jsonPointer("/x/3/a/b")])
    }

    /// Objects of more than 64 members keep one flag per member too.
    @Test func objectsOfManyMembersKeepWhatWasNotRead() throws {
        let members = (0..<100).map { "\"m\($0)\": \($0)" }.joined(separator: ", ")
        var cursor = try ObjectCursor(try JSONParser().parse(Array("{\(members)}".utf8)), at: .root)
        for i in 0..<100 where i % 3 != 0 { _ = try cursor.number("m\(i)") }
        let kept = cursor.unreadMembers(family: "test").fields.map(\.key)
        #expect(kept == (0..<100).filter { $0 % 3 == 0 }.map { "m\($0)" })
    }
}

/// A cursor skips the key comparisons for a key whose length no member has; keys whose lengths
/// agree modulo 64 (or exactly) are still told apart by comparison.
@Suite("Object cursor: absent members")
struct ObjectCursorAbsentMemberTests {
    @Test func keysOfSharedLengthsAreStillComparedAndAbsentOnesAreNotFound() throws {
        let long = String(repeating: "k", count: 66)  // 66 ≡ 2 (mod 64), the length of "id"
        let doc = try JSONParser().parse(#"{"id": "a", "name": "n", "\#(long)": 1}"#)
        var c = try ObjectCursor(doc, at: .root)
        #expect(c.has("id") && c.has("name") && c.has(long))
        #expect(!c.has("ab") && !c.has("type") && !c.has("description") && !c.has(String(repeating: "k", count: 2)))
        #expect(try c.string("id") == "a")
        #expect(try c.string("xy") == nil)
        #expect(try c.string("nome") == nil)
        #expect(c.unreadMembers(family: "test").fields.map(\.key) == ["name", long])
    }
}
