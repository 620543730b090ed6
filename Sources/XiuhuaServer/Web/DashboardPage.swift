import Foundation
import Hummingbird
import ServiceLifecycle
import Xiuhua
import XiuhuaStore

/// The command-centre wall screen (`/dashboard`, laid out for 1920 px): open cases by
/// stage and light, today's intake by channel and sub-command, overdue cases, the month's
/// most reported problems and a district map coloured by open cases. It updates without
/// reloading: `/dashboard/events` (server-sent events) says when cases changed, and the
/// script fetches the panels again from `/dashboard/panels`, rendered by the same code.
struct DashboardPage {
    let services: XiuhuaServices
    let tileURL: String?
    let streams: EventStreams

    func add(to group: RouterGroup<XiuhuaRequestContext>) {
        group.get("/dashboard") { request, context in
            guard let account = context.account, CaseRoutes.staff.contains(account.role) else {
                return Response.redirect(to: "/console/login?next=%2Fdashboard", type: .found)
            }
            let page = PageContext(request, context, tileURL: tileURL)
            let panels = try await self.panels(page)
            let body: Markup = """
            <div class="wall">
            <header class="wall-head"><h1>\(DashboardText.text(.title, page.language))</h1>
            <p class="live" id="live" data-offline="\(DashboardText.text(.offline, page.language))">\(DashboardText.text(.live, page.language))</p></header>
            <div class="wall-body">
            <div id="panels" aria-live="polite">\(panels)</div>
            <section class="panel map-panel" aria-labelledby="map-title"><h2 id="map-title">\(DashboardText.text(.districtMap, page.language))</h2>
            <div class="map tall" data-map="dashboard"\(tileURL.map { Markup(" data-tiles=\"\($0)\"") })></div>
            <p class="legend"><span>\(DashboardText.text(.legendFew, page.language))</span><span class="ramp" aria-hidden="true"></span><span>\(DashboardText.text(.legendMany, page.language))</span></p>
            </section>
            </div>
            </div>
            """
            return try WebPage(context: page, area: .dashboard, title: DashboardText.text(.title, page.language), body: body, scripts: ["map.js", "dashboard.js"])
                .response(from: request, context: context)
        }
        group.get("/dashboard/panels") { request, context in
            guard let account = context.account, CaseRoutes.staff.contains(account.role) else { throw WebError.forbidden("role") }
            let page = PageContext(request, context, tileURL: tileURL)
            return Response(
                status: .ok, headers: WebPage.headers(tileURL: tileURL, contentType: "text/html; charset=utf-8"),
                body: .init(byteBuffer: ByteBuffer(string: try await panels(page).html))
            )
        }
        group.get("/dashboard/events") { request, context in
            guard let account = context.account, CaseRoutes.staff.contains(account.role),
                  let token = SessionMiddleware.token(in: request)
            else { throw WebError.forbidden("role") }
            guard await streams.admit(accountID: account.id) else {
                throw APIError(
                    .tooManyRequests, code: "too_many_streams",
                    message: "实时更新连接过多（每个账号最多 \(streams.perAccount) 个），请先关闭其他大屏页面 "
                        + "(too many live-update connections: at most \(streams.perAccount) per account; close another dashboard first)"
                )
            }
            return events(session: token, accountID: account.id)
        }
    }

    /// A stream that names the state of the cases whenever it changes (checked each
    /// second, so changes made by another server process on the same database count too),
    /// with a comment every 15 s to keep proxies from closing it. It ends after an hour;
    /// the browser reconnects by itself. It also ends within a second of its session
    /// ending — sign-out, revoked sessions, a disabled account — on any server.
    func events(session token: String, accountID: String) -> Response {
        let store = services.store
        let now = services.now
        let streams = self.streams
        let stream = AsyncThrowingStream<ByteBuffer, any Error> { continuation in
            let task = Task {
                defer { Task { await streams.release(accountID: accountID) } }
                do {
                    var last = ""
                    for tick in 0..<3600 {
                        guard try await store.sessionAccount(token: token, at: now()) != nil else { break }
                        let mark = try await store.caseChangeMark()
                        if mark != last {
                            continuation.yield(ByteBuffer(string: "event: change\ndata: \(mark)\n\n"))
                            last = mark
                        } else if tick % 15 == 0 {
                            continuation.yield(ByteBuffer(string: ": alive\n\n"))
                        }
                        try await Task.sleep(for: .seconds(1))
                    }
                    continuation.finish()
                } catch {
                    continuation.finish()
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody { writer in
                try await writer.write(stream.cancelOnGracefulShutdown())
                try await writer.finish(nil)
            }
        )
    }

    func panels(_ page: PageContext) async throws -> Markup {
        let language = page.language
        func t(_ key: DashboardText.Key) -> String { DashboardText.text(key, language) }
        let now = services.now()
        let zone = services.calendar.timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let today = calendar.startOfDay(for: now)
        let month = calendar.date(from: calendar.dateComponents([.year, .month], from: now)) ?? today
        let counts = try await services.store.caseCounts(at: now)
        let intake = try await services.store.intakeCounts(from: today, to: now.addingTimeInterval(1))
        let top = try await services.store.topCategories(from: month, to: now.addingTimeInterval(1), limit: 8)
        var overdueQuery = CaseQuery()
        overdueQuery.states = CaseState.allCases.filter(\.isOpen)
        overdueQuery.overdue = true
        overdueQuery.pageSize = 10
        let system = Actor(id: "dashboard", name: "dashboard", role: .supervisor)
        let overdue = try await services.store.listCases(overdueQuery, visibleTo: system, at: now)
        // Missed check-ins this month, as the evaluation counts them (summoned minus on time).
        let monthFormat = DateFormatter()
        monthFormat.locale = Locale(identifier: "en_US_POSIX")
        monthFormat.timeZone = zone
        monthFormat.dateFormat = "yyyy-MM"
        let monthTally = try await services.store.evaluationTallies(
            [.district], in: try EvaluationPeriod(monthFormat.string(from: now), timeZone: zone)
        )[.district]?[""]
        let missedThisMonth = (monthTally?[.whistleCheckIns] ?? 0) - (monthTally?[.whistleCheckInsOnTime] ?? 0)

        let open = CaseState.allCases.filter(\.isOpen)
        let openTotal = open.reduce(0) { $0 + (counts.byState[$1] ?? 0) }
        let stateTiles = open.map { state in
            Markup("<li data-state=\"\(state.rawValue)\"><span class=\"n\">\(counts.byState[state] ?? 0)</span><span class=\"k\">\(state.label(language))</span></li>")
        }
        let lightTiles = TrafficLight.allCases.map { light in
            Markup("<li class=\"light-tile \(light.rawValue)\" data-light=\"\(light.rawValue)\"><span class=\"n\">\(counts.byLight[light] ?? 0)</span><span class=\"k\">\(light.label(language))</span></li>")
        }
        let intakeTotal = intake.reduce(0) { $0 + $1.count }
        let bySource = CaseSource.allCases.map { source in
            (source.label(language), intake.filter { $0.source == source }.reduce(0) { $0 + $1.count })
        }
        var byCommand: [String: Int] = [:]
        for item in intake { byCommand[item.commandCode ?? "", default: 0] += item.count }
        let commandRows = byCommand.sorted { $0.value > $1.value }.map { code, count in
            (code.isEmpty ? t(.noCommand) : services.organisation.command(code)?.name ?? code, count)
        }
        func bars(_ rows: [(String, Int)], id: String) -> Markup {
            let peak = max(rows.map(\.1).max() ?? 0, 1)
            let items = rows.map { name, count in
                Markup("<li><span class=\"k\">\(name)</span><meter min=\"0\" max=\"\(peak)\" value=\"\(count)\">\(count)</meter><span class=\"n\">\(count)</span></li>")
            }
            return items.isEmpty ? "<p class=\"hint\">\(t(.none))</p>" : "<ul class=\"bars\" id=\"\(id)\">\(items)</ul>"
        }
        let overdueRows = overdue.cases.map { s -> Markup in
            let street = s.location.streetCode.flatMap { services.regions?[$0]?.name } ?? "—"
            return """
            <tr><td>\(s.number)</td><td>\(services.catalog.matter(code: s.categoryCode)?.name ?? s.categoryCode)</td><td>\(street)</td>\
            <td>\(s.stage?.label(language) ?? "—")</td><td>\(s.stageDeadline.map(page.time) ?? "—")</td></tr>
            """
        }
        let categoryRows = top.map { (services.catalog.matter(code: $0.code)?.name ?? $0.code, $0.count) }
        return """
        <section class="panel totals" aria-labelledby="open-title">
        <h2 id="open-title">\(t(.openCases)) <strong class="big" id="open-total">\(openTotal)</strong></h2>
        <ul class="tiles lights" aria-label="\(t(.lights))">\(lightTiles)<li class="light-tile paused"><span class="n">\(counts.byState[.suspended] ?? 0)</span><span class="k">\(t(.suspended))</span></li></ul>
        <h3>\(t(.byState))</h3>
        <ul class="tiles states">\(stateTiles)</ul>
        </section>
        <section class="panel" aria-labelledby="intake-title">
        <h2 id="intake-title">\(t(.intakeToday)) <strong class="big" id="intake-total">\(intakeTotal)</strong></h2>
        <h3>\(t(.byChannel))</h3>\(bars(bySource, id: "intake-channel"))
        <h3>\(t(.byCommand))</h3>\(bars(commandRows, id: "intake-command"))
        </section>
        <section class="panel" aria-labelledby="overdue-title">
        <h2 id="overdue-title">\(t(.overdueList)) <strong class="big red" id="overdue-total">\(overdue.total)</strong></h2>
        \(overdueRows.isEmpty ? Markup("<p class=\"hint\">\(t(.none))</p>") : """
        <table class="cases compact"><thead><tr><th scope="col">\(t(.colNumber))</th><th scope="col">\(t(.colCategory))</th>\
        <th scope="col">\(t(.colStreet))</th><th scope="col">\(t(.colStage))</th><th scope="col">\(t(.colDeadline))</th></tr></thead>
        <tbody>\(overdueRows)</tbody></table>
        """)
        </section>
        <section class="panel" aria-labelledby="whistle-title">
        <h2 id="whistle-title">\(t(.whistles))</h2>
        <ul class="tiles whistles">\
        <li><span class="n" id="awaiting-check-in">\(counts.awaitingCheckIn)</span><span class="k">\(t(.awaitingCheckIn))</span></li>\
        <li class="light-tile red"><span class="n" id="check-in-late">\(counts.checkInLate)</span><span class="k">\(t(.checkInLate))</span></li>\
        <li class="light-tile red"><span class="n" id="missed-check-ins">\(missedThisMonth)</span><span class="k">\(t(.missedThisMonth))</span></li></ul>
        </section>
        <section class="panel" aria-labelledby="top-title">
        <h2 id="top-title">\(t(.topCategories))</h2>\(bars(categoryRows, id: "top-categories"))
        </section>
        <p class="updated">\(t(.updated)) <time id="updated">\(page.time(now))</time></p>
        """
    }
}
