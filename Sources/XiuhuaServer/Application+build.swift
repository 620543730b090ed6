import Foundation
import Hummingbird
import Logging
import NIOCore
import Xiuhua

/// Assembles the HTTP application from its routes, so the `serve` command and the tests
/// build exactly the same server.
public func buildApplication(
    services: XiuhuaServices,
    host: String = "127.0.0.1",
    port: Int = 8080,
    overdueScanInterval: Duration? = .seconds(60),
    evaluationWeights: EvaluationWeights = .standard,
    notifications: NotificationSettings? = nil,
    maxRequestBytes: Int = 10 * 1024 * 1024,
    maxPhotoBytes: Int = XiuhuaConfiguration.defaultMaxPhotoBytes,
    server: ServerSettings = ServerSettings(),
    tileURL: String? = ProcessInfo.processInfo.environment["XIUHUA_TILE_URL"],
    logger: Logger
) -> some ApplicationProtocol {
    XiuhuaMetrics.bootstrap()
    let router = buildRouter(
        services: services, evaluationWeights: evaluationWeights, maxRequestBytes: maxRequestBytes, maxPhotoBytes: maxPhotoBytes,
        server: server, tileURL: tileURL
    )
    let serverName = "xiuhua"
    var app = Application(
        router: router,
        server: XiuhuaHTTP1Channel.builder(
            configuration: .init(idleTimeout: TimeAmount(server.idleTimeout)),
            answers: PublicAnswers(
                cache: services.publicAnswers, store: services.store,
                securityHeaders: SecurityHeadersMiddleware<XiuhuaRequestContext>(
                    tileURL: tileURL.flatMap { $0.isEmpty ? nil : $0 }, behindTLS: server.behindTLS
                ).headers,
                serverName: serverName, logger: logger
            )
        ),
        configuration: .init(address: .hostname(host, port: port), serverName: serverName),
        logger: logger
    )
    if let overdueScanInterval {
        app.addServices(OverdueScheduler(services: services, interval: overdueScanInterval, logger: logger))
        app.addServices(NoticeOverdueScan(services: services, interval: overdueScanInterval, logger: logger))
        app.addServices(ContractReminderScan(services: services, interval: overdueScanInterval, logger: logger))
    }
    if let surgeIntake = services.surgeIntake {
        app.addServices(SurgeIntakeFiler(intake: surgeIntake, services: services, logger: logger))
    }
    if let notifications {
        app.addServices(NotificationDelivery(store: services.store, settings: notifications, logger: logger, now: services.now))
    }
    return app
}

/// The router with every route and middleware, so tests can list the routes
/// (`router.routes`) against the API descriptions.
public func buildRouter(
    services: XiuhuaServices,
    evaluationWeights: EvaluationWeights = .standard,
    maxRequestBytes: Int = 10 * 1024 * 1024,
    maxPhotoBytes: Int = XiuhuaConfiguration.defaultMaxPhotoBytes,
    server: ServerSettings = ServerSettings(),
    tileURL: String? = ProcessInfo.processInfo.environment["XIUHUA_TILE_URL"]
) -> Router<XiuhuaRequestContext> {
    let router = Router(context: XiuhuaRequestContext.self)
    let tileURL = tileURL.flatMap { $0.isEmpty ? nil : $0 }
    let logins = LoginThrottle(server.loginLimit)
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: SecurityHeadersMiddleware(tileURL: tileURL, behindTLS: server.behindTLS))
    router.add(middleware: ClientAddressMiddleware(trustedProxies: server.trustedProxies))
    router.add(middleware: RequestIDMiddleware())
    router.add(middleware: RequestLogMiddleware(.info))
    router.add(middleware: ErrorMiddleware())
    router.add(middleware: RequestSizeLimitMiddleware(maxBytes: maxRequestBytes))
    router.add(middleware: SessionMiddleware(services: services))
    if !server.intakeLimit.isOff {
        router.add(middleware: IntakeRateLimitMiddleware(limit: server.intakeLimit, tileURL: tileURL))
    }
    HealthRoutes().add(to: router)
    OperationsRoutes(services: services).add(to: router)
    HomePage(services: services).add(to: router)
    LocateRoutes(services: services).add(to: router)
    RegionRoutes(services: services).add(to: router)
    CategoryRoutes(services: services).add(to: router)
    SessionRoutes(services: services, logins: logins, secureCookies: server.behindTLS).add(to: router)
    AccountRoutes(services: services, logins: logins).add(to: router)
    CaseRoutes(services: services).add(to: router)
    TicketRoutes(services: services).add(to: router)
    WhistleRoutes(services: services).add(to: router)
    RoutingRuleRoutes(services: services).add(to: router)
    DuplicateRoutes(services: services).add(to: router)
    EvaluationRoutes(services: services, weights: evaluationWeights).add(to: router)
    MonthlyReportPage(services: services, weights: evaluationWeights).add(to: router)
    WebRoutes(
        services: services, logins: logins, tileURL: tileURL, weights: evaluationWeights, maxPhotoBytes: maxPhotoBytes,
        secureCookies: server.behindTLS
    ).add(to: router)
    APIKeyRoutes(services: services).add(to: router)
    ShopRoutes(services: services).add(to: router)
    InspectionRoutes(services: services).add(to: router)
    ContractRoutes(services: services).add(to: router)
    PrintStyle.add(to: router)
    ShopBoardRoutes(services: services).add(to: router)
    ShopBoardPage(services: services).add(to: router)
    NoticeRoutes(services: services).add(to: router)
    IdleSpaceRoutes(services: services).add(to: router)
    Open311Routes(services: services).add(to: router)
    CampaignRoutes(services: services).add(to: router)
    CampaignsPage(services: services).add(to: router)
    VaccinationRoutes(services: services).add(to: router)
    SupervisionRoutes(services: services).add(to: router)
    CoverageReportPage(services: services).add(to: router)
    OpenAPIRoutes().add(to: router)
    AttachmentRoutes(services: services, maxPhotoBytes: maxPhotoBytes).add(to: router)
    return router
}
