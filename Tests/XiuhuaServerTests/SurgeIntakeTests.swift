import AsyncHTTPClient
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import Xiuhua
@testable import XiuhuaServer
import XiuhuaStore

/// `SurgeIntake` on its own (no filer running): when it journals, how far its backlog
/// may grow, what it knows of a ticket, and what survives a close.
@Suite("Surge intake")
struct SurgeIntakeTests {
    static let system = Actor(id: "apikey-test", name: "12345热线平台", role: .system)
    static let at = Date(timeIntervalSince1970: 1_796_000_400)

    /// A journal line as the Open311 intake writes it.
    static func payload(_ description: String = "院内杂草丛生，堆满生活垃圾") -> String {
        "v1\tk-test\t12345热线平台\tservice_code=06010&description=" + (description.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
    }

    static func intake(_ description: String = "院内杂草丛生，堆满生活垃圾") -> CaseIntake {
        CaseIntake(
            number: "pending", ticketCode: "pending", source: .api, categoryCode: "06010",
            disposalLimit: .workingHours(4), suggestedOwner: .department("huanwei"), subCommandCode: "shirong",
            location: CaseLocation(
                latitude: 40.10, longitude: 113.25, address: "红旗街原武警招待所院内",
                gridCode: "140213003001001", communityCode: "140213003001", streetCode: "140213003"
            ),
            description: description
        )
    }

    static func settings(threshold: Int = 32, maximumBacklog: Int = 200_000) -> SurgeIntake.Settings {
        var settings = SurgeIntake.Settings()
        settings.threshold = threshold
        settings.maximumBacklog = maximumBacklog
        return settings
    }

    @Test("with max_backlog 1 and no filer: the first report is accepted and queued, the second is refused BacklogFull; an unknown ticket is unknown")
    func backlogFull() async throws {
        try await withTemporaryDataDirectory { data in
            let directory = data + "/intake-journal"
            let intake = try SurgeIntake.open(directory: directory, settings: Self.settings(maximumBacklog: 1))
            #expect(intake.backlogCount == 0)
            let ticket = try await intake.accept(Self.payload(), at: Self.at)
            #expect(ticket.count == 10)
            #expect(intake.backlogCount == 1)
            #expect(intake.state(ofTicket: ticket) == .queued)
            #expect(intake.state(ofTicket: CaseNumbering.ticketCode()) == .unknown)

            await #expect {
                _ = try await intake.accept(Self.payload("第二个"), at: Self.at)
            } throws: { error in
                (error as? SurgeIntake.BacklogFull)?.backlog == 1
            }
            #expect(intake.backlogCount == 1, "the refused report is not queued")
            intake.close()

            // Only the accepted report is in the journal, and it is queued again at the next open.
            let again = try SurgeIntake.open(directory: directory, settings: Self.settings(maximumBacklog: 1))
            #expect(again.backlogCount == 1)
            #expect(again.state(ofTicket: ticket) == .queued)
            again.close()
        }
    }

    @Test("a report is journaled when the writer is behind the threshold, or anything is already journaled; a quiet store files at once")
    func whenToJournal() async throws {
        try await withTemporaryDataDirectory { data in
            let store = try await Store.openSQLite(dataDirectory: data, logger: ServerFixture.logger)
            do {
                let quiet = try SurgeIntake.open(directory: data + "/quiet", settings: Self.settings(threshold: 32))
                #expect(!quiet.shouldJournal(store), "nothing waits for the writer")
                _ = try await quiet.accept(Self.payload(), at: Self.at)
                #expect(quiet.shouldJournal(store), "a backlog keeps later reports behind the earlier ones")
                quiet.close()

                let always = try SurgeIntake.open(directory: data + "/always", settings: Self.settings(threshold: 0))
                #expect(always.shouldJournal(store))
                always.close()
                await store.close()
            } catch {
                await store.close()
                throw error
            }
        }
    }

    /// Clients that post and then look their token up until it names a case, while the
    /// filer files: each answer is 200 (queued, or the case), never 404 — the moment a case
    /// is committed and leaves the queue must not fall between the lookup's two questions.
    @Test("a token looked up while its report is being filed is queued or names the case, never 'no such token'")
    func lookupDuringFiling() async throws {
        try await withTemporaryDataDirectory { data in
            let store = try await Store.openSQLite(dataDirectory: data, logger: ServerFixture.logger)
            do {
                try await DemoSeeder.seedIfNeeded(store, logger: ServerFixture.logger)
                var services = try await XiuhuaServices.load(store: store, catalog: .national, calendar: .chinaDefault)
                let surge = try SurgeIntake.open(directory: data + "/intake-journal", settings: Self.settings(threshold: 0))
                services.surgeIntake = surge
                let (_, key) = try await store.createAPIKey(name: "测试", perMinute: 6_000_000, at: Date())
                var server = ServerSettings()
                server.intakeLimit = ServerSettings.RateLimit(perMinute: 0, burst: 20)
                let app = buildApplication(
                    services: services, host: "127.0.0.1", port: 0, overdueScanInterval: nil, server: server, logger: ServerFixture.logger
                )
                try await app.test(.live) { client in
                    let port = try #require(client.port)
                    let misses = try await withThrowingTaskGroup(of: [String].self) { group in
                        for worker in 0..<8 {
                            group.addTask {
                                var misses: [String] = []
                                for index in 0..<25 {
                                    let form = "api_key=\(key)&service_code=06010&lat=40.12234718190999&long=113.2818037388908&attribute%5Bamount%5D=bag&description=\(encoded("查询测试 \(worker)-\(index)"))"
                                    var post = HTTPClientRequest(url: "http://127.0.0.1:\(port)/open311/v2/requests.json")
                                    post.method = .POST
                                    post.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
                                    post.body = .bytes(ByteBuffer(string: form))
                                    let posted = try await HTTPClient.shared.execute(post, timeout: .seconds(15))
                                    let postedBody = try await posted.body.collect(upTo: 1 << 20)
                                    let item = try #require((try JSONSerialization.jsonObject(with: Data(postedBody.readableBytesView)) as? [[String: Any]])?.first)
                                    let token = try #require(item["token"] as? String)
                                    for _ in 0..<2_000 {
                                        let lookup = HTTPClientRequest(url: "http://127.0.0.1:\(port)/open311/v2/tokens/\(token).json")
                                        let answer = try await HTTPClient.shared.execute(lookup, timeout: .seconds(15))
                                        let text = String(buffer: try await answer.body.collect(upTo: 1 << 20))
                                        if answer.status != .ok {
                                            misses.append("\(token): \(answer.status.code) \(text)")
                                            break
                                        }
                                        if text.contains(#""service_request_id":"#) && !text.contains(#""service_request_id":null"#) { break }
                                    }
                                }
                                return misses
                            }
                        }
                        return try await group.reduce(into: [String]()) { $0 += $1 }
                    }
                    #expect(misses.isEmpty, "\(misses.count) lookups missed: \(misses.prefix(3))")
                }
                surge.close()
                await store.close()
            } catch {
                await store.close()
                throw error
            }
        }
    }

    /// The filer cannot file while another connection holds the database's write lock, so
    /// the one journaled report stays in a backlog of one.
    @Test("a full backlog answers 503 with Retry-After 30 in the spec's error shape and journals nothing; once the writer is free the queued report is filed")
    func backlogFullOverHTTP() async throws {
        try await withTemporaryDataDirectory { data in
            let store = try await Store.openSQLite(dataDirectory: data, logger: ServerFixture.logger)
            let holder = try await Store.openSQLite(dataDirectory: data, logger: ServerFixture.logger)
            do {
                try await DemoSeeder.seedIfNeeded(store, logger: ServerFixture.logger)
                var services = try await XiuhuaServices.load(store: store, catalog: .national, calendar: .chinaDefault)
                let surge = try SurgeIntake.open(directory: data + "/intake-journal", settings: Self.settings(threshold: 0, maximumBacklog: 1))
                services.surgeIntake = surge
                let (_, key) = try await store.createAPIKey(name: "测试", perMinute: 6_000_000, at: Date())
                let app = buildApplication(services: services, host: "127.0.0.1", port: 0, overdueScanInterval: nil, logger: ServerFixture.logger)
                try await app.test(.live) { client in
                    let form = "api_key=\(key)&service_code=06010&lat=40.12234718190999&long=113.2818037388908&attribute%5Bamount%5D=bag&description=\(encoded("积水"))"
                    let locked = AsyncStream<Void>.makeStream()
                    let release = AsyncStream<Void>.makeStream()
                    let holding = Task {
                        try await holder.engine.write { db in
                            try await db.raw("CREATE TABLE IF NOT EXISTS held_lock (x INTEGER)").run()
                            locked.continuation.yield()
                            for await _ in release.stream { break }
                        }
                    }
                    for await _ in locked.stream { break }

                    let first = try await client.execute(
                        uri: "/open311/v2/requests.json", method: .post,
                        headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: form)
                    )
                    #expect(first.status == .ok, "\(first.text)")
                    let token = try #require(((try JSONSerialization.jsonObject(with: Data(first.body.readableBytesView)) as? [[String: Any]])?.first?["token"]) as? String)
                    #expect(surge.backlogCount == 1)
                    for format in ["json", "xml"] {
                        let full = try await client.execute(
                            uri: "/open311/v2/requests.\(format)", method: .post,
                            headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: form)
                        )
                        #expect(full.status == .serviceUnavailable, "\(full.text)")
                        #expect(full.headers[.retryAfter] == "30")
                        #expect(full.text.contains(format == "json" ? #"[{"code":503,"description":"# : "<errors><error><code>503</code>"), "\(full.text)")
                        #expect(!full.text.contains("token"))
                    }
                    #expect(surge.backlogCount == 1, "the refused reports were not queued")
                    let journal = data + "/intake-journal"
                    let lines = try FileManager.default.contentsOfDirectory(atPath: journal).filter { $0.hasSuffix(".log") }
                        .map { try String(contentsOfFile: journal + "/" + $0, encoding: .utf8).split(separator: "\n").count }
                    #expect(lines.reduce(0, +) == 1, "only the accepted report is in the journal")
                    let queued = try await client.get("/open311/v2/tokens/\(token).json")
                    #expect(queued.text == #"[{"service_request_id":null,"token":"\#(token)"}]"#)
                    // The citizen's ticket code (the token passed on) says "being filed", not "no such ticket".
                    let api = try await client.get("/api/v1/tickets/\(token)")
                    #expect(api.status == .notFound)
                    #expect(api.text.contains("ticket_queued"), "\(api.text)")
                    let page = try await client.get("/ticket/\(token)")
                    #expect(page.status == .ok)
                    #expect(page.text.contains("正在立案"))
                    #expect(!page.text.contains("没有这个查询码"))

                    release.continuation.yield()
                    try await holding.value
                    var number: String?
                    for _ in 0..<200 where number == nil {
                        let answer = try await client.get("/open311/v2/tokens/\(token).json")
                        #expect(answer.status == .ok)
                        number = ((try? JSONSerialization.jsonObject(with: Data(answer.body.readableBytesView))) as? [[String: Any]])?.first?["service_request_id"] as? String
                        if number == nil { try await Task.sleep(for: .milliseconds(50)) }
                    }
                    #expect(number != nil, "the queued report is filed once the writer is free")
                    #expect(try await client.get("/api/v1/tickets/\(token)").status == .ok)
                    #expect(surge.backlogCount == 0)
                    #expect(try await store.verifyAudit().casesChecked == 1)
                }
                surge.close()
                await holder.close()
                await store.close()
            } catch {
                await holder.close()
                await store.close()
                throw error
            }
        }
    }

    @Test("limits.intake_queue: 32 and 200,000 by default, both read, 0 journals every report, and mistakes are named with their line")
    func configuration() {
        func parse(_ text: String) -> (XiuhuaConfiguration, [ConfigurationProblem]) {
            XiuhuaConfiguration.parse(text, baseDirectory: FileManager.default.temporaryDirectory.path, environment: [:])
        }
        let (defaults, none) = parse("")
        #expect(none.isEmpty)
        #expect(defaults.server.surge.threshold == 32 && defaults.server.surge.maximumBacklog == 200_000)

        let (read, fine) = parse("limits:\n  intake_queue:\n    after_waiting: 0\n    max_backlog: 1\n")
        #expect(fine.isEmpty, "\(fine)")
        #expect(read.server.surge.threshold == 0 && read.server.surge.maximumBacklog == 1)

        let (_, problems) = parse("limits:\n  intake_queue:\n    after_waiting: -1\n    max_backlog: 0\n    batch: 5\n")
        #expect(problems.contains { $0.line == 3 && $0.key == "limits.intake_queue.after_waiting" && $0.message.contains("between 0 and 100000") }, "\(problems)")
        #expect(problems.contains { $0.line == 4 && $0.key == "limits.intake_queue.max_backlog" && $0.message.contains("between 1 and 10000000") }, "\(problems)")
        #expect(problems.contains { $0.line == 5 && $0.key == "limits.intake_queue.batch" && $0.message.contains("unknown key") }, "\(problems)")
        #expect(problems.count == 3, "\(problems)")

        // The example file documents the defaults it ships with.
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/xiuhua.example.yaml").path
        if let text = try? String(contentsOfFile: example, encoding: .utf8) {
            let (documented, _) = parse(text)
            #expect(documented.server.surge == SurgeIntake.Settings())
        } else {
            Issue.record("docs/xiuhua.example.yaml not found beside the tests")
        }
    }

    @Test("the filer yields to answering only while reports arrive faster than it files them at full speed")
    func filerPause() {
        let batch = Duration.milliseconds(32)
        // 256 filed in 32 ms is 8,000 a second. Arrivals at 10,000 a second (320 in the
        // window of that batch): the backlog grows whatever it does; it yields nine times
        // the batch's time.
        #expect(SurgeIntake.pause(elapsed: batch, filed: 256, arrived: 320, window: batch, yieldFactor: 9) == .milliseconds(288))
        // Arrivals at 5,000 a second (over a window that held a pause): it can catch up, so
        // it files on at full speed.
        #expect(SurgeIntake.pause(elapsed: batch, filed: 256, arrived: 1_600, window: .milliseconds(320), yieldFactor: 9) == nil)
        // Never more than a second.
        #expect(SurgeIntake.pause(elapsed: .milliseconds(600), filed: 10, arrived: 1_000, window: .milliseconds(600), yieldFactor: 9) == .seconds(1))
        // Nothing arrived: no one to yield to.
        #expect(SurgeIntake.pause(elapsed: batch, filed: 256, arrived: 0, window: batch, yieldFactor: 9) == nil)
        // Degenerate measurements never pause.
        #expect(SurgeIntake.pause(elapsed: .zero, filed: 256, arrived: 10, window: batch, yieldFactor: 9) == nil)
        #expect(SurgeIntake.pause(elapsed: batch, filed: 0, arrived: 10, window: batch, yieldFactor: 9) == nil)
    }

    @Test("a second SurgeIntake on the same directory is refused while the first is open")
    func oneProcessPerJournal() async throws {
        try await withTemporaryDataDirectory { data in
            let first = try SurgeIntake.open(directory: data + "/intake-journal")
            #expect(throws: IntakeJournal.JournalError.self) {
                _ = try SurgeIntake.open(directory: data + "/intake-journal")
            }
            first.close()
            let second = try SurgeIntake.open(directory: data + "/intake-journal")
            second.close()
        }
    }
}
