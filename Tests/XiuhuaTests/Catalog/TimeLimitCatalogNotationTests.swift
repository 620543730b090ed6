import Testing
import Xiuhua

@Suite("Time limit notation")
struct TimeLimitCatalogNotationTests {
    @Test("each unit reads and writes back", arguments: [
        ("120m", TimeLimit.minutes(120)), ("2nh", .hours(2)), ("4h", .workingHours(4)), ("20d", .workingDays(20)),
    ])
    func roundTrip(text: String, limit: TimeLimit) {
        #expect(TimeLimit(catalogNotation: text) == limit)
        #expect(limit.catalogNotation == text)
    }

    @Test("malformed limits are refused", arguments: ["", "h", "4", "0h", "-4h", "+4h", "4 h", "4w", "四h", "4.5h"])
    func refuses(text: String) {
        #expect(TimeLimit(catalogNotation: text) == nil)
    }
}
