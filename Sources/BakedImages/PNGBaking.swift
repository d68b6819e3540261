/// Baking into and unbaking from PNG (Open Badges Baking 1.0 and 3.0): an `iTXt` chunk with the keyword
/// `openbadges` (2.0) or `openbadgecredential` (3.0), uncompressed, holding JSON or a compact JWS.
public enum PNGBaking {
    static func keyword(for slot: BakedPayload.Slot) -> String {
        slot == .openBadges2 ? "openbadges" : "openbadgecredential"
    }

    static func slot(forKeyword keyword: String) -> BakedPayload.Slot? {
        switch keyword {
        case "openbadges": return .openBadges2
        case "openbadgecredential": return .openBadges3
        default: return nil
        }
    }

    /// The badge baked into a PNG; nil when the image holds none.
    /// - Throws: ``BakingError`` for a corrupt PNG or a badge chunk that cannot be read (compressed, not UTF-8,
    ///   or more than one).
    public static func unbake(_ bytes: [UInt8]) throws(BakingError) -> BakedPayload? {
        let png = try PNGImage(parsing: bytes)
        var found: [BakedPayload] = []
        for (index, chunk) in png.chunks.enumerated() where chunk.type == "iTXt" || chunk.type == "tEXt" || chunk.type == "zTXt" {
            guard let nul = chunk.data.firstIndex(of: 0) else { continue }
            let keyword = String(decoding: chunk.data[..<nul], as: UTF8.self)
            guard let slot = slot(forKeyword: keyword) else { continue }
            let place = "PNG chunk \(index) (\(chunk.type) \(keyword)) at byte \(chunk.offset)"
            switch chunk.type {
            case "iTXt":
                let rest = chunk.data[(nul + 1)...]
                guard rest.count >= 2 else { throw BakingError("the \(keyword) iTXt chunk is truncated", byteOffset: chunk.offset) }
                if rest[rest.startIndex] != 0 {
                    throw BakingError("the \(keyword) iTXt chunk is compressed; badges must not be (Baking Specification)", byteOffset: chunk.offset)
                }
                var j = rest.startIndex + 2
                for _ in 0..<2 {  // language tag, translated keyword
                    guard let end = chunk.data[j...].firstIndex(of: 0) else {
                        throw BakingError("the \(keyword) iTXt chunk is truncated", byteOffset: chunk.offset)
                    }
                    j = end + 1
                }
                let text = Array(chunk.data[j...])
                guard let string = String(validating: text, as: UTF8.self) else {
                    throw BakingError("the \(keyword) badge is not UTF-8 text", byteOffset: chunk.offset + 8 + j)
                }
                found.append(BakedPayload(slot: slot, text: string, location: place))
            case "tEXt":
                // The pre-2.0 form: a Latin-1 text, usually the URL of a hosted assertion.
                let text = String(chunk.data[(nul + 1)...].map { Character(Unicode.Scalar($0)) })
                let trimmed = text.trimmingWhitespace()
                found.append(BakedPayload(slot: slot, text: trimmed, location: place,
                                          isReferenceOnly: !(trimmed.hasPrefix("{") || trimmed.looksLikeCompactJWS)))
            default:
                throw BakingError("the \(keyword) badge is in a compressed zTXt chunk; badges must not be compressed", byteOffset: chunk.offset)
            }
        }
        guard found.count <= 1 else {
            throw BakingError("the image holds \(found.count) baked badges; the Baking Specification allows one")
        }
        return found.first
    }

    /// The PNG with `payload` baked in: any badge chunk already there is replaced, every other chunk is
    /// kept in order, the new `iTXt` goes right after `IHDR`, and every CRC is correct.
    public static func bake(_ payload: BakedPayload, into bytes: [UInt8]) throws(BakingError) -> [UInt8] {
        var png = try PNGImage(parsing: bytes)
        png.chunks.removeAll { chunk in
            guard ["iTXt", "tEXt", "zTXt"].contains(chunk.type), let nul = chunk.data.firstIndex(of: 0) else { return false }
            return slot(forKeyword: String(decoding: chunk.data[..<nul], as: UTF8.self)) != nil
        }
        var data = Array(keyword(for: payload.slot).utf8)
        data += [0, 0, 0, 0, 0]  // end of keyword, no compression, method 0, empty language, empty translated keyword
        data += Array(payload.text.utf8)
        png.chunks.insert(PNGImage.Chunk(type: "iTXt", data: data), at: 1)
        return png.bytes
    }
}

extension String {
    /// Without leading and trailing white space (spaces, tabs, line breaks).
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }

    /// Whether the text has the shape of a compact JWS (three base64url parts).
    var looksLikeCompactJWS: Bool {
        let parts = split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && parts[0].count > 0 && allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
    }
}
