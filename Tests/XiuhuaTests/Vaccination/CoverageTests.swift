import Testing
@testable import Xiuhua

@Suite("Coverage (百人覆盖率)")
struct CoverageTests {
    @Test("181,125 doses over 940,000 people are 19.27 doses per 100 (doses ÷ population × 100, two decimals)")
    func handComputed() {
        #expect(Coverage.dosesPer100(doses: 181_125, population: 940_000) == 19.27)
        #expect(Coverage.dosesPer100(doses: 1, population: 3) == 33.33)
        #expect(Coverage.dosesPer100(doses: 2, population: 3) == 66.67)
        #expect(Coverage.dosesPer100(doses: 5, population: 0) == nil)
    }

    @Test("grid figures roll up by code prefix to community, street and district")
    func rollUp() {
        let grids = [
            Coverage(regionCode: "140213003001001", population: 100, doses: 150, firstDose: 90, secondDose: 60),
            Coverage(regionCode: "140213003001002", population: 50, doses: 20, firstDose: 15, secondDose: 5),
            Coverage(regionCode: "140213003002001", population: 10, doses: 0),
            Coverage(regionCode: "140213001001001", population: 40, doses: 40, firstDose: 30, secondDose: 10),
        ]
        let communities = Coverage.rollUp(grids, to: .community)
        #expect(communities.map(\.regionCode) == ["140213001001", "140213003001", "140213003002"])
        #expect(communities[1] == Coverage(regionCode: "140213003001", population: 150, doses: 170, firstDose: 105, secondDose: 65))
        #expect(communities[1].dosesPer100 == 113.33)
        let streets = Coverage.rollUp(grids, to: .street)
        #expect(streets.map(\.population) == [40, 160])
        let district = Coverage.rollUp(grids, to: .district)
        #expect(district == [Coverage(regionCode: "140213", population: 200, doses: 210, firstDose: 135, secondDose: 75)])
        #expect(district[0].dosesPer100 == 105)
    }
}
