import Foundation
import Testing
@testable import Xiuhua

@Suite("LocalDate")
struct LocalDateTests {
    @Test("parses YYYY-MM-DD and prints it back")
    func parsesAndPrints() throws {
        let date = try LocalDate("2026-10-01")
        #expect((date.year, date.month, date.day) == (2026, 10, 1))
        #expect(date.description == "2026-10-01")
    }

    @Test("refuses impossible or malformed dates with a reason")
    func refusesBadDates() throws {
        #expect(throws: LocalDate.FormatError(text: "2026-02-29", reason: "2026-02 has 28 days")) {
            try LocalDate("2026-02-29")
        }
        #expect(throws: LocalDate.FormatError(text: "2026-13-01", reason: "month must be 01–12")) {
            try LocalDate("2026-13-01")
        }
        #expect(throws: LocalDate.FormatError.self) { try LocalDate("2026-1-1") }
        #expect(throws: LocalDate.FormatError.self) { try LocalDate("2026/10/01") }
        #expect((try? LocalDate("2024-02-29")) != nil)
        #expect(try LocalDate("0999-01-01").description == "0999-01-01")
        #expect(throws: LocalDate.FormatError(text: "0000-01-01", reason: "year must be 0001–9999")) {
            try LocalDate("0000-01-01")
        }
        #expect(LocalDate(year: 2026, month: 4, day: 31) == nil)
    }

    @Test("knows the weekday")
    func weekday() throws {
        #expect(try LocalDate("2026-10-01").weekday == .thursday)
        #expect(try LocalDate("2026-09-20").weekday == .sunday)
        #expect(try LocalDate("2025-01-01").weekday == .wednesday)
        #expect(try LocalDate("2000-02-29").weekday == .tuesday)
    }

    @Test("adds days across month, leap day and year ends")
    func addsDays() throws {
        #expect(try LocalDate("2026-12-31").adding(days: 1) == LocalDate("2027-01-01"))
        #expect(try LocalDate("2024-02-28").adding(days: 1) == LocalDate("2024-02-29"))
        #expect(try LocalDate("2026-03-01").adding(days: -1) == LocalDate("2026-02-28"))
        #expect(try LocalDate("2026-01-01").adding(days: 365) == LocalDate("2027-01-01"))
    }

    @Test("orders chronologically")
    func orders() throws {
        #expect(try LocalDate("2026-09-30") < LocalDate("2026-10-01"))
        #expect(try LocalDate("2025-12-31") < LocalDate("2026-01-01"))
    }

    @Test("codes as a YYYY-MM-DD string and rejects a bad one")
    func codable() throws {
        let data = try JSONEncoder().encode([try LocalDate("2026-10-01")])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-10-01"]"#)
        #expect(try JSONDecoder().decode([LocalDate].self, from: data) == [LocalDate("2026-10-01")])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([LocalDate].self, from: Data(#"["2026-02-30"]"#.utf8))
        }
    }
}
