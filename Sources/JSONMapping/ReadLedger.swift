import CredconvJSON

/// What a reader consumed of a JSON document: the members it mapped to the model, took whole, or kept in
/// an extension bag. ``ObjectCursor`` records into the ledger bound for the current read, so no reader
/// can leave a member unread without it showing: ``unconsumed(in:)`` lists the rest.
///
/// A ledger belongs to one read on one thread (bound with ``withLedger(_:)``); it is not shared.
public final class ReadLedger: @unchecked Sendable {
    /// The ledger of the read in progress, if any.
    @TaskLocal public static var current: ReadLedger?

    private var consumed: Set<JSONPointer> = []
    /// Containers a reader went into, member by member.
    private var visited: Set<JSONPointer> = []

    public init() {}

    /// Marks a value, and everything inside it, as consumed.
    public func consume(_ pointer: JSONPointer) { consumed.insert(pointer) }

    /// Marks a container the reader goes into: its members count one by one.
    public func visit(_ pointer: JSONPointer) { visited.insert(pointer) }

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
        var touched: Set<JSONPointer> = []
        for p in consumed {
            var tokens = p.tokens
            while !tokens.isEmpty {
                tokens.removeLast()
                if !touched.insert(JSONPointer(tokens: tokens)).inserted { break }
            }
        }
        var out: [JSONPointer] = []
        func walk(_ value: JSONValue, _ pointer: JSONPointer) {
            if consumed.contains(pointer) || isReported(pointer) { return }
            guard touched.contains(pointer) || visited.contains(pointer) else {
                out.append(pointer)
                return
            }
            switch value {
            case .object(let o): for m in o { walk(m.value, pointer / m.key) }
            case .array(let a): for (i, v) in a.enumerated() { walk(v, pointer / i) }
            default: out.append(pointer)
            }
        }
        walk(document, .root)
        return out
    }
}
