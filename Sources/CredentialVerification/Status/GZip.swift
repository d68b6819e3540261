import CZlib

/// Inflating GZIP (or zlib) data with zlib, capped: a status list's bitstring is small, and a
/// compression bomb stops at the cap instead of filling memory.
enum GZip {
    /// The inflated bytes, or nil when `data` is not GZIP/zlib or inflates past `limit` bytes.
    static func inflate(_ data: [UInt8], limit: Int = 16 << 20) -> [UInt8]? {
        guard !data.isEmpty else { return nil }
        var stream = z_stream()
        // 32 + 15: detect GZIP or zlib headers, 32 KiB window.
        guard czlib_inflate_init(&stream, 32 + 15) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var input = data
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        let status: Int32 = input.withUnsafeMutableBufferPointer { inBuffer in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = uInt(inBuffer.count)
            while true {
                let result: Int32 = chunk.withUnsafeMutableBufferPointer { outBuffer in
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = uInt(outBuffer.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                out.append(contentsOf: chunk[0..<produced])
                if out.count > limit { return Z_BUF_ERROR }
                if result == Z_STREAM_END { return Z_STREAM_END }
                if result != Z_OK { return result }
                if stream.avail_in == 0 && produced == 0 { return Z_DATA_ERROR }
            }
        }
        return status == Z_STREAM_END ? out : nil
    }
}
