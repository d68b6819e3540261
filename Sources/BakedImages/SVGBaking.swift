import XMLSupport

/// Baking into and unbaking from SVG: an `assertion` element in `http://openbadges.org` (2.0) or a
/// `credential` element in `https://purl.imsglobal.org/ob/v3p0` (3.0; also CLR 2.0's namespace on input),
/// holding JSON in CDATA, or a compact JWS (or hosted URL) in its `verify` attribute.
///
/// SVG is parsed with the same hardened libxml2 layer as Europass XML: no DTD, no entities, no network.
public enum SVGBaking {
    public static let openBadges2Namespace = "http://openbadges.org"
    public static let openBadges3Namespace = "https://purl.imsglobal.org/ob/v3p0"
    public static let clr2Namespace = "https://purl.imsglobal.org/clr/v2p0"

    static func slot(of element: XMLElementView) -> BakedPayload.Slot? {
        switch (element.namespaceURI, element.name) {
        case (openBadges2Namespace?, "assertion"): return .openBadges2
        case (openBadges3Namespace?, "credential"): return .openBadges3
        case (clr2Namespace?, "credential"): return .clr2
        default: return nil
        }
    }

    static func parse(_ bytes: [UInt8]) throws(BakingError) -> XMLTree {
        guard bytes.count <= BakedImageLimits.maxBytes else { throw BakingError("the image is larger than \(BakedImageLimits.maxBytes >> 20) MiB") }
        let tree: XMLTree
        do { tree = try XMLTree(parsing: MarkupScanner.blankingExternalDoctype(bytes), maxBytes: BakedImageLimits.maxBytes) } catch {
            throw BakingError("not well-formed SVG: \(error)")
        }
        guard let root = tree.root, root.name == "svg" else { throw BakingError("not an SVG image (the root element is not svg)", line: 1) }
        return tree
    }

    /// The badge baked into an SVG image; nil when it holds none.
    public static func unbake(_ bytes: [UInt8]) throws(BakingError) -> BakedPayload? {
        let tree = try parse(bytes)
        var found: [(XMLElementView, BakedPayload.Slot)] = []
        func walk(_ e: XMLElementView) {
            if let slot = slot(of: e) { found.append((e, slot)) }
            for c in e.children { walk(c) }
        }
        if let root = tree.root { walk(root) }
        guard found.count <= 1 else { throw BakingError("the image holds \(found.count) baked badges; the Baking Specification allows one", line: found[1].0.line) }
        guard let (element, slot) = found.first else { return nil }
        let place = "SVG element \(element.name) at line \(element.line)"
        let body = element.text.trimmingWhitespace()
        if !body.isEmpty { return BakedPayload(slot: slot, text: body, location: place) }
        guard let verify = element.attribute("verify")?.trimmingWhitespace(), !verify.isEmpty else {
            throw BakingError("the baked \(element.name) element is empty (no JSON and no verify attribute)", line: element.line)
        }
        return BakedPayload(slot: slot, text: verify, location: place, isReferenceOnly: !verify.looksLikeCompactJWS)
    }

    /// The SVG with `payload` baked in right after the `<svg>` start tag; a badge already there is removed,
    /// the rest of the document is kept byte for byte. JSON goes into CDATA (for 2.0 with the assertion's
    /// https id as `verify`, as openbadges-bakery does), a JWS into `verify`.
    public static func bake(_ payload: BakedPayload, into bytes: [UInt8], hostedURL: String? = nil) throws(BakingError) -> [UInt8] {
        let tree = try parse(bytes)
        var text = Array(bytes)
        // Remove a badge already baked in (found by the parser, cut out by its qualified name).
        var existing: [XMLElementView] = []
        func walk(_ e: XMLElementView) {
            if slot(of: e) != nil { existing.append(e) }
            for c in e.children { walk(c) }
        }
        if let root = tree.root { walk(root) }
        for e in existing {
            guard let range = MarkupScanner.elementRange(in: text, qualifiedName: e.qualifiedName) else {
                throw BakingError("the badge already baked in could not be replaced", line: e.line)
            }
            text.removeSubrange(range)
        }
        guard let startTag = MarkupScanner.rootStartTag(in: text) else { throw BakingError("no svg start tag found", line: 1) }
        let isJWS = payload.text.looksLikeCompactJWS
        let (name, namespace) = payload.slot == .openBadges2 ? ("assertion", openBadges2Namespace) : ("credential", payload.slot == .clr2 ? clr2Namespace : openBadges3Namespace)
        var element = "<openbadges:\(name) xmlns:openbadges=\"\(namespace)\""
        if isJWS {
            element += " verify=\"\(payload.text)\"/>"
        } else {
            guard !payload.text.contains("]]>") else { throw BakingError("the payload contains ]]>, which CDATA cannot hold") }
            if let hostedURL { element += " verify=\"\(MarkupScanner.escapeAttribute(hostedURL))\"" }
            element += "><![CDATA[\(payload.text)]]></openbadges:\(name)>"
        }
        var insertion = Array(element.utf8)
        if startTag.selfClosing {
            // <svg …/> becomes <svg …>badge</svg>.
            let qname = startTag.qualifiedName
            text.replaceSubrange(startTag.end - 2..<startTag.end, with: Array(">".utf8))
            insertion += Array("</\(qname)>".utf8)
            text.insert(contentsOf: insertion, at: startTag.end - 1)
        } else {
            text.insert(contentsOf: insertion, at: startTag.end)
        }
        // What was written must still parse and hold exactly this badge.
        guard let check = try? unbake(text), check.text == payload.text || (hostedURL != nil && check.slot == payload.slot) else {
            throw BakingError("baking produced an SVG that does not read back")
        }
        return text
    }
}
