import CredconvJSON
import CredconvTestSupport
import Foundation
import Testing

/// The JSON parser against Python's json module on a generated corpus: valid documents and thousands of
/// mutations of them (bytes dropped, inserted from JSON's alphabet and from broken UTF-8, members
/// duplicated, texts cut). Accept/reject and the parsed value agree, except where credconv is stricter
/// by design (scripts/json-differential.py lists those).
@Suite("JSON parser against Python's json")
struct JSONDifferentialTests {
    static let seeds: [String] = [
        #"{"a": 1, "b": [true, false, null], "c": {"d": "e\u00e9\n", "f": -0.5e+10}}"#,
        #"[1, 2.5, -3, 1e300, 123456789012345678901234567890, "x", {}, [], ""]"#,
        #"{"emoji": "\ud83d\ude00", "tab": "a\tb", "quote": "\"", "slash": "\/", "uni": "Ωλ"}"#,
        #"  {"nested": [[[[{"deep": [0]}]]]]}  "#,
        #""just a string""#, "0", "-0", "true", "null", "[]", "{}", "[1e400]", #"["\ud800 alone"]"#, #"{"a": 1, "a": 2}"#,
    ]
    static let alphabet: [UInt8] = Array(#"{}[]",:\ 0123456789eE+-.tfnulr"#.utf8) + [0x00, 0x01, 0x1F, 0x7F, 0xC3, 0xA9, 0xED, 0xA0, 0x80, 0xFF, 0x09, 0x0A]

    /// A small deterministic generator (SplitMix64), so a failure is reproducible.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(max(bound, 1)))
        }
    }

    static func corpus() throws -> [[UInt8]] {
        var seeds = Self.seeds.map { Array($0.utf8) }
        let sample = [UInt8](try Data(contentsOf: TestPaths.repository("samples/ob3-microcredential.model.json")))
        seeds.append(sample)
        var g = Generator(state: 20261201)
        var out = seeds
        for i in 0..<3000 {
            var bytes = seeds[i % seeds.count]
            for _ in 0..<(1 + g.next(3)) {
                guard !bytes.isEmpty else { break }
                let at = g.next(bytes.count)
                switch g.next(5) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(alphabet[g.next(alphabet.count)], at: at)
                case 2: bytes[at] = alphabet[g.next(alphabet.count)]
                case 3: bytes = Array(bytes.prefix(at))
                default:
                    // Duplicate a stretch (a member, often): duplicate keys must be refused.
                    let end = min(bytes.count, at + 1 + g.next(24))
                    bytes.insert(contentsOf: bytes[at..<end], at: end)
                }
            }
            out.append(bytes)
        }
        return out
    }

    @Test(.enabled(if: Oracle.available("json"), "python3 is missing: skipped"))
    func acceptsAndParsesWhatPythonDoes() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var accepted = 0
        for (i, bytes) in try Self.corpus().enumerated() {
            let name = String(format: "%05d", i)
            try Data(bytes).write(to: dir.appendingPathComponent("\(name).json"))
            if let value = try? JSONParser().parse(bytes) {
                accepted += 1
                try Data(JSONWriter(style: .compact).bytes(value)).write(to: dir.appendingPathComponent("\(name).ours"))
            }
        }
        #expect(accepted > 100, "the corpus has valid documents too")
        let r = try Oracle.check("json-differential.py", [dir])
        #expect(r.status == 0, "\(r.stdoutText.suffix(3000))")
        #expect(r.stdoutText.contains(" 0 disagree"), "\(r.stdoutText.suffix(300))")
    }
}
