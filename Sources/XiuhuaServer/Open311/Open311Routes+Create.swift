import Foundation
import Hummingbird
import Xiuhua
import XiuhuaGeo
import XiuhuaStore

extension Open311Routes {
    /// `POST requests`: a client system files a case with its `api_key`, through the same
    /// intake path as `POST /api/v1/cases` with source `api`.
    ///
    /// The position is `lat`/`long` (WGS-84), or an `address_string` that names a place of
    /// the district's gazetteer; an address that names no known place is refused with a 400
    /// asking for a position, never guessed. `first_name`/`last_name` and `phone` are kept
    /// as the reporter's (internal) identity; `email` and `device_id` are not stored.
    func create(_ request: Request, _ context: XiuhuaRequestContext, _ format: Open311Format) async throws -> Response {
        if let type = request.headers[.contentType]?.lowercased(), !type.hasPrefix("application/x-www-form-urlencoded") {
            throw Open311Error.badRequest("请求体应为 application/x-www-form-urlencoded (the body must be form-encoded), got \(type)")
        }
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        // The query's fields first, then the body's: one form, as if sent together.
        let query = request.uri.query ?? ""
        let text = String(decoding: body.readableBytesView, as: UTF8.self)
        let encoded = query.isEmpty ? text : text.isEmpty ? query : query + "&" + text
        let form = Open311Form(encoded)

        try checkJurisdiction(form["jurisdiction_id"])
        let key: APIKey
        do {
            key = try await services.apiKeys.admit(form["api_key"], at: services.now())
        } catch let refusal as APIKeyGate.Refusal {
            switch refusal {
            case .missing: throw Open311Error(.forbidden, "缺少 api_key (api_key missing) -- can't proceed with create_request.")
            case .unknown: throw Open311Error(.forbidden, "Invalid api_key received -- can't proceed with create_request.")
            case .overRate(let key):
                throw Open311Error(.tooManyRequests, "超出速率限制 (rate limit of \(key.perMinute) requests a minute exceeded for this api_key)")
            }
        }
        let report = try intakeRequest(form)
        let desk = CaseDesk(services: services)
        if let surge = services.surgeIntake, surge.shouldJournal(services.store) {
            let now = services.now()
            // Decided now only to refuse what filing would refuse; the filer decides it again.
            _ = try await desk.prepare(report, receivedAt: now)
            return try await journal(encoded: encoded, surge: surge, key: key, at: now, form: form, format: format)
        }
        let snapshot = try await desk.file(report, as: key.actor)
        return answer(
            id: snapshot.number, token: snapshot.ticketCode,
            notice: "处置时限 \(snapshot.disposalLimit.chineseText) (disposal limit)", form: form, format: format
        )
    }

    /// The spec's answer to a POST: one request with its id (nil while journaled), token
    /// and notice, echoing the client's `account_id`.
    private func answer(id: String?, token: String, notice: String, form: Open311Form, format: Open311Format) -> Response {
        let item = Open311Value.object([
            ("service_request_id", .text(id)),
            ("token", .string(token)),
            ("service_notice", .string(notice)),
            ("account_id", .text(form["account_id"])),
        ])
        return format.response(.list(item: "request", [item]), root: "service_requests")
    }

    /// The report in `form` checked field by field (everything but the key and the
    /// jurisdiction) as the intake request to file. A journaled report is read again
    /// through here when it is filed.
    func intakeRequest(_ form: Open311Form) throws -> IntakeRequest {
        guard let code = form["service_code"] else { throw Open311Error.badRequest("缺少 service_code (service_code is required)") }
        guard let category = services.catalog.matter(code: code) else {
            throw Open311Error.notFound("没有这个服务 (unknown service_code): \(code)")
        }
        try Self.checkBounds(form)
        let (answers, problems) = services.questions.check(form.attributes, for: code)
        guard problems.isEmpty else {
            throw Open311Error(.badRequest, entries: problems.map { .init(code: 400, description: "attribute[\($0.code)]: \($0.message)") })
        }
        let (lat, lon, crs) = try position(form)
        let description = form["description"] ?? category.name
        if description.unicodeScalars.contains(where: { $0.value < 0x20 && !["\n", "\r", "\t"].contains($0) }) {
            throw Open311Error.badRequest("description 含有控制字符 (description contains control characters)")
        }
        guard description.count <= Self.maximumDescription else {
            throw Open311Error.badRequest("description 不能超过 \(Self.maximumDescription) 字 (at most \(Self.maximumDescription) characters)")
        }
        let media = form.all("media_url")
        for url in media where !Self.isMediaURL(url) {
            throw Open311Error.badRequest("media_url 应为 http 或 https 地址 (media_url must be an http(s) URL): \(url.prefix(100))")
        }
        return IntakeRequest(
            source: .api, category: code, description: description, lat: lat, lon: lon, crs: crs,
            address: form["address_string"], photos: media, reporterName: Self.reporterName(form),
            reporterPhone: form["phone"], attributes: answers, descriptionLimit: Self.maximumDescription
        )
    }

    /// Acknowledges a checked report once it is in the intake journal: the answer carries
    /// the token (the ticket code its case will have) and no case number yet, as the spec
    /// allows; `tokens/{token}` gives the number once the case is filed. What is journaled
    /// is the form as received and the key's identity (`Open311JournalPayload`).
    private func journal(
        encoded: String, surge: SurgeIntake, key: APIKey, at now: Date, form: Open311Form, format: Open311Format
    ) async throws -> Response {
        let ticket: String
        do {
            ticket = try await surge.accept(Open311JournalPayload(key: key, form: encoded).line, at: now)
        } catch let full as SurgeIntake.BacklogFull {
            throw Open311Error(.serviceUnavailable, "受理队列已满 (\(full.backlog) reports are waiting to be filed); please retry later")
        }
        return answer(
            id: nil, token: ticket,
            notice: "已受理，正在立案，可凭 token 查询案件编号 (accepted and queued for filing; look the case number up with the token)",
            form: form, format: format
        )
    }

    /// A journaled report read again for filing: the same checks and decision as when it
    /// was acknowledged, at the time it was acknowledged.
    func journaledReport(_ entry: IntakeJournal.Entry) async throws -> Store.JournaledReport {
        guard let payload = Open311JournalPayload(line: entry.payload) else {
            throw Open311Error.badRequest("受理记录无法读取 (unreadable journal entry)")
        }
        let request = try intakeRequest(Open311Form(payload.form))
        let intake = try await CaseDesk(services: services).prepare(request, receivedAt: entry.at)
        return Store.JournaledReport(ticket: entry.ticket, at: entry.at, actor: payload.actor, intake: intake)
    }

    /// lat/long as given, or the point of the gazetteer place the address names.
    private func position(_ form: Open311Form) throws -> (Double?, Double?, String?) {
        switch (form["lat"], form["long"]) {
        case let (lat?, long?):
            guard let latValue = Double(lat), let lonValue = Double(long) else {
                throw Open311Error.badRequest("lat 和 long 应为数字 (lat and long must be numbers): \(lat), \(long)")
            }
            return (latValue, lonValue, form["crs"])
        case (.some, nil), (nil, .some):
            throw Open311Error.badRequest("lat 和 long 须同时提供 (lat and long must be given together)")
        case (nil, nil):
            if form["address_id"] != nil, form["address_string"] == nil {
                throw Open311Error.badRequest("不支持 address_id，请提供 lat/long (address_id is not supported; send lat and long)")
            }
            guard let address = form["address_string"] else {
                throw Open311Error.badRequest("需要位置：lat 和 long，或 address_string (a location is required: lat and long, or address_string)")
            }
            guard let place = services.gazetteer.locate(address) else {
                throw Open311Error.badRequest("无法根据地址定位，请提供 lat 和 long (the address names no known place of the district; a position is required): \(address.prefix(100))")
            }
            return (place.point.lat, place.point.lon, nil)
        }
    }

    /// The most attributes one report answers, and values one attribute lists: a
    /// category asks a handful of questions, a script could send millions.
    static let maximumAttributes = 50
    static let maximumMedia = PhotoRules.maximumPerRequest

    /// Every field within its length (`TextLimits`), and the counts of attributes and
    /// media URLs within theirs: a 400 naming the field otherwise.
    static func checkBounds(_ form: Open311Form) throws {
        if let refusal = TextLimits.refusal(form: form.fields) { throw Open311Error(refusal) }
        guard form.attributes.count <= maximumAttributes, form.attributes.values.allSatisfy({ $0.count <= maximumAttributes }) else {
            throw Open311Error.badRequest("attribute 最多 \(maximumAttributes) 项，每项最多 \(maximumAttributes) 个值 (at most \(maximumAttributes) attributes of \(maximumAttributes) values each)")
        }
        for (code, values) in form.attributes {
            for value in values {
                if let refusal = TextLimits.refusal("attribute[\(code)]", value) { throw Open311Error(refusal) }
            }
        }
        guard form.all("media_url").count <= maximumMedia else {
            throw Open311Error.badRequest("media_url 最多 \(maximumMedia) 个 (at most \(maximumMedia) media URLs)")
        }
    }

    /// Family name first for Chinese names (张 + 三), "first last" otherwise.
    static func reporterName(_ form: Open311Form) -> String? {
        let first = form["first_name"]?.trimmingWhitespace ?? ""
        let last = form["last_name"]?.trimmingWhitespace ?? ""
        let chinese = (first + last).unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
        let name = chinese ? last + first : [first, last].filter { !$0.isEmpty }.joined(separator: " ")
        return name.isEmpty ? nil : String(name.prefix(100))
    }

    static func isMediaURL(_ text: String) -> Bool {
        guard text.count <= 2_000, let url = URL(string: text), let scheme = url.scheme?.lowercased(), url.host != nil else { return false }
        return scheme == "http" || scheme == "https"
    }
}
