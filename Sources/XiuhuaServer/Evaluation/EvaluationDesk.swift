import Foundation
import Xiuhua
import XiuhuaStore

/// Evaluation as the API, the report page and the command line share it: reads the
/// tallies from the store, names the units from the reference data and scores them.
public struct EvaluationDesk: Sendable {
    let services: XiuhuaServices
    let weights: EvaluationWeights

    public init(services: XiuhuaServices, weights: EvaluationWeights = .standard) {
        self.services = services
        self.weights = weights
    }

    /// Reads a period label, or a 400 that shows the accepted forms.
    public static func period(_ text: String?) throws -> EvaluationPeriod {
        guard let text, !text.isEmpty else {
            throw APIError.badRequest("missing_period", "缺少考核周期 period (missing period), e.g. period=2026-11")
        }
        do {
            return try EvaluationPeriod(text)
        } catch {
            throw APIError.badRequest("invalid_period", String(describing: error))
        }
    }

    /// Reads a level, or a 400 that lists them.
    public static func level(_ text: String?) throws -> EvaluationDimension {
        guard let text, !text.isEmpty else { return .street }
        guard let level = EvaluationDimension(rawValue: text), EvaluationDimension.levels.contains(level) else {
            throw APIError.badRequest(
                "invalid_level",
                "未知的考核层级 level (unknown level): \(text) — one of \(EvaluationDimension.levels.map(\.rawValue).joined(separator: ", "))"
            )
        }
        return level
    }

    /// The ranked table of `dimension` in `period`.
    public func table(_ dimension: EvaluationDimension, in period: EvaluationPeriod) async throws -> EvaluationTable {
        let tallies = try await services.store.evaluationTallies([dimension], in: period)[dimension] ?? [:]
        return EvaluationTable(
            dimension: dimension, period: period, tallies: tallies, units: try await units(dimension, tallied: tallies), weights: weights
        )
    }

    /// Tables of several dimensions from one read.
    public func tables(_ dimensions: [EvaluationDimension], in period: EvaluationPeriod) async throws -> [EvaluationDimension: EvaluationTable] {
        let tallies = try await services.store.evaluationTallies(dimensions, in: period)
        var result: [EvaluationDimension: EvaluationTable] = [:]
        for dimension in dimensions {
            result[dimension] = EvaluationTable(
                dimension: dimension, period: period, tallies: tallies[dimension] ?? [:],
                units: try await units(dimension, tallied: tallies[dimension] ?? [:]), weights: weights
            )
        }
        return result
    }

    /// Hotspots of `period` against the period before.
    public func hotspots(in period: EvaluationPeriod, minimumCases: Int) async throws -> [Hotspot] {
        let current = try await services.store.evaluationTallies([.gridCategory], in: period)[.gridCategory] ?? [:]
        let previous = try await services.store.evaluationTallies([.gridCategory], in: period.previous)[.gridCategory] ?? [:]
        return Hotspot.find(current: current, previous: previous, minimumCases: minimumCases)
    }

    /// The named units of a dimension: every street, community, department, evaluated
    /// account, channel and sub-command; grids and categories only where something happened
    /// (9,720 empty grid lines would bury the ones that matter).
    func units(_ dimension: EvaluationDimension, tallied: [String: Tally]) async throws -> [EvaluationUnit] {
        let tree = services.regions
        switch dimension {
        case .district:
            return [EvaluationUnit(code: "", name: tree?.district.name ?? "全区", gridCells: tree?.count(at: .grid) ?? 1)]
        case .street, .community:
            guard let tree else { return [] }
            let level: RegionLevel = dimension == .street ? .street : .community
            var cells: [String: Int] = [:]
            for grid in tree.regions(at: .grid) {
                if let owner = tree.ancestor(of: grid.code, at: level) { cells[owner.code, default: 0] += 1 }
            }
            return tree.regions(at: level).map { EvaluationUnit(code: $0.code, name: $0.name, gridCells: cells[$0.code] ?? 1) }
        case .grid:
            return tallied.keys.map { EvaluationUnit(code: $0, name: tree?[$0]?.name ?? $0) }
        case .department:
            return services.organisation.departments.map { EvaluationUnit(code: $0.code, name: $0.name) }
        case .post:
            return try await services.store.accounts().compactMap { account in
                guard Scorecard(postRole: account.role) != nil else { return nil }
                return EvaluationUnit(code: TallyKey.post(account.role, account.id).unit, name: account.name)
            }
        case .source:
            return CaseSource.allCases.map { EvaluationUnit(code: $0.rawValue, name: $0.label) }
        case .command:
            return services.organisation.commands.map { EvaluationUnit(code: $0.code, name: $0.name) }
        case .category:
            return tallied.keys.map { EvaluationUnit(code: $0, name: services.catalog.resolve(code: $0)?.name ?? $0) }
        case .gridCategory:
            return []
        }
    }
}

extension EvaluationDesk {
    /// The table as the CSV export writes it (UTF-8 with a byte-order mark).
    public static func csv(_ table: EvaluationTable) -> String { EvaluationCSV.render(table) }
}
