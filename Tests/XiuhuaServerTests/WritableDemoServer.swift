import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import Xiuhua
import XiuhuaServer
import XiuhuaStore

/// A live server over a writable copy of the demo store, with the operations settings a
/// test chooses (the shared fixture's store is closed after loading, and these tests sign
/// in, file cases and look tickets up). The demo is seeded once into a template.
enum WritableDemoServer {
    private static let template = Task { () throws -> String in
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("xiuhua-ops-template-\(UUID().uuidString)").path
        let store = try await Store.openSQLite(dataDirectory: path, logger: ServerFixture.logger)
        try await DemoSeeder.seedIfNeeded(store, logger: ServerFixture.logger)
        await store.close()
        return path
    }

    static func run(
        _ settings: ServerSettings = ServerSettings(), tileURL: String? = nil,
        _ body: @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let template = try await template.value
        try await withTemporaryDataDirectory { directory in
            try FileManager.default.copyItem(atPath: template, toPath: directory)
            let store = try await Store.openSQLite(dataDirectory: directory, logger: ServerFixture.logger)
            do {
                let services = try await XiuhuaServices.load(store: store, catalog: .national, calendar: .chinaDefault)
                let app = buildApplication(
                    services: services, host: "127.0.0.1", port: 0, overdueScanInterval: nil, server: settings, tileURL: tileURL,
                    logger: ServerFixture.logger
                )
                try await app.test(.live, body)
                await store.close()
            } catch {
                await store.close()
                throw error
            }
        }
    }
}
