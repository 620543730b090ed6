import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import Xiuhua
@testable import XiuhuaStore

/// The intake journal on real files: what was acknowledged comes back after a reopen, in
/// order and unchanged; what a crash tore is skipped; filed segments go away; one process
/// at a time.
@Suite("Intake journal", .serialized)
struct IntakeJournalTests {
    typealias F = CaseStoreFixture

    /// Runs `body` with a fresh directory for a journal (not created yet), removed afterwards.
    func withJournalDirectory(_ body: (String) async throws -> Void) async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("xiuhua-journal-test-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try await body(root + "/intake-journal")
    }

    /// An entry with an opaque one-line payload (the journal does not read it; the Open311
    /// intake puts its escaped form there); `at` is on a whole millisecond, as the journal
    /// keeps it, so that the entry read back is equal to it.
    func entry(_ index: Int, description: String? = nil, actor: Actor? = nil) -> IntakeJournal.Entry {
        let text = description ?? "第\(index)号：院内杂草丛生，堆满生活垃圾 \"引号\" \\ 反斜杠\t第二段"
        let milliseconds = Int64(F.start.timeIntervalSince1970) * 1000 + Int64(index) * 7 + 3
        return IntakeJournal.Entry(
            ticket: CaseNumbering.ticketCode(), at: Date(timeIntervalSince1970: Double(milliseconds) / 1000),
            payload: "v1\t\(actor?.id ?? "")\t\(actor?.name ?? "")\t" + text
        )
    }

    func logFiles(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".log") }.sorted()
    }

    func segmentPath(_ directory: String, _ segment: Int) -> String {
        directory + "/" + String(format: "%06d.log", segment)
    }

    @Test("entries appended, the journal closed and reopened: they come back in order, with their segments, equal to what was appended")
    func roundTrip() async throws {
        try await withJournalDirectory { directory in
            let (journal, recovered) = try IntakeJournal.open(directory: directory)
            #expect(recovered.isEmpty)
            let system = Actor(id: "apikey-1", name: "12345热线平台", role: .system)
            let appended = [
                entry(1, actor: nil), entry(2, actor: system),
                entry(3, description: "井盖缺失，夜间有行人跌倒的危险 ⚠️ 𠀀", actor: F.hotlineOperator),
            ]
            var segments: [Int] = []
            for item in appended { segments.append(try await journal.append(item)) }
            journal.close()

            let (again, back) = try IntakeJournal.open(directory: directory)
            #expect(back.map(\.entry) == appended)
            #expect(back.map(\.segment) == segments)
            #expect(back[0].entry.payload.hasPrefix("v1\t\t\t第1号"))
            #expect(back[1].entry.payload.hasPrefix("v1\tapikey-1\t12345热线平台\t"))
            #expect(back[2].entry.payload.hasSuffix("\t井盖缺失，夜间有行人跌倒的危险 ⚠️ 𠀀"))
            // A payload of two lines would split the record: refused, nothing written.
            await #expect(throws: IntakeJournal.JournalError.self) {
                try await again.append(IntakeJournal.Entry(ticket: "TWOLINES22", at: Date(), payload: "a\nb"))
            }
            // A reopened journal writes to a new segment, never after what it recovered.
            let next = try await again.append(entry(4))
            #expect(next > segments.max()!)
            again.close()
            let (third, all) = try IntakeJournal.open(directory: directory)
            #expect(all.map(\.entry.ticket) == appended.map(\.ticket) + [all.last!.entry.ticket])
            #expect(all.count == 4)
            third.close()
        }
    }

    @Test("a torn last line (a write cut short, or garbage) is skipped, the entries before it are recovered, and later entries are not glued to it")
    func tornLine() async throws {
        try await withJournalDirectory { directory in
            let (journal, _) = try IntakeJournal.open(directory: directory)
            let first = entry(1)
            let second = entry(2)
            let segment = try await journal.append(first)
            #expect(try await journal.append(second) == segment)
            journal.close()

            // Half of a third line, as a crash in the middle of the write leaves it.
            let half = Array(try entry(3).line().prefix(40))
            let handle = try #require(FileHandle(forWritingAtPath: segmentPath(directory, segment)))
            handle.seekToEndOfFile()
            handle.write(Data(half))
            try handle.close()

            let (reopened, recovered) = try IntakeJournal.open(directory: directory)
            #expect(recovered.map(\.entry) == [first, second])
            let fourth = entry(4)
            _ = try await reopened.append(fourth)
            reopened.close()

            // Garbage on a line of its own, and no newline at the end of it either.
            let other = try #require(FileHandle(forWritingAtPath: segmentPath(directory, segment)))
            other.seekToEndOfFile()
            other.write(Data("\n{\"not\":\"an entry\"}\n\u{0}\u{1}垃圾".utf8))
            try other.close()

            let (last, all) = try IntakeJournal.open(directory: directory)
            #expect(all.map(\.entry) == [first, second, fourth])
            // The torn segment counts only its whole entries: filing them deletes it.
            last.filed(segment: segment, count: 2)
            #expect(!FileManager.default.fileExists(atPath: segmentPath(directory, segment)))
            last.close()
        }
    }

    @Test("a segment whose lines are all torn is dropped at open")
    func onlyGarbage() async throws {
        try await withJournalDirectory { directory in
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data("{\"ticket\":\"ABC".utf8).write(to: URL(fileURLWithPath: segmentPath(directory, 7)))
            let (journal, recovered) = try IntakeJournal.open(directory: directory)
            #expect(recovered.isEmpty)
            #expect(!FileManager.default.fileExists(atPath: segmentPath(directory, 7)))
            // Numbering goes on after the highest segment seen.
            #expect(try await journal.append(entry(1)) == 8)
            journal.close()
        }
    }

    @Test("filing every entry of a closed segment deletes it, not before; closing with nothing outstanding leaves no .log file")
    func filedDeletes() async throws {
        try await withJournalDirectory { directory in
            let (empty, _) = try IntakeJournal.open(directory: directory)
            #expect(empty.segmentFiles().count == 1, "the current segment exists while open")
            empty.close()
            #expect(logFiles(directory).isEmpty, "an unused journal leaves no segment behind")

            let (journal, _) = try IntakeJournal.open(directory: directory)
            var segment = 0
            for index in 0..<5 { segment = try await journal.append(entry(index)) }
            // Filed while still the current segment: kept until it is closed, then removed.
            journal.filed(segment: segment, count: 5)
            #expect(logFiles(directory) == [String(format: "%06d.log", segment)])
            journal.close()
            #expect(logFiles(directory).isEmpty, "a current segment with nothing outstanding is removed at close")

            let (writer, _) = try IntakeJournal.open(directory: directory)
            var written = 0
            for index in 0..<5 { written = try await writer.append(entry(index)) }
            writer.close()
            #expect(logFiles(directory) == [String(format: "%06d.log", written)], "unfiled entries stay on disk")

            let (reader, recovered) = try IntakeJournal.open(directory: directory)
            #expect(recovered.count == 5 && recovered.allSatisfy { $0.segment == written })
            reader.filed(segment: written, count: 3)
            #expect(FileManager.default.fileExists(atPath: segmentPath(directory, written)), "two entries of it are not filed yet")
            reader.filed(segment: written, count: 1)
            reader.filed(segment: written, count: 1)
            #expect(!FileManager.default.fileExists(atPath: segmentPath(directory, written)))
            reader.close()
            #expect(logFiles(directory).isEmpty)

            let (after, nothing) = try IntakeJournal.open(directory: directory)
            #expect(nothing.isEmpty)
            after.close()
        }
    }

    @Test("a second open of a directory in use throws inUse; once closed it opens again")
    func inUse() async throws {
        try await withJournalDirectory { directory in
            let (journal, _) = try IntakeJournal.open(directory: directory)
            _ = try await journal.append(entry(1))
            #expect {
                _ = try IntakeJournal.open(directory: directory)
            } throws: { error in
                if case IntakeJournal.JournalError.inUse(let path) = error { return path == directory }
                return false
            }
            // The refused open took nothing away from the first.
            _ = try await journal.append(entry(2))
            journal.close()
            let (again, recovered) = try IntakeJournal.open(directory: directory)
            #expect(recovered.count == 2)
            again.close()
        }
    }

    @Test("an append after close throws closed and writes nothing")
    func appendAfterClose() async throws {
        try await withJournalDirectory { directory in
            let (journal, _) = try IntakeJournal.open(directory: directory)
            journal.close()
            await #expect {
                _ = try await journal.append(entry(1))
            } throws: { error in
                if case IntakeJournal.JournalError.closed = error { return true }
                return false
            }
            #expect(logFiles(directory).isEmpty)
            let (again, recovered) = try IntakeJournal.open(directory: directory)
            #expect(recovered.isEmpty)
            again.close()
        }
    }

    @Test("closing twice is harmless: the second close does nothing")
    func closeTwice() async throws {
        try await withJournalDirectory { directory in
            let (journal, _) = try IntakeJournal.open(directory: directory)
            _ = try await journal.append(entry(1))
            journal.close()
            // The descriptors the first close freed are handed out again at once; a second
            // close that closed them again would close these.
            let others = [open("/dev/null", O_RDONLY), open("/dev/null", O_RDONLY)]
            defer { for other in others { _ = Glibc.close(other) } }
            journal.close()
            for other in others { #expect(fcntl(other, F_GETFD) != -1, "descriptor \(other) still open") }
            let (again, recovered) = try IntakeJournal.open(directory: directory)
            #expect(recovered.count == 1)
            again.close()
        }
    }

    /// A disk that fills up in the middle of a write, made with the process's file size
    /// limit: the write stops part way through a line. (Held for one append only; every
    /// other write of the process would meet the limit too.)
    @Test("a write cut short fails its appends and leaves no torn line: the entries appended after it are recovered whole, the failed one is not")
    func writeCutShort() async throws {
        try await withJournalDirectory { directory in
            let (journal, _) = try IntakeJournal.open(directory: directory)
            let first = entry(1)
            let segment = try await journal.append(first)
            let size = try #require(try FileManager.default.attributesOfItem(atPath: segmentPath(directory, segment))[.size] as? Int)

            let previousHandler = signal(SIGXFSZ, SIG_IGN)
            var limit = rlimit()
            getrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limit)
            var tight = limit
            tight.rlim_cur = rlim_t(size + 40)
            #expect(setrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &tight) == 0)
            var failure: (any Error)?
            do {
                _ = try await journal.append(entry(2))
            } catch {
                failure = error
            }
            setrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limit)
            signal(SIGXFSZ, previousHandler)

            guard case IntakeJournal.JournalError.unusable? = failure else {
                Issue.record("the cut-short append did not fail: \(String(describing: failure))")
                journal.close()
                return
            }
            let third = entry(3)
            #expect(try await journal.append(third) == segment)
            journal.close()

            let (again, recovered) = try IntakeJournal.open(directory: directory)
            #expect(recovered.map(\.entry) == [first, third])
            again.close()
        }
    }

    @Test("200 concurrent appends all return and all are recovered after reopen")
    func concurrentAppends() async throws {
        try await withJournalDirectory { directory in
            let (journal, _) = try IntakeJournal.open(directory: directory)
            let entries = (0..<200).map { entry($0) }
            let returned = try await withThrowingTaskGroup(of: (String, Int).self) { group in
                for item in entries {
                    group.addTask { (item.ticket, try await journal.append(item)) }
                }
                var all: [String: Int] = [:]
                for try await (ticket, segment) in group { all[ticket] = segment }
                return all
            }
            #expect(returned.count == 200)
            journal.close()
            let (again, recovered) = try IntakeJournal.open(directory: directory)
            #expect(recovered.count == 200)
            #expect(Set(recovered.map(\.entry.ticket)) == Set(entries.map(\.ticket)))
            let byTicket = Dictionary(uniqueKeysWithValues: entries.map { ($0.ticket, $0) })
            for recorded in recovered {
                #expect(recorded.entry == byTicket[recorded.entry.ticket])
                #expect(recorded.segment == returned[recorded.entry.ticket])
            }
            again.close()
        }
    }

    @Test("past segmentBytes a new segment begins; filing all of the first deletes it while the second stays")
    func rotation() async throws {
        try await withJournalDirectory { directory in
            let (journal, _) = try IntakeJournal.open(directory: directory)
            // About 12 KB a line (4,000 three-byte characters): some 800 lines fill 9 MiB.
            let long = String(repeating: "垃", count: 4_000)
            let lineBytes = try entry(0, description: long).line().count
            let count = (IntakeJournal.segmentBytes + IntakeJournal.segmentBytes / 8) / lineBytes + 1
            var segments: [Int] = []
            // In waves of 20 (a batch of at most 240 KB), so that the first segment ends
            // well before the last entry and the second one gets some.
            for wave in stride(from: 0, to: count, by: 20) {
                let part = try await withThrowingTaskGroup(of: Int.self) { group in
                    for index in wave..<min(count, wave + 20) {
                        group.addTask { try await journal.append(self.entry(index, description: long)) }
                    }
                    return try await group.reduce(into: [Int]()) { $0.append($1) }
                }
                segments += part
            }
            let used = Set(segments).sorted()
            #expect(used.count == 2, "\(used)")
            journal.close()
            let (reader, recovered) = try IntakeJournal.open(directory: directory)
            #expect(recovered.count == count)
            let first = try #require(used.first)
            let inFirst = recovered.filter { $0.segment == first }.count
            #expect(inFirst * lineBytes >= IntakeJournal.segmentBytes)
            reader.filed(segment: first, count: inFirst)
            #expect(!FileManager.default.fileExists(atPath: segmentPath(directory, first)))
            #expect(FileManager.default.fileExists(atPath: segmentPath(directory, used[1])))
            reader.close()
        }
    }
}
