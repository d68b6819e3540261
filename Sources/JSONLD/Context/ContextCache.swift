import Synchronization

/// Processed contexts, shared by every document one ``JSONLDProcessor`` handles: a credential's
/// `@context` and the scoped contexts of its types are processed once, not once per document.
///
/// Each cached context has an id; an entry is keyed by the id of the context it was processed on, the
/// local context's JSON text and the flags that change the result, so a hit is exactly what processing
/// would return. Only calls outside a remote-context chain are cached (inside one, `@base` handling and
/// cycle detection depend on the chain).
final class ContextCache: Sendable {
    struct Key: Hashable {
        var parent: Int
        var local: String
        var baseURL: String?
        var overrideProtected: Bool
        var propagate: Bool
        var validateScopedContext: Bool
    }

    private struct State {
        var entries: [Key: ActiveContext] = [:]
        var initial: [String: Int] = [:]
        var nextID = 1
    }

    private let state = Mutex(State())
    /// Entries kept before the cache starts over (a stream of documents with ever new inline contexts
    /// must not grow memory without bound).
    static let capacity = 4096

    /// The id of the initial context for a base IRI and processing mode.
    func initialID(base: String?, processingMode10: Bool) -> Int {
        state.withLock { s in
            let key = (processingMode10 ? "1.0|" : "1.1|") + (base ?? "")
            if let id = s.initial[key] { return id }
            let id = s.nextID
            s.nextID += 1
            s.initial[key] = id
            return id
        }
    }

    func lookup(_ key: Key) -> ActiveContext? { state.withLock { $0.entries[key] } }

    /// Stores `context` under `key`, giving it a fresh id; returns it with that id.
    func store(_ context: ActiveContext, under key: Key) -> ActiveContext {
        state.withLock { s in
            if s.entries.count >= Self.capacity { s.entries.removeAll(keepingCapacity: true) }
            var stored = context
            stored.cacheID = s.nextID
            s.nextID += 1
            s.entries[key] = stored
            return stored
        }
    }
}
