import CredconvJSON
import Foundation
import Synchronization

/// The loader credconv uses: the embedded contexts, plus documents the user names with
/// `--context URL=FILE`, read from local files. Any other URL is an error naming it; nothing is fetched.
public final class OfflineDocumentLoader: DocumentLoader {
    /// Files given for URLs (checked before the embedded documents, so a user can pin another version).
    private let files: [String: String]
    /// Documents supplied in memory, by URL.
    private let supplied: [String: JSONValue]
    private let parsedFiles = Mutex<[String: JSONValue]>([:])
    /// Embedded contexts parsed so far (each on first use).
    private let parsedEmbedded = Mutex<[String: JSONValue]>([:])
    private let limits: JSONLimits

    /// - Parameters:
    ///   - files: URL → path of a local file holding the document.
    ///   - documents: URL → an already parsed document.
    public init(files: [String: String] = [:], documents: [String: JSONValue] = [:], limits: JSONLimits = .default) {
        self.files = files
        self.supplied = documents
        self.limits = limits
    }

    /// A loader with the embedded contexts only.
    public static let embedded = OfflineDocumentLoader()

    public func load(_ url: String) throws(JSONLDError) -> RemoteDocument {
        if let document = supplied[url] { return RemoteDocument(documentURL: url, document: document) }
        if let path = files[url] {
            if let cached = parsedFiles.withLock({ $0[url] }) { return RemoteDocument(documentURL: url, document: cached) }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw JSONLDError("loading document failed", "cannot read \(path), given for \(url)")
            }
            let value: JSONValue
            do {
                value = try JSONParser(limits: limits).parse([UInt8](data))
            } catch {
                throw JSONLDError("loading document failed", "\(path), given for \(url), is not JSON: \(error)")
            }
            parsedFiles.withLock { $0[url] = value }
            return RemoteDocument(documentURL: url, document: value)
        }
        if let cached = parsedEmbedded.withLock({ $0[url] }) { return RemoteDocument(documentURL: url, document: cached) }
        if let document = EmbeddedContexts.document(at: url) {
            parsedEmbedded.withLock { $0[url] = document }
            return RemoteDocument(documentURL: url, document: document)
        }
        throw JSONLDError(
            "loading document failed",
            "context \(url) is not embedded in credconv and no local file was given for it (credconv never fetches from the network; give one with --context \(url)=FILE)")
    }
}
