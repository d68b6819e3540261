import CredentialModel
import FormatInterface
import Dispatch
import Foundation

/// One line of a JSON Lines stream, as a source gives it.
public enum SourceLine: Sendable, Equatable {
    /// A line, without its newline.
    case line([UInt8])
    /// A line longer than the source holds (skipped to its newline): how many bytes it had.
    case oversized(bytes: Int, limit: Int)
}

/// Where a batch reads its lines from.
public protocol LineSource {
    /// The next line, or nil at the end. An oversized line is one failed record, not the end.
    mutating func next() throws(Diagnostic) -> SourceLine?
    /// True when ``next()`` would have to wait for input (an interactive pipe); the batch then writes
    /// everything converted so far before it waits.
    func mightBlock() -> Bool
}

/// Lines from memory (tests, library callers).
public struct ArrayLineSource: LineSource {
    private var lines: IndexingIterator<[[UInt8]]>
    public init(_ lines: [[UInt8]]) { self.lines = lines.makeIterator() }
    public mutating func next() throws(Diagnostic) -> SourceLine? { lines.next().map(SourceLine.line) }
    public func mightBlock() -> Bool { false }
}

/// A source with lines already read in front of it (what was looked at to choose the mode).
public struct PrependedLineSource<Base: LineSource>: LineSource {
    private var pending: [SourceLine]
    private var base: Base

    public init(_ lines: [SourceLine], before base: Base) {
        pending = lines.reversed()
        self.base = base
    }

    public mutating func next() throws(Diagnostic) -> SourceLine? {
        if let line = pending.popLast() { return line }
        return try base.next()
    }

    public func mightBlock() -> Bool { pending.isEmpty && base.mightBlock() }
}

/// Converts a JSON Lines stream record by record, with memory flat in the stream's length.
///
/// Blank lines are skipped. A record that fails (an oversized line too) is reported with its number and
/// line and skipped; every other record is still converted and written (compact), in input order. Up
/// to ``window`` records, and at most ``maxInFlightBytes`` of their input, are converted at once on the
/// machine's cores; each is written as soon as it and every record before it are done, and everything is
/// written before the batch waits for more input.
public struct JSONLinesBatch: Sendable {
    public var options: ConversionOptions
    public var strict: Bool
    /// Records converted ahead of the one being written.
    public var window: Int
    /// The input bytes of the records in flight, at most (a record larger than this is converted alone).
    public var maxInFlightBytes: Int
    /// Stop at the first record that fails, does not verify or (with ``strict``) would lose information:
    /// what came before it is written, nothing after it (`--fail-fast`).
    public var failFast: Bool = false

    public init(options: ConversionOptions, strict: Bool, window: Int = 128, maxInFlightBytes: Int = 64 << 20) {
        var o = options
        o.compact = true
        self.options = o
        self.strict = strict
        self.window = max(1, window)
        self.maxInFlightBytes = max(1, maxInFlightBytes)
    }

    /// What a finished batch did.
    public struct Summary: Sendable, Equatable {
        public var converted = 0
        public var failed = 0
        /// Records refused under `--verify` because they did not verify.
        public var notVerified = 0
        /// Records refused under `--strict` because they lost information.
        public var lossy = 0
        /// Fields the written records lost (their loss reports, added up).
        public var fieldsLost = 0
        /// The record the batch stopped at (``JSONLinesBatch/failFast``); nil when it read to the end.
        public var stoppedAt: Int?

        public init() {}

        /// Every record seen: written, failed, not verified or lossy.
        public var records: Int { converted + failed + notVerified + lossy }

        /// `99,998 converted, 2 failed, 37 fields lost` (the parts that are not zero, converted always).
        public var line: String {
            var parts = ["\(Self.grouped(converted)) converted"]
            if failed > 0 { parts.append("\(Self.grouped(failed)) failed") }
            if notVerified > 0 { parts.append("\(Self.grouped(notVerified)) not verified") }
            if lossy > 0 { parts.append("\(Self.grouped(lossy)) lossy (--strict)") }
            if fieldsLost > 0 { parts.append("\(Self.grouped(fieldsLost)) field\(fieldsLost == 1 ? "" : "s") lost") }
            if let stoppedAt { parts.append("stopped at record \(Self.grouped(stoppedAt)) (--fail-fast)") }
            return parts.joined(separator: ", ")
        }

        /// `12345` → `12,345`.
        public static func grouped(_ n: Int) -> String {
            let digits = Array(String(n.magnitude))
            var out = ""
            for (i, d) in digits.enumerated() {
                if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
                out.append(d)
            }
            return (n < 0 ? "-" : "") + out
        }

        /// 0; 65 when any record failed; else 1 when any did not verify (`--verify`); else 3 when any
        /// was lossy under `--strict`.
        public var exitCode: Int32 { failed > 0 ? 65 : notVerified > 0 ? 1 : (lossy > 0 ? 3 : 0) }
    }

    /// Runs the batch.
    /// - Parameters:
    ///   - source: the lines.
    ///   - renderer: renders each record's report or error for `diagnose`.
    ///   - emit: receives each converted document (no newline), in input order.
    ///   - flush: called whenever the batch is about to wait for input, and at the end, so buffered
    ///     output reaches the reader of an interactive stream without delay.
    ///   - diagnose: receives each record's report or error, already rendered.
    ///   - progress: receives the summary so far after each group of records is written (for a
    ///     progress line; the caller decides how often to show it).
    public func run<Source: LineSource>(
        source: inout Source,
        renderer: ReportRenderer,
        emit: ([UInt8]) throws(Diagnostic) -> Void,
        flush: () throws(Diagnostic) -> Void = {},
        diagnose: (String) -> Void,
        progress: (Summary) -> Void = { _ in }
    ) throws(Diagnostic) -> Summary {
        var summary = Summary()
        var lineNumber = 0
        var record = 0
        var inFlight: [PendingGroup] = []
        var head = 0  // the oldest group not yet written
        var pendingRecords = 0
        var pendingBytes = 0

        var stopped = false
        /// With ``failFast``, stops the batch at `record` when it did not make it.
        func stopAtFailure(_ record: Int) {
            guard failFast, !stopped, summary.failed + summary.notVerified + summary.lossy > 0 else { return }
            summary.stoppedAt = record
            stopped = true
        }
        func finish(_ group: PendingGroup) throws(Diagnostic) {
            defer {
                pendingRecords -= group.items.count
                pendingBytes -= group.byteCount
                progress(summary)
            }
            for (item, outcomes) in zip(group.items, group.wait()) {
                // A line holding a presentation gives several credentials: each is written or reported.
                for outcome in outcomes {
                    if stopped { return }
                    switch outcome {
                    case .success(let output):
                        let rendered = renderer.render(output, record: item.record)
                        if !rendered.isEmpty { diagnose(rendered) }
                        if strict && !output.report.lost.isEmpty {
                            summary.lossy += 1
                            diagnose(renderer.render(
                                Diagnostic(.lossy, "information would be lost (--strict); record not written"),
                                record: item.record, line: item.line))
                            stopAtFailure(item.record)
                            continue
                        }
                        try emit(output.bytes)
                        summary.converted += 1
                        summary.fieldsLost += output.report.lost.count
                    case .failure(let error):
                        if error.code.family == .verify { summary.notVerified += 1 } else { summary.failed += 1 }
                        diagnose(renderer.render(error, record: item.record, line: item.line))
                    }
                    stopAtFailure(item.record)
                }
            }
        }

        /// Writes finished groups in order; blocks for the first `count` groups if they are not done.
        func writeReady(waitingFor count: Int) throws(Diagnostic) {
            var waited = 0
            while head < inFlight.count, waited < count || inFlight[head].isDone {
                try finish(inFlight[head])
                head += 1
                waited += 1
            }
            if head > 64 {
                inFlight.removeFirst(head)
                head = 0
            }
        }

        var group: [PendingGroup.Item] = []
        var groupBytes = 0
        /// Adds a line to the group being gathered; blank lines are skipped.
        func take(_ line: SourceLine) {
            lineNumber += 1
            let item: PendingGroup.Item
            switch line {
            case .line(let bytes):
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
                record += 1
                item = PendingGroup.Item(record: record, line: lineNumber, bytes: bytes)
            case .oversized(let bytes, let limit):
                record += 1
                item = PendingGroup.Item(record: record, line: lineNumber, bytes: [], refusal: Diagnostic(
                    .limitExceeded, "the line is longer than \(limit) bytes (\(bytes) read); the record is skipped"))
            }
            group.append(item)
            groupBytes += item.bytes.count
        }
        /// Starts converting the gathered group, first waiting for room in the window and the byte bound.
        func dispatch() throws(Diagnostic) {
            guard !group.isEmpty else { return }
            while head < inFlight.count, pendingRecords + group.count > window || pendingBytes + groupBytes > maxInFlightBytes {
                try writeReady(waitingFor: 1)
            }
            let pending = PendingGroup(group, options: options)
            inFlight.append(pending)
            pendingRecords += group.count
            pendingBytes += pending.byteCount
            group.removeAll(keepingCapacity: true)
            groupBytes = 0
        }
        var atEnd = false
        while !atEnd && !stopped {
            // Gather what can be read without waiting, up to a group's size and byte bound.
            while group.count < Self.groupSize, groupBytes < maxInFlightBytes / 4 {
                if source.mightBlock() { break }
                guard let line = try source.next() else { atEnd = true; break }
                take(line)
            }
            try dispatch()
            try writeReady(waitingFor: 0)
            if !atEnd && source.mightBlock() {
                // Input has stalled: write everything before waiting for more.
                try writeReady(waitingFor: inFlight.count - head)
                try flush()
                guard let line = try source.next() else { break }
                take(line)
            }
        }
        if !stopped { try dispatch() }
        try writeReady(waitingFor: inFlight.count - head)
        try flush()
        return summary
    }

    /// Records converted by one task.
    static let groupSize = 16

    /// Whether a stream whose first non-blank line is this is JSON Lines. Only a line that opens a
    /// document spread over lines is not: `{` or `[` alone (how pretty printers begin a presentation) or
    /// markup (`<`, XML). Any other line is a record — a broken one is one failed record, never the
    /// whole stream read as one document.
    public static func isOneRecordPerLine(_ firstLine: [UInt8]) -> Bool {
        let trimmed = Array(firstLine.trimmingASCIIWhitespace())
        if trimmed == [UInt8(ascii: "{")] || trimmed == [UInt8(ascii: "[")] { return false }
        return trimmed.first != UInt8(ascii: "<")
    }
}

/// A few consecutive records converted by one task on another thread.
private final class PendingGroup: @unchecked Sendable {
    struct Item: Sendable {
        let record: Int
        let line: Int
        let bytes: [UInt8]
        /// Set for a record refused before conversion (an oversized line).
        var refusal: Diagnostic? = nil
    }

    let items: [Item]
    /// The input bytes of the items.
    let byteCount: Int
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var outcomes: [[Swift.Result<ConversionOutput, Diagnostic>]]?

    init(_ items: [Item], options: ConversionOptions) {
        self.items = items
        byteCount = items.reduce(0) { $0 + $1.bytes.count }
        DispatchQueue.global().async { [self] in
            let converter = Converter()
            let results = items.map { item -> [Swift.Result<ConversionOutput, Diagnostic>] in
                if let refusal = item.refusal { return [.failure(refusal)] }
                return converter.convertEach(item.bytes, options: options)
            }
            lock.withLock { outcomes = results }
            done.signal()
        }
    }

    var isDone: Bool { lock.withLock { outcomes != nil } }

    /// Blocks until the group is converted.
    func wait() -> [[Swift.Result<ConversionOutput, Diagnostic>]] {
        if let o = lock.withLock({ outcomes }) { return o }
        done.wait()
        return lock.withLock { outcomes! }
    }
}
