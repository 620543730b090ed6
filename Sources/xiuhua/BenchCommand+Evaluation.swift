import ArgumentParser
import Foundation
import Xiuhua
import XiuhuaGeo
import XiuhuaServer
import XiuhuaStore

extension BenchCommand {
    /// The monthly evaluation of all streets, departments and grids on a store holding a
    /// simulated year, beside the same figures from a plain SQL GROUP BY.
    struct Evaluation: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "月度考核耗时 (monthly evaluation of streets, departments and grids on a simulated year)."
        )

        @Option(help: "模拟案件数 (cases in the simulated year).") var cases = 500_000
        @Option(help: "考核月份 (month to evaluate).") var period = "2026-11"
        @Option(help: "重复次数 (timed repetitions; the median is reported).") var repetitions = 7
        @Option(help: "数据目录；默认临时目录 (data directory; default: a temporary one, removed afterwards).")
        var data: String?
        @Option(help: "共享数据库 (postgres://… URL of an empty or earlier bench database); default: SQLite in the data directory.")
        var database: String?

        func validate() throws {
            guard (100...5_000_000).contains(cases) else { throw ValidationError("--cases must be 100…5000000") }
            guard (1...100).contains(repetitions) else { throw ValidationError("--repetitions must be 1…100") }
        }

        func run() async throws {
            var logger = makeLogger()
            logger.logLevel = .warning
            let month = try EvaluationDesk.period(period)
            guard month.kind == .month else { throw CLIError("--period must be a month, e.g. 2026-11") }
            let directory = data ?? NSTemporaryDirectory() + "xiuhua-bench-eval-\(UUID().uuidString)"
            defer { if data == nil { try? FileManager.default.removeItem(atPath: directory) } }
            let store = try await openBenchStore(database: database, directory: directory, logger: logger)
            try await DemoSeeder.seedIfNeeded(store, logger: logger)
            let services = try await XiuhuaServices.load(store: store, catalog: .national, calendar: .chinaDefault)
            let existing = try await store.listCases(CaseQuery(), visibleTo: OverdueScheduler.actor, at: Date()).total
            if existing < cases {
                let loadStart = ContinuousClock.now
                let events = try await YearSimulation(services: services, year: Int(month.label.prefix(4))!).load(cases - existing, after: existing)
                print("loaded \(cases - existing) cases, \(events) events in \(loadStart.duration(to: .now))")
            }
            let desk = EvaluationDesk(services: services)
            let levels: [EvaluationDimension] = [.street, .department, .grid]

            var tables: [EvaluationDimension: EvaluationTable] = [:]
            let evaluation = try await Self.median(repetitions) { tables = try await desk.tables(levels, in: month) }
            let read = try await Self.median(repetitions) { _ = try await store.evaluationTallies(levels, in: month) }
            var baseline: [EvaluationDimension: [String: [Int]]] = [:]
            let groupBy = try await Self.median(repetitions) { baseline = try await store.evaluationBaseline(month) }
            let custom = try EvaluationPeriod("\(month.label)-01..\(ISO8601Instant.format(month.end.addingTimeInterval(-1), in: month.timeZone).prefix(10))")
            let scan = try await Self.median(max(1, repetitions / 3)) { _ = try await desk.tables(levels, in: custom) }

            var agree = true
            for level in levels {
                let rows = tables[level]?.rows ?? []
                let sums = rows.reduce(into: [0, 0, 0]) { sum, row in
                    sum[0] += row.tally[.accepted]; sum[1] += row.tally[.closed]; sum[2] += row.tally[.closedOnTime]
                }
                let plain = (baseline[level] ?? [:]).values.reduce(into: [0, 0, 0]) { sum, row in for i in 0..<3 { sum[i] += row[i] } }
                agree = agree && (sums == plain || level == .department)
                print("\(level.rawValue): \(rows.filter { $0.rank != nil }.count) ranked units; 立案 \(sums[0]), 结案 \(sums[1]), 按期结案 \(sums[2]) | GROUP BY: 立案 \(plain[0]), 结案 \(plain[1]), 按期结案 \(plain[2])")
            }
            if let best = tables[.street]?.ranked(.region).first {
                print(String(format: "best street: %@ %.1f (%@), sample %d", best.name, best.adjustedScore ?? 0, best.grade?.rawValue ?? "-", best.sampleSize))
            }
            print(String(format: """
                monthly evaluation %@ (streets + departments + grids, all indicators, scores, ranks): median %.1f ms wall, %.1f ms CPU
                  of which reading the materialised tallies: median %.1f ms wall, %.1f ms CPU
                plain SQL GROUP BY (立案/结案/按期结案 only, street + grid + department): median %.1f ms wall, %.1f ms CPU
                same month as a custom range (facts scan, no materialised tally): median %.1f ms wall, %.1f ms CPU
                figures agree with the GROUP BY on streets and grids: %@
                """, month.label, evaluation.wall, evaluation.cpu, read.wall, read.cpu, groupBy.wall, groupBy.cpu,
                scan.wall, scan.cpu, agree ? "yes" : "NO"))
            await store.close()
            print("""
            \(ProcessInfo.processInfo.activeProcessorCount) cores; \(benchBackendDescription(database: database))
            reproduce: swift build -c release --product xiuhua && .build/release/xiuhua bench evaluation --cases \(cases) --period \(period) --repetitions \(repetitions)\(database == nil ? "" : " --database postgres://…")
            """)
        }

        /// Median wall time and median process CPU time of `count` runs, in milliseconds. On
        /// a shared machine the CPU time is the steadier figure: it leaves out the time other
        /// processes held the cores.
        private static func median(_ count: Int, _ body: () async throws -> Void) async throws -> (wall: Double, cpu: Double) {
            var walls: [Double] = []
            var cpus: [Double] = []
            for _ in 0..<count {
                let cpuStart = processCPUSeconds() * 1000
                let start = ContinuousClock.now
                try await body()
                walls.append(milliseconds(start.duration(to: .now)))
                cpus.append(processCPUSeconds() * 1000 - cpuStart)
            }
            return (walls.sorted()[walls.count / 2], cpus.sorted()[cpus.count / 2])
        }
    }
}

/// A deterministic year of the demo district: each case runs its whole workflow in memory
/// (the real `Workflow`, the real calendar) and the histories are written in batches.
private struct YearSimulation {
    let services: XiuhuaServices
    let year: Int

    /// Simulates `count` cases, numbered after the `existing` ones already in the store.
    func load(_ count: Int, after existing: Int) async throws -> Int {
        guard let tree = services.regions else { throw CLIError("demo data missing") }
        let cells = tree.regions(at: .grid)
        let categories = ["06010", "06011", "09006", "09005", "07001", "06036", "09009", "01001", "06028", "08004"]
            .compactMap { services.catalog.matter(code: $0) }
        let departments = services.organisation.departments.map(\.code)
        var points: [String: Coordinate] = [:]
        for feature in services.features where feature.region.level == .grid {
            points[feature.region.code] = feature.geometry?.representativePoint
        }
        var random = SplitMix64(seed: 2026)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = WorkCalendar.chinaStandardTime
        let start = calendar.date(from: DateComponents(year: year, month: 1, day: 1))!
        let span = calendar.date(from: DateComponents(year: year, month: 12, day: 25))!.timeIntervalSince(start)
        var batch: [[CaseEvent]] = []
        var events = 0
        for i in 0..<count {
            let cell = cells[Int(random.next() % UInt64(cells.count))]
            let category = categories[Int(random.next() % UInt64(categories.count))]
            let street = tree.ancestor(of: cell.code, at: .street)?.code
            let roll = random.nextUnit()
            let source: CaseSource = roll < 0.6 ? .hotline : roll < 0.9 ? .patrol : .web
            let point = points[cell.code]
            let intake = CaseIntake(
                number: String(format: "PC%04d%08d", year, existing + i), ticketCode: "S" + String(existing + i, radix: 36).uppercased(),
                source: source, categoryCode: category.code, urgency: category.urgency, disposalLimit: category.disposalLimit,
                suggestedOwner: IntakeRouting.suggestedOwner(for: category, streetCode: street), subCommandCode: category.commandCode,
                location: CaseLocation(latitude: point?.lat ?? 40.1, longitude: point?.lon ?? 113.3, address: cell.name,
                                       gridCode: cell.code, communityCode: cell.parentCode, streetCode: street),
                description: "\(category.name)（模拟）", photos: source == .patrol ? ["patrol.jpg"] : []
            )
            let at = start.addingTimeInterval(span * Double(i) / Double(count))
            var history = try SimulatedHistory(intake, at: at, clock: services.calendar)
            history.play(&random, departments: departments)
            events += history.events.count
            batch.append(history.events)
            if batch.count == 5_000 || i == count - 1 {
                try await services.store.importCaseHistories(batch, clock: services.calendar)
                batch.removeAll(keepingCapacity: true)
                if (i + 1) % 50_000 == 0 { FileHandle.standardError.write(Data("loaded \(i + 1)/\(count)\n".utf8)) }
            }
        }
        return events
    }
}

/// One case's life, decided action by action by the workflow.
private struct SimulatedHistory {
    static let operatorActor = Actor(id: "demo-operator", name: "王丽（受理员）", role: .operator)
    /// The grid worker of the case's grid (one without grids patrols none).
    static func gridWorker(of grid: String?) -> Actor {
        Actor(id: "demo-gridworker", name: "李强（网格员）", role: .gridWorker, gridCodes: grid.map { [$0] } ?? [])
    }
    static let dutyChief = Actor(id: "demo-dutychief", name: "张伟（值班长）", role: .dutyChief)
    static let dispatcher = Actor(id: "demo-dispatcher", name: "刘洋（派遣员）", role: .dispatcher)
    static let citizen = Actor(id: "citizen", name: "市民", role: .citizen)

    var events: [CaseEvent]
    var snapshot: CaseSnapshot
    var now: Date
    let clock: any WorkingTimeCalculator

    init(_ intake: CaseIntake, at now: Date, clock: any WorkingTimeCalculator) throws {
        let reporter: Actor? = intake.source == .hotline ? Self.operatorActor : intake.source == .patrol ? Self.gridWorker(of: intake.location.gridCode) : nil
        let first = try Workflow.report(intake, by: reporter, at: now, clock: clock).get()
        events = [first]
        snapshot = CaseSnapshot(reported: first)!
        self.now = now
        self.clock = clock
    }

    @discardableResult
    mutating func run(_ action: CaseAction, by actor: Actor, afterMinutes minutes: Double) -> Bool {
        now = now.addingTimeInterval(minutes * 60)
        guard case .success(let new) = Workflow.decide(snapshot, action, by: actor, at: now, clock: clock) else { return false }
        for event in new { snapshot = snapshot.applying(event) }
        events += new
        return true
    }

    static func handler(_ owner: CaseOwner) -> Actor {
        owner.kind == .department
            ? Actor(id: "handler-\(owner.code)", name: owner.code, role: .departmentHandler, departmentCode: owner.code)
            : Actor(id: "officer-\(owner.code)", name: owner.code, role: .streetOfficer, streetCodes: [owner.code])
    }

    mutating func play(_ r: inout SplitMix64, departments: [String]) {
        func minutes(_ low: Double, _ high: Double) -> Double { r.next(in: low, high) }
        if snapshot.state == .reported {
            let real = r.nextUnit() > 0.05
            run(.verify(real: real, note: real ? nil : "现场未发现"), by: Self.gridWorker(of: snapshot.location.gridCode), afterMinutes: minutes(10, 150))
            if !real { run(.reject(reason: "核实不属实"), by: Self.dutyChief, afterMinutes: minutes(5, 30)); return }
        }
        if r.nextUnit() < 0.03 { run(.reject(reason: "不属于受理范围"), by: Self.dutyChief, afterMinutes: minutes(5, 40)); return }
        run(.accept(), by: Self.dutyChief, afterMinutes: minutes(3, 40))
        if r.nextUnit() < 0.01 { run(.approveCancel(reason: "重复案件"), by: Self.dutyChief, afterMinutes: minutes(5, 60)); return }
        var owner = snapshot.suggestedOwner ?? .department(departments[Int(r.next() % UInt64(departments.count))])
        run(.dispatch(to: owner), by: Self.dispatcher, afterMinutes: minutes(3, 40))
        if r.nextUnit() < 0.05 {
            run(.return(reason: "不属于本单位职责"), by: Self.handler(owner), afterMinutes: minutes(30, 300))
            owner = .department(departments[Int(r.next() % UInt64(departments.count))])
            run(.dispatch(to: owner), by: Self.dispatcher, afterMinutes: minutes(5, 60))
        }
        if r.nextUnit() < 0.01 { return }  // still with the owner at the end of the year
        if r.nextUnit() < 0.02 {
            run(.requestSuspension(reason: "需专项资金"), by: Self.handler(owner), afterMinutes: minutes(60, 600))
            run(.approveSuspension(), by: Self.dispatcher, afterMinutes: minutes(10, 120))
            if r.nextUnit() < 0.5 { return }
            run(.resume(), by: Self.dispatcher, afterMinutes: minutes(1_440, 20_000))
        }
        if r.nextUnit() < 0.05 {
            run(.requestExtension(.extraTime(.hours(8)), reason: "需调用机械"), by: Self.handler(owner), afterMinutes: minutes(30, 240))
            run(.approveExtension(), by: Self.dispatcher, afterMinutes: minutes(10, 60))
        }
        run(.handle(note: "已处置"), by: Self.handler(owner), afterMinutes: minutes(30, 4_000))
        if r.nextUnit() < 0.08 {
            run(.check(passed: false, note: "未处置到位"), by: Self.gridWorker(of: snapshot.location.gridCode), afterMinutes: minutes(20, 180))
            run(.handle(note: "已返工"), by: Self.handler(owner), afterMinutes: minutes(60, 1_500))
        }
        run(.check(passed: true), by: Self.gridWorker(of: snapshot.location.gridCode), afterMinutes: minutes(20, 180))
        run(.close(), by: Self.dutyChief, afterMinutes: minutes(5, 90))
        guard snapshot.source.isPublic, r.nextUnit() < 0.8 else { return }
        let roll = r.nextUnit()
        let satisfaction: Rating.Satisfaction = roll < 0.75 ? .satisfied : roll < 0.9 ? .basicallySatisfied : .unsatisfied
        run(.rate(Rating(satisfaction: satisfaction, fixed: r.nextUnit() < 0.96)), by: Self.operatorActor, afterMinutes: minutes(60, 2_880))
    }
}
