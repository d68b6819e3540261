import Foundation

/// Where things are for the tests: the package, the shared reference data, the built binary.
public enum TestPaths {
    /// The package root (found from this file's path).
    public static let packageRoot: URL = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }()

    /// `$CREDCONV_REFERENCE`, else `../shared/reference` next to the package.
    public static let reference: URL = {
        if let env = ProcessInfo.processInfo.environment["CREDCONV_REFERENCE"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/reference")
    }()

    /// True when the reference folder is there.
    public static var referenceAvailable: Bool {
        FileManager.default.fileExists(atPath: reference.appendingPathComponent("openbadges").path)
    }

    /// A file under the reference folder.
    public static func reference(_ relative: String) -> URL { reference.appendingPathComponent(relative) }

    /// The files in a reference folder with one of the given extensions, sorted.
    public static func referenceFiles(_ folder: String, extensions: Set<String>) -> [URL] {
        let dir = reference(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.sorted().map { dir.appendingPathComponent($0) }.filter { extensions.contains($0.pathExtension) }
    }

    /// A file in this repository.
    public static func repository(_ relative: String) -> URL { packageRoot.appendingPathComponent(relative) }

    /// The built `credconv` executable, next to the test bundle.
    public static let executable: URL = {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = bundle.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("credconv")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            dir = dir.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/credconv")
    }()

    /// A fresh temporary directory, inside this test process's own folder (``temporaryRoot``), which
    /// goes when the process exits: a test run leaves nothing behind in the system's temporary folder.
    public static func temporaryDirectory() -> URL {
        let url = temporaryRoot.appendingPathComponent(UUID().uuidString)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The folder of this process's temporary directories, made on first use and removed at exit.
    public static let temporaryRoot: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("credconv-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: TestPaths.temporaryRoot) }
        return root
    }()
}
