import Foundation

/// The outcome of running a program.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var stdout: [UInt8]
    public var stderr: String

    public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
}

/// Runs programs for the tests: the built binary and the independent oracles.
public enum ProcessRunner {
    /// Runs `executable` with `arguments`, feeding `stdin`, and collects both outputs.
    public static func run(_ executable: URL, _ arguments: [String], stdin: [UInt8] = [], environment: [String: String]? = nil) throws -> ProcessResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        let inPipe = Pipe(), outPipe = Pipe(), errPipe = Pipe()
        process.standardInput = inPipe
        process.standardOutput = outPipe
        process.standardError = errPipe
        try process.run()
        // Write stdin and read both outputs concurrently so no pipe fills up.
        let group = DispatchGroup()
        nonisolated(unsafe) var out = Data()
        nonisolated(unsafe) var err = Data()
        group.enter()
        DispatchQueue.global().async { out = outPipe.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { err = errPipe.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        if !stdin.isEmpty { try? inPipe.fileHandleForWriting.write(contentsOf: Data(stdin)) }
        try? inPipe.fileHandleForWriting.close()
        group.wait()
        process.waitUntilExit()
        return ProcessResult(status: process.terminationStatus, stdout: [UInt8](out), stderr: String(decoding: err, as: UTF8.self))
    }

    /// Runs `credconv` with arguments and stdin.
    public static func credconv(_ arguments: [String], stdin: [UInt8] = []) throws -> ProcessResult {
        try run(TestPaths.executable, arguments, stdin: stdin)
    }
}

/// The independent checkers (python jsonschema, pyld) the conformance tests use.
public enum Oracle {
    /// True when `python3` can import `module`. When `CREDCONV_REQUIRE_ORACLES=1` (CI), a missing oracle is an error, not a skip.
    public static func available(_ module: String) -> Bool {
        let ok = (try? ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import \(module)"]).status) == 0
        if !ok && ProcessInfo.processInfo.environment["CREDCONV_REQUIRE_ORACLES"] == "1" {
            fatalError("oracle python module \(module) is missing and CREDCONV_REQUIRE_ORACLES=1")
        }
        return ok
    }

    /// True when `program` is on the PATH. When `CREDCONV_REQUIRE_ORACLES=1` (CI), a missing one is an error, not a skip.
    public static func programAvailable(_ program: String) -> Bool {
        let ok = (try? ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["sh", "-c", "command -v \(program)"]).status) == 0
        if !ok && ProcessInfo.processInfo.environment["CREDCONV_REQUIRE_ORACLES"] == "1" {
            fatalError("the program \(program) is missing and CREDCONV_REQUIRE_ORACLES=1")
        }
        return ok
    }

    /// What the official OB 3.0 JSON Schemas and offline JSON-LD expansion say of files: nil when both
    /// accept them all (or the oracles are missing outside CI), else their output.
    public static func openBadges3Failures(_ files: [URL]) throws -> String? {
        var failures: [String] = []
        if available("jsonschema") {
            let schema = try check("ob3-schema-check.py", files)
            if schema.status != 0 { failures.append(schema.stdoutText) }
        }
        if available("pyld") {
            let expansion = try check("jsonld-check.py", files)
            if expansion.status != 0 { failures.append(expansion.stdoutText) }
        }
        return failures.isEmpty ? nil : failures.joined(separator: "\n")
    }

    /// Validates Europass XML with xmllint (the independent oracle) against genericschema_1.2.xsd, through a catalog that maps the schema's remote
    /// imports to the local copies. Nil when xmllint is not installed.
    public static func europassXMLSchemaCheck(_ files: [URL]) throws -> ProcessResult? {
        guard FileManager.default.fileExists(atPath: "/usr/bin/xmllint") else {
            if ProcessInfo.processInfo.environment["CREDCONV_REQUIRE_ORACLES"] == "1" { fatalError("xmllint is missing") }
            return nil
        }
        let xsd = TestPaths.reference("europass/elm-v2-xml/xsd")
        let dir = TestPaths.temporaryDirectory()
        try Data().write(to: dir.appendingPathComponent("empty.dtd"))
        let catalog = """
            <?xml version="1.0"?>
            <catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
              <system systemId="http://www.w3.org/2001/XMLSchema.dtd" uri="\(dir.appendingPathComponent("empty.dtd").path)"/>
              <system systemId="http://www.w3.org/TR/2008/REC-xmldsig-core-20080610/xmldsig-core-schema.xsd" uri="\(xsd.path)/xmldsig-core-schema.xsd"/>
              <uri name="http://www.w3.org/TR/2008/REC-xmldsig-core-20080610/xmldsig-core-schema.xsd" uri="\(xsd.path)/xmldsig-core-schema.xsd"/>
              <system systemId="http://uri.etsi.org/01903/v1.3.2/XAdES01903v132-201601.xsd" uri="\(xsd.path)/XAdES01903v132-201601.xsd"/>
              <uri name="http://uri.etsi.org/01903/v1.3.2/XAdES01903v132-201601.xsd" uri="\(xsd.path)/XAdES01903v132-201601.xsd"/>
            </catalog>
            """
        let catalogURL = dir.appendingPathComponent("catalog.xml")
        try Data(catalog.utf8).write(to: catalogURL)
        return try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["XML_CATALOG_FILES=\(catalogURL.path)", "xmllint", "--nonet", "--noout", "--schema", "\(xsd.path)/genericschema_1.2.xsd"] + files.map(\.path))
    }

    /// Runs one of the repository's checker scripts on files.
    public static func check(_ script: String, _ files: [URL]) throws -> ProcessResult {
        try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", TestPaths.repository("scripts/\(script)").path, "--reference", TestPaths.reference.path] + files.map(\.path))
    }

    /// Which of `texts` xmllint takes as values of the XML Schema built-in type `type` (`xs:dateTime`,
    /// `xs:duration`, …), all validated in one document, one text per line.
    public static func xmlSchemaAccepts(_ texts: [String], as type: String) throws -> [Bool] {
        let folder = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let schema = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="list"><xs:complexType><xs:sequence>
            <xs:element name="v" type="\(type)" minOccurs="0" maxOccurs="unbounded"/>
            </xs:sequence></xs:complexType></xs:element></xs:schema>
            """
        try Data(schema.utf8).write(to: folder.appendingPathComponent("s.xsd"))
        // Line n + 2 holds text n.
        let document = "<list>\n" + texts.map { "<v>\($0)</v>" }.joined(separator: "\n") + "\n</list>\n"
        try Data(document.utf8).write(to: folder.appendingPathComponent("t.xml"))
        let r = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["xmllint", "--nonet", "--noout", "--schema",
            folder.appendingPathComponent("s.xsd").path, folder.appendingPathComponent("t.xml").path])
        let refused = Set(r.stderr.split(separator: "\n").compactMap { line -> Int? in
            guard line.contains("validity error") else { return nil }
            return line.split(separator: ":").dropFirst().first.flatMap { Int($0) }.map { $0 - 2 }
        })
        return texts.indices.map { !refused.contains($0) }
    }
}
