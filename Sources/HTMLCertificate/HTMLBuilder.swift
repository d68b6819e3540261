/// Builds HTML from fixed element and attribute names and escaped values.
///
/// Element and attribute names are always literals in credconv's code; every value passes through
/// ``HTMLEscaping/escape(_:)``. The only unescaped content is credconv's own style sheet, the QR code SVG
/// (generated, holding no input text) and the embedded JSON (written with `<`, `>` and `&` escaped).
struct HTMLBuilder {
    private(set) var html = ""

    mutating func open(_ name: StaticString, _ attributes: [(StaticString, String)] = []) {
        html += "<\(name)"
        for (key, value) in attributes { html += " \(key)=\"\(HTMLEscaping.escape(value))\"" }
        html += ">"
    }

    mutating func close(_ name: StaticString) { html += "</\(name)>" }

    mutating func element(_ name: StaticString, _ attributes: [(StaticString, String)] = [], text: String) {
        open(name, attributes)
        html += HTMLEscaping.escape(text)
        close(name)
    }

    /// A void element (`<meta>`, `<img>`).
    mutating func void(_ name: StaticString, _ attributes: [(StaticString, String)]) {
        open(name, attributes)
    }

    mutating func text(_ s: String) { html += HTMLEscaping.escape(s) }

    /// credconv's own markup (style sheet, generated SVG) — never input data.
    mutating func trusted(_ s: String) { html += s }

    mutating func newline() { html += "\n" }
}
