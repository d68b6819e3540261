import CredentialConversion
import Foundation

/// The progress line and the closing summary of a batch, on standard error when it is a terminal (and
/// not `--quiet`); nothing in a pipe or a file, where they would only be noise in a log.
///
/// The progress line is redrawn at most four times a second (`credconv: 12,345 records (4,321/s), 2
/// failed`) and cleared before any diagnostic is written, so messages never run into it.
final class BatchProgress: @unchecked Sendable {
    /// Whether anything is shown.
    let isShown: Bool
    private let start = DispatchTime.now().uptimeNanoseconds
    private var lastDrawn: UInt64 = 0
    private var lineIsDrawn = false
    private let lock = NSLock()

    init(quiet: Bool) {
        isShown = !quiet && isatty(STDERR_FILENO) == 1
    }

    /// Redraws the progress line for `summary`, unless it was drawn less than a quarter second ago.
    func update(_ summary: JSONLinesBatch.Summary) {
        guard isShown else { return }
        lock.withLock {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now - lastDrawn >= 250_000_000 else { return }
            lastDrawn = now
            let seconds = max(Double(now - start) / 1e9, 0.001)
            let rate = Int(Double(summary.records) / seconds)
            var text = "credconv: \(JSONLinesBatch.Summary.grouped(summary.records)) records (\(JSONLinesBatch.Summary.grouped(rate))/s)"
            let failed = summary.failed + summary.notVerified + summary.lossy
            if failed > 0 { text += ", \(JSONLinesBatch.Summary.grouped(failed)) failed" }
            InputOutput.diagnose("\r\u{1B}[K" + text)
            lineIsDrawn = true
        }
    }

    /// Writes a diagnostic, clearing the progress line first.
    func diagnose(_ text: String) {
        lock.withLock {
            if lineIsDrawn {
                InputOutput.diagnose("\r\u{1B}[K")
                lineIsDrawn = false
                lastDrawn = 0
            }
        }
        InputOutput.diagnose(text)
    }

    /// Clears the progress line and writes the one-line summary (`credconv: 99,998 converted, 2 failed`).
    func finish(_ line: String) {
        guard isShown else { return }
        lock.withLock {
            if lineIsDrawn { InputOutput.diagnose("\r\u{1B}[K") }
            lineIsDrawn = false
        }
        InputOutput.diagnose("credconv: \(line)\n")
    }
}
