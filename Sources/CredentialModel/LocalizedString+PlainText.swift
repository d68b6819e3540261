extension LocalizedString {
    /// The best text for the preferred languages as plain text: an HTML-format text loses its markup
    /// (block elements become line breaks, the common entities are decoded); plain and Markdown texts are
    /// returned as they are. The one rule every display of a text (the certificate, `check`, the Open
    /// Badges 3.0 narrative summary) follows.
    public func plainText(preferring languages: [String] = []) -> String {
        let text = best(preferring: languages)
        return format == .html ? HTMLText.plainText(of: text) : text
    }
}

/// The plain text of a fragment of HTML, without interpreting it as a document.
public enum HTMLText {
    static let blockElements: Set<String> = ["br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4"]
    static let entities = [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&amp;", "&")]

    /// `<p>Line <b>one</b></p><p>R&amp;D</p>` → `Line one\nR&D`.
    public static func plainText(of html: String) -> String {
        var out = ""
        var inTag = false
        var tag = ""
        for ch in html {
            if inTag {
                if ch == ">" {
                    inTag = false
                    let name = tag.lowercased().trimming("/ ").split(separator: " ").first.map(String.init) ?? ""
                    if blockElements.contains(name) { out += "\n" }
                    tag = ""
                } else {
                    tag.append(ch)
                }
            } else if ch == "<" {
                inTag = true
            } else {
                out.append(ch)
            }
        }
        for (entity, value) in entities { out = out.replacingAll(entity, with: value) }
        while out.contains("\n\n") { out = out.replacingAll("\n\n", with: "\n") }
        return out.trimming(" \n\t\r")
    }
}

extension String {
    /// Every occurrence of `target` replaced, without Foundation.
    public func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }

    /// The string without leading and trailing characters from `set`.
    public func trimming(_ set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
