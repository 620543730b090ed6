import Foundation
import Hummingbird
import Testing
import Xiuhua

/// Who may call which case route: every route against every demo role and an anonymous
/// caller, with the expected answer written out as a table.
@Suite("Case routes × roles")
struct CaseRouteAccessTests {
    /// What a caller gets back.
    enum Outcome: Sendable, CustomStringConvertible {
        /// 200.
        case ok
        /// 201.
        case created
        /// 401 unauthenticated: sign in first.
        case signIn
        /// 403 forbidden_role: the role may never do this.
        case role
        /// 403 out_of_scope: the role fits, the case is another unit's.
        case scope
        /// 404 case_not_found: the case is outside what the caller may see.
        case hidden
        /// 409 wrong_state.
        case state

        var status: HTTPResponse.Status {
            switch self {
            case .ok: .ok
            case .created: .created
            case .signIn: .unauthorized
            case .role, .scope: .forbidden
            case .hidden: .notFound
            case .state: .conflict
            }
        }

        var error: String? {
            switch self {
            case .ok, .created: nil
            case .signIn: "unauthenticated"
            case .role: "forbidden_role"
            case .scope: "out_of_scope"
            case .hidden: "case_not_found"
            case .state: "wrong_state"
            }
        }

        var succeeds: Bool { status.code < 300 }

        var description: String { "\(status.code)\(error.map { " " + $0 } ?? "")" }
    }

    /// The callers, in the order of every row below: anonymous, then the nine demo accounts.
    static let callers: [String?] = [nil, "operator", "gridworker", "dutychief", "dispatcher", "yongtai", "huanwei", "supervisor", "admin", "api12345"]

    struct Row: Sendable {
        let route: String
        let outcomes: [Outcome]

        init(_ route: String, _ outcomes: [Outcome]) {
            self.route = route
            self.outcomes = outcomes
        }
    }

    // MARK: - Reading

    static let reads: [Row] = [
        //                                                                anonymous operator gridworker dutychief dispatcher yongtai huanwei  supervisor admin api12345
        Row("GET /api/v1/me",                                             [.signIn, .ok,     .ok,       .ok,      .ok,       .ok,    .ok,     .ok,       .ok,  .ok]),
        Row("GET /api/v1/cases",                                          [.signIn, .ok,     .ok,       .ok,      .ok,       .ok,    .ok,     .ok,       .ok,  .ok]),
        Row("GET /api/v1/cases/{n}: reported, in 红旗里社区",              [.signIn, .ok,     .ok,       .ok,      .ok,       .ok,    .hidden, .ok,       .ok,  .ok]),
        Row("GET /api/v1/cases/{n}: in 文瀛湖街道, dispatched to 环卫",    [.signIn, .ok,     .hidden,   .ok,      .ok,       .hidden, .ok,    .ok,       .ok,  .ok]),
        Row("GET /api/v1/tickets/{code}",                                 [.ok,     .ok,     .ok,       .ok,      .ok,       .ok,    .ok,     .ok,       .ok,  .ok]),
    ]

    @Test("signing in and reading: every demo account signs in; /me and case lists need an account, case pages follow each role's scope, tickets are public")
    func signingInAndReading() async throws {
        try await DemoServerFixture.withServer { api in
            try await Self.signIn(api)
            let local = try await api.file()
            let remote = try await api.hotlineCase(in: "dispatched", owner: "dept:huanwei", grid: Demo.wenyinghuGrid)
            let paths = [
                "/api/v1/me", "/api/v1/cases", "/api/v1/cases/\(local.number)", "/api/v1/cases/\(remote.number)",
                "/api/v1/tickets/\(local.ticket)",
            ]
            for (row, path) in zip(Self.reads, paths) {
                for (caller, expected) in zip(Self.callers, row.outcomes) {
                    let response = try await api.get(path, as: caller)
                    #expect(response.status == expected.status, "\(row.route) as \(caller ?? "anonymous"): \(response.text)")
                    #expect(response.error == expected.error, "\(row.route) as \(caller ?? "anonymous")")
                    #expect(response.contentType?.hasPrefix("application/json") == true)
                }
            }
            for entry in DemoAccounts.entries {
                let me = try await api.get("/api/v1/me", as: entry.username)
                #expect(me["username"]?.stringValue == entry.username)
                #expect(me["role"]?.stringValue == entry.role.rawValue)
            }
        }
    }

    // MARK: - Filing

    static let filings: [(source: String, row: Row)] = [
        //                                                   anonymous operator  gridworker dutychief dispatcher yongtai huanwei supervisor admin  api12345
        ("hotline", Row("POST /api/v1/cases source hotline", [.signIn,  .created, .role,     .role,    .role,     .role,  .role,  .role,     .role, .role])),
        ("patrol", Row("POST /api/v1/cases source patrol",   [.signIn,  .role,    .created,  .role,    .role,     .role,  .role,  .role,     .role, .role])),
        ("web", Row("POST /api/v1/cases source web",         [.created, .role,    .role,     .role,    .role,     .role,  .role,  .role,     .role, .role])),
        ("api", Row("POST /api/v1/cases source api",         [.signIn,  .role,    .role,     .role,    .role,     .role,  .role,  .role,     .role, .created])),
    ]

    @Test("filing: each channel is open to its own filer only — hotline to the operator, patrol to the grid worker, web to the public, api to the platform account")
    func filing() async throws {
        try await DemoServerFixture.withServer { api in
            var filed = 0
            for (source, row) in Self.filings {
                for (caller, expected) in zip(Self.callers, row.outcomes) {
                    let response = try await api.post("/api/v1/cases", as: caller, try api.report(source: source))
                    #expect(response.status == expected.status, "\(row.route) as \(caller ?? "anonymous"): \(response.text)")
                    #expect(response.error == expected.error, "\(row.route) as \(caller ?? "anonymous")")
                    if expected.succeeds {
                        filed += 1
                        #expect(response["case"]?["source"]?.stringValue == (caller == nil ? nil : source))
                    }
                }
            }
            // Refused reports left nothing behind: only the allowed ones are listed.
            let list = try await api.get("/api/v1/cases", as: "dispatcher")
            #expect(list["total"]?.intValue == filed)
        }
    }

    // MARK: - Acting

    struct ActionRow: Sendable {
        let row: Row
        /// The request body.
        let body: String
        /// The main-path state the case is brought to first.
        let state: String
        /// Who it is dispatched to on the way.
        let owner: String
    }

    static let street = "street:\(Demo.yongtai)"
    static let huanwei = "dept:huanwei"

    static let actions: [ActionRow] = [
        //                                                               anonymous operator gridworker dutychief dispatcher yongtai  huanwei  supervisor admin  api12345
        ActionRow(row: Row("verify a reported case",                     [.signIn, .role,    .ok,       .role,    .role,     .role,   .hidden, .role,     .role, .role]),
                  body: #"{"action":"verify","real":true}"#, state: "reported", owner: street),
        ActionRow(row: Row("reject a reported case",                     [.signIn, .ok,      .role,     .ok,      .role,     .role,   .hidden, .role,     .role, .role]),
                  body: #"{"action":"reject","reason":"重复反映"}"#, state: "reported", owner: street),
        ActionRow(row: Row("accept a verified case",                     [.signIn, .role,    .role,     .ok,      .role,     .role,   .hidden, .role,     .role, .role]),
                  body: #"{"action":"accept"}"#, state: "awaitingAcceptance", owner: street),
        ActionRow(row: Row("dispatch an accepted case",                  [.signIn, .role,    .role,     .role,    .ok,       .role,   .hidden, .role,     .role, .role]),
                  body: #"{"action":"dispatch","owner":"street:140213003"}"#, state: "awaitingDispatch", owner: street),
        ActionRow(row: Row("handle a case dispatched to 永泰街道",        [.signIn, .role,    .role,     .role,    .role,     .ok,     .hidden, .role,     .role, .role]),
                  body: #"{"action":"handle","note":"已清理","photos":["after.jpg"]}"#, state: "dispatched", owner: street),
        ActionRow(row: Row("handle a case dispatched to 环卫",            [.signIn, .role,    .role,     .role,    .role,     .scope,  .ok,     .role,     .role, .role]),
                  body: #"{"action":"handle","note":"已清理","photos":["after.jpg"]}"#, state: "dispatched", owner: huanwei),
        ActionRow(row: Row("check a handled case",                       [.signIn, .role,    .ok,       .role,    .role,     .role,   .hidden, .role,     .role, .role]),
                  body: #"{"action":"check","passed":true}"#, state: "handled", owner: street),
        ActionRow(row: Row("close a checked case",                       [.signIn, .role,    .role,     .ok,      .role,     .role,   .hidden, .role,     .role, .role]),
                  body: #"{"action":"close"}"#, state: "checkPassed", owner: street),
        ActionRow(row: Row("rate a closed case on the phone",            [.signIn, .ok,      .role,     .role,    .role,     .role,   .hidden, .role,     .role, .role]),
                  body: #"{"action":"rate","satisfaction":"satisfied"}"#, state: "closed", owner: street),
        ActionRow(row: Row("supervise an open case",                     [.signIn, .role,    .role,     .role,    .role,     .role,   .hidden, .ok,       .role, .role]),
                  body: #"{"action":"supervise","level":1,"order":"三日内办结"}"#, state: "reported", owner: street),
        ActionRow(row: Row("urge an open case",                          [.signIn, .role,    .role,     .ok,      .ok,       .role,   .hidden, .ok,       .role, .ok]),
                  body: #"{"action":"urge","note":"请尽快处理"}"#, state: "reported", owner: street),
    ]

    @Test("acting: each action is taken by its roles only, within their scope; refusals write nothing")
    func acting() async throws {
        try await DemoServerFixture.withServer { api in
            for action in Self.actions {
                try await Self.check(action, api)
            }
        }
    }

    /// Tries `action` as every caller: the refused ones first on one case, which must stay
    /// as it was, then each allowed one on a case of its own in the same state.
    static func check(_ action: ActionRow, _ api: DemoAPI) async throws {
        let row = action.row
        var unused: DemoAPI.Filed? = try await api.hotlineCase(in: action.state, owner: action.owner)
        let refusedOn = try #require(unused)
        let before = try await api.version(refusedOn.number)
        for (caller, expected) in zip(Self.callers, row.outcomes) where !expected.succeeds {
            let response = try await api.send(.post, "/api/v1/cases/\(refusedOn.number)/actions", as: caller, body: action.body)
            #expect(response.status == expected.status, "\(row.route) as \(caller ?? "anonymous"): \(response.text)")
            #expect(response.error == expected.error, "\(row.route) as \(caller ?? "anonymous")")
        }
        #expect(try await api.version(refusedOn.number) == before, "a refused \(row.route) wrote something")
        // Each allowed caller acts on a case of its own in the same state.
        for (caller, expected) in zip(Self.callers, row.outcomes) where expected.succeeds {
            let target: DemoAPI.Filed
            if let first = unused {
                target = first
                unused = nil
            } else {
                target = try await api.hotlineCase(in: action.state, owner: action.owner)
            }
            let version = try await api.version(target.number)
            let response = try await api.send(.post, "/api/v1/cases/\(target.number)/actions", as: caller, body: action.body)
            #expect(response.status == expected.status, "\(row.route) as \(caller ?? "anonymous"): \(response.text)")
            #expect(response["case"]?["version"]?.intValue ?? 0 > version)
        }
    }

    // MARK: - Rating by ticket

    @Test("rating by ticket: anyone holding the code may rate a closed case, and nobody an open one")
    func ratingByTicket() async throws {
        try await DemoServerFixture.withServer { api in
            let open = try await api.hotlineCase(in: "dispatched")
            for caller in Self.callers {
                let response = try await api.post("/api/v1/tickets/\(open.ticket)/rating", as: caller, ["satisfaction": "satisfied"])
                #expect(response.status == .conflict, "rating an open case as \(caller ?? "anonymous"): \(response.text)")
                #expect(response.error == "wrong_state")
            }
            #expect(try await api.caseView(open.number)["state"]?.stringValue == "dispatched")
            for caller in Self.callers {
                let closed = try await api.hotlineCase(in: "closed")
                let response = try await api.post("/api/v1/tickets/\(closed.ticket)/rating", as: caller, ["satisfaction": "basicallySatisfied"])
                #expect(response.status == .ok, "rating a closed case as \(caller ?? "anonymous"): \(response.text)")
                // Whoever holds the code rates as the citizen, never as their staff self.
                let rated = try #require(try await api.caseView(closed.number)["events"]?.arrayValue?.last)
                #expect(rated["kind"]?.stringValue == "rated")
                #expect(rated["actor_role"]?.stringValue == Role.citizen.label)
            }
            let unknown = try await api.get("/api/v1/tickets/ZZZZZZZZZZ")
            #expect(unknown.status == .notFound)
            #expect(unknown.error == "ticket_not_found")
        }
    }

    // MARK: - Signing in

    /// Every demo account signs in with the demo password; a wrong password or an unknown
    /// name gets 401 invalid_credentials, and an unknown token is anonymous.
    static func signIn(_ api: DemoAPI) async throws {
        for entry in DemoAccounts.entries {
            let token = try await api.login(entry.username)
            let me = try await api.send(.get, "/api/v1/me", token: token)
            #expect(me.status == .ok)
            #expect(me["role"]?.stringValue == entry.role.rawValue)
        }
        for (username, password) in [("operator", "wrong-password"), ("nobody", DemoAccounts.password)] {
            let response = try await api.post("/api/v1/sessions", ["username": username, "password": password])
            #expect(response.status == .unauthorized)
            #expect(response.error == "invalid_credentials")
        }
        let forged = try await api.send(.get, "/api/v1/me", token: "not-a-session")
        #expect(forged.status == .unauthorized)
        #expect(forged.error == "unauthenticated")
    }
}

