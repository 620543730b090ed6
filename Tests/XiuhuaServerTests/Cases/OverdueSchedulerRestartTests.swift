import Foundation
import Logging
import Testing
import Xiuhua
import XiuhuaServer
import XiuhuaStore

/// The overdue scheduler works from what is stored: across a restart it neither repeats a
/// mark nor misses a deadline that passed while the server was down.
@Suite("Overdue scheduler across a restart")
struct OverdueSchedulerRestartTests {
    static func scheduler(_ fixture: DemoServerFixture) -> OverdueScheduler {
        OverdueScheduler(services: fixture.services, interval: .seconds(3600), logger: .quiet)
    }

    /// True when a tick marked nothing and nothing failed.
    static func marksNothing(_ report: OverdueScheduler.TickReport) -> Bool {
        report.marked.isEmpty && report.failed == 0
    }

    static func kinds(_ fixture: DemoServerFixture, _ number: String) async throws -> [CaseEventKind] {
        try await fixture.store.caseEvents(number).map(\.event.kind)
    }

    @Test("a passed stage deadline is marked once with an urge; ticks after it, and after a restart, add nothing; a deadline passed while down is caught on the first tick; a suspended case is never marked")
    func marksOnceAcrossRestart() async throws {
        try await DemoServerFixture.with { fixture in
            // Monday 09:00: a hotline report waits for verification (2 hours on the wall clock),
            // and another case is suspended by its street.
            let (first, suspended) = try await fixture.serve { api in
                let first = try await api.file()
                let suspended = try await api.hotlineCase(in: "dispatched")
                try await api.step(suspended.number, as: "yongtai", "requestSuspension", ["reason": "需协调产权单位，资金未落实"])
                try await api.step(suspended.number, as: "dispatcher", "approveSuspension")
                return (first.number, suspended.number)
            }
            let deadline = try #require(try await fixture.store.caseSnapshot(first)?.stageDeadline)
            #expect(deadline == instant("2026-11-30T11:00:00+08:00"))
            #expect(try await fixture.store.caseSnapshot(suspended)?.state == .suspended)

            // Not yet due.
            fixture.clock.set("2026-11-30T10:59:00+08:00")
            #expect(await Self.scheduler(fixture).tick().marked == [])

            fixture.clock.set("2026-11-30T11:01:00+08:00")
            let report = await Self.scheduler(fixture).tick()
            #expect(report.marked == [first])
            #expect(report.failed == 0)
            let marked = try await Self.kinds(fixture, first)
            #expect(marked == [.reported, .markedOverdue, .urged])
            let snapshot = try #require(try await fixture.store.caseSnapshot(first))
            #expect(snapshot.overdueMarks == [OverdueMark(stage: .verify, deadline: deadline)])
            #expect(snapshot.urgeCount == 1)
            #expect(snapshot.state == .reported)

            // Again: nothing new.
            #expect(await Self.marksNothing(Self.scheduler(fixture).tick()))
            #expect(try await Self.kinds(fixture, first) == marked)

            // Restart: new store, new services, same clock — still nothing new.
            try await fixture.restart()
            #expect(await Self.marksNothing(Self.scheduler(fixture).tick()))
            #expect(try await Self.kinds(fixture, first) == marked)

            // A case filed just before the server goes down; its deadline passes while down.
            let late = try await fixture.serve { api in try await api.file().number }
            fixture.clock.set("2026-11-30T14:00:00+08:00")
            try await fixture.restart()
            let afterDowntime = await Self.scheduler(fixture).tick()
            #expect(afterDowntime.marked == [late])
            #expect(try await Self.kinds(fixture, late) == [.reported, .markedOverdue, .urged])
            #expect(try await Self.kinds(fixture, first) == marked)

            // A week later the suspended case is long past its disposal deadline, yet not marked.
            fixture.clock.set("2026-12-07T14:00:00+08:00")
            #expect(await Self.marksNothing(Self.scheduler(fixture).tick()))
            let still = try #require(try await fixture.store.caseSnapshot(suspended))
            #expect(still.state == .suspended)
            #expect(still.overdueMarks.isEmpty)
            #expect(!(try await Self.kinds(fixture, suspended)).contains(.markedOverdue))

            // The suspended case's clock runs again once resumed, and only then can it be marked.
            _ = try await fixture.serve { api in
                try await api.step(suspended, as: "dispatcher", "resume")
            }
            let resumed = try #require(try await fixture.store.caseSnapshot(suspended))
            #expect(resumed.stageDeadline.map { $0 > fixture.clock.now } == true)
            #expect(await Self.marksNothing(Self.scheduler(fixture).tick()))
        }
    }

    @Test("schedulers ticking at once on the same store mark a case once")
    func concurrentTicks() async throws {
        try await DemoServerFixture.with { fixture in
            let numbers = try await fixture.serve { api in
                var numbers: [String] = []
                for _ in 0..<5 { numbers.append(try await api.file().number) }
                return numbers
            }
            fixture.clock.set("2026-11-30T11:01:00+08:00")
            let reports = await withTaskGroup(of: OverdueScheduler.TickReport.self) { group in
                for _ in 0..<3 {
                    group.addTask { await Self.scheduler(fixture).tick() }
                }
                var reports: [OverdueScheduler.TickReport] = []
                for await report in group { reports.append(report) }
                return reports
            }
            #expect(reports.flatMap(\.marked).sorted() == numbers.sorted())
            #expect(reports.allSatisfy { $0.failed == 0 })
            for number in numbers {
                let kinds = try await Self.kinds(fixture, number)
                #expect(kinds.filter { $0 == .markedOverdue }.count == 1, "\(number): \(kinds)")
                #expect(kinds.filter { $0 == .urged }.count == 1, "\(number): \(kinds)")
            }
        }
    }
}
