import CredconvTestSupport
import Foundation
import Testing

/// What users of long jobs expect: a progress line and a closing summary on a terminal (and nothing of
/// the kind in a pipe), several files into a folder, and a batch that stops at its first failure when asked.
@Suite("Batches: progress, summary, --output-dir, --fail-fast")
struct BatchErgonomicsTests {
    static let sample = TestPaths.repository("samples/ob3-microcredential.json")

    /// A JSON Lines file of `count` copies of the sample, with `broken` lines at the given 1-based places.
    static func lines(_ count: Int, brokenAt broken: Set<Int> = []) throws -> String {
        let one = try String(contentsOf: sample, encoding: .utf8).replacingOccurrences(of: "\n", with: "")
        let path = TestPaths.temporaryDirectory().appendingPathComponent("batch.jsonl").path
        let text = (1...count).map { broken.contains($0) ? "not a credential" : one }.joined(separator: "\n") + "\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Runs credconv with standard error on a pseudo-terminal (python's pty): the status and what the terminal showed.
    static func onTerminal(_ arguments: [String]) throws -> (status: Int32, terminal: String) {
        let script = """
            import os, pty, subprocess, select, sys
            master, slave = pty.openpty()
            p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=slave)
            os.close(slave)
            out = b""
            while True:
                try:
                    r, _, _ = select.select([master], [], [], 30)
                    if not r: break
                    chunk = os.read(master, 65536)
                    if not chunk: break
                    out += chunk
                except OSError:
                    break
            sys.stdout.write(out.decode("utf-8", "replace"))
            sys.exit(p.wait())
            """
        let r = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, TestPaths.executable.path] + arguments)
        return (r.status, r.stdoutText)
    }

    @Test("On a terminal: a progress line and the summary; in a pipe: neither")
    func progressAndSummaryOnATerminalOnly() throws {
        let input = try Self.lines(400, brokenAt: [7])
        let shown = try Self.onTerminal(["--jsonl", "-t", "ob3", input])
        #expect(shown.status == 65)
        #expect(shown.terminal.contains("credconv: 399 converted, 1 failed\r\n"), "\(shown.terminal.suffix(300))")
        #expect(shown.terminal.contains("record 1 (line 7)") == false)
        #expect(shown.terminal.contains("record 7 (line 7)"))
        // The progress line is drawn with a carriage return and cleared before each message and the summary.
        #expect(shown.terminal.contains("\r\u{1B}[K"))
        let quiet = try Self.onTerminal(["--jsonl", "--quiet", "-t", "ob3", input])
        #expect(!quiet.terminal.contains("converted"), "--quiet shows no summary")
        #expect(!quiet.terminal.contains("records ("))
        let piped = try ProcessRunner.credconv(["--jsonl", "-t", "ob3", input])
        #expect(piped.status == 65)
        #expect(!piped.stderr.contains("converted"), "no summary in a pipe: \(piped.stderr)")
        #expect(!piped.stderr.contains("\u{1B}["), "no terminal control in a pipe")
        #expect(piped.stdoutText.split(separator: "\n").count == 399)
    }

    @Test("--fail-fast stops at the first failed record, with its status; what came before is written")
    func failFast() throws {
        let input = try Self.lines(50, brokenAt: [3, 9])
        let stopped = try ProcessRunner.credconv(["--jsonl", "--fail-fast", "-t", "ob3", input])
        #expect(stopped.status == 65)
        #expect(stopped.stdoutText.split(separator: "\n").count == 2)
        #expect(stopped.stderr.contains("record 3 (line 3)"))
        #expect(!stopped.stderr.contains("record 9"))
        let all = try ProcessRunner.credconv(["--jsonl", "-t", "ob3", input])
        #expect(all.status == 65, "without --fail-fast every other record is converted, and the status says some failed")
        #expect(all.stdoutText.split(separator: "\n").count == 48)
    }

    @Test("--output-dir converts a folder of mixed formats, one file each; existing files are kept unless --force")
    func outputDirectory() throws {
        let samples = TestPaths.repository("samples").path
        let out = TestPaths.temporaryDirectory().appendingPathComponent("out").path
        let first = try ProcessRunner.credconv(["-t", "elm-xml", "--output-dir", out, samples])
        let inputs = try FileManager.default.contentsOfDirectory(atPath: samples).filter { !$0.hasPrefix(".") && $0 != "keys" }
        let written = try FileManager.default.contentsOfDirectory(atPath: out)
        // Every sample that is a credential is written, as XML; the two images without a badge are reported.
        #expect(first.status == 65, "\(first.stderr)")
        #expect(first.stderr.components(separatedBy: "[data.bad-image]").count - 1 == 2, "\(first.stderr)")
        #expect(written.count == inputs.count - 2, "\(written.sorted()) from \(inputs.sorted())")
        #expect(written.allSatisfy { $0.hasSuffix(".xml") })
        // Inputs that share a base name keep their own extension in the output name.
        #expect(written.contains("ob3-microcredential.json.xml") && written.contains("ob3-microcredential.jwt.xml"))
        for name in written {
            let xml = try String(contentsOfFile: out + "/" + name, encoding: .utf8)
            #expect(xml.hasPrefix("<?xml"), "\(name)")
        }
        // Again: every output exists and is kept (exit 73, each named); --force replaces them.
        let before = try Data(contentsOf: URL(fileURLWithPath: out + "/ob2-microcredential.xml"))
        try Data("changed".utf8).write(to: URL(fileURLWithPath: out + "/ob2-microcredential.xml"))
        let again = try ProcessRunner.credconv(["-t", "elm-xml", "--output-dir", out, samples + "/ob2-microcredential.json"])
        #expect(again.status == 73)
        #expect(again.stderr.contains("exists and is kept"))
        #expect(try String(contentsOfFile: out + "/ob2-microcredential.xml", encoding: .utf8) == "changed")
        let forced = try ProcessRunner.credconv(["-t", "elm-xml", "--force", "--output-dir", out, samples + "/ob2-microcredential.json"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/ob2-microcredential.xml")) == before)
        // Several inputs without --output-dir are a usage error.
        #expect(try ProcessRunner.credconv(["-t", "ob3", Self.sample.path, Self.sample.path]).status == 64)
    }
}
