import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing
import Xiuhua
import XiuhuaGeo
import XiuhuaServer
import XiuhuaStore

/// A clock the test sets by hand; the server reads it for every "now".
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date) {
        current = start
    }

    var now: Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    func set(_ date: Date) {
        lock.lock()
        defer { lock.unlock() }
        current = date
    }

    /// Sets the clock to an instant written as the API writes it.
    func set(_ text: String) {
        set(instant(text))
    }

    func advance(minutes: Double) {
        lock.lock()
        defer { lock.unlock() }
        current += minutes * 60
    }
}

/// An instant written the way the API writes it: `2026-09-30T16:00:00+08:00`.
func instant(_ text: String) -> Date {
    guard let date = ISO8601Instant.parse(text) else { preconditionFailure("not an ISO 8601 instant: \(text)") }
    return date
}

extension Logger {
    /// Tests read results, not logs.
    static let quiet = Logger(label: "xiuhua-tests", factory: { _ in SwiftLogNoOpLogHandler() })
}

/// The places and accounts of the demo district the tests use.
enum Demo {
    /// 永泰街道.
    static let yongtai = DemoAccounts.yongtaiStreet
    /// 红旗里社区 in 永泰街道: the story's community, patrolled by `gridworker`.
    static let hongqili = DemoAccounts.hongqiliCommunity
    /// A cell of 红旗里社区.
    static let hongqiliGrid = hongqili + "001"
    /// A cell of 永泰里社区: in 永泰街道, but not on `gridworker`'s patrol.
    static let yongtailiGrid = yongtai + "002001"
    /// 文瀛湖街道, another street.
    static let wenyinghu = DemoDistrict.code + "001"
    /// A cell of 文瀛湖街道's first community.
    static let wenyinghuGrid = wenyinghu + "001001"

    /// The demo accounts, every one with a different role.
    static let usernames = DemoAccounts.entries.map(\.username)

    /// Who handles a case dispatched to `owner`.
    static func handler(of owner: String) -> String {
        owner == "dept:huanwei" ? "huanwei" : "yongtai"
    }

    /// The token the template's session gives `username`.
    static func token(for username: String) -> String {
        "test-session-" + username
    }
}

/// The demo district seeded once per test process and kept as the bytes of its database.
///
/// Seeding writes 9,720 grid cells and hashes a password; doing it once and copying the
/// file lets every test start from the same clean district in a few milliseconds. Every
/// demo account is also signed in once here, with a session that outlives any clock a test
/// sets, so tests need no bcrypt check per request (the login route has tests of its own).
enum DemoTemplate {
    struct Files: Sendable {
        /// File name → content: the database and any WAL files it left.
        let contents: [String: Data]
    }

    enum TemplateError: Error {
        case missingAccount(String)
    }

    static let databaseName = "xiuhua.sqlite"
    static let sessionExpiry = instant("2100-01-01T00:00:00+08:00")

    private static let seeded = Task<Files, any Error> { try await seed() }

    static func files() async throws -> Files {
        try await seeded.value
    }

    private static func seed() async throws -> Files {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await Store.openSQLite(dataDirectory: directory.path, logger: .quiet)
        do {
            try await DemoSeeder.seedIfNeeded(store, logger: .quiet)
            for username in Demo.usernames {
                guard let account = try await store.account(username: username) else {
                    throw TemplateError.missingAccount(username)
                }
                try await store.addSession(
                    token: Demo.token(for: username), accountID: account.id, at: Date(), expiresAt: sessionExpiry
                )
            }
        } catch {
            await store.close()
            throw error
        }
        await store.close()
        var contents: [String: Data] = [:]
        for name in [databaseName, databaseName + "-wal", databaseName + "-shm"] {
            if let data = FileManager.default.contents(atPath: directory.file(name)) {
                contents[name] = data
            }
        }
        return Files(contents: contents)
    }
}

/// A directory under the system's temporary directory, removed by `remove()`.
struct TemporaryDirectory: Sendable {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("xiuhua-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String {
        (path as NSString).appendingPathComponent(name)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// A demo district of the test's own: a fresh copy of the seeded database in a temporary
/// directory, its store, and the services on a clock the test sets.
///
/// One test drives a fixture from one task; the lock only guards the services against a
/// restart racing a read.
final class DemoServerFixture: @unchecked Sendable {
    let directory: TemporaryDirectory
    let clock: TestClock
    private let lock = NSLock()
    private var current: XiuhuaServices

    /// 2026-11-30 is a Monday: a plain working day, far from any holiday.
    static let mondayMorning = instant("2026-11-30T09:00:00+08:00")

    private init(directory: TemporaryDirectory, clock: TestClock, services: XiuhuaServices) {
        self.directory = directory
        self.clock = clock
        self.current = services
    }

    var services: XiuhuaServices {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    var store: Store { services.store }

    static func make(at start: Date = mondayMorning) async throws -> DemoServerFixture {
        let directory = try TemporaryDirectory()
        do {
            for (name, data) in try await DemoTemplate.files().contents {
                guard FileManager.default.createFile(atPath: directory.file(name), contents: data) else {
                    throw CocoaError(.fileWriteUnknown)
                }
            }
            let clock = TestClock(start)
            return DemoServerFixture(directory: directory, clock: clock, services: try await load(directory, clock))
        } catch {
            directory.remove()
            throw error
        }
    }

    /// Loading the district's 9,720 cells takes about two seconds of one core in a debug
    /// build; two loads at a time keep the cores busy without starving the servers of
    /// tests already running, whose clients give up after 20 seconds.
    private static let loads = LoadGate(width: 2)

    private static func load(_ directory: TemporaryDirectory, _ clock: TestClock) async throws -> XiuhuaServices {
        await loads.enter()
        let store: Store
        do {
            store = try await Store.openSQLite(dataDirectory: directory.path, logger: .quiet)
        } catch {
            await loads.leave()
            throw error
        }
        do {
            let services = try await XiuhuaServices.load(
                store: store, catalog: .national, calendar: .chinaDefault, now: { clock.now }
            )
            await loads.leave()
            return services
        } catch {
            await loads.leave()
            await store.close()
            throw error
        }
    }

    /// Stops using the store as a server shutdown would, and opens the same directory
    /// again with new services on the same clock.
    func restart() async throws {
        await store.close()
        replace(with: try await Self.load(directory, clock))
    }

    private func replace(with services: XiuhuaServices) {
        lock.lock()
        defer { lock.unlock() }
        current = services
    }

    func tearDown() async {
        await store.close()
        directory.remove()
    }

    /// Runs `body` against the real server over HTTP on 127.0.0.1, on a port the system
    /// picks, with no background overdue scan.
    func serve<T: Sendable>(_ body: @Sendable (DemoAPI) async throws -> T) async throws -> T {
        let services = self.services
        let app = buildApplication(services: services, host: "127.0.0.1", port: 0, overdueScanInterval: nil, logger: .quiet)
        let clock = self.clock
        return try await app.test(.live) { client in
            try await body(DemoAPI(client: client, services: services, clock: clock))
        }
    }

    /// A fresh fixture for `body`, torn down afterwards whatever happens.
    static func with<T: Sendable>(at start: Date = mondayMorning, _ body: (DemoServerFixture) async throws -> T) async throws -> T {
        let fixture = try await make(at: start)
        do {
            let value = try await body(fixture)
            await fixture.tearDown()
            return value
        } catch {
            await fixture.tearDown()
            throw error
        }
    }

    /// The common shape: a fresh district, served over HTTP, torn down afterwards.
    static func withServer<T: Sendable>(at start: Date = mondayMorning, _ body: @Sendable (DemoAPI) async throws -> T) async throws -> T {
        try await with(at: start) { fixture in try await fixture.serve(body) }
    }
}

/// Lets at most `width` callers through at a time; the others wait their turn.
actor LoadGate {
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(width: Int) {
        free = width
    }

    func enter() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}

/// An answer of the server: status, content type and the body as text and as JSON.
struct APIResponse: Sendable {
    let status: HTTPResponse.Status
    let contentType: String?
    let text: String

    var json: JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    /// The `error` code of an error body.
    var error: String? { json?["error"]?.stringValue }

    subscript(_ key: String) -> JSONValue? { json?[key] }
}

/// The API as a client sees it: requests with or without a bearer token, and the
/// workflow steps of the story in their words.
struct DemoAPI: Sendable {
    typealias Transport = @Sendable (HTTPRequest.Method, String, HTTPFields, ByteBuffer?) async throws -> (HTTPResponse, ByteBuffer)

    let transport: Transport
    let port: Int?
    let services: XiuhuaServices
    let clock: TestClock

    init(client: any TestClientProtocol, services: XiuhuaServices, clock: TestClock) {
        self.transport = { method, uri, headers, body in
            let response = try await client.executeRequest(uri: uri, method: method, headers: headers, body: body)
            return (response.head, response.body)
        }
        self.port = client.port
        self.services = services
        self.clock = clock
    }

    private init(transport: @escaping Transport, port: Int?, services: XiuhuaServices, clock: TestClock) {
        self.transport = transport
        self.port = port
        self.services = services
        self.clock = clock
    }

    /// Runs `body` with a client on a connection of its own, so that requests from two
    /// such clients really run at the same time on the server.
    func withOwnConnection<T: Sendable>(_ body: @escaping @Sendable (DemoAPI) async throws -> T) async throws -> T {
        let port = try #require(port)
        let services = services
        let clock = clock
        return try await TestClient.withClient(host: "127.0.0.1", port: port) { client in
            let api = DemoAPI(
                transport: { method, uri, headers, requestBody in
                    let response = try await client.execute(
                        TestClient.Request(uri, method: method, authority: "localhost", headers: headers, body: requestBody)
                    )
                    return (response.head, response.body ?? ByteBuffer())
                },
                port: port, services: services, clock: clock
            )
            return try await body(api)
        }
    }

    // MARK: - Requests

    /// Sends a request as `username` (its template session) or, with nil, anonymously.
    func send(_ method: HTTPRequest.Method, _ path: String, as username: String?, body: String? = nil) async throws -> APIResponse {
        try await send(method, path, token: username.map(Demo.token(for:)), body: body)
    }

    func send(_ method: HTTPRequest.Method, _ path: String, token: String?, body: String? = nil) async throws -> APIResponse {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if body != nil { headers[.contentType] = "application/json" }
        let (head, buffer) = try await transport(method, path, headers, body.map { ByteBuffer(string: $0) })
        return APIResponse(status: head.status, contentType: head.headerFields[.contentType], text: String(buffer: buffer))
    }

    func get(_ path: String, as username: String? = nil) async throws -> APIResponse {
        try await send(.get, path, as: username)
    }

    func post(_ path: String, as username: String? = nil, _ fields: [String: Any]) async throws -> APIResponse {
        try await send(.post, path, as: username, body: Self.jsonText(fields))
    }

    static func jsonText(_ fields: [String: Any]) -> String {
        // Only test literals reach here: strings, numbers, booleans, arrays of them.
        let data = try! JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    /// Signs in over HTTP with the demo password and returns the bearer token.
    func login(_ username: String, password: String = DemoAccounts.password) async throws -> String {
        let response = try await post("/api/v1/sessions", ["username": username, "password": password])
        try #require(response.status == .created, "login of \(username): \(response.status) \(response.text)")
        return try #require(response["token"]?.stringValue)
    }

    // MARK: - Places

    /// A point inside grid cell `code`.
    func point(inGrid code: String) throws -> Coordinate {
        let feature = try #require(services.features.first { $0.region.code == code })
        return try #require(feature.geometry).representativePoint
    }

    // MARK: - Cases

    struct Filed: Sendable {
        let number: String
        let ticket: String
    }

    /// The body of a report in `grid` through `source`, with what that channel needs.
    func report(source: String = "hotline", grid: String = Demo.hongqiliGrid, category: String = "06010") throws -> [String: Any] {
        let point = try point(inGrid: grid)
        var fields: [String: Any] = [
            "source": source, "category": category, "description": "院内杂草丛生，堆放生活垃圾",
            "lat": point.lat, "lon": point.lon,
        ]
        switch source {
        case "hotline":
            fields["reporter_name"] = "刘秀英"
            fields["reporter_phone"] = "13812345678"
        case "patrol":
            fields["photos"] = ["patrol/weeds.jpg"]
        default:
            break
        }
        return fields
    }

    /// Files a case and requires that it was filed. A hotline report waits for
    /// verification unless the operator sends it straight to acceptance.
    func file(
        source: String = "hotline", grid: String = Demo.hongqiliGrid, as username: String? = "operator", directAcceptance: Bool = false
    ) async throws -> Filed {
        var body = try report(source: source, grid: grid)
        if directAcceptance { body["direct_acceptance"] = true }
        let response = try await post("/api/v1/cases", as: username, body)
        try #require(response.status == .created, "filing: \(response.status) \(response.text)")
        let number = try #require(response["number"]?.stringValue)
        return Filed(number: number, ticket: try await ticket(of: number))
    }

    /// The citizen's ticket code of case `number`, as the SMS that tells them of it carries
    /// it: staff filing for a caller never receive it, so tests that play the citizen read it
    /// from the store.
    func ticket(of number: String) async throws -> String {
        try #require(try await services.store.caseSnapshot(number)?.ticketCode)
    }

    /// Takes an action on a case.
    func act(_ number: String, as username: String?, _ action: String, _ fields: [String: Any] = [:]) async throws -> APIResponse {
        var body = fields
        body["action"] = action
        return try await post("/api/v1/cases/\(number)/actions", as: username, body)
    }

    /// Takes an action and requires that it was taken.
    @discardableResult
    func step(_ number: String, as username: String, _ action: String, _ fields: [String: Any] = [:]) async throws -> JSONValue {
        let response = try await act(number, as: username, action, fields)
        try #require(response.status == .ok, "\(action) by \(username): \(response.status) \(response.text)")
        return try #require(response["case"])
    }

    /// The case as `username` sees it; requires that they may.
    func caseView(_ number: String, as username: String = "dispatcher") async throws -> JSONValue {
        let response = try await get("/api/v1/cases/\(number)", as: username)
        try #require(response.status == .ok, "GET \(number) as \(username): \(response.status) \(response.text)")
        return try #require(response.json)
    }

    /// The case's version, read by the dispatcher (who sees every case).
    func version(_ number: String) async throws -> Int {
        try #require(try await caseView(number)["version"]?.intValue)
    }

    /// The kinds of the case's events, in order.
    func eventKinds(_ number: String) async throws -> [String] {
        try #require(try await caseView(number)["events"]?.arrayValue).compactMap { $0["kind"]?.stringValue }
    }

    /// The numbers a list request returns.
    func listed(_ query: String, as username: String = "dispatcher") async throws -> [String] {
        let response = try await get("/api/v1/cases?\(query)", as: username)
        try #require(response.status == .ok, "list \(query) as \(username): \(response.status) \(response.text)")
        return try #require(response["items"]?.arrayValue).compactMap { $0["number"]?.stringValue }
    }

    /// The main path of a hotline case, in order, with the state each step leads to.
    static func mainPath(owner: String) -> [(state: String, username: String, action: String, fields: [String: Any])] {
        [
            ("awaitingAcceptance", "gridworker", "verify", ["real": true]),
            ("awaitingDispatch", "dutychief", "accept", [:]),
            ("dispatched", "dispatcher", "dispatch", ["owner": owner]),
            ("handled", Demo.handler(of: owner), "handle", ["note": "已清理完毕", "photos": ["after.jpg"]]),
            ("checkPassed", "gridworker", "check", ["passed": true]),
            ("closed", "dutychief", "close", [:]),
        ]
    }

    /// Files a hotline case (in 红旗里社区 unless told otherwise) and walks it along the main
    /// path until `state`. Outside `gridworker`'s patrol nobody may verify, so there the
    /// operator sends the case straight to acceptance.
    func hotlineCase(in state: String, owner: String = "street:\(Demo.yongtai)", grid: String = Demo.hongqiliGrid) async throws -> Filed {
        let patrolled = grid.hasPrefix(Demo.hongqili)
        let filed = try await file(grid: grid, directAcceptance: !patrolled && state != "reported")
        guard state != "reported" else { return filed }
        for step in Self.mainPath(owner: owner) where patrolled || step.action != "verify" {
            try await self.step(filed.number, as: step.username, step.action, step.fields)
            if step.state == state { return filed }
        }
        Issue.record("no main-path state \(state)")
        return filed
    }
}

extension JSONValue {
    subscript(_ key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    var arrayValue: [JSONValue]? {
        if case .array(let array) = self { return array }
        return nil
    }

    var objectValue: [String: JSONValue]? {
        if case .object(let object) = self { return object }
        return nil
    }

    var intValue: Int? {
        numberValue.flatMap { $0 == $0.rounded() ? Int($0) : nil }
    }
}
