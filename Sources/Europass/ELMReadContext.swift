import CredentialModel
import XMLSupport

/// The state of reading one Europass XML document: the id index of its reference graph, the report,
/// and the chain of references being followed (to refuse cycles).
final class ELMReadContext {
    let root: XMLElementView
    var report: ConversionReport
    private var index: [String: XMLElementView] = [:]
    private var following: [String] = []
    /// Organisations already read, by id (an organisation is read once however often it is referenced).
    var organizations: [String: Organization] = [:]
    /// The document's primary language (the language of plain values such as grades).
    var primaryLanguage: String? { root.child("primaryLanguage")?.text.trimmingSpaces() }

    init(root: XMLElementView, report: ConversionReport) throws(Diagnostic) {
        self.root = root
        self.report = report
        try indexIds(root)
    }

    /// Indexes every element with an `id` attribute. EDC writes inline entities (activities, assessments,
    /// entitlements) in full wherever they occur, so a repeated id keeps its first element.
    private func indexIds(_ element: XMLElementView) throws(Diagnostic) {
        for child in element.childrenWithoutReading {
            if let id = child.attributeWithoutReading("id")?.trimmingSpaces(), index[id] == nil {
                index[id] = child
            }
            try indexIds(child)
        }
    }

    /// The element an `idref` points at; a dangling reference is a located error.
    func resolve(_ reference: XMLElementView, expecting names: Set<String>) throws(Diagnostic) -> XMLElementView {
        guard let idref = reference.attribute("idref")?.trimmingSpaces() else {
            throw Diagnostic(.invalidValue, "\(reference.name) has no idref attribute", at: .position(line: reference.line, column: 1))
        }
        guard let target = index[idref] else {
            throw Diagnostic(.invalidValue, "\(reference.name) refers to \"\(idref)\", which the document does not define",
                                      at: .position(line: reference.line, column: 1))
        }
        guard names.contains(target.name) else {
            throw Diagnostic(.invalidValue, "\(reference.name) refers to \"\(idref)\", a \(target.name), where a \(names.sorted().joined(separator: " or ")) is expected",
                                      at: .position(line: reference.line, column: 1))
        }
        XMLReadLedger.current?.visit(target)
        return target
    }

    /// Runs `body` while following the reference `id`; following it again inside is a cycle, a located error.
    func following<T>(_ id: String, at element: XMLElementView, _ body: () throws(Diagnostic) -> T) throws(Diagnostic) -> T {
        if following.contains(id) {
            throw Diagnostic(.invalidValue, "cyclic reference: \((following + [id]).joined(separator: " → "))", at: .position(line: element.line, column: 1))
        }
        following.append(id)
        defer { following.removeLast() }
        return try body()
    }

    /// Keeps, in `bag` as their XML, the children named in `keep` that no part of the reader read, so a
    /// Europass XML writer can place them again. Every other child nothing read is reported by the read
    /// ledger when the document is done.
    func keepUnread(_ element: XMLElementView, in bag: inout ExtensionBag, keep: Set<String>) {
        guard let ledger = XMLReadLedger.current else { return }
        for child in element.childrenWithoutReading where keep.contains(child.name) && !ledger.isRead(child) {
            bag.keep(child.name, .string(child.serialized), at: child.location, family: ELMXMLReader.family)
        }
    }
}
