import Hummingbird
import Xiuhua

/// `GET /healthz`: the process is alive and answering.
struct HealthRoutes {
    struct Health: ResponseCodable {
        let status: String
        let version: String
    }

    func add(to router: Router<XiuhuaRequestContext>) {
        router.get("/healthz") { _, _ in Health(status: "ok", version: XiuhuaVersion.current) }
    }
}
