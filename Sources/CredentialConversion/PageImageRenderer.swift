import CredentialModel
import Foundation
import HTMLCertificate

/// Where the page picture of an ELM v3 credential (`displayParameter`) comes from.
public enum PageImageSource: Sendable, Equatable {
    /// Render the credential's HTML certificate with headless Chromium and `pdftoppm` when both are
    /// installed; otherwise none (reported).
    case render
    /// No page picture (reported; the EDC shapes require one).
    case none
    /// A JPEG file the caller supplies.
    case file(String)
}

/// Renders the first page of a credential's printable certificate as a JPEG: the certificate is written
/// to a private temporary directory, printed to PDF by headless Chromium (with every host unresolvable,
/// so nothing is fetched), and the first page rasterised by `pdftoppm`.
enum PageImageRenderer {
    /// The tools, found on `PATH`; nil when either is missing.
    static let tools: (chromium: URL, pdftoppm: URL)? = {
        guard let chromium = findExecutable(["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]),
            let pdftoppm = findExecutable(["pdftoppm"])
        else { return nil }
        return (chromium, pdftoppm)
    }()

    static func findExecutable(_ names: [String]) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            for name in names {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return URL(fileURLWithPath: candidate) }
            }
        }
        return nil
    }

    /// The JPEG, or nil with the reason in the report.
    static func jpeg(of credential: Credential, options: ConversionOptions, report: inout ConversionReport) -> [UInt8]? {
        guard let tools else {
            report.warn("the page image was not rendered: chromium or pdftoppm is not installed")
            return nil
        }
        let fm = FileManager.default
        let directory = fm.temporaryDirectory.appendingPathComponent("credconv-page-\(UUID().uuidString)")
        do {
            try fm.createDirectory(at: directory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            report.warn("the page image was not rendered: cannot make a temporary directory (\(error.localizedDescription))")
            return nil
        }
        defer { try? fm.removeItem(at: directory) }
        var scratch = ConversionReport()
        let html = HTMLCertificateWriter(options: HTMLCertificateOptions(language: options.language, paper: options.paper, generator: "credconv \(CredconvInfo.version)", showsRemoteImages: false))
            .write(credential, embeddedJSON: nil, report: &scratch)
        let htmlFile = directory.appendingPathComponent("certificate.html")
        let pdfFile = directory.appendingPathComponent("certificate.pdf")
        do { try Data(html).write(to: htmlFile) } catch {
            report.warn("the page image was not rendered: \(error.localizedDescription)")
            return nil
        }
        let chromiumArguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions", "--hide-scrollbars",
            "--disable-background-networking", "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=\(directory.path)/profile",
            "--no-pdf-header-footer", "--print-to-pdf=\(pdfFile.path)", htmlFile.absoluteString,
        ]
        guard run(tools.chromium, chromiumArguments), fm.fileExists(atPath: pdfFile.path) else {
            report.warn("the page image was not rendered: chromium could not print the certificate")
            return nil
        }
        let imageBase = directory.appendingPathComponent("page")
        guard run(tools.pdftoppm, ["-jpeg", "-jpegopt", "quality=80", "-r", "96", "-f", "1", "-l", "1", "-singlefile", pdfFile.path, imageBase.path]),
            let data = fm.contents(atPath: imageBase.path + ".jpg")
        else {
            report.warn("the page image was not rendered: pdftoppm failed")
            return nil
        }
        return Array(data)
    }

    /// Runs a tool with no input and its output discarded; true when it exits 0 within two minutes.
    static func run(_ executable: URL, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                return false
            }
            usleep(20_000)
        }
        return process.terminationStatus == 0
    }
}
