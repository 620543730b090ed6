import Foundation
import Hummingbird
import NIOCore

/// What monitoring reads: `GET /readyz` (database reachable and schema current, else 503
/// with the reason; either way naming the database, e.g. `postgresql 10.0.0.5:5432/xiuhua`)
/// and `GET /metrics` (Prometheus text format).
struct OperationsRoutes {
    let services: XiuhuaServices

    struct Readiness: ResponseCodable {
        let status: String
        let reason: String?
        let database: String
    }

    func add(to router: Router<XiuhuaRequestContext>) {
        router.get("/readyz") { _, _ -> Response in
            if let reason = await services.store.notReadyReason() {
                return try json(Readiness(status: "not_ready", reason: reason, database: services.store.databaseName), status: .serviceUnavailable)
            }
            return try json(Readiness(status: "ready", reason: nil, database: services.store.databaseName))
        }
        router.get("/metrics") { _, context -> Response in
            do {
                try await XiuhuaMetrics.refreshGauges(store: services.store, surge: services.surgeIntake, at: services.now())
            } catch {
                context.logger.error("metrics: cannot read the store", metadata: ["error": "\(error)"])
            }
            return Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: XiuhuaMetrics.registry.emitToBuffer()))
            )
        }
    }
}
