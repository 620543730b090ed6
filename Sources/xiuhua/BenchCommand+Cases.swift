import ArgumentParser
import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import Xiuhua
import XiuhuaGeo
import XiuhuaServer
import XiuhuaStore

extension BenchCommand {
    /// Intake throughput and list latency through the real HTTP server, on a store that
    /// already holds many cases.
    struct Cases: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "案件吞吐与列表延迟 (cases filed per second over HTTP, GET /cases latency with a large store)."
        )

        @Option(help: "预置案件数 (cases loaded before measuring).") var cases = 500_000
        @Option(help: "上报测量时长，秒 (seconds of intake load).") var seconds = 10
        @Option(help: "并发连接数 (concurrent clients).") var concurrency = 16
        @Option(help: "列表请求数 (GET /api/v1/cases requests per query).") var listRequests = 1_000
        @Option(help: "数据目录；默认临时目录 (data directory; default: a temporary one, removed afterwards).")
        var data: String?
        @Option(help: "共享数据库 (postgres://… URL of an empty or earlier bench database); default: SQLite in the data directory.")
        var database: String?

        func validate() throws {
            guard (0...5_000_000).contains(cases) else { throw ValidationError("--cases must be 0…5000000") }
            guard (1...600).contains(seconds) else { throw ValidationError("--seconds must be 1…600") }
            guard (1...256).contains(concurrency) else { throw ValidationError("--concurrency must be 1…256") }
            guard (1...100_000).contains(listRequests) else { throw ValidationError("--list-requests must be 1…100000") }
        }

        func run() async throws {
            var logger = makeLogger()
            logger.logLevel = .warning
            let directory = data ?? NSTemporaryDirectory() + "xiuhua-bench-\(UUID().uuidString)"
            defer { if data == nil { try? FileManager.default.removeItem(atPath: directory) } }
            let store = try await openBenchStore(database: database, directory: directory, logger: logger)
            try await DemoSeeder.seedIfNeeded(store, logger: logger)
            var services = try await XiuhuaServices.load(store: store, catalog: .national, calendar: .chinaDefault)

            let existing = try await store.listCases(CaseQuery(), visibleTo: OverdueScheduler.actor, at: Date()).total
            if existing < cases {
                let loadStart = ContinuousClock.now
                try await preload(cases - existing, services: services)
                print("preloaded \(cases - existing) cases in \(loadStart.duration(to: .now))")
            }
            services = try await XiuhuaServices.load(store: store, catalog: .national, calendar: .chinaDefault)

            let port = Int.random(in: 30_000...60_000)
            let app = buildApplication(services: services, port: port, overdueScanInterval: nil, logger: logger)
            let server = Task { try await app.runService() }
            var configuration = HTTPClient.Configuration()
            configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: concurrency)
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            let base = "http://127.0.0.1:\(port)"
            do {
                try await waitUntilUp(client, base)
                let operatorToken = try await login(client, base, "operator")
                let dispatcherToken = try await login(client, base, "dispatcher")
                let intake = try await measureIntake(client, base, token: operatorToken, services: services)
                print(String(format: "intake: %d cases in %.1f s over %d connections = %.0f cases/s; latency p50 %.1f ms, p99 %.1f ms; %d errors",
                             intake.count, intake.seconds, concurrency, Double(intake.count) / intake.seconds,
                             intake.p50, intake.p99, intake.errors))
                print(String(format: "  this process (server and clients) used %.1f CPU-s: %.0f cases per CPU-second%@",
                             intake.cpu, Double(intake.count) / max(intake.cpu, 0.001),
                             database == nil ? "" : " (PostgreSQL's own CPU not included)"))
                let total = cases + intake.count
                for (label, path) in [
                    ("newest page", "/api/v1/cases?page_size=20"),
                    ("one street", "/api/v1/cases?street=140213003&page_size=20"),
                    ("state + category", "/api/v1/cases?status=reported&category=06&page_size=20"),
                ] {
                    let list = try await measureList(client, base + path, token: dispatcherToken)
                    print(String(format: "GET %@ (%@, %d cases in store): p50 %.1f ms, p99 %.1f ms over %d requests; %.0f requests/s, %.0f per CPU-second of this process",
                                 path, label, total, list.p50, list.p99, listRequests,
                                 Double(listRequests) / list.seconds, Double(listRequests) / max(list.cpu, 0.001)))
                }
            } catch {
                try? await client.shutdown()
                server.cancel()
                throw error
            }
            try await client.shutdown()
            server.cancel()
            _ = await server.result
            await store.close()
            print("""
            \(benchBackendDescription(database: database)); \(ProcessInfo.processInfo.activeProcessorCount) cores
            reproduce: swift build -c release && .build/release/xiuhua bench cases --cases \(cases) --seconds \(seconds) --concurrency \(concurrency) --list-requests \(listRequests)\(database == nil ? "" : " --database postgres://…")
            """)
        }

        /// Fills the store with cases spread over the district, the categories and the past
        /// year, in transactions of 2,000.
        private func preload(_ count: Int, services: XiuhuaServices) async throws {
            let cells = services.features.filter { $0.region.level == .grid }
            let categories = ["06010", "06011", "09006", "09005", "07001", "06036", "09009", "01001", "06028", "08004"]
                .compactMap { services.catalog.matter(code: $0) }
            guard let account = try await services.store.account(username: "operator"), let tree = services.regions else {
                throw CLIError("demo data missing")
            }
            var generator = SplitMix64(seed: 2026)
            let now = Date()
            var batch: [(intake: CaseIntake, actor: Actor?, at: Date)] = []
            for i in 0..<count {
                let cell = cells[Int(generator.next() % UInt64(cells.count))]
                let category = categories[Int(generator.next() % UInt64(categories.count))]
                let point = cell.geometry?.representativePoint ?? Coordinate(lon: 0, lat: 0)
                let street = tree.ancestor(of: cell.region.code, at: .street)
                let intake = CaseIntake(
                    number: "pending", ticketCode: "pending", source: .hotline, categoryCode: category.code,
                    urgency: category.urgency, disposalLimit: category.disposalLimit,
                    suggestedOwner: IntakeRouting.suggestedOwner(for: category, streetCode: street?.code),
                    subCommandCode: category.commandCode,
                    location: CaseLocation(
                        latitude: point.lat, longitude: point.lon, address: cell.region.name, gridCode: cell.region.code,
                        communityCode: cell.region.parentCode, streetCode: street?.code
                    ),
                    description: "\(category.name)（压测数据 \(i)）", reporterName: "市民", reporterPhone: "13800000000"
                )
                batch.append((intake, account.actor, now.addingTimeInterval(-Double(count - i) * 60)))
                if batch.count == 2_000 || i == count - 1 {
                    try await services.store.createCases(batch, numbering: services.numbering, clock: services.calendar)
                    batch.removeAll(keepingCapacity: true)
                    if (i + 1) % 100_000 == 0 { stderr("preloaded \(i + 1)/\(count)") }
                }
            }
        }

        private struct Timing {
            var count = 0
            var errors = 0
            var seconds = 0.0
            var cpu = 0.0
            var p50 = 0.0
            var p99 = 0.0
        }

        private func measureIntake(_ client: HTTPClient, _ base: String, token: String, services: XiuhuaServices) async throws -> Timing {
            let points = services.features.filter { $0.region.level == .grid }.prefix(500).compactMap(\.geometry?.representativePoint)
            let deadline = ContinuousClock.now.advanced(by: .seconds(seconds))
            let start = ContinuousClock.now
            let cpuStart = processCPUSeconds()
            let results = try await withThrowingTaskGroup(of: ([Double], Int).self) { group in
                for worker in 0..<concurrency {
                    group.addTask {
                        var latencies: [Double] = []
                        var errors = 0
                        var i = worker
                        while ContinuousClock.now < deadline {
                            let point = points[i % points.count]
                            i += concurrency
                            let body = #"{"source":"hotline","category":"06010","description":"压测：暴露垃圾","lat":\#(point.lat),"lon":\#(point.lon),"reporter_phone":"13812345678"}"#
                            let began = ContinuousClock.now
                            let status = try await perform(client, base + "/api/v1/cases", method: .POST, token: token, body: body)
                            latencies.append(milliseconds(began.duration(to: .now)))
                            if status != 201 { errors += 1 }
                        }
                        return (latencies, errors)
                    }
                }
                var all: [([Double], Int)] = []
                for try await result in group { all.append(result) }
                return all
            }
            let elapsed = milliseconds(start.duration(to: .now)) / 1000
            let latencies = results.flatMap(\.0).sorted()
            return Timing(
                count: latencies.count, errors: results.map(\.1).reduce(0, +), seconds: elapsed, cpu: processCPUSeconds() - cpuStart,
                p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99)
            )
        }

        private func measureList(_ client: HTTPClient, _ url: String, token: String) async throws -> Timing {
            var latencies: [Double] = []
            let start = ContinuousClock.now
            let cpuStart = processCPUSeconds()
            for _ in 0..<listRequests {
                let began = ContinuousClock.now
                let status = try await perform(client, url, method: .GET, token: token, body: nil)
                guard status == 200 else { throw CLIError("GET \(url) answered \(status)") }
                latencies.append(milliseconds(began.duration(to: .now)))
            }
            latencies.sort()
            return Timing(count: latencies.count, seconds: milliseconds(start.duration(to: .now)) / 1000,
                          cpu: processCPUSeconds() - cpuStart, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99))
        }

        private func waitUntilUp(_ client: HTTPClient, _ base: String) async throws {
            for _ in 0..<100 {
                if (try? await perform(client, base + "/healthz", method: .GET, token: nil, body: nil)) == 200 { return }
                try await Task.sleep(for: .milliseconds(100))
            }
            throw CLIError("server did not start on \(base)")
        }

        private func login(_ client: HTTPClient, _ base: String, _ username: String) async throws -> String {
            var request = HTTPClientRequest(url: base + "/api/v1/sessions")
            request.method = .POST
            request.headers.add(name: "content-type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: #"{"username":"\#(username)","password":"\#(DemoAccounts.password)"}"#))
            let response = try await client.execute(request, timeout: .seconds(30))
            let body = try await response.body.collect(upTo: 1 << 20)
            struct Session: Decodable { let token: String }
            return try JSONDecoder().decode(Session.self, from: Data(buffer: body)).token
        }
    }
}

private func perform(_ client: HTTPClient, _ url: String, method: HTTPMethod, token: String?, body: String?) async throws -> UInt {
    var request = HTTPClientRequest(url: url)
    request.method = method
    if let token { request.headers.add(name: "authorization", value: "Bearer \(token)") }
    if let body {
        request.headers.add(name: "content-type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: body))
    }
    let response = try await client.execute(request, timeout: .seconds(30))
    _ = try await response.body.collect(upTo: 16 << 20)
    return response.status.code
}

private func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.down)))]
}
