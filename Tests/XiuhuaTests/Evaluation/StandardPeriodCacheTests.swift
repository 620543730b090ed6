import Foundation
import Testing
import Xiuhua
import XiuhuaGeo
import XiuhuaTestSupport

@Suite("Standard periods worked out once per month")
struct StandardPeriodCacheTests {
    @Test("the cache gives every instant the month, quarter and year the calendar gives it, across month, quarter and year ends in local time")
    func sameAsUncached() throws {
        // 2026-12-31 15:59:59.999 UTC is the last millisecond of 2026 in Shanghai; the next
        // one is 2027-01-01 local. Instants either side of several local month ends, shuffled
        // so that the cache is asked about a month it has seen after others.
        let newYear = Date(timeIntervalSince1970: 1_798_732_800) // 2027-01-01 00:00 +08:00
        var instants: [Date] = []
        for days in stride(from: -400.0, through: 400, by: 7.5) {
            instants.append(newYear.addingTimeInterval(days * 86_400))
        }
        instants += [-0.001, 0, 0.001, -86_400 * 31, -86_400 * 30 - 0.001].map { newYear.addingTimeInterval($0) }
        var random = SplitMix64(seed: 5)
        instants.shuffle(using: &random)
        var cache = StandardPeriodCache(timeZone: WorkCalendar.chinaStandardTime)
        for instant in instants {
            let expected = EvaluationPeriod.standardPeriods(containing: instant, timeZone: WorkCalendar.chinaStandardTime)
            #expect(cache.periods(containing: instant) == expected, "\(instant)")
        }
        #expect(cache.periods(containing: newYear.addingTimeInterval(-0.001)).map(\.label) == ["2026-12", "2026-Q4", "2026"])
        #expect(cache.periods(containing: newYear).map(\.label) == ["2027-01", "2027-Q1", "2027"])
    }

    @Test("a case's periods through the cache are those worked out afresh")
    func factsThroughTheCache() throws {
        let intake = CaseIntake(
            number: "N1", ticketCode: "T1", source: .hotline, categoryCode: "06010", disposalLimit: .hours(4),
            location: CaseLocation(address: "红旗街"), description: "垃圾"
        )
        var cache = StandardPeriodCache()
        for offset: Double in [0, 86_400 * 40, -86_400 * 100] {
            let at = Date(timeIntervalSince1970: 1_798_732_800 + offset)
            let reporter = Actor(id: "op", name: "王受理", role: .operator)
            let event = try Workflow.report(intake, by: reporter, at: at, clock: NaturalClock()).get()
            let facts = try #require(CaseFacts(reported: event))
            #expect(facts.standardPeriods(cache: &cache) == facts.standardPeriods())
            #expect(facts.standardPeriods().count == 3)
        }
    }
}
