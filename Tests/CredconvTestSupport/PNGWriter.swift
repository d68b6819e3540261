/// A minimal PNG writer for tests: 8-bit grayscale, uncompressed (stored) deflate blocks, correct CRCs.
/// Used to hand QR symbols to an independent decoder (zbarimg).
public enum PNGWriter {
    /// Encodes rows of gray values (0 black … 255 white).
    public static func grayscale(_ rows: [[UInt8]]) -> [UInt8] {
        let height = rows.count
        let width = rows.first?.count ?? 0
        var raw: [UInt8] = []
        for row in rows { raw.append(0); raw.append(contentsOf: row) }  // filter type 0 per row
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header += bigEndian(UInt32(width)) + bigEndian(UInt32(height))
        header += [8, 0, 0, 0, 0]  // bit depth 8, grayscale, deflate, no filter, no interlace
        png += chunk("IHDR", header)
        png += chunk("IDAT", zlibStored(raw))
        png += chunk("IEND", [])
        return png
    }

    /// A QR-like matrix (true = dark) scaled up with a light border.
    public static func matrix(_ modules: [[Bool]], scale: Int = 4, border: Int = 4) -> [UInt8] {
        let size = modules.count
        let pixels = (size + 2 * border) * scale
        var rows = Array(repeating: Array(repeating: UInt8(255), count: pixels), count: pixels)
        for y in 0..<size {
            for x in 0..<size where modules[y][x] {
                for dy in 0..<scale {
                    for dx in 0..<scale { rows[(y + border) * scale + dy][(x + border) * scale + dx] = 0 }
                }
            }
        }
        return grayscale(rows)
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        return bigEndian(UInt32(data.count)) + typeBytes + data + bigEndian(crc32(typeBytes + data))
    }

    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let length = min(65535, data.count - offset)
            let final: UInt8 = offset + length >= data.count ? 1 : 0
            out.append(final)
            out += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
            out += data[offset..<(offset + length)]
            offset += length
        } while offset < data.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data { a = (a + UInt32(byte)) % 65521; b = (b + a) % 65521 }
        return out + bigEndian(b << 16 | a)
    }

    public static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    static func bigEndian(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }
}
