#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level search for ASCII markup: recognising a format from a document's first bytes, finding a
/// tag in a page.
///
/// Foundation's `String.contains` and `lowercased()` on the first 4 KB of every document compared the
/// text Unicode-aware (CFStringFind) and were a fifth of converting a folder of XML files; the needles
/// here are ASCII markup, so a byte comparison (ASCII letters folded when asked) says the same.
extension ArraySlice where Element == UInt8 {
    /// The index of the first occurrence of the ASCII text `needle`, or nil.
    public func firstIndex(ofASCII needle: String, ignoringCase: Bool = false) -> Int? {
        var needle = needle
        return needle.withUTF8 { pattern in
            withUnsafeBufferPointer { bytes in
                Self.firstOffset(of: pattern, in: bytes, ignoringCase: ignoringCase).map { startIndex + $0 }
            }
        }
    }

    /// True when the bytes contain the ASCII text `needle`.
    public func containsASCII(_ needle: String, ignoringCase: Bool = false) -> Bool {
        firstIndex(ofASCII: needle, ignoringCase: ignoringCase) != nil
    }

    /// True when the bytes begin with the ASCII text `prefix`.
    public func hasASCIIPrefix(_ prefix: String, ignoringCase: Bool = false) -> Bool {
        var prefix = prefix
        return prefix.withUTF8 { pattern in
            withUnsafeBufferPointer { bytes in
                bytes.count >= pattern.count && Self.matches(pattern, in: bytes, at: 0, ignoringCase: ignoringCase)
            }
        }
    }

    /// The offset in `bytes` where `pattern` first occurs, or nil (an empty pattern occurs at 0).
    fileprivate static func firstOffset(of pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, ignoringCase: Bool) -> Int? {
        guard bytes.count >= pattern.count else { return nil }
        guard let first = pattern.first else { return 0 }
        let foldedFirst = folded(first), last = bytes.count - pattern.count
        var offset = 0
        if !ignoringCase, let base = bytes.baseAddress {
            // The C library's memchr finds each candidate first byte (vectorised: a 4 KB head without
            // a match costs a few hundred instructions, not thousands).
            while offset <= last, let hit = memchr(base + offset, Int32(first), last - offset + 1) {
                let candidate = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if matches(pattern, in: bytes, at: candidate, ignoringCase: false) { return candidate }
                offset = candidate + 1
            }
            return nil
        }
        // Only where the first byte matches is the rest compared.
        while offset <= last {
            let byte = bytes[offset]
            if byte == first || (ignoringCase && folded(byte) == foldedFirst),
                matches(pattern, in: bytes, at: offset, ignoringCase: ignoringCase)
            {
                return offset
            }
            offset += 1
        }
        return nil
    }

    private static func matches(_ pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, at start: Int, ignoringCase: Bool) -> Bool {
        for offset in 0..<pattern.count {
            let byte = bytes[start + offset], expected = pattern[offset]
            if byte == expected { continue }
            guard ignoringCase, folded(byte) == folded(expected) else { return false }
        }
        return true
    }

    private static func folded(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}

extension String {
    /// The UTF-8 offset of the first occurrence of the ASCII text `needle`, or nil; searched in the
    /// string's own storage (a copy only for a bridged string that has none).
    public func utf8Offset(ofASCII needle: String) -> Int? {
        var needle = needle, text = self
        return needle.withUTF8 { pattern in
            text.withUTF8 { ArraySlice<UInt8>.firstOffset(of: pattern, in: $0, ignoringCase: false) }
        }
    }
}
