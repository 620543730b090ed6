import Foundation
import Testing
@testable import Xiuhua

@Suite("WorkPeriod")
struct WorkPeriodTests {
    @Test("parses HH:MM-HH:MM to the minute and prints it back")
    func parses() throws {
        let period = try WorkPeriod("08:30-12:00")
        #expect(period.startMinute == 510 && period.endMinute == 720)
        #expect(period.duration == 12_600)
        #expect(period.description == "08:30-12:00")
        #expect(try WorkPeriod("20:00-24:00").endMinute == 1_440)
    }

    @Test("refuses an end before the start and malformed times")
    func refuses() {
        #expect(throws: WorkPeriod.FormatError(text: "14:30-12:00", reason: "end 12:00 is not after start 14:30")) {
            try WorkPeriod("14:30-12:00")
        }
        #expect(throws: WorkPeriod.FormatError.self) { try WorkPeriod("8:30-12:00") }
        #expect(throws: WorkPeriod.FormatError.self) { try WorkPeriod("08:60-12:00") }
        #expect(throws: WorkPeriod.FormatError.self) { try WorkPeriod("08:30-24:30") }
    }

    @Test("touching periods do not overlap; sharing a minute does")
    func overlaps() throws {
        #expect(try !WorkPeriod("08:30-12:00").overlaps(WorkPeriod("12:00-14:30")))
        #expect(try WorkPeriod("08:30-12:00").overlaps(WorkPeriod("11:59-14:30")))
    }
}
