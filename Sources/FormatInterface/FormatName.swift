/// A credential format's name on the command line and in reports (`ob3`, `elm-xml`).
///
/// Extensible: each format module declares its own name in an extension
/// (`extension FormatName { public static let ob3: FormatName = "ob3" }`).
public struct FormatName: RawRepresentable, Sendable, Hashable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}
