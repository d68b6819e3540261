/// CRC-32 (ISO 3309, the polynomial PNG uses), for chunk checksums.
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum<C: Collection>(_ bytes: C, start: UInt32 = 0xFFFF_FFFF) -> UInt32 where C.Element == UInt8 {
        var c = start
        for b in bytes { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c
    }

    /// The CRC of a chunk: over its type and data.
    static func chunk(type: [UInt8], data: ArraySlice<UInt8>) -> UInt32 {
        checksum(data, start: checksum(type)) ^ 0xFFFF_FFFF
    }
}
