import Foundation
import Hummingbird
import HTTPTypes
import Xiuhua
import XiuhuaStore

/// What every page needs to know about its request: the language, the form token, who is
/// signed in and where the page is (for the language switch).
struct PageContext: Sendable {
    let language: UILanguage
    let csrf: (value: String, isNew: Bool)
    let account: Account?
    let path: String
    let tileURL: String?

    init(_ request: Request, _ context: XiuhuaRequestContext, tileURL: String?) {
        language = UILanguage.page(request)
        csrf = CSRFToken.token(for: request)
        account = context.account
        path = request.uri.path
        self.tileURL = tileURL
    }

    func t(_ key: WebText.Key) -> String { WebText.text(key, language) }

    /// The hidden field every form carries.
    var csrfField: Markup { "<input type=\"hidden\" name=\"\(CSRFToken.fieldName)\" value=\"\(csrf.value)\">" }

    /// Local time for people: 2026-11-30 08:44.
    func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = WorkCalendar.chinaStandardTime
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}

/// Which part of the site a page belongs to; it picks the navigation and the layout.
enum PageArea: String, Sendable {
    case citizen, console, dashboard, board
}

/// A whole HTML page: the frame (language switch, navigation, skip link) around a body.
/// Scripts and styles come only from this server (`/assets/…`), never from a CDN, and the
/// content security policy forbids everything else.
struct WebPage: ResponseGenerator {
    let context: PageContext
    let area: PageArea
    let title: String
    let body: Markup
    var scripts: [String] = []
    var status: HTTPResponse.Status = .ok

    func response(from request: Request, context _: some RequestContext) throws -> Response {
        var response = Response(
            status: status,
            headers: WebPage.headers(tileURL: context.tileURL, contentType: "text/html; charset=utf-8"),
            body: .init(byteBuffer: ByteBuffer(string: render().html))
        )
        if context.csrf.isNew { response.setCookie(CSRFToken.cookie(context.csrf.value)) }
        return response
    }

    func render() -> Markup {
        let language = context.language
        let switchHref = "/lang/\(language.other.code)?back=\(context.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/")"
        let scriptTags = scripts.map { Markup("<script src=\"/assets/\($0)\" defer></script>") }
        return """
        <!doctype html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · \(context.t(.brand))</title>
        <link rel="stylesheet" href="/assets/xiuhua.css">
        \(scriptTags)
        </head>
        <body class="area-\(area.rawValue)" data-lang="\(language.code)">
        <a class="skip" href="#main">\(context.t(.skipToContent))</a>
        <header class="top">
        <a class="brand" href="\(area == .console ? "/console" : "/report")">\(context.t(.brand))</a>
        <nav aria-label="\(context.t(.navHome))">\(navigation())</nav>
        <a class="lang" href="\(switchHref)" lang="\(language.other.rawValue)">\(context.t(.switchLanguage))</a>
        </header>
        <main id="main" tabindex="-1">
        \(body)
        </main>
        <footer class="foot"><p>\(context.t(.footer))</p></footer>
        </body>
        </html>
        """
    }

    private func navigation() -> Markup {
        let links: [(String, WebText.Key)] = switch area {
        case .citizen, .board:
            [("/report", .navReport), ("/ticket", .navTicket), ("/board", .navBoard), ("/board/shops", .navShopBoard)]
        case .console, .dashboard:
            [
                ("/console", .navConsole), ("/console/shops", .navShops), ("/console/campaigns", .navCampaignDesk), ("/console/vaccination", .navVaccinationDesk),
                ("/dashboard", .navDashboard), ("/reports/monthly", .navMonthlyReport),
                ("/vaccination/report", .navVaccination), ("/board", .navBoard),
            ]
        }
        // The current page is the longest link the path falls under (/board/shops, not /board).
        // The shop registry's other pages (inspections, contracts …) fall under 商户管理.
        let registry = ["/console/inspections", "/console/contracts", "/console/notices", "/console/idle-spaces", "/console/shop-boards"]
        let path = registry.contains { context.path == $0 || context.path.hasPrefix($0 + "/") } ? "/console/shops" : context.path
        let current = links.map(\.0).filter { path == $0 || ($0 != "/" && path.hasPrefix($0 + "/")) }
            .max { $0.count < $1.count }
        let items = links.map { href, key -> Markup in
            "<a href=\"\(href)\"\(Markup.when(href == current, " aria-current=\"page\""))>\(context.t(key))</a>"
        }
        guard area == .console || area == .dashboard, context.account != nil else { return Markup(joining: items) }
        let signOut: Markup = """
            <form method="post" action="/console/logout" class="inline">\(context.csrfField)\
            <button type="submit" class="link">\(ConsoleText.text(.signOut, context.language))</button></form>
            """
        return Markup(joining: items + [signOut])
    }

    /// Headers for every page and asset: a strict content security policy (only this
    /// server's scripts, styles and images, plus the tile server when configured), no
    /// framing, no sniffing, and no caching of pages that may carry personal data.
    static func headers(tileURL: String?, contentType: String) -> HTTPFields {
        [
            .contentType: contentType,
            .contentSecurityPolicy: SecurityHeadersMiddleware<XiuhuaRequestContext>.contentSecurityPolicy(tileURL: tileURL),
            .xContentTypeOptions: "nosniff",
            HTTPField.Name("Referrer-Policy")!: "same-origin",
            .cacheControl: "no-store",
        ]
    }

    /// `https://t0.tianditu.gov.cn` from a tile URL template.
    static func tileOrigin(_ template: String) -> String? {
        guard let url = URL(string: template.replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: "")),
              let scheme = url.scheme, let host = url.host else { return nil }
        return "\(scheme)://\(host)\(url.port.map { ":\($0)" } ?? "")"
    }
}

/// A refusal on a page, shown as an HTML page in the visitor's language.
struct WebError: Error, Sendable {
    let status: HTTPResponse.Status
    let key: WebText.Key
    let detail: String?
    var retryAfterMinutes: Int? = nil

    static func forbidden(_ detail: String) -> WebError {
        WebError(status: .forbidden, key: detail == "csrf" ? .errorCSRF : .errorForbidden, detail: nil)
    }

    static func badRequest(_ detail: String) -> WebError {
        WebError(status: .badRequest, key: .errorBadRequest, detail: detail)
    }

    static let notFound = WebError(status: .notFound, key: .errorNotFound, detail: nil)
}

/// Turns refusals in the page routes into error pages (the JSON API keeps its JSON errors).
struct WebErrorMiddleware: RouterMiddleware {
    typealias Context = XiuhuaRequestContext
    let tileURL: String?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as WebError {
            return try page(request, context, status: error.status, error: error)
        } catch let error as APIError {
            return try page(request, context, status: error.status, message: error.message)
        } catch let error as HTTPResponseError where error.status == .notFound {
            return try page(request, context, status: .notFound, error: .notFound)
        } catch let error as PostgresEngineError where error.isUnavailable {
            // A page in the visitor's language, as the API says database_unavailable.
            let language = UILanguage.page(request)
            var response = try page(request, context, status: .serviceUnavailable, message: WebText.text(.errorDatabaseUnavailable, language))
            response.headers[.retryAfter] = "5"
            return response
        }
    }

    func page(
        _ request: Request, _ context: Context, status: HTTPResponse.Status, error: WebError? = nil, message: String? = nil
    ) throws -> Response {
        let pageContext = PageContext(request, context, tileURL: tileURL)
        var text = message ?? ""
        if let error {
            if let minutes = error.retryAfterMinutes {
                text = WebText.text(error.key, pageContext.language, ["minutes": String(minutes)])
            } else {
                text = pageContext.t(error.key) + (error.detail ?? "")
            }
        }
        let body: Markup = """
        <section class="card error" role="alert">
        <h1>\(pageContext.t(.errorTitle))</h1>
        <p>\(text)</p>
        <p><a href="/report">\(pageContext.t(.backHome))</a></p>
        </section>
        """
        let area: PageArea = request.uri.path.hasPrefix("/console") ? .console : .citizen
        var response = try WebPage(context: pageContext, area: area, title: pageContext.t(.errorTitle), body: body, status: status)
            .response(from: request, context: context)
        if let minutes = error?.retryAfterMinutes { response.headers[.retryAfter] = String(minutes * 60) }
        return response
    }
}
