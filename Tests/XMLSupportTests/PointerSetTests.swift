import Testing

@testable import XMLSupport

/// The read ledger's address set: every address inserted is found, no other is, through growth.
@Suite("Pointer set")
struct PointerSetTests {
    @Test func holdsWhatWasInsertedThroughGrowth() {
        let block = UnsafeMutableRawPointer.allocate(byteCount: 16 * 5000, alignment: 16)
        defer { block.deallocate() }
        var set = PointerSet()
        var inserted: Set<UnsafeMutableRawPointer> = []
        // Every third 16-byte slot, in an order that is not the address order.
        for i in stride(from: 0, to: 5000, by: 3).reversed() {
            let p = block + i * 16
            let added = set.insert(p)
            #expect(added)
            inserted.insert(p)
        }
        let addedAgain = set.insert(block)  // i = 0 is there already
        #expect(!addedAgain)
        #expect(set.count == inserted.count)
        for i in 0..<5000 {
            #expect(set.contains(block + i * 16) == (i % 3 == 0))
        }
        #expect(Set(set) == inserted)
    }
}
