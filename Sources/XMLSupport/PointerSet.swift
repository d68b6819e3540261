/// A set of non-null addresses (libxml2 nodes and attributes), in one open-addressed table with a
/// multiplicative hash: the read ledger records and asks about hundreds of nodes per credential, and
/// `Set`'s SipHash was a twentieth of reading a Europass XML file.
struct PointerSet: Sequence {
    /// Slots holding an address's bits; 0 is an empty slot (no address is null).
    private var slots: [UInt]
    private(set) var count = 0

    init() { slots = Array(repeating: 0, count: 64) }

    /// Adds the address; false when it was there already.
    @discardableResult
    mutating func insert(_ pointer: UnsafeMutableRawPointer) -> Bool {
        if (count + 1) * 4 > slots.count * 3 { grow() }
        let key = UInt(bitPattern: pointer)
        var i = Self.slot(of: key, in: slots.count)
        while slots[i] != 0 {
            if slots[i] == key { return false }
            i = (i + 1) & (slots.count - 1)
        }
        slots[i] = key
        count += 1
        return true
    }

    func contains(_ pointer: UnsafeMutableRawPointer) -> Bool {
        let key = UInt(bitPattern: pointer)
        var i = Self.slot(of: key, in: slots.count)
        while slots[i] != 0 {
            if slots[i] == key { return true }
            i = (i + 1) & (slots.count - 1)
        }
        return false
    }

    func makeIterator() -> AnyIterator<UnsafeMutableRawPointer> {
        var iterator = slots.makeIterator()
        return AnyIterator {
            while let key = iterator.next() {
                if key != 0, let pointer = UnsafeMutableRawPointer(bitPattern: key) { return pointer }
            }
            return nil
        }
    }

    /// The home slot: Fibonacci hashing of the address without its alignment bits.
    private static func slot(of key: UInt, in capacity: Int) -> Int {
        Int(truncatingIfNeeded: ((key >> 4) &* 0x9E37_79B9_7F4A_7C15) >> UInt(UInt.bitWidth - capacity.trailingZeroBitCount)) & (capacity - 1)
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        count = 0
        for key in old where key != 0 {
            if let pointer = UnsafeMutableRawPointer(bitPattern: key) { insert(pointer) }
        }
    }
}
