/// One flag per member of a JSON object: bits of one word for objects of up to 64 members (all but
/// the rarest), an array beyond that. Setting and testing a flag allocates nothing.
struct MemberFlags {
    private var bits: UInt64 = 0
    private var overflow: [Bool]

    init(count: Int) {
        overflow = count > 64 ? Array(repeating: false, count: count) : []
    }

    subscript(index: Int) -> Bool {
        get { overflow.isEmpty ? bits & (1 << UInt64(index)) != 0 : overflow[index] }
        set {
            if overflow.isEmpty {
                if newValue { bits |= 1 << UInt64(index) } else { bits &= ~(1 << UInt64(index)) }
            } else {
                overflow[index] = newValue
            }
        }
    }
}
