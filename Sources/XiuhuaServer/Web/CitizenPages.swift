import Foundation
import Hummingbird
import Xiuhua
import XiuhuaGeo
import XiuhuaStore

/// The citizen's pages, phone first and without an account: report a problem
/// (`/report`), follow it by ticket code (`/ticket/{code}`) and rate the result.
/// Every form posts normally; the scripts only add the map, the location button and the
/// category search.
struct CitizenPages {
    let services: XiuhuaServices
    let attachments: AttachmentDesk
    let tileURL: String?

    func add(to group: RouterGroup<XiuhuaRequestContext>) {
        group.get("/report") { request, context in
            let page = PageContext(request, context, tileURL: tileURL)
            return reportPage(page, ReportForm())
        }
        group.post("/report") { request, context in try await fileReport(request, context) }
        group.get("/ticket") { request, context in
            let page = PageContext(request, context, tileURL: tileURL)
            if let code = request.uri.queryParameters["code"].map(String.init)?.trimmingCharacters(in: .whitespaces), !code.isEmpty {
                return Response.redirect(to: "/ticket/\(code.uppercased().addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")", type: .found)
            }
            return try lookupPage(page, notFound: false).response(from: request, context: context)
        }
        group.get("/ticket/{code}") { request, context in try await ticketPage(request, context) }
        group.post("/ticket/{code}/rating") { request, context in try await rate(request, context) }
        group.get("/photos/{key}") { request, context in try await photo(request, context) }
    }

    // MARK: - Report

    /// What the citizen typed, kept to show the form again with its errors.
    struct ReportForm {
        var category = ""
        var description = ""
        var lat = ""
        var lon = ""
        var address = ""
        var name = ""
        var phone = ""
        var errors: [String: String] = [:]
    }

    func fileReport(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let page = PageContext(request, context, tileURL: tileURL)
        let form = try await FormData.read(request, context: context)
        // Lengths are said beside the fields below.
        try CSRFToken.check(request, form, checkingLengths: false)
        func t(_ key: CitizenText.Key) -> String { CitizenText.text(key, page.language) }
        var entered = ReportForm(
            category: form["category"] ?? "", description: form["description"] ?? "", lat: form["lat"] ?? "", lon: form["lon"] ?? "",
            address: form["address"] ?? "", name: form["name"] ?? "", phone: form["phone"] ?? ""
        )
        var point: Coordinate?
        if let lat = Double(entered.lat), let lon = Double(entered.lon) {
            point = Coordinate(lon: lon, lat: lat)
        } else if !entered.address.isEmpty {
            point = PlaceNames(services: services).point(in: entered.address)
        }
        if entered.category.isEmpty { entered.errors["category"] = t(.errorCategory) }
        if entered.description.isEmpty { entered.errors["description"] = t(.errorDescription) }
        if point == nil { entered.errors["location"] = t(.errorLocation) }
        // Long name, address or phone: said beside the field, as the other mistakes are.
        for (field, key) in [("name", "name"), ("address", "location"), ("phone", "phone")] where TextLimits.refusal(field, form[field] ?? "") != nil {
            entered.errors[key] = CitizenText.text(.errorFieldTooLong, page.language, ["limit": String(TextLimits.limit(for: field))])
        }
        let files = form.files("photo").map(\.data)
        // Photos are checked here but kept only once the whole report is acceptable.
        let photoRefusal = PhotoRules.refusal(files, desk: attachments)
        if let photoRefusal { entered.errors["photo"] = PhotoRules.message(photoRefusal, page.language, maxBytes: attachments.maxBytes) }
        guard entered.errors.isEmpty, let point else {
            let status = entered.errors.count == 1 ? photoRefusal?.status ?? .badRequest : .badRequest
            return try reportPage(page, entered, status: status).response(from: request, context: context)
        }
        let kept = try await attachments.keep(files, by: nil)
        let stored = kept.map { PhotoRules.path($0.attachment.id) }
        let intake = IntakeRequest(
            source: .web, category: entered.category, description: entered.description,
            lat: point.lat, lon: point.lon, crs: "wgs84", address: entered.address.isEmpty ? nil : entered.address,
            photos: stored, reporterName: entered.name.isEmpty ? nil : entered.name,
            reporterPhone: entered.phone.isEmpty ? nil : entered.phone,
            attributes: [], descriptionLimit: IntakeRequest.maximumDescription
        )
        do {
            let snapshot = try await CaseDesk(services: services).file(intake, by: nil)
            return Response.redirect(to: "/ticket/\(snapshot.ticketCode)?filed=1", type: .normal)
        } catch let error as APIError where error.status == .badRequest {
            await attachments.discard(kept)
            switch error.code {
            case "unknown_category": entered.errors["category"] = t(.errorCategory)
            case "outside_district", "invalid_lat", "invalid_lon": entered.errors["location"] = t(.errorOutside)
            case "invalid_phone": entered.errors["phone"] = t(.errorPhone)
            case "too_long": entered.errors["description"] = t(.errorTooLong)
            default: entered.errors["description"] = error.message
            }
            return try reportPage(page, entered, status: .badRequest).response(from: request, context: context)
        } catch {
            await attachments.discard(kept)
            throw error
        }
    }

    func reportPage(_ page: PageContext, _ form: ReportForm, status: HTTPResponse.Status = .ok) -> WebPage {
        func t(_ key: CitizenText.Key) -> String { CitizenText.text(key, page.language) }
        func error(_ field: String) -> Markup {
            guard let message = form.errors[field] else { return .empty }
            return "<p class=\"field-error\" id=\"\(field)-error\" role=\"alert\">\(message)</p>"
        }
        func described(_ field: String, hint: String) -> Markup {
            form.errors[field] == nil ? "aria-describedby=\"\(hint)\"" : "aria-describedby=\"\(hint) \(field)-error\" aria-invalid=\"true\""
        }
        let groups = Dictionary(grouping: services.catalog.filter(kind: .matter), by: \.bigClassCode)
        let options = groups.keys.sorted().map { code -> Markup in
            let items = groups[code]!
            let entries = items.map { category -> Markup in
                "<option value=\"\(category.code)\"\(Markup.when(form.category == category.code, " selected"))>\(category.code) \(category.name)</option>"
            }
            return "<optgroup label=\"\(code) \(items[0].bigClass)\">\(entries)</optgroup>"
        }
        let summary: Markup = form.errors.isEmpty ? .empty : """
            <div class="notice bad" role="alert"><ul>\(form.errors.keys.sorted().map { Markup("<li><a href=\"#\($0)\">\(form.errors[$0]!)</a></li>") })</ul></div>
            """
        let body: Markup = """
        <h1>\(t(.reportTitle))</h1>
        <p class="lead">\(t(.reportIntro))</p>
        \(summary)
        <form class="card report" method="post" action="/report" enctype="multipart/form-data" novalidate>
        \(page.csrfField)
        <div class="field">
        <label for="category">\(t(.category))</label>
        <input type="search" id="category-search" class="category-search" placeholder="\(t(.categorySearchHint))" aria-label="\(t(.categorySearch))" hidden>
        <select id="category" name="category" required \(described("category", hint: "category-hint"))>
        <option value="">\(t(.categoryChoose))</option>
        \(options)
        </select>
        <p class="hint" id="category-hint">\(t(.categorySearchHint))</p>
        \(error("category"))
        </div>
        <div class="field">
        <label for="description">\(t(.description))</label>
        <textarea id="description" name="description" rows="4" maxlength="2000" required \(described("description", hint: "description-hint"))>\(form.description)</textarea>
        <p class="hint" id="description-hint">\(t(.descriptionHint))</p>
        \(error("description"))
        </div>
        <div class="field">
        <label for="photo">\(t(.photo))</label>
        <input type="file" id="photo" name="photo" accept="image/jpeg,image/png,image/webp" capture="environment" multiple \(described("photo", hint: "photo-hint"))>
        <p class="hint" id="photo-hint">\(CitizenText.text(.photoHint, page.language, ["mb": PhotoRules.megabytes(attachments.maxBytes)]))</p>
        \(error("photo"))
        </div>
        <fieldset class="field" id="location">
        <legend>\(t(.location))</legend>
        <p class="hint" id="location-hint">\(t(.locationHint))</p>
        <div class="map" data-map="pick" data-lat-field="lat" data-lon-field="lon" data-status="location-status"\(tileAttribute(page))>
        <noscript><p class="hint">\(page.t(.noScriptMap))</p></noscript>
        </div>
        <p class="map-actions"><button type="button" class="secondary" id="use-gps" hidden data-locating="\(t(.locating))" data-failed="\(t(.gpsFailed))" data-outside="\(t(.gpsOutside))" data-picked="\(t(.mapPicked))">\(t(.useGPS))</button>
        <output id="location-status" aria-live="polite"></output></p>
        <input type="hidden" id="lat" name="lat" value="\(form.lat)">
        <input type="hidden" id="lon" name="lon" value="\(form.lon)">
        <label for="address">\(t(.address))</label>
        <input type="text" id="address" name="address" value="\(form.address)" maxlength="200" autocomplete="street-address" placeholder="\(t(.addressHint))" \(described("location", hint: "location-hint"))>
        \(error("location"))
        </fieldset>
        <div class="field two">
        <div><label for="name">\(t(.name)) <span class="opt">（\(t(.optional))）</span></label>
        <input type="text" id="name" name="name" value="\(form.name)" maxlength="40" autocomplete="name"></div>
        <div><label for="phone">\(t(.phone)) <span class="opt">（\(t(.optional))）</span></label>
        <input type="tel" id="phone" name="phone" value="\(form.phone)" maxlength="20" autocomplete="tel" inputmode="tel" \(described("phone", hint: "contact-hint"))></div>
        </div>
        <p class="hint" id="contact-hint">\(t(.contactHint))</p>
        \(error("name"))
        \(error("phone"))
        <button type="submit" class="primary">\(t(.submit))</button>
        </form>
        """
        return WebPage(context: page, area: .citizen, title: t(.reportTitle), body: body, scripts: ["map.js", "report.js"], status: status)
    }

    // MARK: - Ticket

    func lookupPage(_ page: PageContext, notFound: Bool, queued: Bool = false) -> WebPage {
        func t(_ key: CitizenText.Key) -> String { CitizenText.text(key, page.language) }
        let body: Markup = """
        <h1>\(t(.ticketLookup))</h1>
        \(Markup.when(notFound && !queued, "<div class=\"notice bad\" role=\"alert\">\(t(.ticketNotFound))</div>"))
        \(Markup.when(queued, "<div class=\"notice\" role=\"status\">\(t(.ticketQueued))</div>"))
        <form class="card" method="get" action="/ticket">
        <label for="code">\(t(.ticketCodeLabel))</label>
        <input type="text" id="code" name="code" required autocapitalize="characters" autocomplete="off" maxlength="20">
        <button type="submit" class="primary">\(t(.ticketLookupButton))</button>
        </form>
        """
        return WebPage(context: page, area: .citizen, title: t(.ticketLookup), body: body, status: notFound ? .notFound : .ok)
    }

    func ticketPage(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let page = PageContext(request, context, tileURL: tileURL)
        func t(_ key: CitizenText.Key) -> String { CitizenText.text(key, page.language) }
        let code = try context.parameters.require("code").uppercased()
        // Asked before the store: the filer files a case and then takes it off the queue.
        let queued = services.surgeIntake?.state(ofTicket: code) == .queued
        // A report merged into another shows the case it now follows.
        guard let snapshot = try await services.store.caseSnapshot(followingTicket: code)?.snapshot else {
            return try lookupPage(page, notFound: !queued, queued: queued).response(from: request, context: context)
        }
        let events = try await services.store.caseEvents(snapshot.number)
        let filed = request.uri.queryParameters["filed"] != nil
        let language = page.language
        let steps = events.compactMap { stored -> Markup? in
            guard let message = stored.event.kind.publicMessage(language) else { return nil }
            return "<li><time>\(page.time(stored.event.at))</time> \(message)</li>"
        }
        let category = services.catalog.matter(code: snapshot.categoryCode)?.name ?? snapshot.categoryCode
        let photos = CasePhotos(snapshot, events: events)
        func photoList(_ ids: [String], _ title: CitizenText.Key, id: String) -> Markup {
            guard !ids.isEmpty else { return .empty }
            let items = ids.map { Markup("<li><img src=\"\(PhotoRules.path($0))\" alt=\"\(t(title))\" loading=\"lazy\"></li>") }
            return "<h2 class=\"photos-title\">\(t(title))</h2><ul class=\"photos\" id=\"\(id)\">\(items)</ul>"
        }
        let banner: Markup = filed ? """
            <section class="card done" aria-labelledby="filed-title">
            <h1 id="filed-title">\(t(.filedTitle))</h1>
            <p>\(t(.filedIntro))</p>
            <p class="ticket-code" aria-label="\(t(.ticketCode))"><span>\(t(.ticketCode))</span> <strong id="ticket-code">\(snapshot.ticketCode)</strong></p>
            <p class="hint">\(t(.keepCode))</p>
            </section>
            """ : "<h1>\(t(.ticketTitle))</h1>"
        var rating: Markup = .empty
        if snapshot.state == .closed {
            let choices = Rating.Satisfaction.allCases.map { level -> Markup in
                "<label class=\"choice\"><input type=\"radio\" name=\"satisfaction\" value=\"\(level.rawValue)\" required\(Markup.when(level == .satisfied, " checked"))> \(level.label(language))</label>"
            }
            rating = """
            <form class="card" method="post" action="/ticket/\(snapshot.ticketCode)/rating" id="rate">
            \(page.csrfField)
            <h2>\(t(.rateTitle))</h2>
            <p>\(t(.rateIntro))</p>
            <fieldset><legend>\(t(.satisfaction))</legend>\(choices)</fieldset>
            <fieldset><legend>\(t(.fixedQuestion))</legend>
            <label class="choice"><input type="radio" name="fixed" value="true" checked> \(t(.fixedYes))</label>
            <label class="choice"><input type="radio" name="fixed" value="false"> \(t(.fixedNo))</label>
            </fieldset>
            <label for="comment">\(t(.comment)) <span class="opt">（\(t(.optional))）</span></label>
            <textarea id="comment" name="comment" rows="2" maxlength="500"></textarea>
            <button type="submit" class="primary">\(t(.rateSubmit))</button>
            </form>
            """
        } else if let given = snapshot.rating {
            rating = "<p class=\"notice good\">\(t(.yourRating))：\(given.satisfaction.label(language))</p>"
        }
        let body: Markup = """
        \(banner)
        <section class="card">
        <dl class="facts">
        <dt>\(t(.status))</dt><dd><strong class="status" id="status">\(snapshot.state.publicLabel(language))</strong></dd>
        <dt>\(t(.caseNumber))</dt><dd>\(snapshot.number)</dd>
        <dt>\(t(.categoryLabel))</dt><dd>\(category)</dd>
        <dt>\(t(.address))</dt><dd>\(snapshot.location.address)</dd>
        <dt>\(t(.reportedAt))</dt><dd>\(page.time(snapshot.createdAt))</dd>
        \(snapshot.closedAt.map { Markup("<dt>\(t(.closedAt))</dt><dd>\(page.time($0))</dd>") })
        </dl>
        <p class="description">\(snapshot.description)</p>
        \(photoList(photos.before, .photosBefore, id: "ticket-photos-before"))
        \(photoList(photos.after, .photosAfter, id: "ticket-photos-after"))
        </section>
        \(rating)
        <section class="card">
        <h2>\(t(.timeline))</h2>
        <ol class="timeline" id="timeline">\(steps)</ol>
        </section>
        """
        return try WebPage(context: page, area: .citizen, title: t(.ticketTitle), body: body).response(from: request, context: context)
    }

    func rate(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        try CSRFToken.check(request, form)
        let code = try context.parameters.require("code").uppercased()
        guard let snapshot = try await services.store.caseSnapshot(followingTicket: code)?.snapshot else { throw WebError.notFound }
        let rating = try ActionRequest.rating(satisfaction: form["satisfaction"], fixed: form["fixed"].map { $0 == "true" })
        _ = try await CaseDesk(services: services).rate(ticket: snapshot, code: code, rating, comment: form["comment"])
        return Response.redirect(to: "/ticket/\(code)#timeline", type: .normal)
    }

    func photo(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let key = try context.parameters.require("key")
        guard let response = try await AttachmentRoutes.serve(key, request, services: services) else { throw WebError.notFound }
        return response
    }

    private func tileAttribute(_ page: PageContext) -> Markup {
        guard let tiles = page.tileURL else { return .empty }
        return " data-tiles=\"\(tiles)\""
    }
}

/// Finds a place from an address typed by a citizen: the community or street it names.
/// Without a geocoder this is what a person at the hotline would do too.
struct PlaceNames {
    let services: XiuhuaServices

    func point(in address: String) -> Coordinate? {
        guard let tree = services.regions else { return nil }
        for level in [RegionLevel.community, .street] {
            let named = tree.regions(at: level).filter { address.contains($0.name) }.sorted { $0.name.count > $1.name.count }
            if let region = named.first, let point = centralCell(of: region.code, in: tree) { return point }
        }
        return nil
    }

    /// A point inside the middle grid cell under `code`.
    private func centralCell(of code: String, in tree: RegionTree) -> Coordinate? {
        var cells: [String] = []
        var pending = [code]
        while let next = pending.popLast() {
            for child in tree.children(of: next) {
                if child.level == .grid { cells.append(child.code) } else { pending.append(child.code) }
            }
        }
        cells.sort()
        guard !cells.isEmpty else { return nil }
        let middle = cells[cells.count / 2]
        return services.features.first { $0.region.code == middle }?.geometry?.representativePoint
    }
}
