import CredentialConversion
import Foundation

/// Reading the input and writing output and diagnostics for the CLI.
enum InputOutput {
    /// The name of an input for messages.
    static func displayName(_ path: String?) -> String {
        guard let path, path != "-" else { return "<stdin>" }
        return path
    }

    /// Reads a whole input (a path, or stdin for nil or `-`), refusing more than `limit` bytes.
    static func readAll(_ path: String?, limit: Int) throws(ConversionError) -> [UInt8] {
        let handle: FileHandle
        if let path, path != "-" {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ConversionError(.noInput, "cannot read \(path): no such file")
            }
            guard !isDirectory.boolValue else { throw ConversionError(.noInput, "cannot read \(path): it is a directory") }
            guard let h = FileHandle(forReadingAtPath: path) else { throw ConversionError(.noInput, "cannot read \(path): permission denied") }
            handle = h
        } else {
            handle = FileHandle.standardInput
        }
        var out: [UInt8] = []
        while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: 1 << 20) ?? Data() } catch {
                throw ConversionError(.io, "cannot read \(displayName(path)): \(error.localizedDescription)")
            }
            if chunk.isEmpty { break }
            out.append(contentsOf: chunk)
            if out.count > limit {
                throw ConversionError(.data, "input larger than \(limit) bytes (the size cap)")
            }
        }
        return out
    }

    /// Writes a message to standard error.
    static func diagnose(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Where the output goes: stdout, or a file replaced atomically once the output is complete.
    struct OutputSink {
        let path: String?
        private var handle: FileHandle?
        private var temporaryPath: String?

        init(path: String?) throws(ConversionError) {
            self.path = path
            guard let path, path != "-" else {
                handle = FileHandle.standardOutput
                return
            }
            let directory = (path as NSString).deletingLastPathComponent
            let temporary = (directory.isEmpty ? "." : directory) + "/.credconv-\(getpid())-\(UUID().uuidString.prefix(8)).tmp"
            guard FileManager.default.createFile(atPath: temporary, contents: nil), let h = FileHandle(forWritingAtPath: temporary) else {
                throw ConversionError(.cannotCreateOutput, "cannot create \(path)")
            }
            handle = h
            temporaryPath = temporary
        }

        /// Writes bytes (and flushes them to the descriptor).
        func write(_ bytes: [UInt8]) throws(ConversionError) {
            do { try handle?.write(contentsOf: Data(bytes)) } catch {
                throw ConversionError(.io, "cannot write \(path ?? "standard output"): \(error.localizedDescription)")
            }
        }

        /// Completes the output: moves the file into place.
        func finish() throws(ConversionError) {
            guard let temporaryPath, let path else { return }
            try? handle?.close()
            if rename(temporaryPath, path) != 0 {
                unlink(temporaryPath)
                throw ConversionError(.cannotCreateOutput, "cannot create \(path): \(String(cString: strerror(errno)))")
            }
        }

        /// Abandons the output: no partial file is left.
        func discard() {
            guard let temporaryPath else { return }
            try? handle?.close()
            unlink(temporaryPath)
        }
    }

    /// Reads a stream line by line with a fixed buffer, so memory stays flat however long it is.
    final class LineReader {
        private let handle: FileHandle
        private let name: String
        private var buffer: [UInt8] = []
        private var position = 0
        private var atEnd = false
        let maxLineBytes: Int

        init(path: String?, maxLineBytes: Int) throws(ConversionError) {
            if let path, path != "-" {
                guard let h = FileHandle(forReadingAtPath: path) else {
                    throw ConversionError(.noInput, "cannot read \(path): no such file or not readable")
                }
                handle = h
            } else {
                handle = FileHandle.standardInput
            }
            name = InputOutput.displayName(path)
            self.maxLineBytes = maxLineBytes
        }

        /// The next line without its `\n` (a final line without one counts), or nil at the end.
        func next() throws(ConversionError) -> [UInt8]? {
            while true {
                if let newline = buffer[position...].firstIndex(of: 0x0A) {
                    let line = Array(buffer[position..<newline])
                    position = newline + 1
                    compact()
                    return line
                }
                if atEnd {
                    guard position < buffer.count else { return nil }
                    let line = Array(buffer[position...])
                    position = buffer.count
                    return line
                }
                if buffer.count - position > maxLineBytes {
                    // Skip the rest of an oversized line; the record is reported by the caller as too large.
                    throw ConversionError(.data, "a line is longer than \(maxLineBytes) bytes")
                }
                let chunk: Data
                do { chunk = try handle.read(upToCount: 1 << 16) ?? Data() } catch {
                    throw ConversionError(.io, "cannot read \(name): \(error.localizedDescription)")
                }
                if chunk.isEmpty { atEnd = true } else { buffer.append(contentsOf: chunk) }
            }
        }

        private func compact() {
            if position > 1 << 16 {
                buffer.removeFirst(position)
                position = 0
            }
        }
    }
}
