/// What is baked into a badge image: which Open Badges version's slot holds it, and its text (a JSON
/// document or a compact JWS).
public struct BakedPayload: Sendable, Equatable {
    /// The slot: Open Badges 2.0 (`openbadges` PNG keyword, `http://openbadges.org` SVG namespace) or
    /// 3.0 (`openbadgecredential`, `https://purl.imsglobal.org/ob/v3p0`); CLR 2.0 SVGs are read too.
    public enum Slot: String, Sendable, Equatable {
        case openBadges2 = "ob2"
        case openBadges3 = "ob3"
        case clr2 = "clr2"
    }

    public var slot: Slot
    /// The payload bytes as stored (UTF-8 text).
    public var text: String
    /// Where it was (PNG chunk index and byte offset, or the SVG element's line), for messages.
    public var location: String
    /// Set when the payload is a URL (old `tEXt` form or a hosted `verify` attribute), not the badge itself.
    public var isReferenceOnly: Bool

    public init(slot: Slot, text: String, location: String, isReferenceOnly: Bool = false) {
        self.slot = slot
        self.text = text
        self.location = location
        self.isReferenceOnly = isReferenceOnly
    }
}

/// A baked image that cannot be read or written, with the place (byte offset or line).
public struct BakingError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// The byte offset in the image, when the fault is in its bytes.
    public var byteOffset: Int?
    /// The line, when the fault is in SVG markup.
    public var line: Int?

    public init(_ message: String, byteOffset: Int? = nil, line: Int? = nil) {
        self.message = message
        self.byteOffset = byteOffset
        self.line = line
    }

    public var description: String {
        if let byteOffset { return "byte \(byteOffset): \(message)" }
        if let line { return "line \(line): \(message)" }
        return message
    }
}

/// Limits for images: a baked badge is small; anything larger is refused before it is read.
public enum BakedImageLimits {
    /// 32 MiB.
    public static let maxBytes = 32 << 20
}
