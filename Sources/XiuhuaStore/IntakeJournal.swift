import Foundation
import Xiuhua

import Glibc

/// A durable, append-only log of reports that were accepted but are not yet filed as cases.
///
/// Filing a case is the expensive part of intake (numbering, the workflow's decision, the
/// projection with its indexes, the event chain, facts, tallies, notifications — about
/// 330 µs of CPU each). When reports arrive faster than that for a while (a storm, another
/// system replaying a backlog), a report is acknowledged once it is on disk here, and the
/// case is filed from it afterwards. The acknowledgement is as durable as a filed case: the
/// line is written and `fdatasync`ed before `append` returns, and a server that stops or
/// crashes files what is left when it starts again.
///
/// Entries are lines (`Entry.line`: ticket, time, payload length, payload) in numbered
/// segment files (`000001.log`, …). One
/// flusher thread writes whatever has been appended since its last write and syncs once for
/// all of it (group commit), so a burst costs one `fdatasync` per few hundred reports. A
/// segment is deleted once it is closed and every entry in it was filed. A lock file keeps a
/// second process off the same directory.
public final class IntakeJournal: @unchecked Sendable {
    /// One accepted report. `ticket` is the case's ticket code, drawn at acceptance, which
    /// the client already holds and which makes filing idempotent across restarts; `at` is
    /// when it was accepted (the case's report time); `payload` is the report as its
    /// channel received it (one line: no newline), read again when it is filed. Keeping the
    /// request rather than the decided intake makes the append cheap — encoding a whole
    /// intake as JSON cost more than the rest of the acknowledgement.
    public struct Entry: Sendable, Equatable {
        public var ticket: String
        public var at: Date
        public var payload: String

        public init(ticket: String, at: Date, payload: String) {
            self.ticket = ticket
            self.at = at
            self.payload = payload
        }

        /// `TICKET \t MILLISECONDS \t PAYLOAD-BYTES \t PAYLOAD \n`. The length tells a whole
        /// line from one cut short by a crash that later text happened to end with a newline.
        func line() throws -> [UInt8] {
            guard !payload.utf8.contains(UInt8(ascii: "\n")), !ticket.utf8.contains(where: { $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") }) else {
                throw JournalError.notOneLine
            }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(ticket.utf8.count + payload.utf8.count + 24)
            bytes += ticket.utf8
            bytes.append(UInt8(ascii: "\t"))
            bytes += String(Int64((at.timeIntervalSince1970 * 1000).rounded())).utf8
            bytes.append(UInt8(ascii: "\t"))
            bytes += String(payload.utf8.count).utf8
            bytes.append(UInt8(ascii: "\t"))
            bytes += payload.utf8
            bytes.append(UInt8(ascii: "\n"))
            return bytes
        }

        init?(line: ArraySlice<UInt8>) {
            let parts = line.split(separator: UInt8(ascii: "\t"), maxSplits: 3, omittingEmptySubsequences: false)
            guard parts.count == 4, !parts[0].isEmpty,
                  let millis = Int64(String(decoding: parts[1], as: UTF8.self)),
                  Int(String(decoding: parts[2], as: UTF8.self)) == parts[3].count,
                  let payload = String(validating: parts[3], as: UTF8.self)
            else { return nil }
            self.init(ticket: String(decoding: parts[0], as: UTF8.self), at: Date(timeIntervalSince1970: Double(millis) / 1000), payload: payload)
        }
    }

    /// An entry and the segment that holds it (to report it filed).
    public struct Recorded: Sendable {
        public let entry: Entry
        public let segment: Int

        public init(entry: Entry, segment: Int) {
            self.entry = entry
            self.segment = segment
        }
    }

    public enum JournalError: Error, CustomStringConvertible {
        case unusable(String, reason: String)
        case inUse(String)
        case closed
        case notOneLine

        public var description: String {
            switch self {
            case .unusable(let path, let reason): "受理日志不可用 (intake journal unusable): \(path): \(reason)"
            case .inUse(let path): "受理日志正被另一进程使用 (intake journal in use by another process): \(path)"
            case .closed: "受理日志已关闭 (intake journal closed)"
            case .notOneLine: "受理记录不能含换行 (a journal entry must be one line)"
            }
        }
    }

    /// A segment is closed and a new one begun once it holds this many bytes.
    static let segmentBytes = 8 * 1024 * 1024

    public let directory: String
    private let condition = NSCondition()
    private var buffer: [UInt8] = []
    private var waiting: [CheckedContinuation<Int, any Error>] = []
    private var current: Int
    private var currentFile: Int32
    private var currentSize: Int
    /// Entries written to each segment and not yet reported filed.
    private var outstanding: [Int: Int] = [:]
    private var lockFile: Int32
    private var closing = false
    private var flusherDone = false
    /// The last write failed and its bytes could not be cut off: the next batch begins on
    /// a line of its own.
    private var tornTail = false

    /// Opens the journal in `directory` (created when missing) and returns the entries left
    /// in it by an earlier run, oldest first. A line cut short by a crash was never
    /// acknowledged (acknowledgement follows its sync) and is skipped.
    public static func open(directory: String) throws -> (journal: IntakeJournal, recovered: [Recorded]) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw JournalError.unusable(directory, reason: error.localizedDescription)
        }
        let lockPath = directory + "/lock"
        let lockFile = Glibc.open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard lockFile >= 0 else { throw JournalError.unusable(lockPath, reason: String(cString: strerror(errno))) }
        guard flock(lockFile, LOCK_EX | LOCK_NB) == 0 else {
            Glibc.close(lockFile)
            throw JournalError.inUse(directory)
        }
        var recovered: [Recorded] = []
        var counts: [Int: Int] = [:]
        let segments = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .compactMap { name -> Int? in name.hasSuffix(".log") ? Int(name.dropLast(4)) : nil }.sorted()
        for segment in segments {
            let path = segmentPath(directory, segment)
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            // Only lines that end in a newline were written whole; a crash can leave the
            // last one cut short (it was never acknowledged).
            let bytes = [UInt8](data)
            let whole = bytes.lastIndex(of: UInt8(ascii: "\n")).map { bytes[...$0] } ?? []
            var found = 0
            for line in whole.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
                guard let entry = Entry(line: line) else { continue }
                recovered.append(Recorded(entry: entry, segment: segment))
                found += 1
            }
            if found == 0 {
                unlink(path)
            } else {
                counts[segment] = found
            }
        }
        let next = (segments.last ?? 0) + 1
        let file: Int32
        do {
            file = try openSegment(directory, next)
        } catch {
            // Release the directory for a later attempt (or another process).
            flock(lockFile, LOCK_UN)
            Glibc.close(lockFile)
            throw error
        }
        let journal = IntakeJournal(directory: directory, current: next, file: file, lockFile: lockFile, outstanding: counts)
        let thread = Thread { journal.flushLoop() }
        thread.name = "intake-journal"
        thread.start()
        return (journal, recovered)
    }

    private init(directory: String, current: Int, file: Int32, lockFile: Int32, outstanding: [Int: Int]) {
        self.directory = directory
        self.current = current
        self.currentFile = file
        self.currentSize = 0
        self.lockFile = lockFile
        self.outstanding = outstanding
    }

    /// Writes `entry` and returns, with the segment that holds it, once it is on disk.
    public func append(_ entry: Entry) async throws -> Int {
        let line = try entry.line()
        return try await withCheckedThrowingContinuation { continuation in
            condition.lock()
            if closing {
                condition.unlock()
                continuation.resume(throwing: JournalError.closed)
                return
            }
            buffer += line
            waiting.append(continuation)
            condition.signal()
            condition.unlock()
        }
    }

    /// Reports `count` entries of `segment` filed; a closed segment with nothing left to
    /// file is deleted.
    public func filed(segment: Int, count: Int = 1) {
        condition.lock()
        defer { condition.unlock() }
        let left = (outstanding[segment] ?? 0) - count
        if left > 0 {
            outstanding[segment] = left
        } else {
            outstanding[segment] = nil
            if segment != current { unlink(Self.segmentPath(directory, segment)) }
        }
    }

    /// The segment files on disk now (for tests and the operator's curiosity).
    public func segmentFiles() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".log") }.sorted()
    }

    /// Writes what was appended, stops the flusher and releases the directory. Appends after
    /// this throw `closed`.
    public func close() {
        condition.lock()
        // A second close must not close the descriptors again: by then their numbers may
        // belong to another file of the process (the SQLite database's, say).
        if closing {
            condition.unlock()
            return
        }
        closing = true
        condition.signal()
        while !flusherDone { condition.wait() }
        Glibc.close(currentFile)
        // An empty current segment is not kept: nothing in it to file.
        if (outstanding[current] ?? 0) == 0 { unlink(Self.segmentPath(directory, current)) }
        flock(lockFile, LOCK_UN)
        Glibc.close(lockFile)
        condition.unlock()
    }

    // MARK: - The flusher

    private func flushLoop() {
        while true {
            condition.lock()
            while buffer.isEmpty && !closing { condition.wait() }
            if buffer.isEmpty && closing {
                flusherDone = true
                condition.broadcast()
                condition.unlock()
                return
            }
            // Rotate before taking the batch, so each batch lies in the segment counted here.
            if currentSize >= Self.segmentBytes, let next = try? Self.openSegment(directory, current + 1) {
                let previous = current
                Glibc.close(currentFile)
                current += 1
                currentFile = next
                currentSize = 0
                if (outstanding[previous] ?? 0) == 0 { unlink(Self.segmentPath(directory, previous)) }
            }
            var bytes = buffer
            if tornTail {
                bytes.insert(UInt8(ascii: "\n"), at: 0)
                tornTail = false
            }
            let waiters = waiting
            buffer = []
            waiting = []
            let file = currentFile
            let segment = current
            let start = currentSize
            currentSize += bytes.count
            outstanding[segment, default: 0] += waiters.count
            condition.unlock()

            let failure = Self.writeAll(bytes, to: file) ?? (fdatasync(file) == 0 ? nil : String(cString: strerror(errno)))
            if let failure {
                // Part of the batch may be in the file (a disk that filled up mid-write). Left
                // there, the next batch would begin on the end of that torn line and its first
                // entry — acknowledged — could not be read back after a crash; and entries
                // refused here must not be filed at the next start either. So the segment is
                // cut back to its last whole line, or failing that the next batch starts on a
                // new line.
                let cut = ftruncate(file, off_t(start)) == 0
                condition.lock()
                outstanding[segment, default: 0] -= waiters.count
                if cut { currentSize = start } else { tornTail = true }
                condition.unlock()
                for waiter in waiters { waiter.resume(throwing: JournalError.unusable(Self.segmentPath(directory, segment), reason: failure)) }
            } else {
                for waiter in waiters { waiter.resume(returning: segment) }
            }
        }
    }

    /// Nil when every byte was written; otherwise why not.
    private static func writeAll(_ bytes: [UInt8], to file: Int32) -> String? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in write(file, raw.baseAddress! + offset, bytes.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            offset += written
        }
        return nil
    }

    private static func segmentPath(_ directory: String, _ segment: Int) -> String {
        let digits = String(segment)
        return directory + "/" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits + ".log"
    }

    /// Creates a segment and syncs the directory, so the file itself survives a power cut.
    private static func openSegment(_ directory: String, _ segment: Int) throws -> Int32 {
        let path = segmentPath(directory, segment)
        let file = Glibc.open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard file >= 0 else { throw JournalError.unusable(path, reason: String(cString: strerror(errno))) }
        let folder = Glibc.open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            Glibc.close(folder)
        }
        return file
    }
}
