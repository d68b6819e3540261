import CredconvJSON

/// Which key lengths (in UTF-8 bytes, modulo 64) an object's members have: one word, made once per
/// cursor, that answers most lookups of an absent member without comparing a single key.
///
/// Readers ask for many more members than an object holds (every optional property and extension
/// term), and most of them are absent: a key whose length no member has cannot be there.
struct MemberKeyLengths {
    private let bits: UInt64

    init(_ object: JSONObject) {
        var bits: UInt64 = 0
        for member in object.members { bits |= Self.bit(member.key) }
        self.bits = bits
    }

    /// False when no member can have this key; true when one may.
    func mayContain(_ key: String) -> Bool { bits & Self.bit(key) != 0 }

    private static func bit(_ key: String) -> UInt64 { 1 << UInt64(key.utf8.count & 63) }
}
