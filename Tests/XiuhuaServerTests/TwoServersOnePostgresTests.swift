import AsyncHTTPClient
#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Logging
import NIOCore
import SQLKit
import Testing
import Xiuhua
import XiuhuaServer
import XiuhuaStore

/// Two real `xiuhua serve` processes, each on its own loopback port, on one PostgreSQL
/// database, as a city runs them behind a load balancer: concurrent intake and workflow
/// actions through both keep case numbers unique, history chains intact and projections
/// right, and the overdue scan runs on one of them per tick. Runs when
/// `XIUHUA_TEST_POSTGRES_URL` is set (as scripts/test sets it).
@Suite(
    "Two servers on one PostgreSQL database",
    .serialized,
    .enabled(if: ProcessInfo.processInfo.environment["XIUHUA_TEST_POSTGRES_URL"].map { !$0.isEmpty } ?? false, "XIUHUA_TEST_POSTGRES_URL is not set")
)
struct TwoServersOnePostgresTests {
    static let tasksPerServer = 4
    static let casesPerTask = 6

    @Test("concurrent intake and actions through two server processes: unique numbers, audit verify and the evaluation recount pass, every case reads the same through both, the overdue scan runs on one server per tick and the other takes over when it is killed")
    func twoServersUnderConcurrentLoad() async throws {
        let database = try await ScratchDatabase.create(prefix: "two_servers")
        let directory = NSTemporaryDirectory() + "xiuhua-two-servers-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var servers: [XiuhuaProcess] = []
        defer {
            for server in servers where server.process.isRunning { server.kill(SIGKILL) }
            try? FileManager.default.removeItem(atPath: directory)
        }
        do {
            // Scans start with the first server.
            let started = ContinuousClock.now
            // One after the other, so that the demo district is seeded once.
            for name in ["a", "b"] {
                let data = directory + "/" + name
                let arguments = ["--database", database.url, "--overdue-scan-seconds", "1"] + (try XiuhuaProcess.unlimitedIntake(beside: data))
                servers.append(try await XiuhuaProcess.serve(data: data, arguments: arguments))
            }
            let (a, b) = (servers[0], servers[1])

            // A session opened on one server is good on the other: sessions live in the database.
            let operatorToken = try await Self.login(a, "operator")
            let dispatcherToken = try await Self.login(b, "dispatcher")
            let chiefToken = try await Self.login(b, "dutychief")
            let handlerToken = try await Self.login(a, "huanwei")

            // Each task files hotline cases and works them, alternating between the servers;
            // web reports arrive on both meanwhile.
            let web = IntakeLoad()
            async let webOnA: Void = web.run(against: a, workers: 2)
            async let webOnB: Void = web.run(against: b, workers: 2)
            let outcomes = await withTaskGroup(of: [Outcome].self) { group in
                for task in 0..<(2 * Self.tasksPerServer) {
                    let (own, other) = task % 2 == 0 ? (a, b) : (b, a)
                    group.addTask {
                        var outcomes: [Outcome] = []
                        for i in 0..<Self.casesPerTask {
                            outcomes.append(await Self.fileAndWork(
                                on: own, and: other, index: task * 100 + i,
                                operatorToken: operatorToken, chiefToken: chiefToken, dispatcherToken: dispatcherToken, handlerToken: handlerToken
                            ))
                        }
                        return outcomes
                    }
                }
                var all: [Outcome] = []
                for await some in group { all += some }
                return all
            }
            await web.stop()
            _ = await (webOnA, webOnB)

            let failures = outcomes.compactMap(\.failure)
            #expect(failures.isEmpty, "\(failures.prefix(5))")
            let worked = outcomes.compactMap(\.number)
            #expect(worked.count == 2 * Self.tasksPerServer * Self.casesPerTask)
            let webNumbers = await web.acknowledged
            #expect(webNumbers.count >= 4, "the web intake on both servers filed hardly anything")
            let numbers = worked + webNumbers
            #expect(Set(numbers).count == numbers.count, "a case number was handed out twice")

            // Every acknowledged case is stored once, and reads the same through both servers.
            let store = try await Store.openPostgres(url: database.url, logger: ServerFixture.logger, migrate: false)
            let stored = try await store.listCases(CaseQuery(), visibleTo: OverdueScheduler.actor, at: Date()).total
            await store.close()
            #expect(stored == numbers.count, "stored \(stored) cases, acknowledged \(numbers.count)")
            for outcome in outcomes {
                guard let number = outcome.number else { continue }
                let viaA = try await Self.caseState(number, on: a, token: dispatcherToken)
                let viaB = try await Self.caseState(number, on: b, token: dispatcherToken)
                #expect(viaA == outcome.lastState && viaB == outcome.lastState, "\(number): \(viaA) on a, \(viaB) on b, \(outcome.lastState) acknowledged")
            }

            // The overdue scan: every second, on exactly one of the two servers.
            let seconds = Double(started.duration(to: .now).components.seconds) + 1
            let scansA = try await Self.overdueScans(a)
            let scansB = try await Self.overdueScans(b)
            #expect((scansA == 0) != (scansB == 0), "scans on a: \(scansA), on b: \(scansB): exactly one server should scan")
            #expect(scansA + scansB >= 1 && Double(scansA + scansB) <= seconds + 2,
                    "\(scansA + scansB) scans in about \(seconds) s at one per second across both servers")

            // The holder is killed; the other takes the lease over within a few ticks.
            let (holder, survivor) = scansA > 0 ? (a, b) : (b, a)
            let before = try await Self.overdueScans(survivor)
            holder.kill(SIGKILL)
            var tookOver = false
            for _ in 0..<50 where !tookOver {
                try await Task.sleep(for: .milliseconds(200))
                tookOver = try await Self.overdueScans(survivor) > before
            }
            #expect(tookOver, "the surviving server did not take the overdue scan over within 10 s")
            survivor.kill(SIGTERM)

            // The recount: every case's projection replayed from its events, every hash chain,
            // and the month's evaluation recounted from the raw events.
            let audit = try await XiuhuaProcess.run(["audit", "verify", "--database", database.url, "--data", directory + "/a"])
            #expect(audit.status == 0, "\(audit.output)")
            #expect(audit.output.contains("审计通过"), "\(audit.output)")
            #expect(audit.output.contains("\(numbers.count) cases"), "\(audit.output)")
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
            let now = calendar.dateComponents([.year, .month], from: Date())
            let period = String(format: "%04d-%02d", now.year!, now.month!)
            for level in ["street", "department"] {
                let evaluation = try await XiuhuaProcess.run([
                    "evaluate", "--database", database.url, "--data", directory + "/a", "--period", period, "--level", level, "--verify",
                ])
                #expect(evaluation.status == 0, "\(evaluation.output)")
                #expect(evaluation.output.contains("重算一致"), "\(evaluation.output)")
            }
        } catch {
            for server in servers where server.process.isRunning { server.kill(SIGKILL) }
            try? await database.drop()
            throw error
        }
        try await database.drop()
    }

    /// What one hotline case went through: its number and the state the last action
    /// acknowledged, or what went wrong.
    struct Outcome: Sendable {
        var number: String?
        var lastState = ""
        var failure: String?
    }

    /// Files a hotline case through `own`, accepts it through `other`, dispatches it to
    /// 环卫处 through `own` and handles it through `other`.
    static func fileAndWork(
        on own: XiuhuaProcess, and other: XiuhuaProcess, index: Int,
        operatorToken: String, chiefToken: String, dispatcherToken: String, handlerToken: String
    ) async -> Outcome {
        do {
            let filed = try await send(own, "/api/v1/cases", token: operatorToken, body: """
                {"source":"hotline","category":"06010","description":"两台服务器并发 \(index) 垃圾堆积","lat":40.12234718190999,"lon":113.2818037388908,"direct_acceptance":true,"reporter_phone":"13800000000"}
                """)
            guard filed.status == 201, let number = filed.object["number"] as? String else {
                return Outcome(failure: "filing \(index): \(filed.status) \(filed.text)")
            }
            let accepted = try await send(other, "/api/v1/cases/\(number)/actions", token: chiefToken, body: #"{"action":"accept"}"#)
            guard accepted.status == 200 else { return Outcome(number: number, failure: "accept \(number): \(accepted.status) \(accepted.text)") }
            let dispatched = try await send(own, "/api/v1/cases/\(number)/actions", token: dispatcherToken, body: #"{"action":"dispatch","owner":"dept:huanwei"}"#)
            guard dispatched.status == 200 else { return Outcome(number: number, failure: "dispatch \(number): \(dispatched.status) \(dispatched.text)") }
            let handled = try await send(other, "/api/v1/cases/\(number)/actions", token: handlerToken, body: #"{"action":"handle","note":"已清运"}"#)
            guard handled.status == 200 else { return Outcome(number: number, failure: "handle \(number): \(handled.status) \(handled.text)") }
            let state = try await caseState(number, on: own, token: dispatcherToken)
            return Outcome(number: number, lastState: state)
        } catch {
            return Outcome(failure: "case \(index): \(error)")
        }
    }

    struct Reply {
        let status: UInt
        let text: String
        var object: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]) ?? [:]
        }
    }

    static func send(_ server: XiuhuaProcess, _ path: String, token: String? = nil, body: String? = nil) async throws -> Reply {
        var request = HTTPClientRequest(url: server.baseURL + path)
        if let body {
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        }
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 8 << 20)
        return Reply(status: response.status.code, text: String(buffer: bytes))
    }

    static func login(_ server: XiuhuaProcess, _ username: String) async throws -> String {
        let reply = try await send(server, "/api/v1/sessions", body: #"{"username":"\#(username)","password":"\#(DemoAccounts.password)"}"#)
        return try #require(reply.object["token"] as? String, "\(reply.status) \(reply.text)")
    }

    static func caseState(_ number: String, on server: XiuhuaProcess, token: String) async throws -> String {
        let reply = try await send(server, "/api/v1/cases/\(number)", token: token)
        return reply.object["state"] as? String ?? "(\(reply.status))"
    }

    /// `xiuhua_overdue_scans_total` from the server's /metrics; 0 before its first scan.
    static func overdueScans(_ server: XiuhuaProcess) async throws -> Int {
        let reply = try await send(server, "/metrics")
        #expect(reply.status == 200)
        for line in reply.text.split(separator: "\n") where line.hasPrefix("xiuhua_overdue_scans_total") {
            return Int(Double(line.split(separator: " ").last ?? "") ?? 0)
        }
        return 0
    }
}

/// A database of its own in the test PostgreSQL server, dropped afterwards.
struct ScratchDatabase {
    let url: String
    let name: String
    private let server: String

    static func create(prefix: String) async throws -> ScratchDatabase {
        let server = try #require(ProcessInfo.processInfo.environment["XIUHUA_TEST_POSTGRES_URL"])
        let name = prefix + "_" + UUID().uuidString.prefix(8).lowercased()
        try await administer(server) { db in try await db.raw("CREATE DATABASE \(ident: name)").run() }
        var components = try #require(URLComponents(string: server))
        components.path = "/" + name
        return ScratchDatabase(url: try #require(components.string), name: name, server: server)
    }

    func drop() async throws {
        let name = self.name
        try await Self.administer(server) { db in try await db.raw("DROP DATABASE IF EXISTS \(ident: name) WITH (FORCE)").run() }
    }

    private static func administer(_ server: String, _ statement: @escaping @Sendable (any SQLDatabase) async throws -> Void) async throws {
        let admin = try await PostgresEngine.connect(url: server, maximumConnections: 1, logger: ServerFixture.logger)
        do {
            try await admin.read { db in try await statement(db) }
        } catch {
            await admin.close()
            throw error
        }
        await admin.close()
    }
}
