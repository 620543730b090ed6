import Foundation
import Testing
import Xiuhua

@Suite("Evaluation periods")
struct EvaluationPeriodTests {
    static func beijing(_ text: String) -> Date { ISO8601Instant.parse(text)! }

    @Test("a month runs from local midnight to local midnight in Beijing time")
    func month() throws {
        let period = try EvaluationPeriod("2026-11")
        #expect(period.kind == .month)
        #expect(period.start == Self.beijing("2026-11-01T00:00:00+08:00"))
        #expect(period.end == Self.beijing("2026-12-01T00:00:00+08:00"))
        #expect(period.contains(Self.beijing("2026-11-30T23:59:00+08:00")))
        #expect(!period.contains(Self.beijing("2026-12-01T00:00:00+08:00")))
        #expect(period.previous.label == "2026-10")
        #expect(try EvaluationPeriod("2026-01").previous.label == "2025-12")
    }

    @Test("quarters, years and custom ranges")
    func others() throws {
        let quarter = try EvaluationPeriod("2026-q4")
        #expect(quarter.label == "2026-Q4")
        #expect(quarter.start == Self.beijing("2026-10-01T00:00:00+08:00"))
        #expect(quarter.end == Self.beijing("2027-01-01T00:00:00+08:00"))
        #expect(quarter.previous.label == "2026-Q3")
        let year = try EvaluationPeriod("2026")
        #expect(year.end == Self.beijing("2027-01-01T00:00:00+08:00"))
        let custom = try EvaluationPeriod("2026-11-01..2026-11-15")
        #expect(custom.kind == .custom)
        #expect(custom.end == Self.beijing("2026-11-16T00:00:00+08:00"))
        #expect(custom.previous.label == "2026-10-17..2026-10-31")
    }

    @Test("bad labels are refused with the accepted forms", arguments: ["2026-13", "26-11", "2026-Q5", "2026-11-20..2026-11-01", "november", ""])
    func bad(label: String) {
        #expect(throws: EvaluationPeriodError.self) { try EvaluationPeriod(label) }
    }

    @Test("the period before the first supported one is computed, not parsed, so it cannot trap")
    func previousAtTheEdge() throws {
        #expect(try EvaluationPeriod("2000-01").previous.label == "1999-12")
        #expect(try EvaluationPeriod("2000-Q1").previous.label == "1999-Q4")
        #expect(try EvaluationPeriod("2000").previous.label == "1999")
        let custom = try EvaluationPeriod("2000-01-01..2000-01-01").previous
        #expect(custom.label == "1999-12-31..1999-12-31")
        #expect(custom.end == (try EvaluationPeriod("2000-01-01..2000-01-01")).start)
        #expect(try EvaluationPeriod("2100-12").previous.label == "2100-11")
    }

    @Test("labels outside the supported years are refused, custom ranges included", arguments: [
        "1999-12", "2101", "0001-01-01..0001-01-01", "1999-12-31..2000-01-01", "2026-01-01..9999-12-31", "2000-Q0", "99999-01",
    ])
    func outsideSupportedYears(label: String) {
        #expect(throws: EvaluationPeriodError.self) { try EvaluationPeriod(label) }
    }

    @Test("the standard periods of an instant in any year are built without parsing")
    func standardPeriodsOfAnyYear() {
        let periods = EvaluationPeriod.standardPeriods(containing: Date(timeIntervalSince1970: -2_000_000_000))
        #expect(periods.map(\.label) == ["1906-08", "1906-Q3", "1906"])
    }
}
