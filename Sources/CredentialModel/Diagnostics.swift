/// Where in an input something is: a JSON pointer, a line and column, or an XPath.
public enum SourceLocation: Sendable, Equatable, CustomStringConvertible {
    /// An RFC 6901 JSON pointer (`/credentialSubject/achievement/name`).
    case jsonPointer(String)
    /// A 1-based line and column.
    case position(line: Int, column: Int)
    /// An XPath (`/europassCredential/credentialSubject`).
    case xpath(String)
    /// A path within the model (for fields lost while writing).
    case modelPath(String)
    /// A byte offset in binary input (a PNG image).
    case byteOffset(Int)

    public var description: String {
        switch self {
        case .jsonPointer(let p): return p.isEmpty ? "/" : p
        case .position(let line, let column): return "\(line):\(column)"
        case .xpath(let x): return x
        case .modelPath(let m): return m
        case .byteOffset(let n): return "byte \(n)"
        }
    }
}

/// A reader's refusal: the input is not a credential it can map, with the place and the reason.
public struct CredentialDataError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var location: SourceLocation?

    public init(_ message: String, at location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }

    public var description: String {
        if let location { return "\(location): \(message)" }
        return message
    }
}

/// Something a writer could not express, named by where it was in the source.
public struct LostField: Sendable, Equatable {
    /// The field's place in the source (JSON pointer, XPath) or, when unknown, in the model.
    public var path: String
    /// Why the target format cannot hold it.
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}

/// A warning: something was read or written with a change the user should know about.
public struct ConversionWarning: Sendable, Equatable {
    public var path: String?
    public var message: String

    public init(_ message: String, at path: String? = nil) {
        self.path = path
        self.message = message
    }
}

/// Warnings and losses collected while reading and writing one credential.
public struct ConversionReport: Sendable, Equatable {
    public var warnings: [ConversionWarning] = []
    public var lost: [LostField] = []

    public init() {}

    public mutating func warn(_ message: String, at path: String? = nil) {
        warnings.append(ConversionWarning(message, at: path))
    }

    /// Records a loss (once: a field reached twice through references is reported once).
    public mutating func lose(_ path: String, _ reason: String) {
        let field = LostField(path: path, reason: reason)
        if !lost.contains(field) { lost.append(field) }
    }

    /// Records every kept extension field that a writer of `family` cannot carry.
    public mutating func loseExtensions(_ bag: ExtensionBag, unlessFamily family: String, target: String) {
        for f in bag.fields where f.family != family {
            lose(f.sourcePath, "\(target) has no place for this \(f.family) property")
        }
    }
}
