import Foundation
import Testing
@testable import Xiuhua

@Suite("WorkCalendar as WorkingTimeCalculator")
struct WorkingTimeCalculatorTests {
    let calendar: any WorkingTimeCalculator = WorkCalendar.chinaDefault

    @Test("natural limits count the wall clock, weekends included")
    func naturalTime() throws {
        let saturday = try instant("2026-03-07T10:00:00+08:00")
        #expect(calendar.deadline(from: saturday, limit: .minutes(90), pauses: [])
            == (try instant("2026-03-07T11:30:00+08:00")))
        #expect(calendar.deadline(from: saturday, limit: .hours(24), pauses: [])
            == (try instant("2026-03-08T10:00:00+08:00")))
    }

    @Test("natural limits are extended by the wall-clock length of pauses met")
    func naturalTimeWithPauses() throws {
        let start = try instant("2026-03-02T10:00:00+08:00")
        let pause = DateInterval(start: try instant("2026-03-02T10:30:00+08:00"), duration: 1_800)
        #expect(calendar.deadline(from: start, limit: .hours(2), pauses: [pause])
            == (try instant("2026-03-02T12:30:00+08:00")))
        #expect(calendar.deadline(from: start, limit: .minutes(30), pauses: [pause])
            == (try instant("2026-03-02T10:30:00+08:00")))
        #expect(calendar.elapsed(from: start, to: try instant("2026-03-02T12:00:00+08:00"), countingWorkingTime: false, pauses: [pause])
            == 5_400)
    }

    @Test("working limits follow the calendar")
    func workingLimits() throws {
        let start = try instant("2026-09-30T16:00:00+08:00")
        #expect(calendar.deadline(from: start, limit: .workingHours(4), pauses: [])
            == (try instant("2026-10-08T11:00:00+08:00")))
        #expect(calendar.deadline(from: start, limit: .workingDays(1), pauses: [])
            == (try instant("2026-10-08T16:00:00+08:00")))
        #expect(calendar.elapsed(from: start, to: try instant("2026-10-08T11:00:00+08:00"), countingWorkingTime: true, pauses: [])
            == 4 * 3_600)
    }

    @Test("elapsed is zero when the end is not after the start")
    func elapsedBackwards() throws {
        let start = try instant("2026-03-02T10:00:00+08:00")
        #expect(calendar.elapsed(from: start, to: start.addingTimeInterval(-60), countingWorkingTime: false, pauses: []) == 0)
        #expect(calendar.elapsed(from: start, to: start.addingTimeInterval(-60), countingWorkingTime: true, pauses: []) == 0)
    }

    @Test("negative and absurd limits are refused with a readable message")
    func validation() throws {
        #expect(throws: WorkCalendarError.negativeLimit(.workingDays(-1))) {
            try WorkCalendar.validate(.workingDays(-1))
        }
        #expect(throws: WorkCalendarError.limitTooLarge(.hours(10_001))) {
            try WorkCalendar.validate(.hours(10_001))
        }
        try WorkCalendar.validate(.workingDays(10_000))
        #expect(WorkCalendarError.negativeLimit(.workingDays(-1)).description == "time limit -1 working days is negative")
        #expect(WorkCalendarError.limitTooLarge(.hours(10_001)).description
            == "time limit 10001 hours is larger than the maximum of 10000")
        let start = try instant("2026-03-02T10:00:00+08:00")
        #expect(throws: WorkCalendarError.negativeLimit(.minutes(-5))) {
            try WorkCalendar.chinaDefault.checkedDeadline(from: start, limit: .minutes(-5))
        }
        #expect(try WorkCalendar.chinaDefault.checkedDeadline(from: start, limit: .workingHours(1))
            == (try instant("2026-03-02T11:00:00+08:00")))
    }

    @Test("the unchecked deadline clamps instead of trapping")
    func clamps() throws {
        let start = try instant("2026-03-02T10:00:00+08:00")
        #expect(calendar.deadline(from: start, limit: .workingDays(-2), pauses: []) == start)
        #expect(calendar.deadline(from: start, limit: .minutes(Int.min), pauses: []) == start)
        #expect(calendar.deadline(from: start, limit: .workingDays(Int.max), pauses: [])
            == calendar.deadline(from: start, limit: .workingDays(10_000), pauses: []))
    }
}
