import CredconvJSON

/// What a reader consumed of a JSON document: the members it mapped to the model, took whole, or kept in
/// an extension bag. ``ObjectCursor`` records into the ledger bound for the current read, so no reader
/// can leave a member unread without it showing: ``unconsumed(in:isReported:)`` lists the rest.
///
/// Each JSON object a cursor is made for gets one flag per member (shared by every cursor on that
/// object), so recording costs an array write per member read. A ledger belongs to one read on one
/// thread (bound with ``withLedger(_:)``); it is not shared.
public final class ReadLedger: @unchecked Sendable {
    /// The ledger of the read in progress, if any.
    @TaskLocal public static var current: ReadLedger?

    /// How far a member was read.
    public enum State: UInt8, Comparable, Sendable {
        case unread = 0
        /// Gone into: its own members count one by one.
        case visited = 1
        /// Read whole (a scalar, a subtree taken raw, a member kept in an extension bag).
        case consumed = 2

        public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    }

    /// The member flags of one JSON object.
    public final class ObjectFlags: @unchecked Sendable {
        var states: [State]
        init(count: Int) { states = Array(repeating: .unread, count: count) }

        /// Raises a member's state.
        public func mark(_ index: Int, _ state: State) {
            if states[index] < state { states[index] = state }
        }
    }

    private var objects: [JSONPointer: ObjectFlags] = [:]
    private var consumedPlaces: Set<JSONPointer> = []
    private var visitedPlaces: Set<JSONPointer> = []

    public init() {}

    /// The flags of the object at `pointer` (made on first use).
    public func flags(for pointer: JSONPointer, count: Int) -> ObjectFlags {
        if let known = objects[pointer], known.states.count == count { return known }
        let made = ObjectFlags(count: count)
        objects[pointer] = made
        return made
    }

    /// Marks a value, and everything inside it, as consumed (for readers that take a value whole).
    public func consume(_ pointer: JSONPointer) { consumedPlaces.insert(pointer) }

    /// Marks an array element the reader goes into.
    public func visit(_ pointer: JSONPointer) { visitedPlaces.insert(pointer) }

    /// Runs `read` with a fresh ledger bound, and returns its result with the ledger.
    public static func withLedger<T, E: Error>(_ read: () throws(E) -> T) throws(E) -> (T, ReadLedger) {
        let ledger = ReadLedger()
        let result: Result<T, E> = $current.withValue(ledger) {
            do throws(E) { return .success(try read()) } catch { return .failure(error) }
        }
        return (try result.get(), ledger)
    }

    /// The highest places in `document` of which nothing was consumed, skipping those `isReported` names.
    public func unconsumed(in document: JSONValue, isReported: (JSONPointer) -> Bool) -> [JSONPointer] {
        var out: [JSONPointer] = []
        func walk(_ value: JSONValue, _ pointer: JSONPointer, _ state: State) {
            if state == .consumed || consumedPlaces.contains(pointer) || isReported(pointer) { return }
            switch value {
            case .object(let o):
                guard let flags = objects[pointer], flags.states.count == o.count else {
                    if state == .unread && !visitedPlaces.contains(pointer) { out.append(pointer) }
                    return
                }
                for (i, m) in o.members.enumerated() { walk(m.value, pointer / m.key, flags.states[i]) }
            case .array(let a):
                guard state == .visited || visitedPlaces.contains(pointer) else {
                    out.append(pointer)
                    return
                }
                for (i, v) in a.enumerated() { walk(v, pointer / i, visitedPlaces.contains(pointer / i) ? .visited : .unread) }
            default:
                if state != .visited || value != .null { out.append(pointer) }
            }
        }
        walk(document, .root, .visited)
        return out
    }
}
