import CredentialModel
import FormatInterface

/// The state of writing one Europass XML document: the entities the reference sections will hold
/// (each once, by id), the languages used, and the report.
final class ELMWriteContext {
    let credential: Credential
    let options: ELMXMLWriterOptions
    var report: ConversionReport
    /// The document's primary language, one of the 29 ELM v2 text languages.
    let primaryLanguage: String
    /// Languages that appear on text elements (for `availableLanguages`).
    var usedLanguages: [String] = []

    // Reference sections, in the order entities were first referenced.
    var organizations: [(id: String, node: ELMNode?)] = []
    var specifications: [ELMNode] = []
    var learningOutcomes: [ELMNode] = []
    var assessmentSpecifications: [ELMNode] = []
    var awardingProcesses: [ELMNode] = []
    var accreditations: [ELMNode] = []
    var scoringSchemes: [ELMNode] = []
    var assessmentSpecificationIds: [String: String] = [:]
    private var organizationIds: [String: String] = [:]
    /// The ids minted for nodes, avoiding those of kept source nodes (and, on a second writing, the
    /// model's).
    var ids: DocumentLocalIdentifiers

    init(credential: Credential, options: ELMXMLWriterOptions, report: ConversionReport, reservedIds extra: Set<String> = []) {
        self.credential = credential
        ids = DocumentLocalIdentifiers(reserved: ELMNodeIdentity.idAttributes(inKept: credential.extensions.fields.filter { $0.family == ELMXMLReader.family }.compactMap(\.value.stringValue)).union(extra))
        self.options = options
        self.report = report
        let choice = credential.primaryLanguage(preferring: [options.preferredLanguage].compactMap { $0 }, acceptable: Self.textLanguage)
        primaryLanguage = choice.tag
        if choice.isDefault {
            self.report.warn(.languageAssumed, "no language of the credential's texts is known; Europass XML needs one, so \(choice.tag) was written", at: .modelPath("primaryLanguage"))
        }
    }

    /// A document-local id of the form `urn:epass:<kind>:<n>`, as EDC writes them.
    func localId(_ kind: String) -> String { ids.mint(kind) }

    /// The model's id of a node when it is one the target takes, else a minted one.
    func nodeId(_ given: String?, kind: String) -> String { ids.nodeId(given, kind: kind) }

    /// The ELM v2 text language for a BCP 47 tag (`en-GB` → `en`), or nil when ELM v2 has none.
    static func textLanguage(_ tag: String) -> String? {
        let primary = tag.split(separator: "-").first.map { $0.lowercased() } ?? ""
        if primary == "nb" || primary == "nn" { return "no" }
        return ELMNamespaces.textLanguages.contains(primary) ? primary : nil
    }

    /// Registers an organisation for `agentReferences` and returns its id (each organisation once:
    /// what it cannot hold is reported at the model path where it was first referenced).
    func organizationReference(_ org: Organization, role: String, at path: String) -> String {
        let key = org.id ?? "\(role):\(org.name?.best() ?? "")"
        if let known = organizationIds[key] { return known }
        let id = nodeId(org.id, kind: "org")
        organizationIds[key] = id
        organizations.append((id, nil))
        let node = organizationNode(org, id: id, role: role, at: path)
        if let i = organizations.firstIndex(where: { $0.id == id }) { organizations[i].node = node }
        return id
    }
}
