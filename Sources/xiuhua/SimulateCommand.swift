import ArgumentParser
import Foundation
import Xiuhua
import XiuhuaServer
import XiuhuaStore

/// A realistic period of the district, through the real workflow, on a virtual clock.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "模拟辖区运行 (simulate the district through the real workflow on a virtual clock).",
        discussion: """
        Seeds the demo district 平城区 when the data directory has no district yet. The same
        seed and options give the same cases and the same histories.

        xiuhua simulate --days 30 --cases-per-day 2000 --seed 7 --data ./sim-data
        """
    )

    @OptionGroup var options: DataOptions
    @Option(help: "模拟天数 (days to simulate).") var days = 30
    @Option(name: .customLong("cases-per-day"), help: "每天上报的案件数 (reports per day).") var casesPerDay = 2_000
    @Option(help: "随机种子 (seed); same seed, same district.") var seed: UInt64 = 1
    @Option(help: "第一天，本地日期 (first local day, YYYY-MM-DD).") var start = "2026-10-01"

    func validate() throws {
        guard (1...3_650).contains(days) else { throw ValidationError("--days must be 1…3650") }
        guard (1...100_000).contains(casesPerDay) else { throw ValidationError("--cases-per-day must be 1…100000") }
        guard (try? LocalDate(start)) != nil else { throw ValidationError("--start must be a date like 2026-10-01") }
    }

    func run() async throws {
        var logger = makeLogger()
        logger.logLevel = .warning
        let store = try await options.openStore(logger: logger)
        if try await store.regionFeatures().isEmpty {
            try await DemoSeeder.seedIfNeeded(store, logger: logger)
        }
        let services = try await XiuhuaServices.load(store: store, catalog: try options.loadCatalog(), calendar: try options.loadCalendar())
        let simulation = SimulationOptions(days: days, casesPerDay: casesPerDay, seed: seed, start: try LocalDate(start))
        let began = ContinuousClock.now
        let summary: SimulationSummary
        do {
            summary = try await DistrictSimulator(services: services).run(simulation) { step in
                let seconds = seconds(began.duration(to: .now))
                let rate = Int(Double(step.events) / max(seconds, 0.001))
                stderr("第 \(step.day)/\(step.days) 天 (day) \(step.date): \(step.cases) cases, \(step.events) events, \(step.open) open — \(rate) events/s")
            }
        } catch {
            await store.close()
            throw CLIError("\(error)")
        }
        await store.close()
        let elapsed = seconds(began.duration(to: .now))
        summary.lines.forEach { print($0) }
        print(String(
            format: "用时 (took) %.1f s: %.0f cases/s, %.0f events/s",
            elapsed, Double(summary.cases) / max(elapsed, 0.001), Double(summary.events) / max(elapsed, 0.001)
        ))
        print("摘要 (digest) \(summary.digest) — reproduce: xiuhua simulate --days \(days) --cases-per-day \(casesPerDay) --seed \(seed) --start \(start)")
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
