import Synchronization

/// Identifiers derived from the input's bytes: the n-th identifier a conversion needs is the same every
/// time the same input is converted (golden tests stay stable; `credconv -t html | credconv -t ob3` gives
/// what `credconv -t ob3` gives). They are `urn:uuid:` values with the UUID version 8 ("custom") bits.
///
/// The input is hashed only when the first identifier is asked for: most conversions mint none.
final class DeterministicIdentifiers: Sendable {
    private struct State {
        var input: [UInt8]
        var seed: (UInt64, UInt64)?
        var counter: UInt64 = 0
    }

    private let state: Mutex<State>

    init(input: [UInt8]) { state = Mutex(State(input: input)) }

    func next() -> String {
        let (seed, n) = state.withLock { s -> ((UInt64, UInt64), UInt64) in
            if s.seed == nil {
                s.seed = (Self.fnv1a(s.input, basis: 0xcbf2_9ce4_8422_2325), Self.fnv1a(s.input, basis: 0x8422_2325_cbf2_9ce4))
                s.input = []
            }
            s.counter += 1
            return (s.seed!, s.counter)
        }
        var high = Self.mix(seed.0 &+ n &* 0x9E37_79B9_7F4A_7C15)
        var low = Self.mix(seed.1 ^ (n &* 0xC2B2_AE3D_27D4_EB4F))
        high = (high & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_8000  // version 8
        low = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000  // RFC 4122 variant
        let hex = Self.hex(high, 16) + Self.hex(low, 16)
        let c = Array(hex)
        return "urn:uuid:" + String(c[0..<8]) + "-" + String(c[8..<12]) + "-" + String(c[12..<16]) + "-" + String(c[16..<20]) + "-" + String(c[20..<32])
    }

    private static func fnv1a(_ bytes: [UInt8], basis: UInt64) -> UInt64 {
        var h = basis
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }

    /// A 64-bit finaliser (splitmix64).
    private static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private static func hex(_ v: UInt64, _ digits: Int) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: max(0, digits - s.count)) + s
    }
}
