import CredconvJSON

/// What a reader consumed of a JSON document: the members it mapped to the model, took whole, or kept in
/// an extension bag. ``ObjectCursor`` records into the ledger bound for the current read, so no reader
/// can leave a member unread without it showing: ``unconsumed(in:reported:)`` lists the rest.
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

    /// The member flags of one JSON object: its stretch of the ledger's flag list.
    public struct ObjectFlags {
        let ledger: ReadLedger
        let start: Int

        /// Raises a member's state.
        public func mark(_ index: Int, _ state: State) {
            if ledger.states[start + index] < state { ledger.states[start + index] = state }
        }
    }

    /// Where each object's flags start in `states`, and how many members it had, by the object's member
    /// storage (a document's objects each have their own while the document lives; cursors on one
    /// object share its flags). One flat list costs no allocation per object.
    private var objects: [JSONObject.StorageIdentity: (start: Int, count: Int)] = [:]
    private var states: [State] = []
    private var consumedPlaces: Set<JSONPointer> = []
    private var visitedPlaces: Set<JSONPointer> = []

    public init() {
        objects.reserveCapacity(32)
        states.reserveCapacity(256)
    }

    /// The flags of `object` (made on first use).
    public func flags(for object: JSONObject) -> ObjectFlags {
        let key = object.storageIdentity
        if let known = objects[key], known.count == object.count { return ObjectFlags(ledger: self, start: known.start) }
        let start = states.count
        states.append(contentsOf: repeatElement(.unread, count: object.count))
        objects[key] = (start, object.count)
        return ObjectFlags(ledger: self, start: start)
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

    /// The highest places in `document` of which nothing was consumed, skipping those `reported` names.
    public func unconsumed(in document: JSONValue, reported: Set<JSONPointer>) -> [JSONPointer] {
        var out: [JSONPointer] = []
        // The walk keeps its place as tokens and makes a pointer only to look one up or to report it.
        let looksUpPlaces = !(consumedPlaces.isEmpty && visitedPlaces.isEmpty && reported.isEmpty)
        var tokens: [String] = []
        func here() -> JSONPointer { JSONPointer(tokens: tokens) }
        func walk(_ value: JSONValue, _ state: State) {
            if state == .consumed { return }
            let pointer = looksUpPlaces ? here() : nil
            if let pointer, consumedPlaces.contains(pointer) || reported.contains(pointer) { return }
            switch value {
            case .object(let o):
                // Empty objects share their (empty) storage: they are told by their state alone.
                guard !o.isEmpty, let flags = objects[o.storageIdentity], flags.count == o.count else {
                    if state == .unread && !(pointer.map(visitedPlaces.contains) ?? false) { out.append(pointer ?? here()) }
                    return
                }
                for (i, m) in o.members.enumerated() {
                    tokens.append(m.key)
                    walk(m.value, states[flags.start + i])
                    tokens.removeLast()
                }
            case .array(let a):
                guard state == .visited || (pointer.map(visitedPlaces.contains) ?? false) else {
                    out.append(pointer ?? here())
                    return
                }
                for (i, v) in a.enumerated() {
                    tokens.append(String(i))
                    walk(v, looksUpPlaces && visitedPlaces.contains(here()) ? .visited : .unread)
                    tokens.removeLast()
                }
            default:
                if state != .visited || value != .null { out.append(pointer ?? here()) }
            }
        }
        walk(document, .visited)
        return out
    }
}
