import CredconvTestSupport
import Foundation
import Testing

/// Every input that ever broke a reader (Tests/FuzzRegressions, found by fuzzing or by reading the code)
/// goes through the command line into every format, alone and in a JSON Lines batch, and into
/// verification as the credential, a key file and a status list: an exit status of 0, 1, 3 or a
/// sysexits code, never a signal, within ten seconds.
@Suite("Fuzz regressions through the command line")
struct FuzzRegressionTests {
    static var inputs: [URL] {
        let dir = TestPaths.repository("Tests/FuzzRegressions")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".input") }.sorted().map { dir.appendingPathComponent($0) }
    }

    static let targets = ["ob3", "ob2", "elm", "elm-xml", "html", "model"]

    static func acceptable(_ status: Int32) -> Bool { status == 0 || status == 3 || (64...78).contains(status) }

    @Test func thereAreRegressionInputs() { #expect(Self.inputs.count >= 6) }

    @Test(arguments: inputs)
    func replaysWithoutASignal(_ input: URL) throws {
        for target in Self.targets {
            let start = Date()
            let r = try ProcessRunner.credconv(["-t", target, "--page-image", "none", input.path])
            #expect(Self.acceptable(r.status), "\(input.lastPathComponent) -t \(target): status \(r.status)\n\(r.stderr.prefix(500))")
            #expect(Date().timeIntervalSince(start) < 10, "\(input.lastPathComponent) -t \(target) took too long")
        }
        // As a credential to verify, as a key file, as a status list.
        let signed = TestPaths.repository("samples/ob3-microcredential.jwt").path
        for args in [["verify", input.path], ["verify", "--key", input.path, signed], ["verify", "--status", input.path, signed],
                     ["sign", "--key", input.path, TestPaths.repository("samples/ob3-microcredential.json").path]] {
            let r = try ProcessRunner.credconv(args)
            #expect(Self.acceptable(r.status) || r.status == 1, "\(input.lastPathComponent) \(args.joined(separator: " ")): status \(r.status)\n\(r.stderr.prefix(500))")
        }
        // In a batch between two good records: the good ones still come out.
        let good = try String(contentsOf: TestPaths.repository("samples/ob3-microcredential.json"), encoding: .utf8)
            .replacingOccurrences(of: "\n", with: "")
        let bad = String(decoding: try Data(contentsOf: input), as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
        let batch = try ProcessRunner.credconv(["--jsonl", "-t", "ob3"], stdin: Array([good, bad, good].joined(separator: "\n").utf8))
        #expect(Self.acceptable(batch.status), "\(input.lastPathComponent) in a batch: status \(batch.status)")
        #expect(batch.stdoutText.split(separator: "\n").count >= 2, "\(input.lastPathComponent): the good records of the batch")
    }
}
