import CLibXML2
import Foundation
import Synchronization

/// libxml2's process-wide external resource loader, replaced so that nothing is ever fetched:
/// only files inside directories registered for schema compilation are read, remote schema imports are
/// served from a file of the same name in such a directory, the XML Schema DTD (referenced by the W3C
/// xmldsig schema) is an empty document, and everything else is refused.
///
/// Instance documents never reach the loader: their DOCTYPE is refused before it is read.
enum ResourceLoader {
    private static let allowedDirectories = Mutex<Set<String>>([])
    /// Remote DTDs that schemas reference and that carry nothing a validator needs.
    static let emptyDocuments: Set<String> = [
        "http://www.w3.org/2001/XMLSchema.dtd", "http://www.w3.org/2001/datatypes.dtd",
    ]

    static func install() {
        xmlSetExternalEntityLoader(loader)
    }

    /// Allows files in `directory` (and its subdirectories) to be loaded, for a schema compiled from there.
    static func allow(directory: String) {
        let resolved = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath().path
        allowedDirectories.withLock { _ = $0.insert(resolved) }
    }

    /// The local file that stands for `url`, or nil when it must be refused.
    static func resolve(_ url: String) -> String? {
        let directories = allowedDirectories.withLock { $0 }
        var path: String?
        if url.hasPrefix("file://") {
            path = URL(string: url)?.path
        } else if url.hasPrefix("/") {
            path = url
        } else if url.hasPrefix("http://") || url.hasPrefix("https://") {
            // A remote import: the file of the same name next to an allowed schema.
            guard let name = url.split(separator: "/").last.map(String.init), !name.isEmpty else { return nil }
            for d in directories.sorted() {
                let candidate = d + "/" + name
                if FileManager.default.fileExists(atPath: candidate) { return candidate }
            }
            return nil
        }
        guard let path else { return nil }
        let resolved = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        guard directories.contains(where: { resolved == $0 || resolved.hasPrefix($0 + "/") }) else { return nil }
        return FileManager.default.fileExists(atPath: resolved) ? resolved : nil
    }

    private static let loader: xmlExternalEntityLoader = { url, _, context in
        guard let url else { return nil }
        let text = String(cString: url)
        if ResourceLoader.emptyDocuments.contains(text) {
            return xmlNewStringInputStream(context, "")
        }
        guard let path = ResourceLoader.resolve(text) else {
            // Refused: libxml2 reports the failure to load through the caller's error handler.
            return nil
        }
        return xmlNewInputFromFile(context, path)
    }
}
