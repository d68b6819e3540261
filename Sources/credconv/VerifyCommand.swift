import ArgumentParser
import CredconvJSON
import CredentialConversion
import Dispatch

/// `credconv verify [--key FILE]... [--status FILE]... [--at TIME] [--report text|json] [INPUT]`.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a signed credential (VC-JWT, vc+jwt, Data Integrity proof, OB 2.0 signed assertion; also baked in PNG/SVG), offline.",
        discussion: """
            Runs each check and reports it with a stable code: verify.well-formed, verify.algorithm-allowed \
            (no none, no HMAC, RSA of 2048 bits or more, an alg that fits the key), verify.key-resolved, \
            verify.signature, verify.key-bound (the key is the issuer's), verify.claims-consistent (iss, sub, \
            jti, nbf, exp), verify.in-date (at --at, default now) and verify.status (against --status lists).

            Keys come from the JWS header (jwk), from a kid that is a did:key or did:jwk, or from --key files; \
            credconv never fetches a key, a DID document or a status list. A key that is named but not given \
            is reported as such: give it with --key.

            Embedded Data Integrity proofs (eddsa-rdfc-2022, ecdsa-rdfc-2019, eddsa-jcs-2022, ecdsa-jcs-2019, \
            Ed25519Signature2020; proof sets and previousProof chains) go through the same checks; the RDFC \
            suites canonicalize the credential's JSON-LD with the contexts credconv embeds, or ones given \
            with --context URL=FILE.

            Exit status: 0 verified, 1 not verified (the first failing check is named on standard error), \
            65 the input is not a credential, 66 a file is missing.
            """)

    @OptionGroup var trust: VerificationArguments

    @OptionGroup var contexts: ContextArguments

    @Option(name: .customLong("with"), help: ArgumentHelp(
        "A JSON document the credential refers to by id (an OB 2.0 badge class or issuer profile); repeatable.", valueName: "FILE"))
    var linked: [String] = []

    @Option(help: "Output: text or json.")
    var report: ReportRenderer.Style = .text

    @Flag(help: "Input is JSON Lines (or one signed credential per line): one verdict per record, in order.")
    var jsonl = false

    @Option(name: [.customShort("f"), .customLong("from")], help: "Input format (default: detected from the content).")
    var from: FormatName?

    @Argument(help: "Input file (default: standard input).")
    var input: String?

    func run() throws {
        let name = InputOutput.displayName(input)
        let renderer = ReportRenderer(style: report, inputName: name)
        var options = ConversionOptions(from: from, to: .model)
        let results: [VerifiedCredential]
        var batchStatus: Int32?
        do throws(Diagnostic) {
            options.linkedDocuments = try InputOutput.readJSONDocuments(linked, option: "--with", limits: options.jsonLimits)
            let verification = try trust.options(limits: options.jsonLimits, jsonld: try contexts.processor())
            if jsonl {
                batchStatus = try verifyLines(options: options, verification: verification, renderer: renderer)
                results = []
            } else {
                let bytes = try InputOutput.readAll(input, limit: options.jsonLimits.maxBytes)
                results = try CredentialVerifier().verifyEach(bytes, options: options, verification: verification)
            }
        } catch {
            InputOutput.diagnose(renderer.render(error))
            throw ExitCode(error.exitCode)
        }
        if let batchStatus {
            if batchStatus != 0 { throw ExitCode(batchStatus) }
            return
        }
        var status: Int32 = 0
        var reports: [JSONValue] = []
        for (index, result) in results.enumerated() {
            let label = results.count > 1 ? "\(name) (credential \(index + 1) of \(results.count))" : name
            if let error = result.invalidInput {
                InputOutput.diagnose(ReportRenderer(style: report, inputName: label).render(error))
                status = max(status, error.exitCode)
                continue
            }
            if let error = result.readError, result.report.verified {
                InputOutput.diagnose(ReportRenderer(style: report, inputName: label).render(warning: Diagnostic(
                    error.code, "the credential verifies, but credconv cannot read it into its model: \(error.message)", at: error.location, severity: .warning)))
            }
            switch report {
            case .text: print(result.report.text(inputName: label), terminator: "")
            case .json:
                var o = result.report.json.objectValue ?? JSONObject()
                o.set("input", .string(label))
                o.set("format", result.detected.map { .string($0.format.rawValue) } ?? .null)
                reports.append(.object(o))
            }
            if let failure = result.report.firstFailure {
                InputOutput.diagnose("credconv: not verified: \(label): \(failure.code.rawValue): \(failure.detail)\n")
                status = max(status, 1)
            }
        }
        if report == .json, !reports.isEmpty {
            print(JSONWriter(style: .pretty).string(reports.count == 1 ? reports[0] : .array(reports)))
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// One verdict per line, streaming: text `record N: verified (…)` / `record N: NOT verified: CODE: …`,
    /// or one compact JSON report per line with its `record`. Exit 65 when a record is no credential, else
    /// 1 when one does not verify.
    /// One JSON Lines record read for verification: its number, and its bytes or why it was refused.
    private struct PendingRecord: Sendable {
        var record: Int
        /// The line the record is on (blank lines are skipped, so it may be past the record number).
        var line: Int
        var bytes: [UInt8]
        var refusal: Diagnostic?
    }

    /// Verifies a JSON Lines stream: up to `window` records at once on the machine's cores, verdicts
    /// written in input order, everything written before the reader would wait for more input.
    private func verifyLines(options: ConversionOptions, verification: VerificationOptions, renderer: ReportRenderer) throws(Diagnostic) -> Int32 {
        let reader = try InputOutput.LineReader(path: input, maxLineBytes: options.jsonLimits.maxBytes)
        let sink = try InputOutput.OutputSink(path: nil)
        let window = 64
        var record = 0
        var invalid = false
        var notVerified = false
        var chunk: [PendingRecord] = []

        func writeChunk() throws(Diagnostic) {
            let outcomes = Self.verifyConcurrently(chunk, options: options, verification: verification)
            for (pending, outcome) in zip(chunk, outcomes) {
                let results: [VerifiedCredential]
                switch outcome {
                case .failure(let error):
                    InputOutput.diagnose(renderer.render(error, record: pending.record, line: pending.line))
                    invalid = true
                    continue
                case .success(let verified): results = verified
                }
                for result in results {
                    if let error = result.invalidInput {
                        InputOutput.diagnose(renderer.render(error, record: pending.record, line: pending.line))
                        invalid = true
                        continue
                    }
                    if !result.report.verified { notVerified = true }
                    try sink.write(Array(verdict(result, record: pending.record).utf8) + [0x0A])
                }
            }
            chunk.removeAll(keepingCapacity: true)
            try sink.flush()
        }

        var lineNumber = 0
        while let line = try reader.next() {
            record += 1
            lineNumber += 1
            switch line {
            case .oversized:
                chunk.append(PendingRecord(record: record, line: lineNumber, bytes: [], refusal: Diagnostic(.limitExceeded, "a line longer than \(options.jsonLimits.maxBytes) bytes")))
            case .line(let bytes):
                if bytes.trimmingASCIIWhitespace().isEmpty { record -= 1; continue }
                chunk.append(PendingRecord(record: record, line: lineNumber, bytes: bytes))
            }
            if chunk.count >= window || reader.mightBlock() { try writeChunk() }
        }
        try writeChunk()
        try sink.finish()
        return invalid ? 65 : notVerified ? 1 : 0
    }

    /// One record's verdict line.
    private func verdict(_ result: VerifiedCredential, record: Int) -> String {
        switch report {
        case .json:
            var o = result.report.json.objectValue ?? JSONObject()
            o.set("record", .integer(record))
            o.set("format", result.detected.map { .string($0.format.rawValue) } ?? .null)
            return JSONWriter(style: .compact).string(.object(o))
        case .text:
            if let failure = result.report.firstFailure {
                return "record \(record): NOT verified (\(result.report.proof)): \(failure.code.rawValue): \(failure.detail)"
            }
            return "record \(record): verified (\(result.report.proof), key \(result.report.key?.id ?? "?"))"
        }
    }

    /// The verification of each record, in order, computed on all cores.
    private static func verifyConcurrently(
        _ records: [PendingRecord], options: ConversionOptions, verification: VerificationOptions
    ) -> [Swift.Result<[VerifiedCredential], Diagnostic>] {
        let slots = ResultSlots<Swift.Result<[VerifiedCredential], Diagnostic>>(count: records.count)
        DispatchQueue.concurrentPerform(iterations: records.count) { i in
            let pending = records[i]
            if let refusal = pending.refusal {
                slots.set(i, .failure(refusal))
                return
            }
            do throws(Diagnostic) {
                slots.set(i, .success(try CredentialVerifier().verifyEach(pending.bytes, options: options, verification: verification)))
            } catch {
                slots.set(i, .failure(error))
            }
        }
        return slots.values()
    }
}
