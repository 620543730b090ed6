import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import XiuhuaServer
import XiuhuaStore

@Suite("Running it: readiness, metrics, request ids, limits, configuration")
struct OperationsTests {
    /// A live server over a fresh, open store without a district.
    private func withOpenServer(maxRequestBytes: Int = 10 * 1024 * 1024, _ body: @Sendable (Store, XiuhuaServices, any TestClientProtocol) async throws -> Void) async throws {
        try await withTemporaryDataDirectory { directory in
            let store = try await Store.openSQLite(dataDirectory: directory, logger: ServerFixture.logger)
            do {
                let services = try await XiuhuaServices.load(store: store, catalog: .national, calendar: .chinaDefault)
                let app = buildApplication(
                    services: services, port: 0, overdueScanInterval: nil, maxRequestBytes: maxRequestBytes, logger: ServerFixture.logger
                )
                try await app.test(.live) { client in try await body(store, services, client) }
                await store.close()
            } catch {
                await store.close()
                throw error
            }
        }
    }

    @Test("/readyz is 200 on a current schema and 503 with the reason when a migration is missing")
    func readiness() async throws {
        try await withOpenServer { store, _, client in
            let ready = try await client.get("/readyz")
            #expect(ready.status == .ok)
            #expect(try ready.object()["status"] as? String == "ready")

            try await store.engine.write { db in
                try await db.raw("DELETE FROM schema_migrations WHERE name = '050_notification_outbox'").run()
            }
            let notReady = try await client.get("/readyz")
            #expect(notReady.status == .serviceUnavailable)
            #expect(try notReady.object()["status"] as? String == "not_ready")
            #expect(try notReady.object()["reason"] as? String == "migrations pending: 050_notification_outbox")
        }
    }

    @Test("/metrics has requests by route and status, latency histograms, cases by state, overdue, backlog, scheduler runs")
    func metrics() async throws {
        try await withOpenServer { _, services, client in
            _ = try await client.get("/healthz")
            _ = try await client.get("/api/v1/nothing")
            await OverdueScheduler(services: services, logger: ServerFixture.logger).tick()
            let response = try await client.get("/metrics")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
            let text = response.text
            let requests = text.split(separator: "\n").filter { $0.hasPrefix("xiuhua_http_requests_total{") }
            #expect(requests.contains { $0.contains(#"http_route="/healthz""#) && $0.contains(#"http_response_status_code="200""#) }, "\(text)")
            #expect(requests.contains { $0.contains(#"http_response_status_code="404""#) })
            #expect(text.contains("xiuhua_http_request_duration_seconds_bucket{"))
            #expect(text.contains(#"xiuhua_cases{state="dispatched"} 0"#) || text.contains(#"xiuhua_cases{state="dispatched"} 0.0"#))
            #expect(text.contains("xiuhua_cases_overdue 0"))
            #expect(text.contains(#"xiuhua_outbox_backlog{channel="webhook"} 0"#))
            #expect(text.contains("xiuhua_overdue_scans_total"))
        }
    }

    @Test("every response carries the request id, errors included")
    func requestID() async throws {
        try await withOpenServer { _, _, client in
            let ok = try await client.get("/healthz")
            let missing = try await client.get("/api/v1/nothing")
            let first = try #require(ok.headers[HTTPField.Name("X-Request-Id")!])
            let second = try #require(missing.headers[HTTPField.Name("X-Request-Id")!])
            #expect(!first.isEmpty)
            #expect(first != second)
        }
    }

    @Test("a body above the configured limit is a 413 body_too_large")
    func bodyLimit() async throws {
        try await withOpenServer(maxRequestBytes: 1000) { _, _, client in
            let body = ByteBuffer(string: "{\"description\":\"" + String(repeating: "x", count: 2000) + "\"}")
            let response = try await client.execute(uri: "/api/v1/cases", method: .post, headers: [.contentType: "application/json"], body: body)
            try response.expectError(.contentTooLarge, "body_too_large")
        }
    }

    @Test("flags override the configuration file")
    func flagsOverride() async throws {
        try await withTemporaryDataDirectory { directory in
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let file = directory + "/xiuhua.yaml"
            let filePort = try XiuhuaProcess.freePort()
            try "server:\n  port: \(filePort)\ndata:\n  directory: from-file\n".write(toFile: file, atomically: true, encoding: .utf8)
            let server = try await XiuhuaProcess.serve(data: directory + "/from-flag", arguments: ["--config", file])
            #expect(try await server.get("/readyz") == 200)
            server.kill(SIGTERM)
            #expect(FileManager.default.fileExists(atPath: directory + "/from-flag/xiuhua.sqlite"))
            #expect(!FileManager.default.fileExists(atPath: directory + "/from-file"))
        }
    }

    @Test("serve refuses an invalid configuration and names the line; config check passes the shipped example")
    func configurationCommands() async throws {
        try await withTemporaryDataDirectory { directory in
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let bad = directory + "/bad.yaml"
            try "server:\n  port: 99999\ndistrict:\n  time_zone: Nowhere/City\n".write(toFile: bad, atomically: true, encoding: .utf8)
            let serve = try await XiuhuaProcess.run(["serve", "--config", bad, "--data", directory + "/data"])
            #expect(serve.status != 0)
            #expect(serve.output.contains("line 2: server.port"), "\(serve.output)")
            #expect(serve.output.contains("line 4: district.time_zone"))
            let check = try await XiuhuaProcess.run(["config", "check", bad])
            #expect(check.status != 0)
            #expect(check.output.contains("2 problem(s)"))

            let example = URL(fileURLWithPath: XiuhuaProcess.binary)
                .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("docs/xiuhua.example.yaml").path
            let good = try await XiuhuaProcess.run(
                ["config", "check", example], environment: ["XIUHUA_WEBHOOK_SECRET": "s", "XIUHUA_SMS_TOKEN": "t"]
            )
            #expect(good.status == 0, "\(good.output)")
            #expect(good.output.contains("configuration valid"))
        }
    }
}
