import CredentialModel
import FormatInterface
import Foundation
import Synchronization

/// Pictures the first page of an HTML page as a JPEG: headless Chromium prints it to PDF, with every host
/// unresolvable so nothing is fetched, and `pdftoppm` rasterises page 1 at 96 dpi (as the EDC tools make
/// them). Work happens in a private temporary directory that is removed afterwards.
///
/// Renders one page at a time per process: a batch never starts browsers without bound.
public struct ChromiumPageRenderer: PageImageRendering {
    /// The tools, found on `PATH`.
    public struct Tools: Sendable {
        public var chromium: String
        public var pdftoppm: String
    }

    public let tools: Tools
    /// How long each tool may take.
    public var timeout: Duration

    /// A renderer when both tools are installed, else nil.
    public init?(timeout: Duration = .seconds(120)) {
        guard let chromium = Self.findExecutable(["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]),
            let pdftoppm = Self.findExecutable(["pdftoppm"])
        else { return nil }
        self.tools = Tools(chromium: chromium, pdftoppm: pdftoppm)
        self.timeout = timeout
    }

    /// One rendering at a time in this process.
    private static let oneAtATime = Mutex(())

    public func jpeg(ofPage html: [UInt8], report: inout ConversionReport) -> [UInt8]? {
        Self.oneAtATime.withLock { _ in render(html, report: &report) }
    }

    private func render(_ html: [UInt8], report: inout ConversionReport) -> [UInt8]? {
        func fail(_ why: String) -> [UInt8]? {
            report.warn(.pageImageNotRendered, "the page image was not rendered: \(why)")
            return nil
        }
        let fm = FileManager.default
        let directory = fm.temporaryDirectory.appendingPathComponent("credconv-page-\(UUID().uuidString)")
        do {
            try fm.createDirectory(at: directory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            return fail("cannot make a temporary directory (\(error.localizedDescription))")
        }
        defer { try? fm.removeItem(at: directory) }
        let htmlFile = directory.appendingPathComponent("certificate.html")
        let pdfFile = directory.appendingPathComponent("certificate.pdf")
        let stderrFile = directory.appendingPathComponent("stderr.txt").path
        do { try Data(html).write(to: htmlFile) } catch { return fail(error.localizedDescription) }

        let chromium = ToolProcess(executable: tools.chromium, arguments: [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions", "--hide-scrollbars",
            "--disable-background-networking", "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=\(directory.path)/profile",
            "--no-pdf-header-footer", "--print-to-pdf=\(pdfFile.path)", htmlFile.absoluteString,
        ], timeout: timeout)
        let printed = chromium.run(stderrPath: stderrFile)
        guard printed == .exited(0), fm.fileExists(atPath: pdfFile.path) else {
            return fail("chromium could not print the certificate (\(Self.describe(printed))\(Self.lastLine(of: stderrFile)))")
        }
        let imageBase = directory.appendingPathComponent("page")
        let pdftoppm = ToolProcess(executable: tools.pdftoppm, arguments: [
            "-jpeg", "-jpegopt", "quality=80", "-r", "96", "-f", "1", "-l", "1", "-singlefile", pdfFile.path, imageBase.path,
        ], timeout: timeout)
        let rasterised = pdftoppm.run(stderrPath: stderrFile)
        guard rasterised == .exited(0), let data = fm.contents(atPath: imageBase.path + ".jpg") else {
            return fail("pdftoppm failed (\(Self.describe(rasterised))\(Self.lastLine(of: stderrFile)))")
        }
        return Array(data)
    }

    static func describe(_ outcome: ToolProcess.Outcome) -> String {
        switch outcome {
        case .exited(let status): return "exit status \(status)"
        case .signalled(let signal): return "killed by signal \(signal)"
        case .timedOut: return "timed out; its process group was ended"
        case .couldNotStart(let why): return "could not start: \(why)"
        }
    }

    /// The last non-empty line the tool wrote to standard error, for the message.
    static func lastLine(of path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "" }
        let lines = String(decoding: data.suffix(4096), as: UTF8.self).split(whereSeparator: \.isNewline)
        guard let last = lines.last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { return "" }
        return ": " + last.prefix(300)
    }

    static func findExecutable(_ names: [String]) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            for name in names {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }
}
