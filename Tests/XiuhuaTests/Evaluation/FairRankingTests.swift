import Foundation
import Testing
import Xiuhua

@Suite("Fair ranking, composite scores and grades")
struct FairRankingTests {
    static let period = try! EvaluationPeriod("2026-11")

    /// A tally where `accepted` cases were accepted and `closedOnTime` of them closed on time.
    static func tally(accepted: Int, closedOnTime: Int) -> Tally {
        var t = Tally()
        t[.accepted] = accepted
        t[.closed] = closedOnTime
        t[.closedOnTime] = closedOnTime
        t[.dueForDisposal] = accepted
        t[.handled] = closedOnTime
        t[.handledOnTime] = closedOnTime
        return t
    }

    @Test("2 of 2 on time does not top 1,960 of 2,000; raw rate and sample size stay visible")
    func smallSampleDoesNotWin() {
        let table = EvaluationTable(
            dimension: .department, period: Self.period,
            tallies: ["tiny": Self.tally(accepted: 2, closedOnTime: 2), "big": Self.tally(accepted: 2_000, closedOnTime: 1_960)],
            units: []
        )
        let ranked = table.ranked(.department)
        #expect(ranked.map(\.unit) == ["big", "tiny"])
        let tiny = ranked[1]
        #expect(tiny.value(.closingRate).rate == 1)
        #expect(tiny.sampleSize == 2)
        #expect(tiny.score! > ranked[0].score!)            // raw composite would have put it first
        #expect(tiny.adjustedScore! < ranked[0].adjustedScore!)
    }

    @Test("a tally keeps each count in its place")
    func ordinals() {
        #expect(EvaluationCount.allCases.enumerated().allSatisfy { $0.offset == $0.element.ordinal })
        var tally = Tally()
        tally[.closedOnTime] = 3
        #expect(Tally(values: tally.values)[.closedOnTime] == 3)
        #expect(Tally(values: [1])[.reported] == 1)
    }

    @Test("Wilson lower bound: known values")
    func wilson() {
        #expect(abs(WilsonInterval.lowerBound(rate: 1, sampleSize: 2) - 0.3424) < 0.0001)
        #expect(abs(WilsonInterval.lowerBound(rate: 0.98, sampleSize: 2_000) - 0.9729) < 0.0005)
        #expect(WilsonInterval.lowerBound(rate: 0, sampleSize: 10) == 0)
    }

    @Test("ranking is stable: one more perfect case does not lift a tiny unit over a large good one")
    func stability() {
        for small in 1...20 {
            let table = EvaluationTable(
                dimension: .street, period: Self.period,
                tallies: ["small": Self.tally(accepted: small, closedOnTime: small), "large": Self.tally(accepted: 500, closedOnTime: 480)],
                units: [EvaluationUnit(code: "small", name: "小", gridCells: 100), EvaluationUnit(code: "large", name: "大", gridCells: 100)]
            )
            #expect(table.ranked(.region).first?.unit == "large", "small unit with \(small) cases")
        }
    }

    @Test("grades: A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, E below")
    func grades() {
        #expect(Grade(score: 90) == .a)
        #expect(Grade(score: 89.99) == .b)
        #expect(Grade(score: 75) == .b)
        #expect(Grade(score: 60) == .c)
        #expect(Grade(score: 40) == .d)
        #expect(Grade(score: 39.9) == .e)
    }

    @Test("weights come from the file per period, falling back to the year, default and the reference")
    func weights() throws {
        let json = #"{"default": {"hotline": {"response_rate": 30, "solution_rate": 35, "satisfaction_rate": 35}}, "2026-11": {"department": {"closing_rate": 1}}}"#
        let weights = try EvaluationWeights(json: Data(json.utf8))
        #expect(weights.items(.department, in: Self.period).map(\.item) == [.indicator(.closingRate)])
        #expect(weights.items(.department, in: try EvaluationPeriod("2026-10")).count == 4)
        #expect(weights.items(.hotline, in: Self.period).first { $0.item == .indicator(.responseRate) }?.weight == 30)
        #expect(throws: EvaluationWeightsError.self) { try EvaluationWeights(json: Data(#"{"default": {"region": {"speed": 1}}}"#.utf8)) }
        #expect(throws: EvaluationWeightsError.self) { try EvaluationWeights(json: Data(#"{"2026-13": {}}"#.utf8)) }
    }

    @Test("hotspots: recurring grid × category combinations with their trend")
    func hotspots() {
        func reported(_ n: Int) -> Tally { var t = Tally(); t[.reported] = n; return t }
        let found = Hotspot.find(
            current: ["G1|06010": reported(5), "G2|06010": reported(3), "G3|09006": reported(1), "G4|06011": reported(3)],
            previous: ["G1|06010": reported(3), "G2|06010": reported(4), "G4|06011": reported(1)],
            minimumCases: 3
        )
        #expect(found.map(\.gridCode) == ["G1", "G2", "G4"])
        #expect(found.map(\.trend) == [.rising, .falling, .new])
    }
}
