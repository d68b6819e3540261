import CredconvJSON

/// Where expansion is in the document, as a chain of JSON pointer tokens: one small link per member,
/// instead of copying the whole path for each (the pointer text is built only for a finding or error).
final class MemberPath: Sendable {
    let parent: MemberPath?
    let token: String

    init(_ parent: MemberPath?, _ token: String) {
        self.parent = parent
        self.token = token
    }

    /// The document root.
    static let root = MemberPath(nil, "")

    func appending(_ token: String) -> MemberPath { MemberPath(self, token) }
    func appending(_ index: Int) -> MemberPath { MemberPath(self, String(index)) }

    /// The JSON pointer of this place.
    var pointer: JSONPointer {
        var tokens: [String] = []
        var link: MemberPath? = self
        while let current = link, current.parent != nil {
            tokens.append(current.token)
            link = current.parent
        }
        return JSONPointer(tokens: tokens.reversed())
    }
}
