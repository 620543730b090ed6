import Foundation
import Xiuhua
import XiuhuaGeo
import XiuhuaStore

/// Drives the district through the real workflow on a virtual clock: the simulated
/// people's steps (`SimulationPolicy`) are decided by `Workflow`, exactly as the API's
/// requests are, and each simulated day is written in one transaction with the same
/// hash-chained events `Store.act` writes. The virtual overdue scheduler marks and urges
/// late cases as `OverdueScheduler` does.
public struct DistrictSimulator: Sendable {
    let services: XiuhuaServices

    public init(services: XiuhuaServices) {
        self.services = services
    }

    /// What went wrong before anything was simulated.
    public enum Failure: Error, CustomStringConvertible {
        case noDistrict
        case noCategories

        public var description: String {
            switch self {
            case .noDistrict: "尚未导入辖区，无法模拟 (no district imported)"
            case .noCategories: "事项目录中没有模拟所用的事项 (none of the simulated categories is in the catalog)"
            }
        }
    }

    public func run(_ options: SimulationOptions, progress: (SimulationProgress) -> Void = { _ in }) async throws -> SimulationSummary {
        guard let tree = services.regions else { throw Failure.noDistrict }
        let places = services.features.compactMap { feature -> SimulationPlace? in
            guard feature.region.level == .grid, let point = feature.geometry?.representativePoint else { return nil }
            let street = tree.ancestor(of: feature.region.code, at: .street)
            return SimulationPlace(
                gridCode: feature.region.code, communityCode: feature.region.parentCode, streetCode: street?.code,
                name: "\(street?.name ?? "")\(feature.region.name)", latitude: point.lat, longitude: point.lon
            )
        }
        guard !places.isEmpty else { throw Failure.noDistrict }
        let timeZone = services.calendar.timeZone
        guard let generator = IntakeGenerator(mix: options.mix, catalog: services.catalog, places: places, timeZone: timeZone) else {
            throw Failure.noCategories
        }
        var run = SimulationRun(
            services: services, options: options, policy: SimulationPolicy(mix: options.mix, timeZone: timeZone),
            cast: SimulationCast(tree: tree, organisation: services.organisation)
        )
        var intakeRandom = SplitMix64(seed: options.seed)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        for dayIndex in 0..<options.days {
            let date = options.start.adding(days: dayIndex)
            guard let dayStart = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day)) else { continue }
            let dayEnd = dayStart.addingTimeInterval(24 * 3600)
            let arrivals = generator.arrivals(dayStart: dayStart, count: options.casesPerDay, random: &intakeRandom)
            let numbers = try await services.store.reserveCaseNumbers(arrivals.count, on: dayStart.addingTimeInterval(12 * 3600), numbering: services.numbering)
            await run.simulateDay(from: dayStart, to: dayEnd, arrivals: Array(zip(arrivals, numbers)))
            try await run.commitDay()
            progress(SimulationProgress(
                day: dayIndex + 1, days: options.days, date: date, cases: run.summary.cases, events: run.summary.events, open: run.openCount
            ))
        }
        return run.summary
    }
}
