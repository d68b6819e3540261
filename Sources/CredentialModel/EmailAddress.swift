/// Email addresses as the model holds them (plain, `ana@example.org`) and as formats write them
/// (`mailto:` IRIs): the one place the two forms meet.
public enum EmailAddress {
    /// The plain address of a `mailto:` IRI (any case of the scheme, query and fragment cut), or the text
    /// itself when it is already plain.
    public static func plain(_ text: String) -> String {
        let t = text.trimmingSpaces()
        guard t.lowercased().hasPrefix("mailto:") else { return t }
        let rest = t.dropFirst("mailto:".count)
        return String(rest.prefix { $0 != "?" && $0 != "#" })
    }

    /// The `mailto:` IRI of an address, plain or already an IRI.
    public static func mailtoIRI(_ address: String) -> String { "mailto:" + plain(address) }

    /// True when the text is a `mailto:` IRI.
    public static func isMailtoIRI(_ text: String) -> Bool { text.lowercased().hasPrefix("mailto:") }
}
