import CredconvTestSupport
import Foundation
import Testing

/// Runs the built `credconv` executable as a user would: exit codes, stdout/stderr split, batches.
@Suite("credconv executable")
struct CLITests {
    static let sample = TestPaths.repository("samples/ob3-microcredential.json").path

    private func run(_ args: [String], stdin: String = "") throws -> ProcessResult {
        try ProcessRunner.credconv(args, stdin: Array(stdin.utf8))
    }

    @Test func convertIsTheDefaultSubcommandAndReadsStdin() throws {
        let input = try String(contentsOfFile: Self.sample, encoding: .utf8)
        let r = try run(["-t", "ob3"], stdin: input)
        #expect(r.status == 0)
        #expect(r.stdoutText == input)
        #expect(r.stderr.isEmpty)
        let explicit = try run(["convert", "-t", "ob3", Self.sample])
        #expect(explicit.stdoutText == input)
        let dash = try run(["-t", "ob3", "-"], stdin: input)
        #expect(dash.stdoutText == input)
    }

    @Test func modelOutputIsJSONForJQ() throws {
        let r = try run(["-t", "model", "--compact", Self.sample])
        #expect(r.status == 0)
        #expect(r.stdoutText.hasPrefix("{\"id\":"))
        #expect(r.stdoutText.filter { $0 == "\n" }.count == 1)
    }

    /// Input-derived numbers never trap: a workload of 1e300 or infinite hours once killed -t ob3 and -t
    /// html with SIGILL, and a whole batch with them.
    @Test func hugeWorkloadsDoNotTrap() throws {
        let sample = try String(contentsOf: URL(fileURLWithPath: Self.sample), encoding: .utf8)
        let records = ["PT1e300H", "PTinfH", "PT-1e300H", "PT125H"].map {
            sample.replacingOccurrences(of: "\"PT125H\"", with: "\"\($0)\"").replacingOccurrences(of: "\n", with: " ")
        }
        for (target, marker) in [("ob3", "{\"@context\""), ("html", "<!DOCTYPE html>"), ("elm-xml", "<?xml ")] {
            let batch = try run(["--jsonl", "-t", target], stdin: records.joined(separator: "\n") + "\n")
            #expect(batch.status == 0, "\(target): \(batch.stderr.prefix(500))")
            #expect(batch.stdoutText.components(separatedBy: marker).count - 1 == records.count, "\(target): every record written")
        }
        let single = try run(["-t", "ob3"], stdin: records[0])
        #expect(single.status == 0)
        #expect(single.stdoutText.contains("PT1e300H"))
    }

    /// Many findings stay linear: 20,000 unknown XML elements, or 20,000 alignments Europass XML cannot
    /// hold, are each reported, in well under the bound (they took 22 s and 34 s when recording, the
    /// loss walker and the model encoder were quadratic).
    @Test func manyFindingsDoNotMakeAConversionQuadratic() throws {
        var xml = try String(contentsOf: TestPaths.repository("samples/elm-microcredential.xml"), encoding: .utf8)
        let at = try #require(xml.range(of: "<familyName>"))
        xml.replaceSubrange(at, with: (0..<20_000).map { "<unknown\($0)>x</unknown\($0)>" }.joined() + "<familyName>")
        var json = try String(contentsOf: URL(fileURLWithPath: Self.sample), encoding: .utf8)
        let alignments = (0..<20_000).map { #"{"type": ["Alignment"], "targetName": "n\#($0)", "targetUrl": "https://e.org/\#($0)"}"# }
        json = json.replacingOccurrences(of: #""alignment": ["#, with: #""alignment": ["# + alignments.joined(separator: ", ") + ", ")
        for (arguments, input, expected) in [(["-t", "model"], xml, 20_000), (["-t", "elm-xml"], json, 20_000)] {
            let clock = ContinuousClock()
            let started = clock.now
            let r = try run(arguments, stdin: input)
            #expect(r.status == 0)
            #expect(r.stderr.split(separator: "\n").count >= expected)
            #expect(clock.now - started < .seconds(15), "\(arguments): \(clock.now - started)")
        }
    }

    @Test func invalidJSONGivesALocatedErrorExit65AndNoOutput() throws {
        let r = try run(["-t", "ob3"], stdin: "{\n  \"a\": 1,\n  \"a\": 2\n}")
        #expect(r.status == 65)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "credconv: error: <stdin>:3:3: invalid JSON: duplicate key \"a\" [data.json-syntax]\n")
    }

    @Test func mappingErrorNamesTheJSONPointer() throws {
        var input = try String(contentsOfFile: Self.sample, encoding: .utf8)
        input = input.replacingOccurrences(of: "\"achievementType\": \"MicroCredential\"", with: "\"achievementType\": 7")
        let r = try run(["-t", "ob3"], stdin: input)
        #expect(r.status == 65)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("<stdin>: /credentialSubject/achievement/achievementType: expected a string, found number"))
    }

    @Test func unknownDocumentIsRefused() throws {
        let r = try run(["-t", "ob3"], stdin: "{\"hello\": \"world\"}")
        #expect(r.status == 65)
        #expect(r.stderr.contains("no credential format credconv knows"))
    }

    @Test func usageErrorsExit64() throws {
        let unknownFormat = try run(["-t", "docx", Self.sample])
        #expect(unknownFormat.status == 64)
        #expect(unknownFormat.stdout.isEmpty)
        let unwritable = try run(["-t", "png", Self.sample])
        #expect(unwritable.status == 64)
        #expect(unwritable.stderr.contains("credconv bake"))
        let missingTarget = try run([Self.sample])
        #expect(missingTarget.status == 64)
    }

    @Test func missingInputExits66() throws {
        let r = try run(["-t", "ob3", "/nonexistent/credential.json"])
        #expect(r.status == 66)
        #expect(r.stderr.contains("no such file"))
    }

    @Test(.enabled(if: TestPaths.referenceAvailable, "../shared/reference is absent: skipped"))
    func strictTurnsLossIntoExit3WithoutOutput() throws {
        let lossy = TestPaths.reference("openbadges/ob3/examples/validator/complete_v1.json").path
        let lenient = try run(["-t", "ob3", lossy])
        #expect(lenient.status == 0)
        #expect(!lenient.stdout.isEmpty)
        #expect(lenient.stderr.contains("credconv: lost: /endorsement/0: "))
        let strict = try run(["-t", "ob3", "--strict", lossy])
        #expect(strict.status == 3)
        #expect(strict.stdout.isEmpty)
    }

    @Test(.enabled(if: TestPaths.referenceAvailable, "../shared/reference is absent: skipped"))
    func reportJSONIsOneObjectOnStderr() throws {
        let signed = TestPaths.reference("openbadges/ob3/examples/validator/simple.json").path
        let r = try run(["-t", "ob3", "--report", "json", signed])
        #expect(r.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(r.stderr.utf8)) as? [String: Any])
        #expect(report["input"] as? String == signed)
        #expect(report["format"] as? String == "ob3")
        #expect((report["lost"] as? [Any])?.isEmpty == true)
        #expect((report["signature"] as? [String: Any])?["verified"] as? Bool == false)
        let failure = try run(["-t", "ob3", "--report", "json"], stdin: "[1,")
        let error = try #require(try JSONSerialization.jsonObject(with: Data(failure.stderr.utf8)) as? [String: Any])
        #expect((error["error"] as? [String: Any])?["exitCode"] as? Int == 65)
    }

    @Test func outputFileIsWrittenWholeOrNotAtAll() throws {
        let dir = TestPaths.temporaryDirectory()
        let target = dir.appendingPathComponent("out.json").path
        let ok = try run(["-t", "ob3", "-o", target, Self.sample])
        #expect(ok.status == 0 && ok.stdout.isEmpty)
        #expect(FileManager.default.contents(atPath: target) == FileManager.default.contents(atPath: Self.sample))
        let failed = dir.appendingPathComponent("failed.json").path
        let bad = try run(["-t", "ob3", "-o", failed], stdin: "{")
        #expect(bad.status == 65)
        #expect(!FileManager.default.fileExists(atPath: failed))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.json"])
        let unwritable = try run(["-t", "ob3", "-o", "/nonexistent-dir/out.json", Self.sample])
        #expect(unwritable.status == 73)
        #expect(unwritable.stderr.contains("cannot create /nonexistent-dir/out.json: No such file or directory"))
    }

    @Test func jsonLinesStreamWithABrokenRecordYieldsTheRest() throws {
        let line = try String(contentsOfFile: Self.sample, encoding: .utf8)
            .replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "  ", with: "")
        var lines = Array(repeating: line, count: 1000)
        lines[500] = "{\"broken\": "
        let r = try run(["--jsonl", "-t", "ob3"], stdin: lines.joined(separator: "\n") + "\n")
        #expect(r.status == 65)
        let outputs = r.stdoutText.split(separator: "\n")
        #expect(outputs.count == 999)
        #expect(r.stderr.hasPrefix("credconv: error: <stdin>: record 501 (line 501):"))
        #expect(r.stderr.split(separator: "\n").count == 1)
    }

    /// An oversized line is one failed record, not the end of the batch; the records after it come out.
    @Test func jsonLinesOversizedLineIsOneFailedRecord() throws {
        let line = try String(contentsOfFile: Self.sample, encoding: .utf8)
            .replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "  ", with: "")
        let huge = "{\"a\": \"" + String(repeating: "x", count: 400_000) + "\"}"
        let lines = Array(repeating: line, count: 20) + [huge] + Array(repeating: line, count: 20)
        let r = try run(["--jsonl", "-t", "ob3", "--max-bytes", "100000"], stdin: lines.joined(separator: "\n"))
        #expect(r.status == 65)
        #expect(r.stdoutText.split(separator: "\n").count == 40)
        #expect(r.stderr.hasPrefix("credconv: error: <stdin>: record 21 (line 21): the line is longer than 100000 bytes"))
        #expect(r.stderr.contains("[data.limit-exceeded]") && r.stderr.split(separator: "\n").count == 1)
        // The same limit for one document.
        let single = try run(["-t", "ob3", "--max-bytes", "1000", Self.sample])
        #expect(single.status == 65 && single.stdout.isEmpty)
        #expect(try run(["-t", "ob3", "--max-bytes", "0", Self.sample]).status == 64)
    }

    /// A broken first record is one failed record: the stream is not taken for one pretty-printed document.
    @Test func jsonLinesBrokenFirstLineIsOneFailedRecord() throws {
        let line = try String(contentsOfFile: Self.sample, encoding: .utf8)
            .replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "  ", with: "")
        let r = try run(["--jsonl", "-t", "ob3"], stdin: "{\"@context\": [\n" + line + "\n" + line + "\n")
        #expect(r.status == 65)
        #expect(r.stdoutText.split(separator: "\n").count == 2)
        #expect(r.stderr.hasPrefix("credconv: error: <stdin>: record 1 (line 1)"))
    }

    @Test func jsonLinesOutputArrivesBeforeTheNextRecordIsSent() throws {
        let line = try String(contentsOfFile: Self.sample, encoding: .utf8).replacingOccurrences(of: "\n", with: "") + "\n"
        let process = Process()
        process.executableURL = TestPaths.executable
        process.arguments = ["--jsonl", "-t", "ob3"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: Data(line.utf8))
        // The first document must come back while stdin is still open and silent.
        var received = Data()
        let deadline = Date().addingTimeInterval(10)
        while !received.contains(0x0A) && Date() < deadline {
            received.append(output.fileHandleForReading.availableData)
        }
        #expect(received.contains(0x0A), "no output before the second record was sent")
        try input.fileHandleForWriting.write(contentsOf: Data(line.utf8))
        try input.fileHandleForWriting.close()
        received.append(output.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(received.filter { $0 == 0x0A }.count == 2)
    }

    @Test func detectAndFormatsAndVersion() throws {
        let d = try run(["detect", Self.sample])
        #expect(d.stdoutText == "ob3\tOpenBadgeCredential, VCDM 2.0, OB context 3.0.3\n")
        let f = try run(["formats"])
        #expect(f.status == 0)
        #expect(f.stdoutText.contains("\nob3      yes   yes"))
        #expect(f.stdoutText.contains("\nob3-jwt  yes   -"))
        let v = try run(["--version"])
        #expect(v.stdoutText.first?.isNumber == true)
        let h = try run(["--help"])
        #expect(h.stdoutText.contains("Exit status:"))
    }
}

/// Hostile and broken XML through the executable: refused with a located error, exit 65, nothing on stdout.
@Suite("credconv with hostile XML")
struct CLIXMLAttackTests {
    static let attacks: [(name: String, text: String, expected: String)] = [
        ("XXE", "<?xml version=\"1.0\"?>\n<!DOCTYPE europassCredential [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<europassCredential xmlns=\"http://data.europa.eu/snb\">&x;</europassCredential>", "<stdin>:2:1: DOCTYPE is not allowed"),
        ("billion laughs", "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>\n<europassCredential>&lol3;</europassCredential>", "<stdin>:2:1: DOCTYPE is not allowed"),
        ("external DTD", "<?xml version=\"1.0\"?>\n<!DOCTYPE europassCredential SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n<europassCredential/>", "<stdin>:2:1: DOCTYPE is not allowed"),
        ("XInclude", "<europassCredential xmlns=\"http://data.europa.eu/snb\" xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"/etc/passwd\" parse=\"text\"/></europassCredential>", "europassCredential has no cred:id"),
        ("truncated", "<?xml version=\"1.0\"?>\n<europassCredential xmlns=\"http://data.europa.eu/snb\">\n  <title>", "<stdin>:3:"),
    ]

    @Test(arguments: attacks.map(\.name))
    func refusedWithALocatedErrorAndNoOutput(_ name: String) throws {
        let attack = Self.attacks.first { $0.name == name }!
        let start = Date()
        let r = try ProcessRunner.credconv(["-t", "ob3"], stdin: Array(attack.text.utf8))
        #expect(r.status == 65)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains(attack.expected), "\(r.stderr)")
        #expect(!r.stderr.contains("root:"))
        #expect(Date().timeIntervalSince(start) < 1.0)
    }

    @Test func xmlIsDetectedAndNamed() throws {
        let r = try ProcessRunner.credconv(["detect", TestPaths.repository("samples/elm-microcredential.xml").path])
        #expect(r.stdoutText == "elm-xml\tEuropass ELM v2 credential XML, schema 1.2\n")
        // An empty credential looks like Europass XML, but its reader refuses it: so does detect.
        let empty = try ProcessRunner.credconv(["detect"], stdin: Array("<europassCredential xmlns=\"http://data.europa.eu/snb\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://data.europa.eu/snb genericschema_1.2.xsd\"/>".utf8))
        #expect(empty.status == 65 && empty.stdout.isEmpty)
        #expect(empty.stderr.contains("looks like elm-xml (Europass ELM v2 credential XML, schema 1.2), but "))
    }
}

@Suite("credconv and Europass XML", .enabled(if: TestPaths.referenceAvailable, "../shared/reference is absent: skipped"))
struct CLIEuropassTests {
    static let xsd = TestPaths.reference("europass/elm-v2-xml/xsd/genericschema_1.2.xsd").path

    @Test func validateReportsEveryViolationWithLineNumbers() throws {
        let signed = TestPaths.reference("europass/elm-v2-xml/samples/credential-generic-profile-xsd-signed.xml").path
        let r = try ProcessRunner.credconv(["validate", "--schema", Self.xsd, signed])
        #expect(r.status == 65)
        #expect(r.stdoutText.hasPrefix("\(signed):22: Element '{http://data.europa.eu/snb}language': This element is not expected."))
        let ok = try ProcessRunner.credconv(["validate", "--schema", Self.xsd, TestPaths.reference("europass/elm-v2-xml/samples/EDC_WileECoyote_Simple.xml").path])
        #expect(ok.status == 0)
        #expect(ok.stdoutText.hasSuffix(": valid\n"))
        let missing = try ProcessRunner.credconv(["validate", "--schema", "/nonexistent.xsd"], stdin: Array("<a/>".utf8))
        #expect(missing.status == 64)
    }

    @Test func microCredentialConvertsToValidEuropassXMLAndBack() throws {
        let xml = try ProcessRunner.credconv(["-t", "elm-xml", CLITests.sample])
        #expect(xml.status == 0)
        #expect(xml.stderr.contains("credconv: lost: learner.identities[0]: Europass XML has no place for a hashed identity"))
        let validation = try ProcessRunner.credconv(["validate", "--schema", Self.xsd], stdin: xml.stdout)
        #expect(validation.status == 0, "\(validation.stdoutText)")
        let strict = try ProcessRunner.credconv(["-t", "elm-xml", "--strict", CLITests.sample])
        #expect(strict.status == 3)
        #expect(strict.stdout.isEmpty)
        let back = try ProcessRunner.credconv(["-t", "model", "--compact"], stdin: xml.stdout)
        #expect(back.status == 0)
        for value in ["\"PT125H\"", "http://data.europa.eu/snb/eqf/5", "\"value\":5", "http://data.europa.eu/snb/assessment/6e6cb2cc78",
                      "1,7 (good)", "http://data.europa.eu/snb/learning-assessment/920fbb3cbe", "http://data.europa.eu/snb/supervision-verification/70be69aaf9",
                      "None; basic spreadsheet skills recommended.", "Counts towards the Certificate", "system-accredited",
                      "Find and assess the quality of open government data sets.", "Technische Universität Beispielstadt", "Ana María"] {
            #expect(back.stdoutText.contains(value), "lost \(value)")
        }
    }
}
