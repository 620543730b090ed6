import Foundation
import Testing
@testable import Xiuhua

@Suite("Calendar file format")
struct CalendarFileTests {
    @Test("reads periods, holidays, make-up workdays and comments")
    func reads() throws {
        let calendar = try WorkCalendar(parsing: """
            # district office hours
            timezone Asia/Shanghai
            periods mon-fri 09:00-12:00 13:30-17:00   # summer hours
            periods sat 09:00-12:00
            periods workday 09:00-12:00
            holiday 2026-10-01..2026-10-07 国庆节
            workday 2026-09-20 国庆节调休上班
            """)
        #expect(try calendar.periods(on: LocalDate("2026-03-02")) == [WorkPeriod("09:00-12:00"), WorkPeriod("13:30-17:00")])
        #expect(try calendar.periods(on: LocalDate("2026-03-07")) == [WorkPeriod("09:00-12:00")])
        #expect(try calendar.periods(on: LocalDate("2026-03-08")).isEmpty)
        #expect(try calendar.periods(on: LocalDate("2026-09-20")) == [WorkPeriod("09:00-12:00")])
        #expect(try calendar.holidays[LocalDate("2026-10-07")] == "国庆节")
        #expect(try calendar.makeUpWorkdays[LocalDate("2026-09-20")] == "国庆节调休上班")
        #expect(try !calendar.isWorkday(LocalDate("2026-10-05")))
    }

    @Test("an empty file is the standard week in China Standard Time")
    func emptyFile() throws {
        #expect(try WorkCalendar(parsing: "# nothing yet\n") == WorkCalendar())
    }

    @Test("make-up workdays work Monday's periods unless set")
    func makeUpDefaultsToMonday() throws {
        let calendar = try WorkCalendar(parsing: "periods mon 08:00-12:00\nworkday 2026-09-20")
        #expect(try calendar.periods(on: LocalDate("2026-09-20")) == [WorkPeriod("08:00-12:00")])
    }

    @Test("errors name the line and what is wrong", arguments: [
        ("timezone Asia/Shanghai\nholiday 2026-02-30 春节", 2, "“2026-02-30” is not a date: 2026-02 has 28 days"),
        ("\n# comment\nperiods mon 12:00-08:30", 3, "“12:00-08:30” is not a working period: end 08:30 is not after start 12:00"),
        ("periods mon-fri 08:30-12:00 11:00-13:00", 1, "08:30-12:00 overlaps 11:00-13:00"),
        ("holiday 2026-10-01\nholidy 2026-10-02", 2, "unknown keyword “holidy”; expected timezone, periods, holiday or workday"),
        ("holiday 2026-10-01..2026-10-07 国庆节\nworkday 2026-10-03", 2, "2026-10-03 cannot be a workday: it is a holiday on line 1"),
        ("workday 2026-09-20\nholiday 2026-09-19..2026-09-21", 2, "2026-09-20 cannot be a holiday: it is a workday on line 1"),
        ("holiday 2026-10-07..2026-10-01", 1, "the range 2026-10-07..2026-10-01 ends before it starts"),
        ("holiday 2026-10-01..2062-10-01", 1, "the range 2026-10-01..2062-10-01 is longer than 366 days"),
        ("periods mon-fri 08:30-12:00\nperiods fri none", 2, "periods for fri are already set on line 1"),
        ("periods fri-mon none", 1, "the day range “fri-mon” runs backwards; write it from mon towards sun"),
        ("periods weekdays none", 1, "“weekdays” is not a day: use mon … sun, a range such as mon-fri, or workday"),
        ("periods sat", 1, "give working periods such as 08:30-12:00, or none"),
        ("periods workday none", 1, "make-up workdays need working periods, not none"),
        ("timezone Mars/Olympus", 1, "unknown time zone “Mars/Olympus”"),
        ("holiday", 1, "expected a date or a range such as 2026-10-01..2026-10-07 after holiday"),
        ("periods mon none\nworkday 2026-09-20\nworkday 2026-10-10", 2,
         "make-up workdays would have no working periods: Monday has none, so give “periods workday …”"),
    ])
    func errors(text: String, line: Int, reason: String) {
        let error = calendarFileError(text)
        #expect(error?.line == line)
        #expect(error?.reason == reason)
    }

    @Test("the error message starts with the line number")
    func errorMessage() {
        let error = WorkCalendarError.invalidLine(number: 4, reason: "unknown keyword “x”")
        #expect(error.description == "line 4: unknown keyword “x”")
    }

    @Test("serialization reads back to an equal calendar")
    func roundTrip() throws {
        let calendar = try WorkCalendar(
            weeklyPeriods: [
                .monday: [WorkPeriod("08:30-12:00"), WorkPeriod("14:30-17:30")],
                .tuesday: [WorkPeriod("08:30-12:00"), WorkPeriod("14:30-17:30")],
                .wednesday: [WorkPeriod("08:30-12:00")],
                .saturday: [WorkPeriod("09:00-11:00")],
            ],
            makeUpWorkdayPeriods: [WorkPeriod("09:00-12:00")],
            holidays: [
                LocalDate("2026-10-01"): "国庆节", LocalDate("2026-10-02"): "国庆节",
                LocalDate("2026-10-03"): "National  Day", LocalDate("2026-12-31"): "",
            ],
            makeUpWorkdays: [LocalDate("2026-09-20"): "国庆节调休上班"]
        )
        let text = calendar.serialized()
        #expect(try WorkCalendar(parsing: text) == calendar)
        #expect(text.contains("holiday 2026-10-01..2026-10-02 国庆节\n"))
        #expect(text.contains("periods thu-fri none\n"))
        #expect(try WorkCalendar(parsing: text).serialized() == text)
    }

    @Test("the default China calendar round-trips")
    func defaultRoundTrip() throws {
        let text = WorkCalendar.chinaDefault.serialized()
        #expect(try WorkCalendar(parsing: text) == WorkCalendar.chinaDefault)
        #expect(text.contains("holiday 2026-10-01..2026-10-07 国庆节\n"))
    }

    @Test("data built in code is checked like a file")
    func checksCodeBuiltData() throws {
        let date = try LocalDate("2026-10-01")
        #expect(throws: WorkCalendarError.inconsistentData(reason: "2026-10-01 is both a holiday and a make-up workday")) {
            try WorkCalendar(weeklyPeriods: WorkCalendar.standardWeeklyPeriods, holidays: [date: "x"], makeUpWorkdays: [date: "y"])
        }
        #expect(throws: WorkCalendarError.self) {
            try WorkCalendar(weeklyPeriods: [.monday: [WorkPeriod("08:00-12:00"), WorkPeriod("11:00-13:00")]])
        }
        #expect(throws: WorkCalendarError.self) {
            try WorkCalendar(weeklyPeriods: WorkCalendar.standardWeeklyPeriods, holidays: [date: "a # b"])
        }
    }
}
