import Foundation
import SQLKit
import Testing
import Xiuhua
@testable import XiuhuaStore

/// `Store.fileJournaled`: the intake journal's reports become cases with the ticket codes
/// their clients already hold, each once, however often the journal is replayed.
@Suite("Journaled intake filed by ticket")
struct JournaledIntakeTests {
    typealias F = CaseStoreFixture

    static let system = Actor(id: "apikey-test", name: "12345热线平台", role: .system)

    func entry(_ index: Int, description: String? = nil) -> Store.JournaledReport {
        var intake = F.intake()
        intake.source = .api
        intake.description = description ?? "第\(index)号：院内杂草丛生，堆满生活垃圾"
        return Store.JournaledReport(ticket: CaseNumbering.ticketCode(), at: F.start.addingTimeInterval(Double(index)), actor: Self.system, intake: intake)
    }

    func caseCount(_ store: Store) async throws -> Int {
        try await store.engine.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM cases").first()?.decode(column: "n", as: Int.self) ?? -1
        }
    }

    func filedSnapshot(_ outcome: Store.JournaledOutcome) -> CaseSnapshot? {
        if case .filed(let snapshot) = outcome { return snapshot }
        return nil
    }

    func isAlreadyFiled(_ outcome: Store.JournaledOutcome) -> Bool {
        if case .alreadyFiled = outcome { return true }
        return false
    }

    func isRefused(_ outcome: Store.JournaledOutcome) -> Bool {
        if case .refused = outcome { return true }
        return false
    }

    @Test("entries are filed as cases with exactly their ticket codes, in order, with their descriptions and times", arguments: Backend.all)
    func filesWithTickets(backend: Backend) async throws {
        try await F.with(backend: backend) { fixture in
            let store = fixture.store
            let entries = (0..<5).map { entry($0) }
            let outcomes = try await store.fileJournaled(entries, numbering: F.numbering, clock: F.calendar)
            #expect(outcomes.count == 5)
            let snapshots = outcomes.compactMap(filedSnapshot)
            #expect(snapshots.count == 5)
            #expect(snapshots.map(\.ticketCode) == entries.map(\.ticket))
            #expect(snapshots.map(\.number) == (1...5).map { F.numbering.number(dayKey: F.numbering.dayKey(F.start), sequence: $0) })
            for (entry, snapshot) in zip(entries, snapshots) {
                let stored = try #require(try await store.caseSnapshot(ticket: entry.ticket))
                #expect(stored.number == snapshot.number)
                #expect(stored.description == entry.intake.description)
                #expect(stored.source == .api)
                let events = try await store.caseEvents(snapshot.number)
                #expect(events.count == 1)
                #expect(events.first?.event.at == entry.at)
                #expect(events.first?.event.actorID == Self.system.id)
            }
            #expect(try await caseCount(store) == 5)
            let audit = try await store.verifyAudit()
            #expect(audit.isIntact && audit.casesChecked == 5)
        }
    }

    @Test("filing the same entries again (a journal replayed after a crash) answers alreadyFiled for each and writes no second case", arguments: Backend.all)
    func replayIsIdempotent(backend: Backend) async throws {
        try await F.with(backend: backend) { fixture in
            let store = fixture.store
            let entries = (0..<4).map { entry($0) }
            let first = try await store.fileJournaled(entries, numbering: F.numbering, clock: F.calendar)
            #expect(first.compactMap(filedSnapshot).count == 4)
            let numbers = Set(first.compactMap(filedSnapshot).map(\.number))

            let again = try await store.fileJournaled(entries, numbering: F.numbering, clock: F.calendar)
            #expect(again.count == 4 && again.allSatisfy(isAlreadyFiled))
            #expect(try await caseCount(store) == 4)

            // A replay mixed with reports never filed: only the new ones become cases, and
            // the outcomes stay in the order of the entries.
            let fresh = [entry(10), entry(11)]
            let mixed = [entries[2], fresh[0], entries[0], fresh[1]]
            let outcomes = try await store.fileJournaled(mixed, numbering: F.numbering, clock: F.calendar)
            #expect(isAlreadyFiled(outcomes[0]) && isAlreadyFiled(outcomes[2]))
            #expect(filedSnapshot(outcomes[1])?.ticketCode == fresh[0].ticket)
            #expect(filedSnapshot(outcomes[3])?.ticketCode == fresh[1].ticket)
            #expect(try await caseCount(store) == 6)
            // The earlier cases are untouched.
            for number in numbers { #expect(try await store.caseEvents(number).count == 1) }
            let audit = try await store.verifyAudit()
            #expect(audit.isIntact && audit.casesChecked == 6 && audit.eventsChecked == 6)
        }
    }

    @Test("a ticket twice in one batch is filed once", arguments: Backend.all)
    func duplicatesInOneBatch(backend: Backend) async throws {
        try await F.with(backend: backend) { fixture in
            let store = fixture.store
            let a = entry(1)
            let b = entry(2)
            let outcomes = try await store.fileJournaled([a, b, a, a, b], numbering: F.numbering, clock: F.calendar)
            #expect(filedSnapshot(outcomes[0])?.ticketCode == a.ticket)
            #expect(filedSnapshot(outcomes[1])?.ticketCode == b.ticket)
            #expect(outcomes[2...].allSatisfy(isAlreadyFiled))
            #expect(try await caseCount(store) == 2)
            #expect(try await store.verifyAudit().isIntact)
        }
    }

    @Test("an entry the workflow refuses is answered refused in its place; the others of the batch are filed, and a replay files nothing new", arguments: Backend.all)
    func refusedEntry(backend: Backend) async throws {
        try await F.with(backend: backend) { fixture in
            let store = fixture.store
            let entries = [entry(1), entry(2, description: "   "), entry(3)]
            let outcomes = try await store.fileJournaled(entries, numbering: F.numbering, clock: F.calendar)
            #expect(filedSnapshot(outcomes[0])?.ticketCode == entries[0].ticket)
            #expect(isRefused(outcomes[1]))
            #expect(filedSnapshot(outcomes[2])?.ticketCode == entries[2].ticket)
            #expect(try await store.caseSnapshot(ticket: entries[1].ticket) == nil)
            #expect(try await caseCount(store) == 2)
            // No number was drawn for the refused one: the two cases are 1 and 2 of the day.
            let day = F.numbering.dayKey(F.start)
            #expect(outcomes.compactMap(filedSnapshot).map(\.number) == [1, 2].map { F.numbering.number(dayKey: day, sequence: $0) })

            let replay = try await store.fileJournaled(entries, numbering: F.numbering, clock: F.calendar)
            #expect(isAlreadyFiled(replay[0]) && isRefused(replay[1]) && isAlreadyFiled(replay[2]))
            #expect(try await caseCount(store) == 2)
            #expect(try await store.verifyAudit().isIntact)
            #expect(try await store.fileJournaled([], numbering: F.numbering, clock: F.calendar).isEmpty)
        }
    }

    /// Only a server on SQLite journals (one writer at a time), so the race of a filer and
    /// a replay is pinned down there.
    @Test("journaled reports filed twice at once beside cases filed directly: every case once, the audit intact", arguments: [Backend.sqlite])
    func besideDirectIntake(backend: Backend) async throws {
        try await F.with(backend: backend) { fixture in
            let store = fixture.store
            let entries = (0..<40).map { entry($0) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for chunk in stride(from: 0, to: 40, by: 10) {
                    let part = Array(entries[chunk..<(chunk + 10)])
                    // Each part twice at once: a filer and a replay racing for the same tickets.
                    group.addTask { _ = try await store.fileJournaled(part, numbering: F.numbering, clock: F.calendar) }
                    group.addTask { _ = try await store.fileJournaled(part, numbering: F.numbering, clock: F.calendar) }
                }
                for i in 0..<20 {
                    group.addTask { _ = try await fixture.file(minutesAfterStart: Double(i)) }
                }
                try await group.waitForAll()
            }
            #expect(try await caseCount(store) == 60)
            for item in entries { #expect(try await store.caseSnapshot(ticket: item.ticket) != nil) }
            let audit = try await store.verifyAudit()
            #expect(audit.isIntact && audit.casesChecked == 60)
        }
    }
}
