import Foundation
import Testing
@testable import Xiuhua

@Suite("Working time between two instants")
struct WorkingTimeTests {
    let calendar = WorkCalendar.chinaDefault

    @Test("across National Day 2026 only 09-30 and 10-08 count")
    func acrossHoliday() throws {
        let time = calendar.workingTime(
            from: try instant("2026-09-30T08:30:00+08:00"), to: try instant("2026-10-08T17:30:00+08:00")
        )
        #expect(time == 13 * 3_600)
    }

    @Test("the make-up Saturday 2026-10-10 counts")
    func makeUpSaturday() throws {
        let time = calendar.workingTime(
            from: try instant("2026-10-09T08:30:00+08:00"), to: try instant("2026-10-12T08:30:00+08:00")
        )
        #expect(time == 13 * 3_600)
    }

    @Test("lunch does not count")
    func lunch() throws {
        let time = calendar.workingTime(
            from: try instant("2026-03-02T11:00:00+08:00"), to: try instant("2026-03-02T15:00:00+08:00")
        )
        #expect(time == 1.5 * 3_600)
    }

    @Test("is zero when the end is not after the start")
    func backwards() throws {
        let start = try instant("2026-03-02T11:00:00+08:00")
        #expect(calendar.workingTime(from: start, to: start) == 0)
        #expect(calendar.workingTime(from: start, to: start.addingTimeInterval(-3_600)) == 0)
    }

    @Test("is what adding working hours added")
    func inverseOfAdding() throws {
        let start = try instant("2026-09-29T10:20:00+08:00")
        for hours in [1, 5, 13, 40] {
            let deadline = calendar.adding(workingHours: hours, to: start)
            #expect(calendar.workingTime(from: start, to: deadline) == TimeInterval(hours * 3_600))
        }
    }
}
