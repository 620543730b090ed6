import Foundation
import Hummingbird
import Xiuhua

/// The web pages: the citizen's report and ticket pages, the staff console, the
/// command-centre dashboard, the public board, the map's data and the few hand-written
/// scripts and the style sheet they use. Refusals here are shown as pages, not JSON.
public struct WebRoutes {
    let services: XiuhuaServices
    let logins: LoginThrottle
    /// A tile URL template (`https://…/{z}/{x}/{y}.png`) for a base map under our own
    /// drawing, such as 天地图 or an intranet tile server; nil draws only our layers.
    let tileURL: String?
    /// The largest photo a form may carry (`uploads.max_photo_bytes`).
    let maxPhotoBytes: Int
    /// The evaluation weights, for the public board's ranking.
    let weights: EvaluationWeights
    /// Served over TLS: the session cookie is marked Secure.
    let secureCookies: Bool
    /// The dashboard's live-update streams, at most a few per account.
    let streams = EventStreams()

    public init(
        services: XiuhuaServices, logins: LoginThrottle, tileURL: String?, weights: EvaluationWeights = .standard,
        maxPhotoBytes: Int = XiuhuaConfiguration.defaultMaxPhotoBytes, secureCookies: Bool = false
    ) {
        self.services = services
        self.logins = logins
        self.secureCookies = secureCookies
        self.tileURL = tileURL.flatMap { $0.isEmpty ? nil : $0 }
        self.weights = weights
        self.maxPhotoBytes = maxPhotoBytes
    }

    public func add(to router: Router<XiuhuaRequestContext>) {
        let group = router.group().add(middleware: WebErrorMiddleware(tileURL: tileURL))
        let attachments = AttachmentDesk(services: services, maxBytes: maxPhotoBytes)
        CitizenPages(services: services, attachments: attachments, tileURL: tileURL).add(to: group)
        ConsolePages(
            services: services, sessions: SessionRoutes(services: services, logins: logins, secureCookies: secureCookies), attachments: attachments, tileURL: tileURL).add(to: group)
        ShopConsolePages(services: services, tileURL: tileURL).add(to: group)
        InspectionConsolePages(services: services, tileURL: tileURL).add(to: group)
        ContractConsolePage(services: services, tileURL: tileURL).add(to: group)
        ContractConsoleForms(services: services, tileURL: tileURL).add(to: group)
        NoticeConsolePage(services: services, tileURL: tileURL).add(to: group)
        NoticeDeskPages(services: services, tileURL: tileURL).add(to: group)
        ShopBoardConsolePage(services: services, tileURL: tileURL).add(to: group)
        IdleSpaceConsolePages(services: services, tileURL: tileURL).add(to: group)
        CampaignConsolePages(services: services, tileURL: tileURL).add(to: group)
        VaccinationConsolePages(services: services, tileURL: tileURL).add(to: group)
        SupervisionConsolePage(services: services, tileURL: tileURL).add(to: group)
        DashboardPage(services: services, tileURL: tileURL, streams: streams).add(to: group)
        BoardPage(services: services, tileURL: tileURL, weights: weights).add(to: group)
        MapLayers(services: services).add(to: group)
        WebAssets.add(to: group)
        group.get("/lang/{code}") { request, context in
            let language: UILanguage = context.parameters.get("code") == "en" ? .en : .zh
            let back = ConsolePages.localPath(request.uri.queryParameters["back"].map(String.init)) ?? "/report"
            var response = Response.redirect(to: back, type: .found)
            response.setCookie(Cookie(name: UILanguage.cookieName, value: language.code, maxAge: 365 * 86_400, path: "/", httpOnly: true, sameSite: .lax))
            return response
        }
    }
}

/// The style sheet and scripts, served from the binary: no CDN, no build step.
enum WebAssets {
    static let files: [String: (type: String, text: String)] = [
        "xiuhua.css": ("text/css; charset=utf-8", StyleSheet.text),
        "map.js": ("text/javascript; charset=utf-8", MapScript.text),
        "report.js": ("text/javascript; charset=utf-8", ReportScript.text),
        "dashboard.js": ("text/javascript; charset=utf-8", DashboardScript.text),
        "home.css": ("text/css; charset=utf-8", HomeStyleSheet.text),
        "monthly-report.css": ("text/css; charset=utf-8", MonthlyReportStyleSheet.text),
    ]

    static func add(to group: RouterGroup<XiuhuaRequestContext>) {
        group.get("/assets/{name}") { _, context in
            guard let name = context.parameters.get("name"), let file = files[name] else { throw WebError.notFound }
            return Response(
                status: .ok,
                headers: [.contentType: file.type, .cacheControl: "public, max-age=300", .xContentTypeOptions: "nosniff"],
                body: .init(byteBuffer: ByteBuffer(string: file.text))
            )
        }
    }
}
