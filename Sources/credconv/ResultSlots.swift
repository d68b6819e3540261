/// Results written by concurrent workers, one slot each, read once all are done.
final class ResultSlots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    /// Sets slot `i`; each slot is written by one worker only.
    func set(_ i: Int, _ value: Value) { storage[i] = value }

    /// Every slot, after the workers are done.
    func values() -> [Value] { storage.map { $0! } }
}
