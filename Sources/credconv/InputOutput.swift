import CredconvJSON
import CredentialConversion
import EuropassJSONLD
import Foundation

/// Reading the input and writing output and diagnostics for the CLI.
enum InputOutput {
    /// The name of an input for messages.
    static func displayName(_ path: String?) -> String {
        guard let path, path != "-" else { return "<stdin>" }
        return path
    }

    /// Reads a whole input (a path, or stdin for nil or `-`), refusing more than `limit` bytes.
    static func readAll(_ path: String?, limit: Int) throws(Diagnostic) -> [UInt8] {
        let handle: FileHandle
        if let path, path != "-" {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw Diagnostic(.noInput, "cannot read \(path): no such file")
            }
            guard !isDirectory.boolValue else { throw Diagnostic(.noInput, "cannot read \(path): it is a directory") }
            guard let h = FileHandle(forReadingAtPath: path) else { throw Diagnostic(.noInput, "cannot read \(path): permission denied") }
            handle = h
        } else {
            handle = FileHandle.standardInput
        }
        // read(2) into one reused buffer: FileHandle.read(upToCount:) allocated its whole count (1 MB)
        // for every call, twice a file.
        // The chunk is not zeroed first (read(2) fills what is used): zeroing 64 KB cost more than
        // reading a typical 5 KB credential.
        var out: [UInt8] = []
        let chunkSize = 1 << 16
        let chunk = UnsafeMutableRawPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { chunk.deallocate() }
        while true {
            let count = Glibc.read(handle.fileDescriptor, chunk, chunkSize)
            if count < 0 {
                if errno == EINTR { continue }
                throw Diagnostic(.io, "cannot read \(displayName(path)): \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            out.append(contentsOf: UnsafeRawBufferPointer(start: chunk, count: count))
            if out.count > limit {
                throw Diagnostic(.limitExceeded, "input larger than \(limit) bytes (the size cap)")
            }
        }
        return out
    }

    /// Converts one document and writes it, all or nothing: reports on stderr, `--strict` refuses loss,
    /// and the output file is replaced only once the output is complete.
    static func convertOne(input: String?, options: ConversionOptions, strict: Bool, output: String?, renderer: ReportRenderer) throws(Diagnostic) {
        let bytes = try readAll(input, limit: options.jsonLimits.maxBytes)
        let result = try Converter().convert(bytes, options: options)
        diagnose(renderer.render(result))
        if strict && !result.report.lost.isEmpty {
            throw Diagnostic(.lossy, "information would be lost (--strict); nothing written")
        }
        try writeDocument(result.bytes, to: output)
    }

    /// Writes one document and a newline to `path` (standard output when nil), all or nothing.
    static func writeDocument(_ bytes: [UInt8], to path: String?) throws(Diagnostic) {
        let sink = try OutputSink(path: path)
        do throws(Diagnostic) {
            try sink.write(bytes + [0x0A])
            try sink.finish()
        } catch {
            sink.discard()
            throw error
        }
    }

    /// The JSON documents named with an option (`--with`, `--merge`), parsed.
    static func readJSONDocuments(_ paths: [String], option: String, limits: JSONLimits) throws(Diagnostic) -> [JSONValue] {
        var out: [JSONValue] = []
        for path in paths {
            guard path != "-" else { throw Diagnostic(.usage, "\(option) needs a file; standard input is the credential") }
            let bytes = try readAll(path, limit: limits.maxBytes)
            do {
                out.append(try JSONParser(limits: limits).parse(bytes))
            } catch {
                throw Diagnostic(.jsonSyntax, "\(path): \(error.message)", at: .position(line: error.position.line, column: error.position.column))
            }
        }
        return out
    }

    /// Writes a message to standard error.
    /// The page picture choice of `--page-image`: render (the default for one document), none (the
    /// default for a batch) or a JPEG file, read here.
    static func pageImage(_ option: String?, batch: Bool) throws(Diagnostic) -> PageImageSource {
        switch option {
        case nil: return batch ? .none : .render
        case "render"?: return .render
        case "none"?: return .none
        case let path?:
            guard path != "-" else { throw Diagnostic(.usage, "--page-image needs a JPEG file; standard input is the credential") }
            let bytes = try readAll(path, limit: 32 << 20)
            guard bytes.starts(with: [0xFF, 0xD8, 0xFF]) else { throw Diagnostic(.usage, "the page image \(path) is not a JPEG") }
            return .jpeg(bytes)
        }
    }

    static func diagnose(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Where the output goes: stdout, or a file replaced atomically once the output is complete.
    /// Writes are buffered up to 64 KiB; ``flush()`` and ``finish()`` write the rest.
    final class OutputSink {
        let path: String?
        private var handle: FileHandle?
        private var temporaryPath: String?
        private var pending: [UInt8] = []

        init(path: String?) throws(Diagnostic) {
            self.path = path
            guard let path, path != "-" else {
                handle = FileHandle.standardOutput
                return
            }
            let directory = (path as NSString).deletingLastPathComponent
            let temporary = (directory.isEmpty ? "." : directory) + "/.credconv-\(getpid())-\(UUID().uuidString.prefix(8)).tmp"
            // One open(2), the file new (O_EXCL); FileManager.createFile wrote an empty file atomically
            // (a temporary of its own and a rename) before it was opened again: a third of the time
            // spent writing the outputs of a folder.
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else {
                throw Diagnostic(.cannotCreateOutput, "cannot create \(path): \(String(cString: strerror(errno)))")
            }
            handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            temporaryPath = temporary
        }

        /// Appends bytes to the output.
        func write(_ bytes: [UInt8]) throws(Diagnostic) {
            pending.append(contentsOf: bytes)
            if pending.count >= 1 << 16 { try flush() }
        }

        /// Writes what is buffered to the descriptor.
        func flush() throws(Diagnostic) {
            guard !pending.isEmpty else { return }
            do { try handle?.write(contentsOf: Data(pending)) } catch {
                throw Diagnostic(.io, "cannot write \(path ?? "standard output"): \(error.localizedDescription)")
            }
            pending.removeAll(keepingCapacity: true)
        }

        /// Completes the output: writes the rest and moves the file into place.
        func finish() throws(Diagnostic) {
            try flush()
            guard let temporaryPath, let path else { return }
            try? handle?.close()
            if rename(temporaryPath, path) != 0 {
                unlink(temporaryPath)
                throw Diagnostic(.cannotCreateOutput, "cannot create \(path): \(String(cString: strerror(errno)))")
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
    final class LineReader: LineSource {
        private let handle: FileHandle
        private let name: String
        private var buffer: [UInt8] = []
        private var position = 0
        private var atEnd = false
        let maxLineBytes: Int

        init(path: String?, maxLineBytes: Int) throws(Diagnostic) {
            if let path, path != "-" {
                guard let h = FileHandle(forReadingAtPath: path) else {
                    throw Diagnostic(.noInput, "cannot read \(path): no such file or not readable")
                }
                handle = h
            } else {
                handle = FileHandle.standardInput
            }
            name = InputOutput.displayName(path)
            self.maxLineBytes = maxLineBytes
        }

        /// Bytes of an oversized line dropped so far (the line is being skipped to its newline).
        private var skipped: Int?

        /// The next line without its `\n` (a final line without one counts), or nil at the end. A line
        /// longer than `maxLineBytes` is skipped to its newline, holding no more than a chunk of it, and
        /// comes back as ``SourceLine/oversized(bytes:limit:)``.
        func next() throws(Diagnostic) -> SourceLine? {
            while true {
                if let newline = bufferedNewline() {
                    let length = newline - position
                    position = newline + 1
                    if let dropped = skipped {
                        skipped = nil
                        return .oversized(bytes: dropped + length, limit: maxLineBytes)
                    }
                    if length > maxLineBytes { return .oversized(bytes: length, limit: maxLineBytes) }
                    return .line(Array(buffer[(newline - length)..<newline]))
                }
                if atEnd {
                    if let dropped = skipped {
                        skipped = nil
                        let rest = buffer.count - position
                        position = buffer.count
                        return .oversized(bytes: dropped + rest, limit: maxLineBytes)
                    }
                    guard position < buffer.count else { return nil }
                    let line = Array(buffer[position...])
                    position = buffer.count
                    return line.count > maxLineBytes ? .oversized(bytes: line.count, limit: maxLineBytes) : .line(line)
                }
                if buffer.count - position > maxLineBytes || skipped != nil {
                    // An oversized line: drop what is buffered and keep reading to its newline.
                    skipped = (skipped ?? 0) + buffer.count - position
                    position = buffer.count
                }
                // read(2) returns what the pipe has; FileHandle.read(upToCount:) would wait to fill the chunk.
                var chunk = [UInt8](repeating: 0, count: 1 << 16)
                let count = chunk.withUnsafeMutableBytes { Glibc.read(handle.fileDescriptor, $0.baseAddress, $0.count) }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw Diagnostic(.io, "cannot read \(name): \(String(cString: strerror(errno)))")
                }
                chunk.removeLast(chunk.count - count)
                if chunk.isEmpty { atEnd = true } else {
                    compact()
                    buffer.append(contentsOf: chunk)
                }
            }
        }

        /// True when no whole line is buffered and the descriptor has no data ready (poll with no timeout).
        func mightBlock() -> Bool {
            if atEnd || bufferedNewline() != nil { return false }
            var descriptor = pollfd(fd: handle.fileDescriptor, events: Int16(POLLIN), revents: 0)
            return poll(&descriptor, 1, 0) == 0
        }

        /// The index of the first newline not yet consumed, found with memchr (a byte loop in Swift was
        /// 2% of a batch).
        private func bufferedNewline() -> Int? {
            buffer.withUnsafeBufferPointer { bytes in
                guard position < bytes.count, let base = bytes.baseAddress,
                    let hit = memchr(base + position, 0x0A, bytes.count - position)
                else { return nil }
                return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            }
        }

        /// Drops consumed bytes before more are read, so the buffer holds at most one partial line plus a chunk.
        private func compact() {
            guard position > 0 else { return }
            buffer.removeFirst(position)
            position = 0
        }
    }
}
