import Hummingbird
import Logging

/// Assembles the HTTP application from its routes, so the `serve` command and the tests
/// build exactly the same server.
public func buildApplication(
    services: XiuhuaServices,
    host: String = "127.0.0.1",
    port: Int = 8080,
    logger: Logger
) -> some ApplicationProtocol {
    let router = Router(context: XiuhuaRequestContext.self)
    router.add(middleware: LogRequestsMiddleware(.info))
    router.add(middleware: ErrorMiddleware())
    HealthRoutes().add(to: router)
    HomePage(services: services).add(to: router)
    LocateRoutes(services: services).add(to: router)
    RegionRoutes(services: services).add(to: router)
    CategoryRoutes(services: services).add(to: router)
    return Application(
        router: router,
        configuration: .init(address: .hostname(host, port: port), serverName: "xiuhua"),
        logger: logger
    )
}
