import Foundation
import Hummingbird
import Xiuhua
import XiuhuaStore

/// The console's inspection pages: from a shop's page, an inspector ticks pass or fail per
/// item of a checklist (`/console/shops/{id}/inspect?template=`), submits and sees the
/// score (`/console/inspections/{id}`), and opens the case of a failed item with one
/// button. Recording and opening are `InspectionRoutes`' own acts, so the page and the API
/// score, scope and refuse alike.
struct InspectionConsolePages {
    let services: XiuhuaServices
    let tileURL: String?
    var routes: InspectionRoutes { InspectionRoutes(services: services) }

    func add(to group: RouterGroup<XiuhuaRequestContext>) {
        group.get("/console/shops/{id}/inspect") { request, context in try await formPage(request, context) }
        group.post("/console/shops/{id}/inspections") { request, context in try await submit(request, context) }
        group.get("/console/inspections/{id}") { request, context in try await inspectionPage(request, context) }
        group.post("/console/inspections/{id}/cases") { request, context in try await openCase(request, context) }
    }

    private func account(_ context: XiuhuaRequestContext, among roles: Set<Role>) throws -> Account? {
        guard let account = context.account else { return nil }
        guard roles.contains(account.role) else { throw WebError.forbidden("role") }
        return account
    }

    // MARK: - The form

    func formPage(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        guard let account = try account(context, among: InspectionRoutes.inspectors) else { return signInFirst(request) }
        let shop = try await routes.scopedShop(try context.parameters.require("id"), account)
        let code = request.uri.queryParameters["template"].map(String.init) ?? ChecklistTemplate.shopFrontage.code
        guard let template = ChecklistTemplate.shipped(code) else { throw WebError.notFound }
        return try form(PageContext(request, context, tileURL: tileURL), shop: shop, template: template, values: FormData(), errors: [])
            .response(from: request, context: context)
    }

    func submit(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        try CSRFToken.check(request, form)
        guard let account = try account(context, among: InspectionRoutes.inspectors) else { return signInFirst(request) }
        let page = PageContext(request, context, tileURL: tileURL)
        let shop = try await routes.scopedShop(try context.parameters.require("id"), account)
        guard let template = ChecklistTemplate.shipped(form["template"] ?? "") else { throw WebError.badRequest("template") }
        // Read the ticks; an item left unticked stays unanswered, so the sheet names it.
        var answers: [InspectionSheet.Answer] = []
        var errors: [String] = []
        for item in template.items {
            guard let result = form["result.\(item.code)"] else { continue }
            var findings: Int?
            if result == "fail", let text = form["findings.\(item.code)"] {
                guard let number = Int(text), (1...20).contains(number) else {
                    errors.append(InspectionConsoleText.text(.badFindings, page.language, ["item": item.text]))
                    continue
                }
                findings = number
            }
            answers.append(InspectionSheet.Answer(item: item.code, passed: result != "fail", findings: findings, note: form["note.\(item.code)"]))
        }
        if errors.isEmpty {
            do {
                let inspection = try await routes.record(shop: shop, template: template, answers: answers, at: services.now(), position: nil, by: account)
                return Response.redirect(to: "/console/inspections/\(inspection.id)?done=recorded", type: .normal)
            } catch let error as APIError where error.status == .badRequest {
                errors.append(error.message)
            }
        }
        return try self.form(page, shop: shop, template: template, values: form, errors: errors, status: .badRequest)
            .response(from: request, context: context)
    }

    private func form(_ page: PageContext, shop: Shop, template: ChecklistTemplate, values: FormData, errors: [String], status: HTTPResponse.Status = .ok) -> WebPage {
        func t(_ key: InspectionConsoleText.Key) -> String { InspectionConsoleText.text(key, page.language) }
        let title = InspectionConsoleText.text(.title, page.language, ["template": template.name, "shop": shop.details.name])
        let sections = template.sections.map { section -> Markup in
            let rows = template.items.filter { $0.sectionCode == section.code }.map { item -> Markup in
                let failed = values["result.\(item.code)"] == "fail"
                return """
                <tr id="item-\(item.code)"><th scope="row">\(item.text) <span class="hint">−\(item.deduction)</span></th>
                <td><label><input type="radio" name="result.\(item.code)" value="pass"\(Markup.when(!failed, " checked"))> \(t(.pass))</label>
                <label><input type="radio" name="result.\(item.code)" value="fail"\(Markup.when(failed, " checked"))> \(t(.fail))</label></td>
                <td><input type="number" name="findings.\(item.code)" min="1" max="20" value="\(values["findings.\(item.code)"] ?? "1")" aria-label="\(t(.findings))"></td>
                <td><input type="text" name="note.\(item.code)" maxlength="500" value="\(values["note.\(item.code)"] ?? "")" aria-label="\(t(.note))"></td></tr>
                """
            }
            return """
            <tbody><tr><th colspan="4" scope="rowgroup">\(section.name) (\(section.points))</th></tr>\(rows)</tbody>
            """
        }
        let problems: Markup = errors.isEmpty ? .empty : """
            <div class="notice bad" role="alert" id="form-errors">\(t(.refused))<ul>\(errors.map { Markup("<li>\($0)</li>") })</ul></div>
            """
        let body: Markup = """
        <h1>\(title)</h1>
        \(problems)
        <form method="post" action="/console/shops/\(shop.id)/inspections" id="inspection-form">
        \(page.csrfField)
        <input type="hidden" name="template" value="\(template.code)">
        <div class="table-wrap"><table class="cases checklist">
        <thead><tr><th scope="col">\(t(.item))</th><th scope="col">\(t(.result))</th><th scope="col">\(t(.findings))</th><th scope="col">\(t(.note))</th></tr></thead>
        \(sections)
        </table></div>
        <button type="submit" class="primary">\(t(.submit))</button>
        </form>
        <p><a href="/console/shops/\(shop.id)">\(t(.backToShop))</a></p>
        """
        return WebPage(context: page, area: .console, title: title, body: body, status: status)
    }

    // MARK: - The result

    func inspectionPage(_ request: Request, _ context: XiuhuaRequestContext, notice: Markup = .empty, status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let account = try account(context, among: ShopRoutes.readers) else { return signInFirst(request) }
        let page = PageContext(request, context, tileURL: tileURL)
        func t(_ key: InspectionConsoleText.Key) -> String { InspectionConsoleText.text(key, page.language) }
        let inspection = try await routes.scopedInspection(try context.parameters.require("id"), account)
        guard let shop = try await services.store.shop(id: inspection.shopID) else { throw WebError.notFound }
        let template = ChecklistTemplate.shipped(inspection.sheet.template)
        let mayOpen = InspectionRoutes.inspectors.contains(account.role)
        let caseLinks = CaseLinks(services: services, account: account)
        var flash = notice
        if let number = request.uri.queryParameters["opened"].map(String.init) {
            let link = try await caseLinks.markup(number, label: InspectionConsoleText.text(.caseLink, page.language, ["number": number]), id: "opened-case")
            flash = "<div class=\"notice good\" role=\"status\" id=\"flash\">\(t(.opened))\(link)</div>"
        } else if request.uri.queryParameters["done"] == "recorded" {
            flash = "<div class=\"notice good\" role=\"status\" id=\"flash\">\(t(.recorded))</div>"
        }
        let sections = inspection.sheet.sections.map { score -> Markup in
            let name = template?.sections.first { $0.code == score.section }?.name ?? score.section
            return "<dt>\(name)</dt><dd>\(score.score) / \(score.points)</dd>"
        }
        var rows: [Markup] = []
        for line in inspection.sheet.lines {
            let item = template?.item(line.item)
            var action: Markup = .empty
            if !line.passed {
                if let number = inspection.cases[line.item] {
                    action = try await caseLinks.markup(number, label: InspectionConsoleText.text(.caseLink, page.language, ["number": number]))
                } else if item?.caseCategory == nil {
                    action = "<span class=\"hint\">\(t(.noCategory))</span>"
                } else if mayOpen {
                    action = """
                        <form method="post" action="/console/inspections/\(inspection.id)/cases" class="inline">\(page.csrfField)\
                        <input type="hidden" name="item" value="\(line.item)">\
                        <button type="submit" id="open-\(line.item)">\(t(.openCase))</button></form>
                        """
                }
            }
            rows.append("""
            <tr\(Markup.when(!line.passed, " class=\"overdue\""))><td>\(item?.text ?? line.item)</td>\
            <td>\(line.passed ? t(.pass) : t(.fail))</td><td>\(line.passed ? "" : String(line.findings))</td>\
            <td>\(line.deduction)</td><td>\(line.note ?? "")</td><td>\(action)</td></tr>
            """)
        }
        let title = "\(template?.name ?? inspection.sheet.template) · \(shop.details.name)"
        let body: Markup = """
        \(flash)
        <h1>\(title)</h1>
        <p class="score" id="score"><strong>\(InspectionConsoleText.text(.score, page.language, ["score": String(inspection.sheet.score), "maximum": String(inspection.sheet.maximum)]))</strong></p>
        <dl class="facts">
        <dt>\(t(.when))</dt><dd>\(page.time(inspection.at))</dd>
        <dt>\(t(.officer))</dt><dd>\(inspection.officerName)</dd>
        \(sections)
        </dl>
        <div class="table-wrap"><table class="cases" id="lines">
        <thead><tr><th scope="col">\(t(.item))</th><th scope="col">\(t(.result))</th><th scope="col">\(t(.findings))</th>\
        <th scope="col">\(t(.deduction))</th><th scope="col">\(t(.note))</th><th scope="col">\(t(.openCase))</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        <p><a href="/console/shops/\(shop.id)">\(t(.backToShop))</a></p>
        """
        return try WebPage(context: page, area: .console, title: title, body: body, status: status).response(from: request, context: context)
    }

    func openCase(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        try CSRFToken.check(request, form)
        guard let account = try account(context, among: InspectionRoutes.inspectors) else { return signInFirst(request) }
        let inspection = try await routes.scopedInspection(try context.parameters.require("id"), account)
        do {
            let (snapshot, _) = try await routes.openCase(of: inspection, item: form["item"] ?? "", by: account)
            return Response.redirect(to: "/console/inspections/\(inspection.id)?opened=\(snapshot.number)", type: .normal)
        } catch let error as APIError where error.status == .badRequest || error.status == .conflict {
            let notice: Markup = "<div class=\"notice bad\" role=\"alert\" id=\"flash\">\(error.message)</div>"
            return try await inspectionPage(request, context, notice: notice, status: error.status)
        }
    }
}
