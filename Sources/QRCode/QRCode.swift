/// A QR Code symbol (ISO/IEC 18004), encoded in byte mode.
///
/// credconv draws the QR code of a credential's id on printable certificates. No QR library is available
/// here, so this is a complete encoder: version selection, Reed–Solomon error correction, block
/// interleaving, function patterns, format and version information, and the eight masks with the
/// standard penalty rules.
public struct QRCode: Sendable, Equatable {
    /// Error correction level: the share of the symbol that can be damaged and still decode.
    public enum ErrorCorrection: Int, Sendable, CaseIterable {
        /// About 7 %.
        case low = 0
        /// About 15 %.
        case medium = 1
        /// About 25 %.
        case quartile = 2
        /// About 30 %.
        case high = 3

        /// The two format bits of the level (the spec's order is M, L, H, Q = 0, 1, 2, 3).
        var formatBits: Int {
            switch self {
            case .low: return 1
            case .medium: return 0
            case .quartile: return 3
            case .high: return 2
            }
        }
    }

    /// Why a payload cannot be encoded.
    public enum EncodingError: Error, Equatable {
        /// More bytes than a version 40 symbol holds at this level.
        case tooLong(bytes: Int, limit: Int)
    }

    /// The version, 1…40 (the symbol is 17 + 4 × version modules wide).
    public let version: Int
    public let errorCorrection: ErrorCorrection
    /// The mask pattern used, 0…7.
    public let mask: Int
    /// Modules, row by row: true is dark.
    public let modules: [[Bool]]

    /// The width and height in modules.
    public var size: Int { modules.count }

    /// Encodes `bytes` in the smallest version that fits; `mask` forces a mask pattern (for tests), else the
    /// one with the lowest penalty is chosen.
    public init(bytes: [UInt8], errorCorrection: ErrorCorrection = .medium, mask forcedMask: Int? = nil) throws(EncodingError) {
        var chosen = 0
        for v in 1...40 where Self.dataCapacity(version: v, level: errorCorrection) * 8 >= Self.bitLength(byteCount: bytes.count, version: v) {
            chosen = v
            break
        }
        guard chosen > 0 else {
            throw .tooLong(bytes: bytes.count, limit: Self.dataCapacity(version: 40, level: errorCorrection) - 3)
        }
        version = chosen
        self.errorCorrection = errorCorrection
        let codewords = Self.addErrorCorrection(Self.dataCodewords(bytes, version: chosen, level: errorCorrection), version: chosen, level: errorCorrection)
        var matrix = Matrix(version: chosen)
        matrix.drawFunctionPatterns()
        matrix.placeData(codewords)
        if let forcedMask {
            mask = forcedMask
        } else {
            var best = 0
            var bestPenalty = Int.max
            for m in 0..<8 {
                var trial = matrix
                trial.applyMask(m)
                trial.drawFormatBits(level: errorCorrection, mask: m)
                let p = trial.penalty()
                if p < bestPenalty {
                    bestPenalty = p
                    best = m
                }
            }
            mask = best
        }
        matrix.applyMask(mask)
        matrix.drawFormatBits(level: errorCorrection, mask: mask)
        modules = matrix.modules
    }

    /// Encodes a string's UTF-8 bytes.
    public init(text: String, errorCorrection: ErrorCorrection = .medium) throws(EncodingError) {
        try self.init(bytes: Array(text.utf8), errorCorrection: errorCorrection)
    }

    // MARK: data

    /// Bits needed for `byteCount` bytes in byte mode: mode indicator, count, data.
    static func bitLength(byteCount: Int, version: Int) -> Int {
        4 + (version <= 9 ? 8 : 16) + 8 * byteCount
    }

    /// Data codewords: mode, count, bytes, terminator, padding to the capacity.
    static func dataCodewords(_ bytes: [UInt8], version: Int, level: ErrorCorrection) -> [UInt8] {
        var bits: [Bool] = []
        func append(_ value: Int, _ count: Int) {
            for i in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> i) & 1 == 1) }
        }
        append(0b0100, 4)
        append(bytes.count, version <= 9 ? 8 : 16)
        for b in bytes { append(Int(b), 8) }
        let capacityBits = dataCapacity(version: version, level: level) * 8
        append(0, min(4, capacityBits - bits.count))
        while bits.count % 8 != 0 { bits.append(false) }
        var out: [UInt8] = stride(from: 0, to: bits.count, by: 8).map { start in
            (0..<8).reduce(UInt8(0)) { $0 << 1 | (bits[start + $1] ? 1 : 0) }
        }
        var pad: UInt8 = 0xEC
        while out.count < capacityBits / 8 {
            out.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return out
    }

    /// Splits data into blocks, adds Reed–Solomon codewords to each, and interleaves them.
    static func addErrorCorrection(_ data: [UInt8], version: Int, level: ErrorCorrection) -> [UInt8] {
        let blockCount = Tables.errorCorrectionBlocks[level.rawValue][version]
        let eccLength = Tables.eccCodewordsPerBlock[level.rawValue][version]
        let rawCodewords = rawDataModules(version: version) / 8
        let shortBlocks = blockCount - rawCodewords % blockCount
        let shortBlockLength = rawCodewords / blockCount
        let divisor = ReedSolomon.generator(degree: eccLength)
        var blocks: [[UInt8]] = []
        var k = 0
        for i in 0..<blockCount {
            let length = shortBlockLength - eccLength + (i < shortBlocks ? 0 : 1)
            var block = Array(data[k..<(k + length)])
            k += length
            let ecc = ReedSolomon.remainder(block, divisor: divisor)
            if i < shortBlocks { block.append(0) }  // placeholder so all blocks align for interleaving
            blocks.append(block + ecc)
        }
        var result: [UInt8] = []
        for i in 0..<blocks[0].count {
            for (j, block) in blocks.enumerated() where i != shortBlockLength - eccLength || j >= shortBlocks {
                result.append(block[i])
            }
        }
        return result
    }

    /// Modules available for data and error correction in a version.
    static func rawDataModules(version v: Int) -> Int {
        var result = (16 * v + 128) * v + 64
        if v >= 2 {
            let alignments = v / 7 + 2
            result -= (25 * alignments - 10) * alignments - 55
            if v >= 7 { result -= 36 }
        }
        return result
    }

    /// Data codewords a version holds at a level.
    static func dataCapacity(version: Int, level: ErrorCorrection) -> Int {
        rawDataModules(version: version) / 8
            - Tables.eccCodewordsPerBlock[level.rawValue][version] * Tables.errorCorrectionBlocks[level.rawValue][version]
    }
}
