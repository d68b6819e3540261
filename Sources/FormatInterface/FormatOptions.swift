/// The key of one format's own option (the certificate's paper, the ELM page picture), with its default.
///
/// Declared by the format module that uses it; set by whoever configures a conversion.
public protocol FormatOptionKey {
    associatedtype Value: Sendable
    static var defaultValue: Value { get }
}

/// Options of individual formats, by typed key: a format reads only its own keys.
public struct FormatOptions: Sendable {
    private var values: [ObjectIdentifier: any Sendable] = [:]

    public init() {}

    /// The value for a key, or its default.
    public subscript<Key: FormatOptionKey>(_ key: Key.Type) -> Key.Value {
        get { values[ObjectIdentifier(key)] as? Key.Value ?? Key.defaultValue }
        set { values[ObjectIdentifier(key)] = newValue }
    }
}
