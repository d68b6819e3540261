import CredconvTestSupport
import Foundation
import Testing

/// The README's recipes for running credconv beyond one process, exercised with the real engines: GNU
/// parallel `--pipe`, Apache Spark `RDD.pipe` in local mode (scripts/spark-pipe.py), and Hadoop
/// Streaming's mapper contract (emulated: `cat | credconv | sort`). Each output must equal the
/// single-process run; bad records are reported without failing the job, unless `--fail-fast` asks.
@Suite("Beyond one machine: GNU parallel, Spark, Hadoop Streaming")
struct DistributedRecipesTests {
    static let credconv = TestPaths.executable.path
    /// Bad records at these lines: not JSON, and JSON that is no credential.
    static let broken: [Int: String] = [17: "not a credential", 4_242: #"{"also": "not a credential"}"#, 9_001: "{"]

    /// `count` distinct credentials (the sample with its own id each) and the bad lines, as a file.
    static func input(_ count: Int) throws -> (path: String, dir: URL) {
        let one = try String(contentsOf: TestPaths.repository("samples/ob3-microcredential.json"), encoding: .utf8).replacingOccurrences(of: "\n", with: "")
        let id = "urn:uuid:6f1b2c1e-0f5d-4a5e-9c7a-2d8e4b7a9c01"
        #expect(one.contains(id))
        var lines: [String] = []
        lines.reserveCapacity(count)
        for i in 1...count {
            lines.append(broken[i] ?? one.replacingOccurrences(of: id, with: "urn:uuid:6f1b2c1e-0f5d-4a5e-9c7a-\(String(format: "%012d", i))"))
        }
        let dir = TestPaths.temporaryDirectory()
        let path = dir.appendingPathComponent("in.jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return (path, dir)
    }

    static func shell(_ command: String) throws -> ProcessResult {
        try ProcessRunner.run(URL(fileURLWithPath: "/bin/sh"), ["-c", command])
    }

    /// What one credconv process makes of the input: the reference every engine must match.
    static func singleProcess(_ path: String) throws -> String {
        let r = try ProcessRunner.credconv(["--jsonl", "-t", "ob3", path])
        #expect(r.status == 65, "the bad records fail, the others are written")
        return r.stdoutText
    }

    @Test("GNU parallel --pipe -k: the same lines as one process; the bad records reported, each job's status 65")
    func gnuParallel() throws {
        guard Oracle.programAvailable("parallel") else { return }
        let (path, dir) = try Self.input(3_000)
        let out = dir.appendingPathComponent("out.jsonl").path
        let r = try Self.shell("parallel --will-cite --pipe --block 512k -k '\(Self.credconv)' --jsonl -t ob3 < '\(path)' > '\(out)'")
        // parallel's status is the number of jobs that failed: those that met a bad record (exit 65).
        #expect(r.status >= 1 && r.status <= 3, "\(r.stderr.suffix(500))")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == Self.singleProcess(path))
        #expect(r.stderr.components(separatedBy: "credconv: error:").count - 1 == 1, "one bad record among the first 3,000: \(r.stderr.suffix(300))")
    }

    @Test("Hadoop Streaming's mapper contract (cat | credconv | sort): the sorted single-process lines")
    func hadoopStreaming() throws {
        let (path, _) = try Self.input(2_000)
        let r = try Self.shell("cat '\(path)' | '\(Self.credconv)' --jsonl -t ob3 2>/dev/null | LC_ALL=C sort")
        let expected = try Self.singleProcess(path).split(separator: "\n").map(String.init).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        #expect(r.stdoutText.split(separator: "\n").map(String.init) == expected)
    }

    @Test("Spark RDD.pipe, local[2], 4 partitions, 10,000 records: the single-process output; bad records reported, the job not failed unless --fail-fast")
    func spark() throws {
        guard Oracle.available("pyspark") else { return }
        let (path, dir) = try Self.input(10_000)
        let out = dir.appendingPathComponent("spark.jsonl").path
        let script = TestPaths.repository("scripts/spark-pipe.py").path
        let r = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script, path, out, "--credconv", Self.credconv, "--partitions", "4", "--", "-t", "ob3"])
        #expect(r.status == 0, "\(r.stderr.suffix(1500))")
        #expect(r.stderr.contains("4 partitions"))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == Self.singleProcess(path))
        // Each bad record is reported by the process of its partition (numbered within it).
        #expect(r.stderr.components(separatedBy: "credconv: error:").count - 1 == Self.broken.count, "\(r.stderr.suffix(1500))")
        // Who wants the task to fail: --fail-fast, and RDD.pipe checking the exit status.
        let failing = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script, path, out + ".2", "--credconv", Self.credconv, "--partitions", "4", "--check-code", "--", "--fail-fast", "-t", "ob3"])
        #expect(failing.status != 0)
        #expect(failing.stderr.contains("PIPE_FUNCTION_EXITED") || failing.stderr.contains("65"), "\(failing.stderr.suffix(800))")
    }
}
