/// The context in force at a point of a JSON-LD document (JSON-LD 1.1 API, section 4.1).
struct ActiveContext: Sendable {
    var terms: [String: TermDefinition] = [:]
    var baseIRI: String?
    var originalBaseURL: String?
    var vocabularyMapping: String?
    var defaultLanguage: String?
    var defaultDirection: String?
    /// The context to return to when a non-propagated (type-scoped) context ends.
    var previousContext: ContextBox?
    var processingMode10 = false
    /// This context's id in the processor's ``ContextCache``; nil when it is not cached.
    var cacheID: Int?

    init(base: String?, processingMode10: Bool = false) {
        baseIRI = base
        originalBaseURL = base
        self.processingMode10 = processingMode10
    }

    var hasProtectedTerms: Bool { terms.values.contains { $0.isProtected } }
}

/// A reference to a context, so that a context can point at its previous one.
final class ContextBox: Sendable {
    let context: ActiveContext
    init(_ context: ActiveContext) { self.context = context }
}
