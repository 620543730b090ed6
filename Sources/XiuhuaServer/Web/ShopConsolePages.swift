import Foundation
import Hummingbird
import Xiuhua
import XiuhuaStore

/// The console's shop pages: the list with search and street filter (`/console/shops`),
/// a shop's page with its contracts, inspections and notices (`/console/shops/{id}`), and
/// the form that registers a shop (`/console/shops/new`). They read and write through the
/// same store calls and `ShopRegistry` as `/api/v1/shops`, with the same roles and street
/// scope: every staff role reads, the keeper's contact masked unless the role needs it.
struct ShopConsolePages {
    let services: XiuhuaServices
    let tileURL: String?

    func add(to group: RouterGroup<XiuhuaRequestContext>) {
        group.get("/console/shops") { request, context in try await list(request, context) }
        group.get("/console/shops/new") { request, context in try await registerPage(request, context) }
        group.post("/console/shops") { request, context in try await register(request, context) }
        group.get("/console/shops/{id}") { request, context in try await shopPage(request, context) }
    }

    /// The signed-in staff member allowed to read shops; nil sends to sign-in, and a
    /// signed-in person of another role is refused.
    private func reader(_ request: Request, _ context: XiuhuaRequestContext) throws -> Account? {
        guard let account = context.account else { return nil }
        guard ShopRoutes.readers.contains(account.role) else { throw WebError.forbidden("role") }
        return account
    }

    /// Links between the shop registry's lists: shops, contracts, notices.
    static func recordLinks(_ page: PageContext) -> Markup {
        func t(_ key: ShopConsoleText.Key) -> String { ShopConsoleText.text(key, page.language) }
        let links: [(String, ShopConsoleText.Key)] = [("/console/shops", .title), ("/console/contracts", .contractsTitle), ("/console/notices", .noticesTitle), ("/console/idle-spaces", .spacesTitle), ("/console/shop-boards", .boardTitle)]
        let items = links.map { href, key -> Markup in
            "<a href=\"\(href)\"\(Markup.when(page.path == href, " aria-current=\"page\""))>\(t(key))</a>"
        }
        return "<nav class=\"pager\" aria-label=\"\(t(.records))\">\(items)</nav>"
    }

    /// Overdue: marked so by the scan, or past its deadline while still open.
    static func isOverdue(_ notice: RectificationNotice, at now: Date) -> Bool {
        notice.state == .overdue || (notice.state == .issued || notice.state == .served) && notice.deadline < now
    }

    // MARK: - List

    func list(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        guard let account = try reader(request, context) else { return signInFirst(request) }
        let page = PageContext(request, context, tileURL: tileURL)
        func t(_ key: ShopConsoleText.Key) -> String { ShopConsoleText.text(key, page.language) }
        let parameters = request.uri.queryParameters
        let text = parameters["q"].map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
        let street = parameters["street"].map(String.init) ?? ""
        let paging = try Paging.console(request, size: 50)
        // The same query and scope as GET /api/v1/shops.
        var query = ShopQuery(text: text.isEmpty ? nil : String(text.prefix(100)), limit: paging.limit, offset: paging.offset)
        if !street.isEmpty { query.streetCodes = [street] }
        query = ShopRegistry.scoped(query, for: account)
        let (shops, total) = try await services.store.shops(query)
        let streets = (services.regions?.regions(at: .street) ?? [])
            .filter { account.role != .streetOfficer || ShopRegistry.inScope(account, street: $0.code) }
            .sorted { $0.code < $1.code }
        let options = streets.map { region -> Markup in
            "<option value=\"\(region.code)\"\(Markup.when(region.code == street, " selected"))>\(region.name)</option>"
        }
        let rows = shops.map { shop -> Markup in
            let view = ShopView(shop, for: account.role, regions: services.regions)
            return """
            <tr><td><a href="/console/shops/\(view.id)">\(view.name)</a></td><td>\(view.creditCode)</td>\
            <td>\(view.place.streetName ?? view.place.streetCode) \(view.place.communityName ?? "")</td><td>\(view.address)</td></tr>
            """
        }
        let table: Markup = rows.isEmpty ? "<p class=\"empty\" id=\"no-shops\">\(t(.none))</p>" : """
            <div class="table-wrap"><table class="cases" id="shops">
            <caption>\(ShopConsoleText.text(.total, page.language, ["n": String(total)]))</caption>
            <thead><tr><th scope="col">\(t(.name))</th><th scope="col">\(t(.creditCode))</th><th scope="col">\(t(.street))</th>\
            <th scope="col">\(t(.address))</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
        let body: Markup = """
        <h1>\(t(.title))</h1>
        \(Self.recordLinks(page))
        \(Markup.when(account.role.keepsShopRegistry, "<p><a class=\"button\" href=\"/console/shops/new\" id=\"register-shop\">\(t(.register))</a></p>"))
        <form method="get" action="/console/shops" class="filters">
        <label for="q">\(t(.search))</label>
        <input type="search" id="q" name="q" value="\(text)" maxlength="100" placeholder="\(t(.searchHint))">
        <label for="street">\(t(.street))</label>
        <select id="street" name="street"><option value="">\(t(.allStreets))</option>\(options)</select>
        <button type="submit">\(t(.find))</button>
        </form>
        \(table)
        \(paging.pager(path: "/console/shops", query: [("q", text), ("street", street)], total: total, language: page.language))
        """
        return try WebPage(context: page, area: .console, title: t(.title), body: body).response(from: request, context: context)
    }

    // MARK: - Registering

    func registerPage(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        guard let account = try reader(request, context) else { return signInFirst(request) }
        guard account.role.keepsShopRegistry else { throw WebError.forbidden("role") }
        return try form(PageContext(request, context, tileURL: tileURL), values: [:], errors: [])
            .response(from: request, context: context)
    }

    func register(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        try CSRFToken.check(request, form)
        guard let account = try reader(request, context) else { return signInFirst(request) }
        guard account.role.keepsShopRegistry else { throw WebError.forbidden("role") }
        let page = PageContext(request, context, tileURL: tileURL)
        let fields = ["name", "credit_code", "licence", "owner_name", "phone", "address", "lat", "lon"]
        let values = Dictionary(uniqueKeysWithValues: fields.map { ($0, form[$0] ?? "") })
        // Numbers that are not numbers are named here; everything else is the domain's check.
        var numberErrors: [String] = []
        func number(_ field: String) -> Double? {
            guard let text = form[field] else { return nil }
            guard let value = Double(text), value.isFinite else {
                numberErrors.append(ShopConsoleText.text(.badNumber, page.language, ["field": field, "value": text]))
                return nil
            }
            return value
        }
        let lat = number("lat"), lon = number("lon")
        let shopRequest = ShopRequest(
            name: form["name"], creditCode: form["credit_code"], licence: form["licence"], ownerName: form["owner_name"],
            phone: form["phone"], address: form["address"], lat: lat, lon: lon, frontage: nil, crs: nil
        )
        do {
            var input = try shopRequest.input()
            if !numberErrors.isEmpty {
                input.readErrors += numberErrors.map { ShopFieldError(field: "lat", code: "invalid_number", message: $0) }
            }
            let shop = try await ShopRegistry(services: services).create(input, by: account)
            return Response.redirect(to: "/console/shops/\(shop.id)?done=registered", type: .normal)
        } catch let error as ShopInputError {
            return try self.form(page, values: values, errors: error.errors.map(\.message), status: .badRequest)
                .response(from: request, context: context)
        } catch ShopStoreError.creditCodeTaken(let codes) {
            let message = "该统一社会信用代码已登记 (a shop with this credit code is already registered): \(codes.joined(separator: ", "))"
            return try self.form(page, values: values, errors: [message], status: .conflict).response(from: request, context: context)
        } catch let error as APIError where error.status == .forbidden || error.status == .badRequest {
            return try self.form(page, values: values, errors: [error.message], status: error.status).response(from: request, context: context)
        }
    }

    private func form(_ page: PageContext, values: [String: String], errors: [String], status: HTTPResponse.Status = .ok) -> WebPage {
        func t(_ key: ShopConsoleText.Key) -> String { ShopConsoleText.text(key, page.language) }
        func field(_ name: String, _ key: ShopConsoleText.Key, type: String = "text", required: Bool = true, extra: Markup = .empty) -> Markup {
            """
            <label for="\(name)">\(t(key))</label>
            <input type="\(type)" id="\(name)" name="\(name)" value="\(values[name] ?? "")"\(Markup.when(required, " required"))\(extra)>
            """
        }
        let problems: Markup = errors.isEmpty ? .empty : """
            <div class="notice bad" role="alert" id="form-errors">\(t(.refused))<ul>\(errors.map { Markup("<li>\($0)</li>") })</ul></div>
            """
        let body: Markup = """
        <section class="card">
        <h1>\(t(.registerTitle))</h1>
        \(problems)
        <form method="post" action="/console/shops">
        \(page.csrfField)
        \(field("name", .name, extra: " maxlength=\"100\""))
        \(field("credit_code", .creditCode, extra: " maxlength=\"40\" autocapitalize=\"characters\""))
        \(field("licence", .licence, required: false, extra: " maxlength=\"50\""))
        \(field("owner_name", .owner, extra: " maxlength=\"50\""))
        \(field("phone", .phone, type: "tel", extra: " maxlength=\"20\""))
        \(field("address", .address, extra: " maxlength=\"200\""))
        <fieldset><legend>\(t(.position))</legend>
        <p class="hint">\(t(.positionHint))</p>
        \(field("lat", .lat, extra: " inputmode=\"decimal\""))
        \(field("lon", .lon, extra: " inputmode=\"decimal\""))
        </fieldset>
        <button type="submit" class="primary">\(t(.register))</button>
        </form>
        <p><a href="/console/shops">\(t(.back))</a></p>
        </section>
        """
        return WebPage(context: page, area: .console, title: t(.registerTitle), body: body, status: status)
    }

    // MARK: - A shop

    func shopPage(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        guard let account = try reader(request, context) else { return signInFirst(request) }
        let page = PageContext(request, context, tileURL: tileURL)
        let language = page.language
        func t(_ key: ShopConsoleText.Key) -> String { ShopConsoleText.text(key, language) }
        let id = try context.parameters.require("id")
        guard let shop = try await services.store.shop(id: id) else { throw WebError.notFound }
        try ShopRegistry.requireScope(account, shop.place)
        let view = ShopView(shop, for: account.role, regions: services.regions)
        let today = services.calendar.localDate(of: services.now())
        let now = services.now()
        let contracts = try await services.store.contracts(shopID: shop.id)
        let inspections = try await services.store.inspections(shopID: shop.id)
        let notices = try await services.store.notices(shopID: shop.id)

        let flash: Markup = request.uri.queryParameters["done"] == "registered"
            ? "<div class=\"notice good\" role=\"status\" id=\"flash\">\(t(.registered))</div>" : .empty
        let masked: Markup = view.masked ? "<span class=\"hint\">\(t(.masked))</span>" : .empty
        let details: Markup = """
        <dl class="facts" id="shop-details">
        <dt>\(t(.creditCode))</dt><dd>\(view.creditCode)</dd>
        <dt>\(t(.licence))</dt><dd>\(view.licence ?? "—")</dd>
        <dt>\(t(.owner))</dt><dd id="owner">\(view.ownerName)\(masked)</dd>
        <dt>\(t(.phone))</dt><dd id="phone">\(view.phone)\(masked)</dd>
        <dt>\(t(.address))</dt><dd>\(view.address)</dd>
        <dt>\(t(.street))</dt><dd>\(view.place.streetName ?? view.place.streetCode)</dd>
        <dt>\(t(.community))</dt><dd>\(view.place.communityName ?? view.place.communityCode)</dd>
        <dt>\(t(.grid))</dt><dd>\(view.place.gridCode)</dd>
        </dl>
        """

        let contractRows = contracts.map { contract -> Markup in
            let status = contract.status(on: today)
            let label = ShopConsoleText.Key(rawValue: status.rawValue).map(t) ?? status.rawValue
            return """
            <tr><td><a href="/console/contracts/\(contract.number)">\(contract.number)</a></td><td class="status-\(status.rawValue)">\(label)</td>\
            <td>\(contract.validFrom.description) – \(contract.validUntil.description)</td>\
            <td><a href="/contracts/\(contract.number)/print">\(t(.print))</a></td></tr>
            """
        }
        let caseLinks = CaseLinks(services: services, account: account)
        let paging = try Paging.console(request, size: 20)
        var inspectionRows: [Markup] = []
        for inspection in paging.slice(inspections) {
            let template = ChecklistTemplate.shipped(inspection.sheet.template)
            var failed: [Markup] = []
            for item in inspection.sheet.failedItems {
                let text = template?.item(item)?.text ?? item
                if let number = inspection.cases[item] {
                    failed.append("<li>\(text) · \(try await caseLinks.markup(number, label: "\(t(.openCase)) \(number)"))</li>")
                } else {
                    failed.append("<li>\(text)</li>")
                }
            }
            inspectionRows.append("""
            <tr><td><a href="/console/inspections/\(inspection.id)">\(page.time(inspection.at))</a></td>\
            <td>\(template?.name ?? inspection.sheet.template)</td>\
            <td>\(inspection.sheet.score) / \(inspection.sheet.maximum)</td><td>\(inspection.officerName)</td>\
            <td>\(failed.isEmpty ? Markup("—") : "<ul>\(failed)</ul>")</td></tr>
            """)
        }
        let noticeRows = notices.map { notice -> Markup in
            let overdue = Self.isOverdue(notice, at: now)
            let state = NoticeConsoleText.state(notice.state, language)
            return """
            <tr\(Markup.when(overdue, " class=\"overdue\""))><td><a href="/console/notices/\(notice.number)">\(notice.documentNumber)</a></td><td>\(state)\
            \(Markup.when(overdue, " <strong class=\"bad\">\(t(.overdue))</strong>"))</td><td>\(page.time(notice.deadline))</td>\
            <td><a href="/notices/\(notice.number)/print">\(t(.print))</a></td></tr>
            """
        }
        func section(_ id: String, _ title: ShopConsoleText.Key, _ headers: [ShopConsoleText.Key], _ rows: [Markup]) -> Markup {
            let head = headers.map { Markup("<th scope=\"col\">\(t($0))</th>") }
            let content: Markup = rows.isEmpty ? "<p class=\"empty\">\(t(.noneYet))</p>" : """
                <div class="table-wrap"><table class="cases"><thead><tr>\(head)</tr></thead><tbody>\(rows)</tbody></table></div>
                """
            return "<section id=\"\(id)\"><h2>\(t(title))</h2>\(content)</section>"
        }
        // Inspectors start a check here, with either shipped checklist.
        let startLinks = ChecklistTemplate.shipped.map { template -> Markup in
            let label = InspectionConsoleText.text(.start, language, ["template": template.name])
            return "<a class=\"button\" id=\"inspect-\(template.code)\" href=\"/console/shops/\(shop.id)/inspect?template=\(template.code)\">\(label)</a> "
        }
        var actions = InspectionRoutes.inspectors.contains(account.role) ? startLinks : []
        if account.role.keepsShopRegistry {
            actions.append("<a class=\"button\" id=\"draft-contract\" href=\"/console/shops/\(shop.id)/contracts/new\">\(ContractConsoleText.text(.draft, language))</a>")
        }
        let starts: Markup = actions.isEmpty ? .empty : "<p class=\"actions\">\(actions)</p>"
        let scores = try await ShopMonthlyScores(services: services).section(shop: shop, inspections: inspections, language: language)
        let body: Markup = """
        \(flash)
        <h1>\(view.name)</h1>
        \(details)
        \(starts)
        \(scores)
        \(section("contracts", .contracts, [.number, .status, .validity, .print], contractRows))
        \(section("inspections", .inspections, [.when, .template, .score, .officer, .failedItems], inspectionRows))
        \(paging.pager(path: "/console/shops/\(shop.id)", query: [], total: inspections.count, language: language))
        \(section("notices", .notices, [.number, .state, .deadline, .print], noticeRows))
        \(NoticeDeskPages.issueLink(shopID: shop.id, for: account, language))
        <p><a href="/console/shops">\(t(.back))</a></p>
        """
        return try WebPage(context: page, area: .console, title: view.name, body: body).response(from: request, context: context)
    }
}
