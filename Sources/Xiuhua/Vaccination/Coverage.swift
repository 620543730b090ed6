/// Vaccination coverage of one region: who lives there, how many doses they had.
///
/// 百人覆盖率 (doses per 100 population) = doses given ÷ population × 100, rounded to two
/// decimals: 181,125 doses over 940,000 people is 19.27. The population is the roster's
/// (everyone registered in the region's grids, eligible or not), so the figure matches
/// the 台账 the grid workers keep.
public struct Coverage: Hashable, Sendable, Codable {
    public var regionCode: String
    public var population: Int
    public var doses: Int
    /// People with at least one dose.
    public var firstDose: Int
    /// People with at least two doses.
    public var secondDose: Int

    public init(regionCode: String, population: Int = 0, doses: Int = 0, firstDose: Int = 0, secondDose: Int = 0) {
        self.regionCode = regionCode
        self.population = population
        self.doses = doses
        self.firstDose = firstDose
        self.secondDose = secondDose
    }

    /// Doses per 100 population, or nil when nobody lives there.
    public var dosesPer100: Double? { Self.dosesPer100(doses: doses, population: population) }

    public static func dosesPer100(doses: Int, population: Int) -> Double? {
        guard population > 0 else { return nil }
        return (Double(doses) * 10_000 / Double(population)).rounded() / 100
    }

    /// Sums per-grid figures up to `level` (community, street or district): region codes
    /// nest, so a grid belongs to the region whose code is its prefix. Sorted by code.
    public static func rollUp(_ grids: [Coverage], to level: RegionLevel) -> [Coverage] {
        let length = level.codeLength
        var sums: [String: Coverage] = [:]
        for grid in grids where grid.regionCode.count >= length {
            let code = String(grid.regionCode.prefix(length))
            var sum = sums[code] ?? Coverage(regionCode: code)
            sum.population += grid.population
            sum.doses += grid.doses
            sum.firstDose += grid.firstDose
            sum.secondDose += grid.secondDose
            sums[code] = sum
        }
        return sums.values.sorted { $0.regionCode < $1.regionCode }
    }
}
