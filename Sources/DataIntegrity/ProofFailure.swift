/// Why a Data Integrity proof could not be made or checked.
public struct ProofFailure: Error, Sendable, CustomStringConvertible {
    public var message: String
    init(_ message: String) { self.message = message }
    public var description: String { message }
}
