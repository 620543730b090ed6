import Foundation
import Hummingbird
import Xiuhua
import XiuhuaStore

/// Open311 GeoReport v2 under `/open311/v2`: discovery, services, service definitions,
/// requests (GET and POST), one request, and tokens — each in `.json` and `.xml`. Every
/// refusal is the spec's error list with 400, 403 or 404 (429 when a key is over its rate);
/// see docs/OPEN311.md for how Xiuhua's cases map onto the spec.
struct Open311Routes {
    let services: XiuhuaServices
    /// Changes whenever the service list can have changed: the catalog and the questions
    /// are read at start, so the start time.
    let changeset: String
    /// The service list never changes while the server runs, so it is written once.
    private let serviceListJSON: ByteBuffer
    private let serviceListXML: ByteBuffer

    init(services: XiuhuaServices) {
        self.services = services
        let list = Self.serviceList(services)
        serviceListJSON = ByteBuffer(bytes: list.json)
        serviceListXML = ByteBuffer(bytes: list.xml(root: "services"))
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = services.calendar.timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        changeset = formatter.string(from: services.now())
    }

    static let base = "/open311/v2"
    /// Spec limits: a 90-day window, 1,000 requests, 4,000 characters of description.
    static let window: TimeInterval = 90 * 86_400
    static let maximumRequests = 1_000
    static let maximumDescription = 4_000

    func add(to router: Router<XiuhuaRequestContext>) {
        let base = Self.base
        router.get("\(base)/{file}") { request, context in
            try await respond(context, "file") { name, format in
                switch name {
                case "discovery": return discovery(request, format)
                case "services": return try serviceList(request, format)
                case "requests": return try await requestList(request, format)
                default: throw Open311Error.notFound("没有这个方法 (no such method): \(name)")
                }
            }
        }
        router.post("\(base)/{file}") { request, context in
            try await respond(context, "file") { name, format in
                guard name == "requests" else { throw Open311Error.notFound("只能 POST requests (only requests accepts POST)") }
                return try await create(request, context, format)
            }
        }
        router.get("\(base)/services/{file}") { request, context in
            try await respond(context, "file") { code, format in try serviceDefinition(code, request, format) }
        }
        router.get("\(base)/requests/{file}") { request, context in
            try await respond(context, "file") { id, format in try await oneRequest(id, request, format) }
        }
        router.get("\(base)/tokens/{file}") { request, context in
            try await respond(context, "file") { token, format in try await tokenLookup(token, request, format) }
        }
    }

    // MARK: - Methods

    func discovery(_ request: Request, _ format: Open311Format) -> Response {
        let host = request.head.authority ?? "127.0.0.1"
        let scheme = request.headers.first { $0.name.canonicalName == "x-forwarded-proto" }?.value == "https" ? "https" : "http"
        let district = services.regions?.district.name ?? "绣花 Xiuhua"
        let value = Open311Value.object([
            ("changeset", .string(changeset)),
            ("contact", .string("\(district)城市管理指挥中心，电话 12345 (city management centre, hotline 12345)")),
            ("key_service", .string("向城市管理指挥中心申请 API key；管理员用 xiuhua apikey create 或 POST /api/v1/apikeys 签发 (ask the centre; an administrator issues keys)")),
            ("endpoints", .list(item: "endpoint", [
                .object([
                    ("specification", .string("http://wiki.open311.org/GeoReport_v2")),
                    ("url", .string("\(scheme)://\(host)\(Self.base)")),
                    ("changeset", .string(changeset)),
                    ("type", .string("production")),
                    ("formats", .list(item: "format", [.string("text/xml"), .string("application/json")])),
                ]),
            ])),
        ])
        return format.response(value, root: "discovery")
    }

    func serviceList(_ request: Request, _ format: Open311Format) throws -> Response {
        try checkJurisdiction(request)
        let body = format == .json ? serviceListJSON : serviceListXML
        // Kept like a list, so that the fast path answers it too; it never goes stale by
        // itself, but one rule for every cached answer is simpler than two.
        services.publicAnswers.store(body, format: format, for: request.head.path ?? "", writeCount: services.store.caseWriteCount)
        return format.response(body: body)
    }

    static func serviceList(_ services: XiuhuaServices) -> Open311Value {
        let items = services.catalog.categories.filter { $0.kind == .matter }.map { category -> Open311Value in
            let keywords = [category.bigClass, category.legacyCode, category.isLocalExtension ? "本地扩展" : nil].compactMap { $0 }
            return .object([
                ("service_code", .string(category.code)),
                ("service_name", .string(category.name)),
                ("description", .string(category.filingCondition)),
                ("metadata", .bool(!services.questions.questions(for: category.code).isEmpty)),
                ("type", .string("realtime")),
                ("keywords", .string(keywords.joined(separator: ","))),
                ("group", .string(category.bigClass)),
            ])
        }
        return .list(item: "service", items)
    }

    func serviceDefinition(_ code: String, _ request: Request, _ format: Open311Format) throws -> Response {
        try checkJurisdiction(request)
        guard services.catalog.matter(code: code) != nil else {
            throw Open311Error.notFound("没有这个服务 (unknown service_code): \(code)")
        }
        let attributes = services.questions.questions(for: code).enumerated().map { index, question -> Open311Value in
            .object([
                ("variable", .bool(question.isVariable)),
                ("code", .string(question.code)),
                ("datatype", .string(question.dataType.rawValue)),
                ("required", .bool(question.isRequired)),
                ("datatype_description", .text(question.hint)),
                ("order", .integer(index + 1)),
                ("description", .string(question.text)),
                ("values", .list(item: "value", question.choices.map {
                    .object([("key", .string($0.key)), ("name", .string($0.name))])
                })),
            ])
        }
        return format.response(
            .object([("service_code", .string(code)), ("attributes", .list(item: "attribute", attributes))]),
            root: "service_definition"
        )
    }

    func requestList(_ request: Request, _ format: Open311Format) async throws -> Response {
        try checkJurisdiction(request)
        let parameters = Open311Parameters(request)
        let query = try Self.query(parameters, now: services.now(), catalog: services.catalog, timeZone: services.calendar.timeZone)
        let extensions = try parameters.flag("extensions")
        // Read before the query: a write that lands meanwhile makes the entry stale at once.
        let writeCount = services.store.caseWriteCount
        let target = request.head.path ?? ""
        if let entry = services.publicAnswers.entry(for: target, writeCount: writeCount) {
            return format.response(body: entry.body)
        }
        let snapshots = try await services.store.publicCases(query)
        var items: [Open311Value] = []
        items.reserveCapacity(snapshots.count)
        for snapshot in snapshots {
            items.append(try await Open311RequestView(snapshot, services: services, extensions: extensions).value)
        }
        let list = Open311Value.list(item: "request", items)
        let body = ByteBuffer(bytes: format == .json ? list.json : list.xml(root: "service_requests"))
        services.publicAnswers.store(body, format: format, for: target, writeCount: writeCount)
        return format.response(body: body)
    }

    func oneRequest(_ id: String, _ request: Request, _ format: Open311Format) async throws -> Response {
        try checkJurisdiction(request)
        let extensions = try Open311Parameters(request).flag("extensions")
        guard let snapshot = try await publishedCase(id) else {
            throw Open311Error.notFound("没有这个请求 (no such service_request_id): \(id)")
        }
        let item = try await Open311RequestView(snapshot, services: services, extensions: extensions).value
        return format.response(.list(item: "request", [item]), root: "service_requests")
    }

    /// The case the public sees under `number`: a merged case answers as the case it was
    /// merged into (its reporter follows that one now), and a rejected or cancelled case —
    /// or one merged into such a case — is not public at all.
    func publishedCase(_ number: String) async throws -> CaseSnapshot? {
        var snapshot = try await services.store.caseSnapshot(number)
        // A merge chain is short (a survivor is open when it absorbs); the bound only keeps
        // a damaged record from looping.
        for _ in 0..<8 {
            guard let current = snapshot, current.state == .merged, let survivor = current.mergedInto else { break }
            snapshot = try await services.store.caseSnapshot(survivor)
        }
        guard let snapshot, snapshot.state.isPublished else { return nil }
        return snapshot
    }

    func tokenLookup(_ token: String, _ request: Request, _ format: Open311Format) async throws -> Response {
        try checkJurisdiction(request)
        // The journal's state is read before the store: the filer commits a case and then
        // takes it off the queue, so read the other way round, a report filed between the
        // two reads would be in neither and its token answered as unknown.
        let journaled = services.surgeIntake?.state(ofTicket: token.uppercased()) ?? .unknown
        guard let snapshot = try await services.store.caseSnapshot(ticket: token.uppercased()) else {
            switch journaled {
            case .queued:
                // Accepted and journaled, not filed yet: the spec's answer without an id.
                let item = Open311Value.object([("service_request_id", .null), ("token", .string(token.uppercased()))])
                return format.response(.list(item: "request", [item]), root: "service_requests")
            case .refused(let reason):
                throw Open311Error.notFound("此 token 的报告立案时被拒绝 (the report of this token was refused when filed): \(reason)")
            case .unknown:
                throw Open311Error.notFound("没有这个 token (no such token): \(token)")
            }
        }
        let item = Open311Value.object([
            ("service_request_id", .string(snapshot.number)), ("token", .string(snapshot.ticketCode)),
        ])
        return format.response(.list(item: "request", [item]), root: "service_requests")
    }

    // MARK: - Shared

    /// One district per server: `jurisdiction_id`, when given, must be its code.
    func checkJurisdiction(_ request: Request) throws {
        try checkJurisdiction(Open311Parameters(request)["jurisdiction_id"])
    }

    func checkJurisdiction(_ id: String?) throws {
        guard let id else { return }
        guard let district = services.regions?.district, district.code == id else {
            throw Open311Error.notFound("没有这个辖区 (unknown jurisdiction_id): \(id)")
        }
    }

    /// Runs `body` with the name and format taken from path parameter `key`, answering
    /// every refusal in the spec's error shape and never with a 500.
    private func respond(
        _ context: XiuhuaRequestContext, _ key: String,
        _ body: (String, Open311Format) async throws -> Response
    ) async throws -> Response {
        let file = context.parameters.get(key) ?? ""
        guard let (name, format) = Open311Format.split(file) else {
            return Open311Error.notFound("格式应为 .json 或 .xml (format must be .json or .xml): \(file)").response(.json)
        }
        return await guarded(format, context) { try await body(name, format) }
    }

    private func guarded(_ format: Open311Format, _ context: XiuhuaRequestContext?, _ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let error as Open311Error {
            return error.response(format)
        } catch let error as APIError {
            return Open311Error(error).response(format)
        } catch let error as PostgresEngineError where error.isUnavailable {
            // As the native API says it: the shared database is away, nothing was written,
            // and the same request will succeed once it is back.
            var response = Open311Error(.serviceUnavailable, "数据库暂不可用，请稍后重试 (database unavailable: \(error.description))").response(format)
            response.headers[.retryAfter] = "5"
            return response
        } catch let error as IntakeJournal.JournalError {
            // The journal could not take the report (a full disk): nothing was acknowledged.
            context?.logger.error("intake journal failure", metadata: ["error": "\(error)"])
            var response = Open311Error(.serviceUnavailable, "暂时无法受理，请稍后重试 (\(error.description))").response(format)
            response.headers[.retryAfter] = "5"
            return response
        } catch {
            context?.logger.error("open311 failure", metadata: ["error": "\(error)"])
            // The spec's general error ("CRM is down") is a 400.
            return Open311Error.badRequest("暂时无法处理，请稍后重试 (temporarily unable to process the request)").response(format)
        }
    }
}
