import Foundation
import Testing
import Xiuhua
import XiuhuaServer
import XiuhuaStore

/// The district simulator on real SQLite stores: repeatable for a seed, and every history
/// it writes holds under the audit.
@Suite("District simulator", .serialized)
struct SimulatorTests {
    static let options = SimulationOptions(days: 3, casesPerDay: 150, seed: 7, start: try! LocalDate("2026-09-29"))

    /// Runs the simulation in a fresh demo store and returns its summary, the audit and
    /// the stored counts by state.
    static func simulate(_ options: SimulationOptions) async throws -> (SimulationSummary, AuditReport, [String: Int]) {
        try await withTemporaryDataDirectory { directory in
            let store = try await Store.openSQLite(dataDirectory: directory, logger: ServerFixture.logger)
            do {
                try await DemoSeeder.seedIfNeeded(store, logger: ServerFixture.logger)
                let services = try await XiuhuaServices.load(store: store, catalog: .national, calendar: .chinaDefault)
                let summary = try await DistrictSimulator(services: services).run(options)
                let audit = try await store.verifyAudit()
                var all = CaseQuery()
                all.pageSize = 1
                let listed = try await store.listCases(all, visibleTo: OverdueScheduler.actor, at: Date())
                var stored: [String: Int] = [:]
                for state in CaseState.allCases {
                    var query = all
                    query.states = [state]
                    let count = try await store.listCases(query, visibleTo: OverdueScheduler.actor, at: Date()).total
                    if count > 0 { stored[state.rawValue] = count }
                }
                #expect(listed.total == summary.cases)
                await store.close()
                return (summary, audit, stored)
            } catch {
                await store.close()
                throw error
            }
        }
    }

    @Test("the same seed gives the same cases, counts and histories; every history passes the audit")
    func deterministicAndAudited() async throws {
        let (first, audit, stored) = try await Self.simulate(Self.options)
        let (second, _, _) = try await Self.simulate(Self.options)
        #expect(first == second)
        #expect(first.cases == 450)
        #expect(audit.isIntact, "\(audit.firstBroken.map { "\($0.number): \($0.reason)" } ?? "")")
        #expect(audit.casesChecked == first.cases)
        #expect(audit.eventsChecked == first.events)
        #expect(stored == Dictionary(uniqueKeysWithValues: first.byState.filter { $0.value > 0 }.map { ($0.key.rawValue, $0.value) }))
        // A realistic few days: most cases move on, some run late, some are rated.
        #expect(first.events > first.cases * 4)
        #expect(first.overdueMarks > 0)
        #expect((first.byState[.rated] ?? 0) > 0)
        #expect((first.byState[.closed] ?? 0) > 0)
        #expect(Set(first.bySource.keys) == Set(CaseSource.allCases))
    }

    @Test("another seed gives another district")
    func seedMatters() async throws {
        var other = Self.options
        other.seed = 8
        other.days = 1
        var same = Self.options
        same.days = 1
        let (a, _, _) = try await Self.simulate(same)
        let (b, _, _) = try await Self.simulate(other)
        #expect(a.cases == b.cases)
        #expect(a.digest != b.digest)
    }

    @Test("over working days most owners meet their deadlines: 5–15 % of cases run overdue; the day batches keep the evaluation tallies a recount gives")
    func realisticLatenessAndTallies() async throws {
        let options = SimulationOptions(days: 5, casesPerDay: 200, seed: 11, start: try LocalDate("2026-11-02"))
        try await withTemporaryDataDirectory { directory in
            let store = try await Store.openSQLite(dataDirectory: directory, logger: ServerFixture.logger)
            do {
                try await DemoSeeder.seedIfNeeded(store, logger: ServerFixture.logger)
                let services = try await XiuhuaServices.load(store: store, catalog: .national, calendar: .chinaDefault)
                let summary = try await DistrictSimulator(services: services).run(options)
                let share = Double(summary.overdueCases) / Double(summary.cases)
                #expect(share >= 0.05 && share <= 0.15, "overdue share \(share)")
                #expect(summary.overdueMarks >= summary.overdueCases)
                let period = try EvaluationPeriod("2026-11")
                let recounted = EvaluationRecount.tallies(ofHistories: try await store.allCaseHistories(), in: period)
                let stored = try await store.evaluationTallies(EvaluationDimension.allCases, in: period)
                for dimension in [EvaluationDimension.street, .department, .grid] {
                    let units = EvaluationRecount.units(recounted, dimension)
                    #expect(!units.isEmpty)
                    #expect(units == stored[dimension] ?? [:], "\(dimension)")
                }
                await store.close()
            } catch {
                await store.close()
                throw error
            }
        }
    }
}
