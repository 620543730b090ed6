import Foundation
import Testing
import Xiuhua

/// Missed check-ins (报到) count in evaluation: for the summoned department and where the
/// case is, not for the department that owns it.
@Suite("Whistle check-ins in evaluation")
struct WhistleCheckInCountTests {
    @Test("an on-time check-in and a missed one count for their departments; a late arrival after the mark stays missed")
    func checkInsCounted() throws {
        var history = try WhistleTests.whistled()
        history.wait(minutes: 10)
        try history.run(.checkIn(), by: WhistleTests.huanwei)
        history.wait(minutes: 25)
        try history.run(.markMissedCheckIn, by: Fixture.system)
        history.wait(minutes: 5)
        try history.run(.checkIn(), by: WhistleTests.jiaojing)

        let facts = try #require(CaseFacts.replay(history.events))
        let period = EvaluationPeriod.standardPeriods(containing: history.now)[0]
        let tallies = facts.tallies(in: period)
        let huanwei = try #require(tallies[TallyKey(.department, "huanwei")])
        #expect(huanwei[.whistleCheckIns] == 1)
        #expect(huanwei[.whistleCheckInsOnTime] == 1)
        let jiaojing = try #require(tallies[TallyKey(.department, "jiaojing")])
        #expect(jiaojing[.whistleCheckIns] == 1)
        #expect(jiaojing[.whistleCheckInsOnTime] == 0)
        let district = try #require(tallies[TallyKey(.district, "")])
        #expect(district[.whistleCheckIns] == 2)
        #expect(district[.whistleCheckInsOnTime] == 1)
        #expect(Indicator.whistleCheckInRate.fraction(district).numerator == 1)
        #expect(Indicator.whistleCheckInRate.fraction(district).denominator == 2)
    }

    @Test("a summons still awaited, or released before its deadline, does not count")
    func awaitedNotCounted() throws {
        var history = try WhistleTests.whistled()
        history.wait(minutes: 5)
        try history.run(.releaseSummons(department: "jiaojing", reason: "无需到场"), by: Fixture.streetOfficer)
        let facts = try #require(CaseFacts.replay(history.events))
        let period = EvaluationPeriod.standardPeriods(containing: history.now)[0]
        #expect(facts.tallies(in: period)[TallyKey(.district, "")]?[.whistleCheckIns] ?? 0 == 0)
        #expect(facts.tallies(in: period)[TallyKey(.department, "jiaojing")] == nil)
    }
}
