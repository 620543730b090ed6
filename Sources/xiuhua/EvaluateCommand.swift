import ArgumentParser
import Foundation
import Xiuhua
import XiuhuaServer
import XiuhuaStore

/// `xiuhua evaluate --period 2026-11 [--level street] [--csv]`: the ranking table of one
/// level, as the API computes it; `--verify` also recounts the period from the raw events.
struct EvaluateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "考核评价与排名 (evaluation and ranking of one level for a period).",
        discussion: """
        xiuhua evaluate --period 2026-11 --level street
        xiuhua evaluate --period 2026-Q4 --level department --csv > 部门考核.csv
        Periods: 2026-11 (month), 2026-Q4 (quarter), 2026 (year), 2026-11-01..2026-11-15 (custom).
        """
    )

    @OptionGroup var options: DataOptions
    @OptionGroup var evaluation: EvaluationOptions
    @Option(help: "考核周期 (period).") var period: String
    @Option(help: "层级 (level): street, community, grid, department or post.") var level = "street"
    @Flag(help: "输出 CSV（UTF-8 带 BOM）(print CSV with a byte-order mark).") var csv = false
    @Flag(help: "另从原始事件重算并核对 (also recount from the raw events and compare).") var verify = false

    func run() async throws {
        let weights = try evaluation.loadWeights(configured: try options.configuration()?.evaluationWeightsFile)
        do {
            try await options.withStore { store in
                let services = try await XiuhuaServices.load(store: store, catalog: try options.loadCatalog(), calendar: try options.loadCalendar())
                let span = try EvaluationDesk.period(period)
                let dimension = try EvaluationDesk.level(level)
                let table = try await EvaluationDesk(services: services, weights: weights).table(dimension, in: span)
                if csv {
                    print(EvaluationDesk.csv(table), terminator: "")
                } else {
                    print(Self.text(table))
                }
                if verify {
                    let recounted = EvaluationRecount.units(
                        EvaluationRecount.tallies(ofHistories: try await store.allCaseHistories(), in: span), dimension
                    )
                    let stored = try await store.evaluationTallies([dimension], in: span)[dimension] ?? [:]
                    guard recounted == stored else {
                        throw CLIError("重算不一致 (recount differs) for \(span.label) \(dimension.rawValue): \(Set(recounted.keys).symmetricDifference(stored.keys).count) units differ in presence")
                    }
                    FileHandle.standardError.write(Data("重算一致 (recount agrees): \(stored.count) units\n".utf8))
                }
            }
        } catch let error as APIError {
            throw CLIError("\(error.code): \(error.message)")
        }
    }

    static func text(_ table: EvaluationTable) -> String {
        var lines = ["\(table.period.label) \(table.dimension.label)考核（按置信下限综合得分排名）",
                     "排名\t等级\t调整分\t原始分\t样本\t结案率\t按期结案率\t按期处置率\t单位"]
        for row in table.rows {
            func rate(_ indicator: Indicator) -> String {
                row.value(indicator).rate.map { String(format: "%.2f%%", $0 * 100) } ?? "—"
            }
            lines.append([
                row.rank.map(String.init) ?? "—", row.grade?.rawValue ?? "—",
                row.adjustedScore.map { String(format: "%.1f", $0) } ?? "—", row.score.map { String(format: "%.1f", $0) } ?? "—",
                String(row.sampleSize), rate(.closingRate), rate(.onTimeClosingRate), rate(.onTimeDisposalRate), row.name,
            ].joined(separator: "\t"))
        }
        return lines.joined(separator: "\n")
    }
}
