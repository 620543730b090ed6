import ArgumentParser
import Foundation
import Xiuhua
import XiuhuaStore

/// Campaigns and the vaccination drive's coverage from the shell, for scripts and the
/// morning report: `xiuhua campaign list`, `xiuhua campaign coverage --level street`.
struct CampaignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaign",
        abstract: "专项行动 (campaigns) and vaccination coverage.",
        subcommands: [List.self, Coverage.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出专项行动 (list campaigns, newest first).")

        @OptionGroup var options: DataOptions

        @Option(help: "只列此状态 (only this state): planned, running, finished.")
        var state: String?

        func run() async throws {
            let state = try self.state.map { text in
                guard let state = CampaignState(rawValue: text) else {
                    throw CLIError("state 应为 planned、running 或 finished (unknown state): \(text)")
                }
                return state
            }
            let campaigns = try await options.withStore { store in try await store.campaigns(state: state) }
            for campaign in campaigns {
                print([campaign.id, campaign.state.rawValue, campaign.kind.rawValue, "\(campaign.startsOn)…\(campaign.endsOn)", campaign.name].joined(separator: "\t"))
            }
        }
    }

    struct Coverage: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "接种覆盖率 (vaccination coverage): doses per 100 population per region, as tab-separated lines.",
            discussion: "Columns: code, population, doses, first dose, second dose, doses per 100. The formula: doses ÷ population × 100."
        )

        @OptionGroup var options: DataOptions

        @Option(help: "统计层级 (level): grid, community, street, district.")
        var level: String = "street"

        @Option(help: "截至日期 (up to and including), YYYY-MM-DD; default: every dose.")
        var day: String?

        func run() async throws {
            guard let level = RegionLevel(rawValue: level) else {
                throw CLIError("level 应为 grid、community、street 或 district (unknown level): \(level)")
            }
            let day = try self.day.map { text in
                do {
                    return try LocalDate(text)
                } catch {
                    throw CLIError("day 应为 YYYY-MM-DD (not a date): \(text)")
                }
            }
            let grids = try await options.withStore { store in try await store.gridCoverage(through: day) }
            print("code\tpopulation\tdoses\tfirst_dose\tsecond_dose\tdoses_per_100")
            for row in Xiuhua.Coverage.rollUp(grids, to: level) {
                let per100 = row.dosesPer100.map { String(format: "%.2f", $0) } ?? ""
                print("\(row.regionCode)\t\(row.population)\t\(row.doses)\t\(row.firstDose)\t\(row.secondDose)\t\(per100)")
            }
        }
    }
}
