/// A path to a claim, as SD-JWT VC type metadata writes it: names for object members, `null` for
/// every element of an array (`["learning_outcomes", null]`).
public struct ClaimPath: Sendable, Hashable, CustomStringConvertible {
    /// One step of a path.
    public enum Component: Sendable, Hashable {
        case name(String)
        /// Any element of an array.
        case anyElement
    }

    public var components: [Component]

    public init(_ components: [Component]) { self.components = components }

    /// A path of member names only.
    public init(names: String...) { components = names.map(Component.name) }

    /// This path, one member further.
    public func appending(_ name: String) -> ClaimPath { ClaimPath(components + [.name(name)]) }
    /// This path, into any element.
    public var element: ClaimPath { ClaimPath(components + [.anyElement]) }

    /// `["learning_outcomes",null]`, as the type metadata writes it.
    public var description: String {
        "[" + components.map { c in
            switch c {
            case .name(let n): return "\"\(n)\""
            case .anyElement: return "null"
            }
        }.joined(separator: ",") + "]"
    }
}
