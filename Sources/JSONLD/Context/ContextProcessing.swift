import CredconvJSON

/// The Context Processing algorithm (JSON-LD 1.1 API, section 4.1.2).
extension JSONLDWorker {
    func processContext(
        _ active: ActiveContext, _ localContext: JSONValue, baseURL: String?, remoteContexts: [String] = [],
        overrideProtected: Bool = false, propagate: Bool = true, validateScopedContext: Bool = true, localKey: String? = nil
    ) throws(JSONLDError) -> ActiveContext {
        guard remoteContexts.isEmpty, let parent = active.cacheID else {
            return try processContextUncached(
                active, localContext, baseURL: baseURL, remoteContexts: remoteContexts, overrideProtected: overrideProtected,
                propagate: propagate, validateScopedContext: validateScopedContext)
        }
        let local: String
        if let localKey {
            local = localKey
        } else if case .string(let s) = localContext {
            local = s
        } else {
            local = JSONWriter(style: .compact).string(localContext)
        }
        let key = ContextCache.Key(
            parent: parent, local: local, baseURL: baseURL, overrideProtected: overrideProtected, propagate: propagate,
            validateScopedContext: validateScopedContext)
        if let cached = contextCache.lookup(key) { return cached }
        let result = try processContextUncached(
            active, localContext, baseURL: baseURL, remoteContexts: remoteContexts, overrideProtected: overrideProtected,
            propagate: propagate, validateScopedContext: validateScopedContext)
        return contextCache.store(result, under: key)
    }

    private func processContextUncached(
        _ active: ActiveContext, _ localContext: JSONValue, baseURL: String?, remoteContexts: [String],
        overrideProtected: Bool, propagate propagateIn: Bool, validateScopedContext: Bool
    ) throws(JSONLDError) -> ActiveContext {
        var result = active
        result.cacheID = nil
        var propagate = propagateIn
        if case .object(let object) = localContext, let value = object["@propagate"] {
            guard case .bool(let flag) = value else { throw JSONLDError("invalid @propagate value", "@propagate must be true or false") }
            propagate = flag
        }
        if !propagate && result.previousContext == nil { result.previousContext = ContextBox(active) }
        let contexts: [JSONValue] = if case .array(let items) = localContext { items } else { [localContext] }
        var remote = remoteContexts
        for context in contexts {
            switch context {
            case .null:
                if !overrideProtected && result.hasProtectedTerms {
                    throw JSONLDError("invalid context nullification", "a context cannot be set to null while it has protected terms")
                }
                let previous = result
                result = ActiveContext(base: active.originalBaseURL, processingMode10: active.processingMode10)
                if !propagate { result.previousContext = ContextBox(previous) }
            case .string(let reference):
                let url = baseURL.map { IRI.resolve(reference, against: $0) } ?? reference
                guard IRI.isAbsolute(url) else {
                    throw JSONLDError("loading document failed", "context reference \(reference) is not an absolute IRI and there is no base")
                }
                if !validateScopedContext && remote.contains(url) { continue }
                if remote.count >= options.maxRemoteContexts {
                    throw JSONLDError("context overflow", "more than \(options.maxRemoteContexts) remote contexts (a cycle?) at \(url)")
                }
                remote.append(url)
                let loaded = try loadRemoteContext(url)
                result = try processContext(
                    result, loaded.context, baseURL: loaded.documentURL, remoteContexts: remote,
                    validateScopedContext: validateScopedContext)
            case .object(var definition):
                try applyContextObject(&definition, to: &result, baseURL: baseURL, remoteContexts: remote,
                                       overrideProtected: overrideProtected, validateScopedContext: validateScopedContext)
            default:
                throw JSONLDError("invalid local context", "a context must be an object, a string, null or an array of those, not \(context.typeName)")
            }
        }
        return result
    }

    /// The context document at `url`, its `@context` entry, cached for the life of the worker.
    func loadRemoteContext(_ url: String) throws(JSONLDError) -> (documentURL: String, context: JSONValue) {
        if let cached = remoteContextCache[url] { return cached }
        let document = try fetchContextDocument(url)
        guard case .object(let object) = document.document, let context = object["@context"] else {
            throw JSONLDError("invalid remote context", "\(url) has no top-level @context")
        }
        let entry = (documentURL: document.documentURL, context: context)
        remoteContextCache[url] = entry
        return entry
    }

    /// The document at `url` from the loader, a failure being `loading remote context failed`.
    private func fetchContextDocument(_ url: String) throws(JSONLDError) -> RemoteDocument {
        do {
            return try loader.load(url)
        } catch {
            throw JSONLDError("loading remote context failed", error.message)
        }
    }

    private func applyContextObject(
        _ definition: inout JSONObject, to result: inout ActiveContext, baseURL: String?, remoteContexts: [String],
        overrideProtected: Bool, validateScopedContext: Bool
    ) throws(JSONLDError) {
        if let version = definition["@version"] {
            guard case .number(let text) = version, Double(text) == 1.1 else {
                throw JSONLDError("invalid @version value", "@version must be 1.1")
            }
            if result.processingMode10 {
                throw JSONLDError("processing mode conflict", "@version 1.1 in JSON-LD 1.0 processing mode")
            }
        }
        if let importValue = definition["@import"] {
            if result.processingMode10 { throw JSONLDError("invalid context entry", "@import is JSON-LD 1.1") }
            guard case .string(let reference) = importValue else { throw JSONLDError("invalid @import value", "@import must be a string") }
            let url = baseURL.map { IRI.resolve(reference, against: $0) } ?? reference
            let document = try fetchContextDocument(url)
            guard case .object(let imported) = document.document, case .object(let importedContext)? = imported["@context"] else {
                throw JSONLDError("invalid remote context", "\(url) (@import) has no @context object")
            }
            if importedContext["@import"] != nil { throw JSONLDError("invalid context entry", "an imported context cannot @import") }
            var merged = importedContext
            for member in definition where member.key != "@import" { merged.set(member.key, member.value) }
            definition = merged
        }
        if let base = definition["@base"], remoteContexts.isEmpty {
            switch base {
            case .null: result.baseIRI = nil
            case .string(let value):
                if IRI.isAbsolute(value) {
                    result.baseIRI = value
                } else if let current = result.baseIRI {
                    result.baseIRI = IRI.resolve(value, against: current)
                } else {
                    throw JSONLDError("invalid base IRI", "@base \(value) is relative and there is no base to resolve it against")
                }
            default: throw JSONLDError("invalid base IRI", "@base must be a string or null")
            }
        }
        if let vocab = definition["@vocab"] {
            switch vocab {
            case .null: result.vocabularyMapping = nil
            case .string(let value):
                guard IRI.isBlankNode(value) || IRI.isAbsolute(value) || !result.processingMode10 else {
                    throw JSONLDError("invalid vocab mapping", "@vocab \(value) must be an absolute IRI or blank node identifier")
                }
                var defined: [String: Bool] = [:]
                let expanded = try expandIRI(value, in: &result, documentRelative: true, vocab: true, localContext: nil, defined: &defined)
                guard let expanded, IRI.isBlankNode(expanded) || IRI.isAbsolute(expanded) else {
                    throw JSONLDError("invalid vocab mapping", "@vocab \(value) does not expand to an IRI")
                }
                result.vocabularyMapping = expanded
            default: throw JSONLDError("invalid vocab mapping", "@vocab must be a string or null")
            }
        }
        if let language = definition["@language"] {
            switch language {
            case .null: result.defaultLanguage = nil
            case .string(let value): result.defaultLanguage = value.lowercased()
            default: throw JSONLDError("invalid default language", "@language must be a string or null")
            }
        }
        if let direction = definition["@direction"] {
            if result.processingMode10 { throw JSONLDError("invalid context entry", "@direction is JSON-LD 1.1") }
            switch direction {
            case .null: result.defaultDirection = nil
            case .string(let value) where value == "ltr" || value == "rtl": result.defaultDirection = value
            default: throw JSONLDError("invalid base direction", "@direction must be \"ltr\", \"rtl\" or null")
            }
        }
        if let propagate = definition["@propagate"] {
            if result.processingMode10 { throw JSONLDError("invalid context entry", "@propagate is JSON-LD 1.1") }
            guard case .bool = propagate else { throw JSONLDError("invalid @propagate value", "@propagate must be true or false") }
        }
        var protectedDefault = false
        if let protected = definition["@protected"] {
            guard case .bool(let flag) = protected else { throw JSONLDError("invalid @protected value", "@protected must be true or false") }
            protectedDefault = flag
        }
        var defined: [String: Bool] = [:]
        for member in definition {
            switch member.key {
            case "@base", "@direction", "@import", "@language", "@propagate", "@protected", "@version", "@vocab": continue
            default:
                try createTermDefinition(
                    in: &result, localContext: definition, term: member.key, defined: &defined, baseURL: baseURL,
                    protected: protectedDefault, overrideProtected: overrideProtected, remoteContexts: remoteContexts,
                    validateScopedContext: validateScopedContext)
            }
        }
    }
}
