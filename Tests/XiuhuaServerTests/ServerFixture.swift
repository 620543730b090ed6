import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing
import Xiuhua
import XiuhuaServer
import XiuhuaStore

/// Real servers on 127.0.0.1 over real stores, for the API suites.
enum ServerFixture {
    static let logger: Logger = {
        var logger = Logger(label: "xiuhua.server-tests")
        logger.logLevel = .critical
        return logger
    }()

    /// The demo district's services, seeded and loaded once for all suites. The store is
    /// read only while loading; it is closed and its directory removed straight after.
    static let demo = Task { try await loadServices(seedDemo: true) }

    /// Services over a migrated store with no district imported.
    static let empty = Task { try await loadServices(seedDemo: false) }

    static func loadServices(seedDemo: Bool) async throws -> XiuhuaServices {
        try await withTemporaryDataDirectory { directory in
            let store = try await Store.openSQLite(dataDirectory: directory, logger: logger)
            do {
                if seedDemo { try await DemoSeeder.seedIfNeeded(store, logger: logger) }
                let services = try await XiuhuaServices.load(store: store, catalog: .national, calendar: .chinaDefault)
                await store.close()
                return services
            } catch {
                await store.close()
                throw error
            }
        }
    }

    /// Starts a live server for `services` on a free port and runs `body` against it.
    static func withServer<T: Sendable>(
        _ services: Task<XiuhuaServices, any Error>,
        _ body: @Sendable (any TestClientProtocol) async throws -> T
    ) async throws -> T {
        let app = buildApplication(services: try await services.value, host: "127.0.0.1", port: 0, logger: logger)
        return try await app.test(.live, body)
    }
}

/// Runs `body` with a fresh data directory path, removing the directory afterwards.
func withTemporaryDataDirectory<T>(_ body: (String) async throws -> T) async throws -> T {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("xiuhua-server-test-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try await body(path)
}

extension TestClientProtocol {
    func get(_ uri: String) async throws -> TestResponse {
        try await execute(uri: uri, method: .get)
    }
}

extension TestResponse {
    var text: String { String(decoding: body.readableBytesView, as: UTF8.self) }

    /// The body as a JSON object.
    func object(sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(body.readableBytesView))
        return try #require(value as? [String: Any], "not a JSON object: \(text)", sourceLocation: sourceLocation)
    }

    /// The body decoded as `T`.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(type, from: Data(body.readableBytesView))
    }

    /// Checks the API's error shape: the status, a JSON body with exactly `error` and
    /// `message`, and the expected error code.
    func expectError(_ status: HTTPResponse.Status, _ code: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(self.status == status, "\(text)", sourceLocation: sourceLocation)
        #expect(headers[.contentType]?.hasPrefix("application/json") == true, sourceLocation: sourceLocation)
        let object = try object(sourceLocation: sourceLocation)
        #expect(Set(object.keys) == ["error", "message"], "\(text)", sourceLocation: sourceLocation)
        #expect(object["error"] as? String == code, "\(text)", sourceLocation: sourceLocation)
        #expect((object["message"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
    }
}

/// Percent-encodes a query value (Chinese text, `+` …).
func encoded(_ value: String) -> String {
    var allowed = CharacterSet.urlQueryAllowed
    allowed.remove(charactersIn: "&=+?#")
    return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
}
