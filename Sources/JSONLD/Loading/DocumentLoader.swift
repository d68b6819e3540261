import CredconvJSON

/// A JSON-LD document retrieved by a loader: its final URL (the base for what it contains) and its JSON.
public struct RemoteDocument: Sendable {
    public var documentURL: String
    public var document: JSONValue

    public init(documentURL: String, document: JSONValue) {
        self.documentURL = documentURL
        self.document = document
    }
}

/// Retrieves context documents. credconv's loaders never touch the network.
public protocol DocumentLoader: Sendable {
    /// The document at `url`, or an error with code `loading document failed`.
    func load(_ url: String) throws(JSONLDError) -> RemoteDocument
}
