import CredconvJSON

/// The state of one run of the JSON-LD algorithms: options, the loader, the remote contexts loaded so
/// far, and what expansion dropped. One per document; not shared between threads.
final class JSONLDWorker {
    let options: JSONLDOptions
    let loader: any DocumentLoader
    let contextCache: ContextCache
    var remoteContextCache: [String: (documentURL: String, context: JSONValue)] = [:]
    var findings: [ExpansionFinding] = []
    var depth = 0

    init(options: JSONLDOptions, loader: any DocumentLoader, contextCache: ContextCache) {
        self.options = options
        self.loader = loader
        self.contextCache = contextCache
    }

    func note(_ kind: ExpansionFinding.Kind, _ path: MemberPath, _ detail: String) {
        findings.append(ExpansionFinding(kind: kind, pointer: path.pointer.description, detail: detail))
    }
}
