import Foundation
import Testing
@testable import Xiuhua

@Suite("Adding working days")
struct WorkingDaysTests {
    let calendar = WorkCalendar.chinaDefault

    @Test("1 working day from Monday's start of work ends Monday at the end of work")
    func fromStartOfWork() throws {
        #expect(calendar.adding(workingDays: 1, to: try instant("2026-03-02T08:30:00+08:00"))
            == (try instant("2026-03-02T17:30:00+08:00")))
        #expect(calendar.adding(workingDays: 2, to: try instant("2026-03-02T08:30:00+08:00"))
            == (try instant("2026-03-03T17:30:00+08:00")))
    }

    @Test("1 working day from Monday 16:00 ends Tuesday 16:00")
    func fromWithinTheDay() throws {
        #expect(calendar.adding(workingDays: 1, to: try instant("2026-03-02T16:00:00+08:00"))
            == (try instant("2026-03-03T16:00:00+08:00")))
        #expect(calendar.adding(workingDays: 3, to: try instant("2026-03-02T10:15:00+08:00"))
            == (try instant("2026-03-05T10:15:00+08:00")))
    }

    @Test("from outside working time, days count from the next working moment")
    func fromOutsideWorkingTime() throws {
        // Saturday → Monday 08:30, so the first working day is Monday.
        #expect(calendar.adding(workingDays: 1, to: try instant("2026-03-07T10:00:00+08:00"))
            == (try instant("2026-03-09T17:30:00+08:00")))
        // After work → next morning.
        #expect(calendar.adding(workingDays: 1, to: try instant("2026-03-02T18:00:00+08:00"))
            == (try instant("2026-03-03T17:30:00+08:00")))
        // Lunch → 14:30, with the morning already used: the same position is 12:00.
        #expect(calendar.adding(workingDays: 1, to: try instant("2026-03-02T12:30:00+08:00"))
            == (try instant("2026-03-03T12:00:00+08:00")))
    }

    @Test("holidays are skipped and make-up workdays counted")
    func holidaysAndMakeUpDays() throws {
        #expect(calendar.adding(workingDays: 1, to: try instant("2026-09-30T16:00:00+08:00"))
            == (try instant("2026-10-08T16:00:00+08:00")))
        #expect(calendar.adding(workingDays: 1, to: try instant("2026-09-18T10:00:00+08:00"))
            == (try instant("2026-09-20T10:00:00+08:00")))
    }

    @Test("zero days return the start; negative days count as zero")
    func zeroAndNegative() throws {
        let start = try instant("2026-03-07T10:00:00+08:00")
        #expect(calendar.adding(workingDays: 0, to: start) == start)
        #expect(calendar.adding(workingDays: -1, to: start) == start)
    }

    @Test("a full working day is the same working time as the day's periods")
    func dayLength() throws {
        let start = try instant("2026-03-02T16:00:00+08:00")
        let deadline = calendar.adding(workingDays: 1, to: start)
        #expect(calendar.workingTime(from: start, to: deadline) == 6.5 * 3_600)
    }
}
