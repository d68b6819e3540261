extension Array where Element == UInt8 {
    /// The bytes without leading and trailing ASCII whitespace (and a UTF-8 BOM).
    public func trimmingASCIIWhitespace() -> ArraySlice<UInt8> {
        var start = startIndex
        if count >= 3, self[0] == 0xEF, self[1] == 0xBB, self[2] == 0xBF { start = 3 }
        var end = endIndex
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }
        while start < end, isSpace(self[start]) { start += 1 }
        while end > start, isSpace(self[end - 1]) { end -= 1 }
        return self[start..<end]
    }
}
