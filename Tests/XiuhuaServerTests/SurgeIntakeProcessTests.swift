import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Testing
import XiuhuaStore

/// Open311 reports through the intake journal, against the real binary on a real SQLite
/// file: acknowledged with a token, filed shortly after, and never lost or filed twice
/// across a SIGKILL.
@Suite("Open311 surge intake over HTTP", .serialized)
struct SurgeIntakeProcessTests {
    /// Every checked report is journaled (`after_waiting: 0`), and the public intake limit
    /// is off (the tests post at full speed from one address).
    static let journalEverything = "limits:\n  intake:\n    per_minute: 0\n  intake_queue:\n    after_waiting: 0\n"
    static let point = "lat=40.12234718190999&long=113.2818037388908"

    struct Answer {
        let status: UInt
        let headers: HTTPHeaders
        let body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
        var items: [[String: Any]] { ((try? JSONSerialization.jsonObject(with: Data(body))) as? [[String: Any]]) ?? [] }
    }

    /// A server on a fresh data directory with an Open311 key made by the CLI before it
    /// started; `body` gets it, the key and the data directory.
    func withServer(config: String?, _ body: (XiuhuaProcess, String, String) async throws -> Void) async throws {
        try await withTemporaryDataDirectory { data in
            let key = try await Self.createKey(data)
            let server = try await XiuhuaProcess.serve(data: data, arguments: try Self.arguments(config, beside: data))
            do {
                try await body(server, key, data)
            } catch {
                if server.process.isRunning { server.kill(SIGKILL) }
                throw error
            }
            if server.process.isRunning { server.kill(SIGKILL) }
        }
    }

    static func arguments(_ config: String?, beside data: String) throws -> [String] {
        guard let config else { return ["--demo"] }
        let path = data + ".surge.yaml"
        try config.write(toFile: path, atomically: true, encoding: .utf8)
        return ["--demo", "--config", path]
    }

    static func createKey(_ data: String) async throws -> String {
        let made = try await XiuhuaProcess.run(["apikey", "create", "--data", data, "--per-minute", "6000000", "12345热线平台"])
        #expect(made.status == 0, "\(made.output)")
        let line = try #require(made.output.split(separator: "\n").first { $0.contains("\t") && !$0.contains("已签发") })
        return String(try #require(line.split(separator: "\t").last))
    }

    static func send(_ server: XiuhuaProcess, _ path: String, form: String? = nil, timeout: TimeAmount = .seconds(15)) async throws -> Answer {
        var request = HTTPClientRequest(url: server.baseURL + path)
        if let form {
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.body = .bytes(ByteBuffer(string: form))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: timeout)
        let body = try await response.body.collect(upTo: 1 << 22)
        return Answer(status: response.status.code, headers: response.headers, body: Array(body.readableBytesView))
    }

    static func report(_ key: String, description: String, extra: String = "") -> String {
        "api_key=\(key)&service_code=06010&\(point)&attribute%5Bamount%5D=bag&description=\(encoded(description))\(extra)"
    }

    /// Looks `token` up until it names a case (at most `seconds`); the case number.
    static func caseNumber(_ server: XiuhuaProcess, token: String, format: String = "json", seconds: Double = 10) async throws -> String? {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            let answer = try await send(server, "/open311/v2/tokens/\(token).\(format)")
            if answer.status == 200 {
                if format == "json", let id = answer.items.first?["service_request_id"] as? String {
                    #expect(answer.items.first?["token"] as? String == token)
                    return id
                }
                if format == "xml", let match = answer.text.firstMatch(of: /<service_request_id>([^<]+)<\/service_request_id>/) {
                    #expect(answer.text.contains("<token>\(token)</token>"))
                    return String(match.1)
                }
            } else {
                Issue.record("token \(token) looked up: \(answer.status) \(answer.text)")
                return nil
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }

    static func logFiles(_ data: String) -> [String] {
        let directory = data + "/intake-journal"
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".log") }.map { directory + "/" + $0 }
    }

    /// The tickets of every whole line in the journal's segment files.
    static func journaledTickets(_ data: String) -> [String] {
        logFiles(data).flatMap { path -> [String] in
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            // A line is `TICKET \t MILLISECONDS \t LENGTH \t PAYLOAD`.
            return text.split(separator: "\n").compactMap { line in line.firstMatch(of: /^([0-9A-Z]{10})\t[0-9]+\t[0-9]+\t/).map { String($0.1) } }
        }
    }

    static func apiCaseCount(_ data: String) async throws -> Int {
        let store = try await Store.openSQLite(dataDirectory: data, logger: ServerFixture.logger)
        let count = try await store.engine.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM cases WHERE source = 'api'").first()?.decode(column: "n", as: Int.self) ?? -1
        }
        await store.close()
        return count
    }

    static func stop(_ server: XiuhuaProcess) {
        server.kill(SIGTERM)
        #expect(server.process.terminationReason == .exit && server.process.terminationStatus == 0, "SIGTERM is a clean stop")
    }

    @Test("a journaled report is answered 200 with a token and a null service_request_id; the token soon names the case, which holds the description byte for byte (JSON and XML)")
    func journaledReport() async throws {
        try await withServer(config: Self.journalEverything) { server, key, data in
            // Chinese, an emoji, a character outside the BMP, a decomposed é, markup and a newline.
            let description = "井盖缺失，夜间有行人跌倒的危险 ⚠️ 𠀀 Cafe\u{301} <b>&amp;</b> \"引号\"\n第二行"

            let json = try await Self.send(server, "/open311/v2/requests.json", form: Self.report(key, description: description, extra: "&account_id=acc-1"))
            #expect(json.status == 200, "\(json.text)")
            let item = try #require(json.items.first)
            #expect(item["service_request_id"] is NSNull, "\(json.text)")
            #expect(item["account_id"] as? String == "acc-1")
            let token = try #require(item["token"] as? String)
            #expect(token.count == 10)
            #expect(Self.journaledTickets(data).contains(token), "acknowledged only once in the journal")

            let id = try #require(try await Self.caseNumber(server, token: token))
            let read = try await Self.send(server, "/open311/v2/requests/\(id).json")
            #expect(read.status == 200)
            let stored = try #require(read.items.first?["description"] as? String)
            #expect(Array(stored.utf8) == Array(description.utf8), "\(stored)")
            #expect(read.items.first?["service_code"] as? String == "06010")

            let xml = try await Self.send(server, "/open311/v2/requests.xml", form: Self.report(key, description: description))
            #expect(xml.status == 200, "\(xml.text)")
            #expect(xml.headers.first(name: "Content-Type") == "text/xml; charset=utf-8")
            #expect(xml.text.contains("<service_requests><request><service_request_id/><token>"), "\(xml.text)")
            let xmlToken = String(try #require(xml.text.firstMatch(of: /<token>([0-9A-Z]+)<\/token>/)).1)
            #expect(xmlToken != token)
            let xmlID = try #require(try await Self.caseNumber(server, token: xmlToken, format: "xml"))
            #expect(xmlID != id)
            let xmlRead = try await Self.send(server, "/open311/v2/requests/\(xmlID).json")
            #expect((xmlRead.items.first?["description"] as? String).map { Array($0.utf8) } == Array(description.utf8))
            // A token in lower case is the same token.
            let lower = try await Self.send(server, "/open311/v2/tokens/\(xmlToken.lowercased()).json")
            #expect(lower.items.first?["service_request_id"] as? String == xmlID)

            Self.stop(server)
            #expect(Self.logFiles(data).isEmpty, "everything filed: no segment is left after a clean stop")
            #expect(try await Self.apiCaseCount(data) == 2)
        }
    }

    /// Eight clients posting until 300 tokens were answered (or 20 s passed); they go on
    /// until the caller stops `load` and awaits `running`.
    static func postUntil300Tokens(_ server: XiuhuaProcess, key: String) async throws -> (load: TokenLoad, running: Task<Void, Never>) {
        let load = TokenLoad()
        let running = Task { await load.run(against: server, key: key, workers: 8) }
        let started = ContinuousClock.now
        while await load.tokens.count < 300, ContinuousClock.now - started < .seconds(20) {
            try await Task.sleep(for: .milliseconds(20))
        }
        return (load, running)
    }

    @Test("SIGKILL while 8 clients post: after a restart every acknowledged token is exactly one case, the audit passes, and a clean stop leaves no segment")
    func crashUnderLoad() async throws {
        try await withServer(config: Self.journalEverything) { server, key, data in
            let (load, running) = try await Self.postUntil300Tokens(server, key: key)
            server.kill(SIGKILL)
            await load.stop()
            await running.value
            let tokens = await load.tokens
            #expect(tokens.count >= 300)
            #expect(Set(tokens).count == tokens.count, "tokens are distinct")
            #expect(await load.withCaseNumber == 0, "every report was journaled, none filed at once")

            // Acknowledged means on disk: every token is a whole line of the journal.
            let journaled = Set(Self.journaledTickets(data))
            let missing = tokens.filter { !journaled.contains($0) }
            #expect(missing.isEmpty, "acknowledged but not in the journal: \(missing.prefix(5))")

            let restarted = try await XiuhuaProcess.serve(data: data, arguments: try Self.arguments(Self.journalEverything, beside: data))
            var ids: [String: String] = [:]
            var lost: [String] = []
            for token in tokens {
                if let id = try await Self.caseNumber(restarted, token: token, seconds: 15) { ids[token] = id } else { lost.append(token) }
            }
            #expect(lost.isEmpty, "acknowledged tokens without a case: \(lost.prefix(5))")
            #expect(Set(ids.values).count == ids.count, "one case per token")
            let log = (try? String(contentsOfFile: restarted.log, encoding: .utf8)) ?? ""
            #expect(log.contains("filing reports left in the intake journal"), "the restart replayed the journal")

            Self.stop(restarted)
            #expect(Self.logFiles(data).isEmpty, "a clean stop after the backlog was filed leaves no segment")
            // At most one report per client was in flight (accepted, never answered) at the kill.
            let cases = try await Self.apiCaseCount(data)
            #expect(cases >= tokens.count && cases <= tokens.count + 8, "\(cases) cases for \(tokens.count) tokens")
            let audit = try await XiuhuaProcess.run(["audit", "verify", "--data", data])
            #expect(audit.status == 0, "\(audit.output)")
            #expect(audit.output.contains("audit passed"))
        }
    }

    @Test("SIGTERM while 8 clients post: what the filer had not filed stays in the journal, is filed at the next start, and then no segment is left")
    func cleanStopWithBacklog() async throws {
        try await withServer(config: Self.journalEverything) { server, key, data in
            let (load, running) = try await Self.postUntil300Tokens(server, key: key)
            Self.stop(server)
            await load.stop()
            await running.value
            let tokens = await load.tokens
            #expect(tokens.count >= 300)
            let filedBeforeStop = try await Self.apiCaseCount(data)
            #expect(filedBeforeStop < tokens.count, "the stop came with reports still queued (\(filedBeforeStop) of \(tokens.count) filed)")
            #expect(!Self.logFiles(data).isEmpty, "the queued reports are kept on disk")

            let restarted = try await XiuhuaProcess.serve(data: data, arguments: try Self.arguments(Self.journalEverything, beside: data))
            var ids = Set<String>()
            for token in tokens {
                if let id = try await Self.caseNumber(restarted, token: token, seconds: 15) { ids.insert(id) }
            }
            #expect(ids.count == tokens.count, "every acknowledged token names a case of its own")
            Self.stop(restarted)
            #expect(Self.logFiles(data).isEmpty)
            // A client may give up on a request the server still took in (one per client at most).
            let cases = try await Self.apiCaseCount(data)
            #expect(cases >= tokens.count && cases <= tokens.count + 8, "\(cases) cases for \(tokens.count) tokens")
            let audit = try await XiuhuaProcess.run(["audit", "verify", "--data", data])
            #expect(audit.status == 0, "\(audit.output)")
        }
    }

    @Test("under the default threshold a single report is filed at once: the answer has its service_request_id and nothing is journaled")
    func quietReportFiledAtOnce() async throws {
        try await withServer(config: "limits:\n  intake:\n    per_minute: 0\n") { server, key, data in
            let answer = try await Self.send(server, "/open311/v2/requests.json", form: Self.report(key, description: "路灯不亮"))
            #expect(answer.status == 200, "\(answer.text)")
            let item = try #require(answer.items.first)
            let id = try #require(item["service_request_id"] as? String, "\(answer.text)")
            let token = try #require(item["token"] as? String)
            #expect((item["service_notice"] as? String)?.contains("处置时限") == true)
            #expect(Self.journaledTickets(data).isEmpty)
            let looked = try await Self.send(server, "/open311/v2/tokens/\(token).json")
            #expect(looked.items.first?["service_request_id"] as? String == id)
            Self.stop(server)
            #expect(Self.logFiles(data).isEmpty)
        }
    }

    @Test("bad reports under the journal path are refused with the spec's error body and journal nothing")
    func badReportsJournalNothing() async throws {
        try await withServer(config: Self.journalEverything) { server, key, data in
            let cases: [(String, String, UInt, String)] = [
                ("unknown service_code", "api_key=\(key)&service_code=99999&\(Self.point)&description=x", 404, "unknown service_code"),
                ("missing required attribute", "api_key=\(key)&service_code=06010&\(Self.point)&description=\(encoded("垃圾"))", 400, "attribute[amount]"),
                ("outside the district", "api_key=\(key)&service_code=06010&lat=39.90&long=116.40&attribute%5Bamount%5D=bag&description=\(encoded("天安门"))", 400, "outside the district"),
                ("control characters", Self.report(key, description: "坏\u{1}字符"), 400, "control characters"),
                ("bad media_url", Self.report(key, description: "照片", extra: "&media_url=ftp://example.org/a.jpg"), 400, "media_url"),
                ("no position", "api_key=\(key)&service_code=06010&attribute%5Bamount%5D=bag&description=x", 400, "location is required"),
                ("wrong key", Self.report("not-a-key", description: "垃圾"), 403, "Invalid api_key"),
            ]
            for (what, form, status, phrase) in cases {
                for format in ["json", "xml"] {
                    let answer = try await Self.send(server, "/open311/v2/requests.\(format)", form: form)
                    #expect(answer.status == status, "\(what) (\(format)): \(answer.text)")
                    #expect(answer.text.contains(phrase), "\(what) (\(format)): \(answer.text)")
                    #expect(!answer.text.contains("token"), "\(what) (\(format)): \(answer.text)")
                    if format == "json" {
                        #expect(answer.text.hasPrefix(#"[{"code":\#(status),"description":"#), "\(what): \(answer.text)")
                    } else {
                        #expect(answer.text.contains("<errors><error><code>\(status)</code><description>"), "\(what): \(answer.text)")
                    }
                }
            }
            #expect(Self.journaledTickets(data).isEmpty, "no line for any refused report")
            #expect(Self.logFiles(data).allSatisfy { (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int) == 0 })

            // A good one after them is journaled and filed as usual.
            let good = try await Self.send(server, "/open311/v2/requests.json", form: Self.report(key, description: "垃圾"))
            let token = try #require(good.items.first?["token"] as? String, "\(good.text)")
            #expect(Self.journaledTickets(data) == [token])
            #expect(try await Self.caseNumber(server, token: token) != nil)
            Self.stop(server)
            #expect(Self.logFiles(data).isEmpty)
            #expect(try await Self.apiCaseCount(data) == 1)
        }
    }
}

/// Posts Open311 reports from `workers` concurrent clients until stopped; collects the
/// tokens the server acknowledged.
actor TokenLoad {
    private(set) var tokens: [String] = []
    /// Answers that carried a case number (filed at once rather than journaled).
    private(set) var withCaseNumber = 0
    private var stopped = false

    func stop() { stopped = true }
    var isStopped: Bool { stopped }
    private func record(_ token: String, filed: Bool) {
        tokens.append(token)
        if filed { withCaseNumber += 1 }
    }

    func run(against server: XiuhuaProcess, key: String, workers: Int) async {
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var index = 0
                    var failuresInARow = 0
                    while await !self.isStopped, failuresInARow < 20 {
                        index += 1
                        let form = SurgeIntakeProcessTests.report(key, description: "压力测试 \(worker)-\(index) 垃圾堆积")
                        // A short timeout: a request caught by the server's stop is not waited for long.
                        if let answer = try? await SurgeIntakeProcessTests.send(server, "/open311/v2/requests.json", form: form, timeout: .seconds(2)),
                           answer.status == 200, let item = answer.items.first, let token = item["token"] as? String {
                            await self.record(token, filed: item["service_request_id"] is String)
                            failuresInARow = 0
                        } else {
                            failuresInARow += 1
                            try? await Task.sleep(for: .milliseconds(20))
                        }
                    }
                }
            }
        }
    }
}
