import Foundation
import Testing
@testable import Xiuhua

@Suite("Default China calendar")
struct ChinaHolidaysTests {
    let calendar = WorkCalendar.chinaDefault

    func holidays(in year: Int) -> Int { calendar.holidays.keys.filter { $0.year == year }.count }
    func makeUpWorkdays(in year: Int) -> [String] {
        calendar.makeUpWorkdays.keys.filter { $0.year == year }.sorted().map(\.description)
    }

    @Test("uses China Standard Time and the standard office hours")
    func basics() throws {
        #expect(calendar.timeZone.secondsFromGMT(for: try instant("2026-07-01T12:00:00+08:00")) == 8 * 3_600)
        #expect(calendar.weeklyPeriods[.monday] == WorkCalendar.standardPeriods)
        #expect(calendar.weeklyPeriods[.saturday] == [])
    }

    @Test("holds the 2025 State Council arrangement")
    func year2025() throws {
        #expect(holidays(in: 2025) == 28)
        #expect(makeUpWorkdays(in: 2025) == ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"])
        #expect(try calendar.holidays[LocalDate("2025-10-08")] == "国庆节、中秋节")
        #expect(try !calendar.isWorkday(LocalDate("2025-02-04")))
    }

    @Test("holds the 2026 State Council arrangement")
    func year2026() throws {
        #expect(holidays(in: 2026) == 33)
        #expect(makeUpWorkdays(in: 2026) == ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"])
        #expect(try calendar.holidays[LocalDate("2026-02-23")] == "春节")
        #expect(try calendar.holidays[LocalDate("2026-09-25")] == "中秋节")
    }

    @Test("holds the provisional 2027 statutory holidays without guessed make-up workdays")
    func year2027() throws {
        #expect(holidays(in: 2027) == 13)
        #expect(makeUpWorkdays(in: 2027).isEmpty)
        #expect(try calendar.holidays[LocalDate("2027-02-05")] == "春节")
        #expect(try calendar.holidays[LocalDate("2027-10-03")] == "国庆节")
        #expect(WorkCalendar.chinaHolidaysText.contains("PROVISIONAL"))
    }

    @Test("every make-up workday falls on a weekend")
    func makeUpDaysOnWeekends() {
        for date in calendar.makeUpWorkdays.keys {
            #expect(date.weekday >= .saturday, "\(date) is a \(date.weekday)")
        }
    }
}
