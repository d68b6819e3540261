import Foundation

/// Golden files next to the tests; re-record with `CREDCONV_RECORD_GOLDENS=1 swift test`.
public enum Golden {
    /// Compares `actual` with the golden file at `relativePath` (from the package root). Returns nil when
    /// they match (or the file was just recorded), else a message with the first differing line.
    public static func compare(_ actual: String, to relativePath: String) -> String? {
        let url = TestPaths.repository(relativePath)
        if ProcessInfo.processInfo.environment["CREDCONV_RECORD_GOLDENS"] == "1" {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: url)
            return nil
        }
        guard let data = try? Data(contentsOf: url) else {
            return "golden file \(relativePath) is missing; record it with CREDCONV_RECORD_GOLDENS=1"
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != actual else { return nil }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? String(e[i]) : "<end>"
            let al = i < a.count ? String(a[i]) : "<end>"
            if el != al { return "\(relativePath):\(i + 1): expected «\(el)», got «\(al)»" }
        }
        return "\(relativePath): differs"
    }
}
