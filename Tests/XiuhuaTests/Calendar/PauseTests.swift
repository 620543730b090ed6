import Foundation
import Testing
@testable import Xiuhua

@Suite("Suspensions (挂账) stop the clock")
struct PauseTests {
    let calendar = WorkCalendar.chinaDefault

    func pause(_ start: String, _ end: String) throws -> DateInterval {
        DateInterval(start: try instant(start), end: try instant(end))
    }

    @Test("a pause over a whole working day pushes a 1-working-day deadline by one day")
    func wholeDay() throws {
        let start = try instant("2026-03-02T16:00:00+08:00")
        let tuesday = try pause("2026-03-03T00:00:00+08:00", "2026-03-04T00:00:00+08:00")
        #expect(calendar.adding(workingDays: 1, to: start, pauses: [tuesday])
            == (try instant("2026-03-04T16:00:00+08:00")))
        let tuesdayOfficeHours = try pause("2026-03-03T08:30:00+08:00", "2026-03-03T17:30:00+08:00")
        #expect(calendar.adding(workingDays: 1, to: start, pauses: [tuesdayOfficeHours])
            == (try instant("2026-03-04T16:00:00+08:00")))
    }

    @Test("a pause partly over lunch moves the deadline by the working time it covers only")
    func partlyOverlapping() throws {
        let start = try instant("2026-03-02T08:30:00+08:00")
        #expect(calendar.adding(workingHours: 4, to: start) == (try instant("2026-03-02T15:00:00+08:00")))
        // 11:30–15:00 covers 30 + 30 working minutes.
        let pauses = [try pause("2026-03-02T11:30:00+08:00", "2026-03-02T15:00:00+08:00")]
        #expect(calendar.adding(workingHours: 4, to: start, pauses: pauses)
            == (try instant("2026-03-02T16:00:00+08:00")))
    }

    @Test("a pause begun before the start counts only from the start")
    func beganEarlier() throws {
        let pauses = [try pause("2026-03-02T07:00:00+08:00", "2026-03-02T09:00:00+08:00")]
        #expect(calendar.adding(workingHours: 1, to: try instant("2026-03-02T08:30:00+08:00"), pauses: pauses)
            == (try instant("2026-03-02T10:00:00+08:00")))
    }

    @Test("overlapping pauses are paused once")
    func overlappingPauses() throws {
        let pauses = [
            try pause("2026-03-02T10:00:00+08:00", "2026-03-02T11:00:00+08:00"),
            try pause("2026-03-02T10:30:00+08:00", "2026-03-02T11:30:00+08:00"),
        ]
        #expect(calendar.adding(workingHours: 4, to: try instant("2026-03-02T08:30:00+08:00"), pauses: pauses)
            == (try instant("2026-03-02T16:30:00+08:00")))
        let nested = [
            try pause("2026-03-02T09:00:00+08:00", "2026-03-02T11:00:00+08:00"),
            try pause("2026-03-02T09:30:00+08:00", "2026-03-02T10:00:00+08:00"),
        ]
        #expect(calendar.adding(workingHours: 4, to: try instant("2026-03-02T08:30:00+08:00"), pauses: nested)
            == (try instant("2026-03-02T17:00:00+08:00")))
        #expect(calendar.workingTime(
            from: try instant("2026-03-02T08:30:00+08:00"), to: try instant("2026-03-02T12:00:00+08:00"), pauses: pauses + nested
        ) == 3_600)
    }

    @Test("a pause after the deadline changes nothing")
    func laterPause() throws {
        let pauses = [try pause("2026-03-05T08:30:00+08:00", "2026-03-06T17:30:00+08:00")]
        #expect(calendar.adding(workingDays: 1, to: try instant("2026-03-02T16:00:00+08:00"), pauses: pauses)
            == (try instant("2026-03-03T16:00:00+08:00")))
    }

    @Test("a suspension of years is crossed without walking it and without end")
    func longPause() throws {
        let start = try instant("2026-03-02T08:30:00+08:00")
        let forever = DateInterval(start: start, end: .distantFuture)
        #expect(calendar.adding(workingHours: 1, to: start, pauses: [forever]) == .distantFuture)
        let decade = try pause("2026-03-02T08:30:00+08:00", "2036-03-03T08:30:00+08:00")
        #expect(calendar.adding(workingHours: 1, to: start, pauses: [decade])
            == (try instant("2036-03-03T09:30:00+08:00")))
    }

    @Test("working time excludes pauses")
    func workingTimeExcludesPauses() throws {
        let pauses = [try pause("2026-03-02T11:00:00+08:00", "2026-03-02T15:00:00+08:00")]
        let time = calendar.workingTime(
            from: try instant("2026-03-02T08:30:00+08:00"), to: try instant("2026-03-02T17:30:00+08:00"), pauses: pauses
        )
        #expect(time == 5 * 3_600)
    }
}
