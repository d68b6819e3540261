import CredconvJSON
import CredentialModel
import FormatInterface
import XMLSupport

/// The Europass verifiable presentation (`vp:verifiablePresentation`, mandated and shared issuance)
/// holding several `europassCredential`s: each is a record, a document of its own. A presentation with
/// one credential is left to the Europass XML reader, which unwraps it.
public struct ELMPresentationContainer: CredentialContainer {
    public init() {}

    public var kind: String { "Europass verifiable presentation" }

    public func unwrap(_ document: InputDocument, limits: JSONLimits) throws(Diagnostic) -> UnwrappedCredentials? {
        guard case .bytes(let bytes) = document else { return nil }
        guard bytes.prefix(4096).containsASCII("verifiablePresentation") else { return nil }
        let tree: XMLTree
        do { tree = try XMLTree(parsing: bytes) } catch { throw Diagnostic(xml: error) }
        guard let root = tree.root, root.name == "verifiablePresentation", root.namespaceURI == ELMNamespaces.vp else { return nil }
        var credentials: [XMLElementView] = []
        func collect(_ e: XMLElementView) {
            for child in e.childrenWithoutReading {
                if child.name == "europassCredential" && child.namespaceURI == ELMNamespaces.snb { credentials.append(child) } else { collect(child) }
            }
        }
        collect(root)
        guard credentials.count > 1 else { return nil }
        return UnwrappedCredentials(records: credentials.map(\.standaloneDocument))
    }
}
