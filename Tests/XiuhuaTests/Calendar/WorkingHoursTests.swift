import Foundation
import Testing
@testable import Xiuhua

@Suite("Adding working hours")
struct WorkingHoursTests {
    let calendar = WorkCalendar.chinaDefault

    @Test("4 working hours from 16:00 on the eve of National Day 2026 end at 11:00 on 10-08")
    func acrossNationalDay() throws {
        let deadline = calendar.adding(workingHours: 4, to: try instant("2026-09-30T16:00:00+08:00"))
        #expect(deadline == (try instant("2026-10-08T11:00:00+08:00")))
    }

    @Test("the make-up workdays 2026-09-20 (Sunday) and 2026-10-10 (Saturday) count as working")
    func makeUpWorkdays() throws {
        #expect(try calendar.isWorkday(LocalDate("2026-09-20")))
        #expect(try calendar.isWorkday(LocalDate("2026-10-10")))
        #expect(try !calendar.isWorkday(LocalDate("2026-09-19")))
        #expect(try !calendar.isWorkday(LocalDate("2026-10-11")))
        #expect(calendar.isWorkingTime(try instant("2026-09-20T09:00:00+08:00")))
        let fromFriday = calendar.adding(workingHours: 2, to: try instant("2026-09-18T17:00:00+08:00"))
        #expect(fromFriday == (try instant("2026-09-20T10:00:00+08:00")))
        let fromOctober9 = calendar.adding(workingHours: 8, to: try instant("2026-10-09T17:00:00+08:00"))
        #expect(fromOctober9 == (try instant("2026-10-12T09:30:00+08:00")))
    }

    @Test("the lunch break 12:00–14:30 does not count")
    func lunchBreak() throws {
        #expect(calendar.adding(workingHours: 2, to: try instant("2026-03-02T11:00:00+08:00"))
            == (try instant("2026-03-02T15:30:00+08:00")))
        #expect(!calendar.isWorkingTime(try instant("2026-03-02T12:00:00+08:00")))
        #expect(!calendar.isWorkingTime(try instant("2026-03-02T14:29:59+08:00")))
        #expect(calendar.isWorkingTime(try instant("2026-03-02T11:59:59+08:00")))
        #expect(calendar.isWorkingTime(try instant("2026-03-02T14:30:00+08:00")))
    }

    @Test("weekends do not count")
    func weekends() throws {
        #expect(calendar.adding(workingHours: 2, to: try instant("2026-03-06T16:30:00+08:00"))
            == (try instant("2026-03-09T09:30:00+08:00")))
        #expect(!calendar.isWorkingTime(try instant("2026-03-07T10:00:00+08:00")))
    }

    @Test("time running out at the end of a period gives that end, not the next start")
    func endsAtPeriodEnd() throws {
        #expect(calendar.adding(workingHours: 3, to: try instant("2026-03-02T14:30:00+08:00"))
            == (try instant("2026-03-02T17:30:00+08:00")))
    }

    @Test("counting from outside working time starts at the next working moment")
    func startsOutsideWorkingTime() throws {
        #expect(calendar.adding(workingHours: 1, to: try instant("2026-03-02T07:00:00+08:00"))
            == (try instant("2026-03-02T09:30:00+08:00")))
        #expect(calendar.adding(workingMinutes: 30, to: try instant("2026-03-02T12:10:00+08:00"))
            == (try instant("2026-03-02T15:00:00+08:00")))
        #expect(calendar.nextWorkingMoment(atOrAfter: try instant("2026-09-30T18:00:00+08:00"))
            == (try instant("2026-10-08T08:30:00+08:00")))
    }

    @Test("keeps seconds of the start")
    func keepsSeconds() throws {
        #expect(calendar.adding(workingMinutes: 1, to: try instant("2026-03-02T11:59:30+08:00"))
            == (try instant("2026-03-02T14:30:30+08:00")))
    }

    @Test("negative amounts add nothing and absurd ones are capped instead of running away")
    func clampsAmounts() throws {
        let start = try instant("2026-03-02T10:00:00+08:00")
        #expect(calendar.adding(workingHours: -3, to: start) == start)
        #expect(calendar.adding(workingHours: Int.max, to: start) == calendar.adding(workingHours: 10_000, to: start))
    }

    @Test("a calendar without any working time answers the distant future")
    func noWorkingTime() throws {
        let idle = try WorkCalendar(parsing: "periods mon-sun none")
        let start = try instant("2026-03-02T10:00:00+08:00")
        #expect(idle.adding(workingHours: 1, to: start) == .distantFuture)
        #expect(idle.adding(workingDays: 1, to: start) == .distantFuture)
        #expect(idle.nextWorkingMoment(atOrAfter: start) == nil)
    }
}
