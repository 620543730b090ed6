import Foundation
import Hummingbird
import Xiuhua
import XiuhuaStore

/// The console's contract desk (责任书): a contract's page (`/console/contracts/{number}`)
/// with its parties, area, duties, period and signing; the form that drafts one for a shop
/// (`/console/shops/{id}/contracts/new`); and the forms that record the signing and draft
/// the renewal. Every act is `ContractRoutes`' own, so the console and the API apply one
/// set of rules, roles and street scope; a refusal shows the form again with the reason in
/// the page's language and nothing written.
struct ContractConsoleForms {
    let services: XiuhuaServices
    let tileURL: String?
    var routes: ContractRoutes { ContractRoutes(services: services) }

    func add(to group: RouterGroup<XiuhuaRequestContext>) {
        group.get("/console/shops/{id}/contracts/new") { request, context in try await draftPage(request, context) }
        group.post("/console/shops/{id}/contracts") { request, context in try await draft(request, context) }
        group.get("/console/contracts/{number}") { request, context in try await contractPage(request, context) }
        group.post("/console/contracts/{number}/sign") { request, context in try await sign(request, context) }
        group.post("/console/contracts/{number}/renew") { request, context in try await renew(request, context) }
    }

    private func account(_ context: XiuhuaRequestContext, among roles: Set<Role>) throws -> Account? {
        guard let account = context.account else { return nil }
        guard roles.contains(account.role) else { throw WebError.forbidden("role") }
        return account
    }

    // MARK: - Drafting

    func draftPage(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        guard let account = try account(context, among: ShopRoutes.keepers) else { return signInFirst(request) }
        let shop = try await routes.scopedShop(try context.parameters.require("id"), account)
        let today = routes.today
        let streetName = services.regions?[shop.place.streetCode]?.name ?? shop.place.streetCode
        let values: [String: String] = [
            "issuer_street": streetName,
            "issuer_community": services.regions?[shop.place.communityCode]?.name ?? shop.place.communityCode,
            "issuer_squad": "\(streetName)城管执法中队",
            "valid_from": today.description,
            "valid_until": today.adding(days: 365).adding(days: -1).description,
        ]
        return try draftForm(PageContext(request, context, tileURL: tileURL), shop: shop, values: values, errors: [])
            .response(from: request, context: context)
    }

    func draft(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        try CSRFToken.check(request, form)
        guard let account = try account(context, among: ShopRoutes.keepers) else { return signInFirst(request) }
        let page = PageContext(request, context, tileURL: tileURL)
        let shop = try await routes.scopedShop(try context.parameters.require("id"), account)
        let names = ["issuer_street", "issuer_community", "issuer_squad", "area", "length_metres", "depth_metres", "valid_from", "valid_until"]
        let values = Dictionary(uniqueKeysWithValues: names.map { ($0, form[$0] ?? "") })
        // Only reading the form is done here: a number that is no number, a field left
        // blank. Every rule of the terms is the domain's, through ContractRoutes.
        var errors: [String] = []
        func number(_ name: String) -> Double {
            guard let text = form[name] else {
                errors.append(ContractConsoleText.text(.missing, page.language, ["field": ContractConsoleText.field(name, page.language)]))
                return 0
            }
            guard let value = Double(text), value.isFinite else {
                errors.append(ContractConsoleText.text(.badNumber, page.language, ["field": ContractConsoleText.field(name, page.language), "value": text]))
                return 0
            }
            return value
        }
        let length = number("length_metres"), depth = number("depth_metres")
        if errors.isEmpty {
            let body = ContractRoutes.DraftRequest(
                issuer: .init(street: form["issuer_street"] ?? "", community: form["issuer_community"] ?? "", squad: form["issuer_squad"] ?? ""),
                area: form["area"] ?? "", lengthMetres: length, depthMetres: depth,
                validFrom: form["valid_from"] ?? "", validUntil: form["valid_until"] ?? ""
            )
            do {
                let contract = try await routes.draft(for: shop, body)
                return Response.redirect(to: "/console/contracts/\(contract.number)?done=drafted", type: .normal)
            } catch {
                errors.append(try message(error, form, page.language))
            }
        }
        return try draftForm(page, shop: shop, values: values, errors: errors, status: .badRequest).response(from: request, context: context)
    }

    private func draftForm(_ page: PageContext, shop: Shop, values: [String: String], errors: [String], status: HTTPResponse.Status = .ok) -> WebPage {
        func t(_ key: ContractConsoleText.Key) -> String { ContractConsoleText.text(key, page.language) }
        func field(_ name: String, _ key: ContractConsoleText.Key, type: String = "text", extra: Markup = .empty) -> Markup {
            """
            <label for="\(name)">\(t(key))</label>
            <input type="\(type)" id="\(name)" name="\(name)" value="\(values[name] ?? "")" required\(extra)>
            """
        }
        let duties = DutyContract.standardDuties.map { duty -> Markup in
            "<li><strong>\(duty.name)</strong><ul>\(duty.items.map { Markup("<li>\($0)</li>") })</ul></li>"
        }
        let title = ContractConsoleText.text(.draftTitle, page.language, ["shop": shop.details.name])
        let body: Markup = """
        <section class="card">
        <h1>\(title)</h1>
        \(problems(errors, page.language))
        <form method="post" action="/console/shops/\(shop.id)/contracts" id="draft-form">
        \(page.csrfField)
        <fieldset><legend>\(t(.parties))</legend>
        \(field("issuer_street", .issuerStreet, extra: " maxlength=\"200\""))
        \(field("issuer_community", .issuerCommunity, extra: " maxlength=\"200\""))
        \(field("issuer_squad", .issuerSquad, extra: " maxlength=\"200\""))
        </fieldset>
        <p>\(t(.shopParty))：\(shop.details.name)</p>
        <label for="area">\(t(.area))</label>
        <textarea id="area" name="area" maxlength="200" required>\(values["area"] ?? "")</textarea>
        \(field("length_metres", .lengthMetres, extra: " inputmode=\"decimal\""))
        \(field("depth_metres", .depthMetres, extra: " inputmode=\"decimal\""))
        \(field("valid_from", .validFrom, type: "date"))
        \(field("valid_until", .validUntil, type: "date"))
        <section id="duties"><h2>\(t(.duties))</h2><p class="hint">\(t(.dutiesHint))</p><ol>\(duties)</ol></section>
        <button type="submit" class="primary" id="submit-draft">\(t(.submitDraft))</button>
        </form>
        <p><a href="/console/shops/\(shop.id)">\(t(.backToShop))</a></p>
        </section>
        """
        return WebPage(context: page, area: .console, title: title, body: body, status: status)
    }

    // MARK: - A contract

    func contractPage(
        _ request: Request, _ context: XiuhuaRequestContext, errors: [String] = [], values: FormData = FormData(), status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        guard let account = try account(context, among: ShopRoutes.readers) else { return signInFirst(request) }
        let page = PageContext(request, context, tileURL: tileURL)
        func t(_ key: ContractConsoleText.Key) -> String { ContractConsoleText.text(key, page.language) }
        let (contract, shop) = try await routes.scopedContract(try context.parameters.require("number"), account)
        let state = contract.status(on: routes.today)
        let successor = try await services.store.contracts(shopID: shop.id).first { $0.renews == contract.number }
        let keeper = ShopRoutes.keepers.contains(account.role)
        let flash: Markup = switch request.uri.queryParameters["done"].map(String.init) {
        case "drafted": "<div class=\"notice good\" role=\"status\" id=\"flash\">\(t(.drafted))</div>"
        case "signed": "<div class=\"notice good\" role=\"status\" id=\"flash\">\(t(.signed))</div>"
        case "renewed": "<div class=\"notice good\" role=\"status\" id=\"flash\">\(t(.renewed))</div>"
        default: .empty
        }
        let signing: Markup = contract.signing.map { signing in
            "\(ContractConsoleText.text(.signedBy, page.language, ["date": signing.signedOn.description, "issuer": signing.issuerSignatory, "shop": signing.shopSignatory]))"
        } ?? "\(t(.notSigned))"
        let duties = contract.duties.map { duty -> Markup in
            "<li><strong>\(duty.name)</strong><ul>\(duty.items.map { Markup("<li>\($0)</li>") })</ul></li>"
        }
        var links: [Markup] = []
        if let renews = contract.renews {
            links.append("<dt>\(t(.renews))</dt><dd><a href=\"/console/contracts/\(renews)\">\(renews)</a></dd>")
        }
        if let successor {
            links.append("<dt>\(t(.renewedBy))</dt><dd><a href=\"/console/contracts/\(successor.number)\" id=\"successor\">\(successor.number)</a></dd>")
        }
        var forms: [Markup] = []
        if keeper, contract.signing == nil {
            let signedOn = values["signed_on"] ?? routes.today.description
            forms.append("""
                <section class="card" id="sign"><h2>\(t(.sign))</h2>
                <form method="post" action="/console/contracts/\(contract.number)/sign" id="sign-form">\(page.csrfField)
                <label for="signed_on">\(t(.signedOn))</label><input type="date" id="signed_on" name="signed_on" value="\(signedOn)" required>
                <label for="issuer_signatory">\(t(.issuerSignatory))</label><input type="text" id="issuer_signatory" name="issuer_signatory" value="\(values["issuer_signatory"] ?? "")" maxlength="50" required>
                <label for="shop_signatory">\(t(.shopSignatory))</label><input type="text" id="shop_signatory" name="shop_signatory" value="\(values["shop_signatory"] ?? "")" maxlength="50" required>
                <button type="submit" class="primary" id="submit-sign">\(t(.submitSign))</button>
                </form></section>
                """)
        }
        if keeper, contract.signing != nil, successor == nil {
            forms.append("""
                <section class="card" id="renew"><h2>\(t(.renew))</h2><p class="hint">\(t(.renewHint))</p>
                <form method="post" action="/console/contracts/\(contract.number)/renew" id="renew-form">\(page.csrfField)
                <label for="valid_until">\(t(.validUntil))</label><input type="date" id="valid_until" name="valid_until" value="\(values["valid_until"] ?? "")">
                <button type="submit" class="primary" id="submit-renew">\(t(.submitRenew))</button>
                </form></section>
                """)
        }
        let title = ContractConsoleText.text(.contractTitle, page.language, ["number": contract.number])
        let body: Markup = """
        \(flash)
        <h1>\(title)</h1>
        \(problems(errors, page.language))
        <dl class="facts" id="contract-details">
        <dt>\(t(.status))</dt><dd id="contract-status" class="status-\(state.rawValue)">\(ContractConsoleText.status(state, page.language))</dd>
        <dt>\(t(.shopParty))</dt><dd><a href="/console/shops/\(shop.id)">\(shop.details.name)</a></dd>
        <dt>\(t(.issuerStreet))</dt><dd>\(contract.issuer.street)</dd>
        <dt>\(t(.issuerCommunity))</dt><dd>\(contract.issuer.community)</dd>
        <dt>\(t(.issuerSquad))</dt><dd>\(contract.issuer.squad)</dd>
        <dt>\(t(.area))</dt><dd>\(contract.area)</dd>
        <dt>\(t(.lengthMetres))</dt><dd>\(contract.lengthMetres)</dd>
        <dt>\(t(.depthMetres))</dt><dd>\(contract.depthMetres)</dd>
        <dt>\(t(.validFrom))</dt><dd>\(contract.validFrom.description) – \(contract.validUntil.description)</dd>
        <dt>\(t(.signedOn))</dt><dd id="signing">\(signing)</dd>
        \(links)
        </dl>
        <p><a class="button" href="/contracts/\(contract.number)/print" id="print">\(t(.print))</a></p>
        <section id="duties"><h2>\(t(.duties))</h2><ol>\(duties)</ol></section>
        \(forms)
        <p><a href="/console/shops/\(shop.id)">\(t(.backToShop))</a> · <a href="/console/contracts">\(t(.backToContracts))</a></p>
        """
        return try WebPage(context: page, area: .console, title: title, body: body, status: status).response(from: request, context: context)
    }

    // MARK: - Signing and renewing

    func sign(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        try CSRFToken.check(request, form)
        guard let account = try account(context, among: ShopRoutes.keepers) else { return signInFirst(request) }
        let language = UILanguage.page(request)
        let (contract, _) = try await routes.scopedContract(try context.parameters.require("number"), account)
        guard let signedOn = form["signed_on"] else {
            let error = ContractConsoleText.text(.missing, language, ["field": ContractConsoleText.field("signed_on", language)])
            return try await contractPage(request, context, errors: [error], values: form, status: .badRequest)
        }
        do {
            let body = ContractRoutes.SignRequest(signedOn: signedOn, issuerSignatory: form["issuer_signatory"] ?? "", shopSignatory: form["shop_signatory"] ?? "")
            _ = try await routes.sign(contract, body)
            return Response.redirect(to: "/console/contracts/\(contract.number)?done=signed", type: .normal)
        } catch {
            let text = try message(error, form, language)
            return try await contractPage(request, context, errors: [text], values: form, status: Self.status(of: error))
        }
    }

    func renew(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        try CSRFToken.check(request, form)
        guard let account = try account(context, among: ShopRoutes.keepers) else { return signInFirst(request) }
        let language = UILanguage.page(request)
        let (old, _) = try await routes.scopedContract(try context.parameters.require("number"), account)
        do {
            let renewed = try await routes.renew(old, ContractRoutes.RenewRequest(validUntil: form["valid_until"]))
            return Response.redirect(to: "/console/contracts/\(renewed.number)?done=renewed", type: .normal)
        } catch {
            let successor = try await services.store.contracts(shopID: old.shopID).first { $0.renews == old.number }
            let text = try message(error, form, language, renewedAs: successor?.number)
            return try await contractPage(request, context, errors: [text], values: form, status: Self.status(of: error))
        }
    }

    // MARK: -

    private func problems(_ errors: [String], _ language: UILanguage) -> Markup {
        errors.isEmpty ? .empty : """
            <div class="notice bad" role="alert" id="form-errors">\(ContractConsoleText.text(.refused, language))<ul>\(errors.map { Markup("<li>\($0)</li>") })</ul></div>
            """
    }

    private static func status(of error: any Error) -> HTTPResponse.Status {
        if let error = error as? APIError { return error.status }
        if case .alreadySigned? = error as? DutyContract.Problem { return .conflict }
        return .badRequest
    }

    /// The refusal of an act in the page's language. Anything other than a refusal of the
    /// input or the state (a contract out of scope, a store failure) is rethrown.
    private func message(_ error: any Error, _ form: FormData, _ language: UILanguage, renewedAs: String? = nil) throws -> String {
        if let problem = error as? DutyContract.Problem { return ContractConsoleText.problem(problem, language) }
        guard let error = error as? APIError, error.status == .badRequest || error.status == .conflict else { throw error }
        switch error.code {
        case "invalid_valid_from", "invalid_valid_until", "invalid_signed_on":
            let name = String(error.code.dropFirst("invalid_".count))
            let value = form[name] ?? ""
            if name == "signed_on", (try? LocalDate(value)) != nil { return ContractConsoleText.text(.futureSigning, language) }
            if value.isEmpty { return ContractConsoleText.text(.missing, language, ["field": ContractConsoleText.field(name, language)]) }
            return ContractConsoleText.text(.badDate, language, ["field": ContractConsoleText.field(name, language), "value": value])
        case "wrong_state":
            return ContractConsoleText.text(.notSignedYet, language)
        case "already_renewed":
            return ContractConsoleText.text(.alreadyRenewed, language, ["number": renewedAs ?? ""])
        default:
            return error.message
        }
    }
}
