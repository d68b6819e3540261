/// A PNG file as its chunks, checked (signature, lengths, CRCs) and writable with every chunk kept.
public struct PNGImage: Sendable {
    public static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// One chunk: its four-letter type and its data.
    public struct Chunk: Sendable, Equatable {
        public var type: String
        public var data: [UInt8]
        /// Where the chunk starts in the file (0 for chunks made here).
        public var offset: Int

        public init(type: String, data: [UInt8], offset: Int = 0) {
            self.type = type
            self.data = data
            self.offset = offset
        }
    }

    public var chunks: [Chunk]

    /// Parses and checks a PNG file.
    /// - Throws: ``BakingError`` with the byte offset of the fault (bad signature, a chunk running past the
    ///   end, a CRC mismatch, no IHDR first or no IEND last, size over the cap).
    public init(parsing bytes: [UInt8], maxBytes: Int = BakedImageLimits.maxBytes) throws(BakingError) {
        guard bytes.count <= maxBytes else { throw BakingError("the image is larger than \(maxBytes >> 20) MiB") }
        guard bytes.starts(with: Self.signature) else { throw BakingError("not a PNG file (bad signature)", byteOffset: 0) }
        var chunks: [Chunk] = []
        var i = Self.signature.count
        while i < bytes.count {
            guard bytes.count - i >= 12 else { throw BakingError("a truncated chunk header", byteOffset: i) }
            let length = Int(UInt32(bytes[i]) << 24 | UInt32(bytes[i + 1]) << 16 | UInt32(bytes[i + 2]) << 8 | UInt32(bytes[i + 3]))
            let typeBytes = Array(bytes[(i + 4)..<(i + 8)])
            guard typeBytes.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) else {
                throw BakingError("a chunk type that is not four letters", byteOffset: i + 4)
            }
            let type = String(decoding: typeBytes, as: UTF8.self)
            guard length <= 0x7FFF_FFFF, bytes.count - (i + 12) >= length else {
                throw BakingError("chunk \(type) (length \(length)) runs past the end of the file", byteOffset: i)
            }
            let data = bytes[(i + 8)..<(i + 8 + length)]
            let stored = UInt32(bytes[i + 8 + length]) << 24 | UInt32(bytes[i + 9 + length]) << 16 | UInt32(bytes[i + 10 + length]) << 8 | UInt32(bytes[i + 11 + length])
            guard CRC32.chunk(type: typeBytes, data: data) == stored else {
                throw BakingError("chunk \(type) has a wrong CRC", byteOffset: i + 8 + length)
            }
            chunks.append(Chunk(type: type, data: Array(data), offset: i))
            i += 12 + length
            if type == "IEND" { break }
        }
        guard chunks.first?.type == "IHDR" else { throw BakingError("the first chunk is not IHDR", byteOffset: Self.signature.count) }
        guard chunks.last?.type == "IEND" else { throw BakingError("the file ends without an IEND chunk", byteOffset: bytes.count) }
        self.chunks = chunks
    }

    /// The file: signature, then every chunk with its length and a correct CRC.
    public var bytes: [UInt8] {
        var out = Self.signature
        for c in chunks {
            let n = UInt32(c.data.count)
            out += [UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)]
            let type = Array(c.type.utf8)
            out += type
            out += c.data
            let crc = CRC32.chunk(type: type, data: c.data[...])
            out += [UInt8(crc >> 24), UInt8(crc >> 16 & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc & 0xFF)]
        }
        return out
    }
}
