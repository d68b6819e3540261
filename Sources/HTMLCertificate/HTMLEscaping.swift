/// The one place where credconv turns data into HTML. Every value that reaches a certificate goes
/// through these functions: text and attribute escaping, link and image URL allowlists, and
/// neutralising of bidirectional-override characters.
public enum HTMLEscaping {
    /// Escapes `& < > " '` for element content and (double-quoted) attribute values alike, after
    /// removing bidirectional control characters and characters HTML forbids.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if isBidiControl(scalar) || isForbidden(scalar) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// True when `s` holds bidirectional embedding, override or isolate controls (which can make a
    /// printed name read differently from its data).
    public static func hasBidiControls(_ s: String) -> Bool {
        s.unicodeScalars.contains(where: isBidiControl)
    }

    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
        default: return false
        }
    }

    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0x7F || (0x80...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF
    }

    /// A URL that may be a link target: `http`, `https` or `mailto`, with no white space or control
    /// characters; nil for anything else (`javascript:`, `data:`, `vbscript:`, relative URLs …).
    public static func linkURL(_ url: String) -> String? {
        let trimmed = url.trimming(" \t\n\r")
        guard !trimmed.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || isBidiControl($0) }) else { return nil }
        let lower = trimmed.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:") else { return nil }
        return trimmed
    }

    /// A URL that may be an image source: `https`, or a base64 `data:` URL of a raster type (PNG, JPEG,
    /// GIF, WebP). SVG is refused: it is a document that may carry script.
    public static func imageURL(_ url: String) -> String? {
        let trimmed = url.trimming(" \t\n\r")
        let lower = trimmed.lowercased()
        if lower.hasPrefix("https://") {
            return trimmed.unicodeScalars.contains(where: { $0.value <= 0x20 || isBidiControl($0) }) ? nil : trimmed
        }
        for type in ["image/png", "image/jpeg", "image/gif", "image/webp"] {
            let prefix = "data:\(type);base64,"
            if lower.hasPrefix(prefix) {
                let payload = trimmed.dropFirst(prefix.count)
                guard !payload.isEmpty, payload.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+/=".contains($0)) }) else { return nil }
                return prefix + payload
            }
        }
        return nil
    }
}
