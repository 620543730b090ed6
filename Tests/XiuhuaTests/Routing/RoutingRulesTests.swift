import Foundation
import Testing
import Xiuhua

/// Ordered routing rules: first match wins, the catalog decides when none matches.
@Suite("Routing rules")
struct RoutingRulesTests {
    static let text = """
    # category  region        time         days     owner           sub-command
    09006       140213003     08:00-20:00  mon-fri  dept:chengguan  shirong
    09006       140213003     *            *        street
    0900        *             22:00-06:00  *        dept:gongan
    06          140213003001  *            sat,sun  street:140213004
    """
    static let zone = WorkCalendar.chinaStandardTime
    static let yongtai = CaseLocation(address: "红旗街", gridCode: "140213003001005", communityCode: "140213003001", streetCode: "140213003")
    static let elsewhere = CaseLocation(address: "北关", gridCode: "140213006002001", communityCode: "140213006002", streetCode: "140213006")

    /// 2026-10-14 is a Wednesday; 2026-10-17 a Saturday.
    static func at(_ text: String) -> Date { ISO8601Instant.parse(text)! }

    static func route(_ code: String, _ location: CaseLocation, _ instant: String) throws -> RoutingRules.Decision {
        let rules = try RoutingRules(parsing: text)
        return rules.route(category: try #require(Catalog.national.matter(code: code)), location: location, at: at(instant), timeZone: zone)
    }

    @Test("the first matching rule wins, in file order")
    func order() throws {
        let weekday = try Self.route("09006", Self.yongtai, "2026-10-14T10:00:00+08:00")
        #expect(weekday.owner == .department("chengguan"))
        #expect(weekday.subCommandCode == "shirong")
        #expect(weekday.ruleNumber == 1)
        // Saturday: the weekday rule does not apply, the next one sends it to the street.
        let saturday = try Self.route("09006", Self.yongtai, "2026-10-17T10:00:00+08:00")
        #expect(saturday.owner == .street("140213003"))
        #expect(saturday.ruleNumber == 2)
    }

    @Test("time windows may wrap midnight; prefixes and regions narrow the match")
    func windows() throws {
        let night = try Self.route("09009", Self.elsewhere, "2026-10-14T23:30:00+08:00")
        #expect(night.owner == .department("gongan"))
        let early = try Self.route("09009", Self.elsewhere, "2026-10-15T05:59:00+08:00")
        #expect(early.ruleNumber == 3)
        let morning = try Self.route("09009", Self.elsewhere, "2026-10-15T06:00:00+08:00")
        #expect(morning.ruleNumber == nil)
        let community = try Self.route("06010", Self.yongtai, "2026-10-17T09:00:00+08:00")
        #expect(community.owner == .street("140213004"))
        // The sub-command stays the category's when the rule names none.
        #expect(community.subCommandCode == Catalog.national.matter(code: "06010")?.commandCode)
    }

    @Test("with no matching rule the catalog's default owner applies")
    func fallback() throws {
        let daytime = try Self.route("09009", Self.elsewhere, "2026-10-14T10:00:00+08:00")
        #expect(daytime.owner == .department("jiaojing"))
        #expect(daytime.ruleNumber == nil)
        let territorial = RoutingRules().route(
            category: try #require(Catalog.national.matter(code: "07001")), location: Self.elsewhere,
            at: Self.at("2026-10-14T10:00:00+08:00"), timeZone: Self.zone
        )
        #expect(territorial.owner == .street("140213006"))
    }

    @Test("the text reads back what it wrote; a bad line is named")
    func format() throws {
        let rules = try RoutingRules(parsing: Self.text)
        #expect(rules.rules.count == 4)
        #expect(try RoutingRules(parsing: rules.text) == rules)
        do {
            _ = try RoutingRules(parsing: "# x\n09 * 25:00-06:00 * street")
            Issue.record("accepted a bad time")
        } catch {
            #expect(error.line == 2)
        }
        do {
            _ = try RoutingRules(parsing: "09006 * * * dept:chengguan\n09 * * mon-xyz street\n")
            Issue.record("accepted a bad day")
        } catch {
            #expect(error.line == 2)
            #expect(error.description.contains("mon-fri"))
        }
        do {
            _ = try RoutingRules(parsing: "09 * * * owner:x")
            Issue.record("accepted a bad owner")
        } catch {
            #expect(error.line == 1)
        }
    }
}
