import Foundation
import Logging
import XiuhuaStore

/// A fresh, empty data directory for one test, removed afterwards.
struct TemporaryDirectory {
    let path: String

    init() {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("xiuhua-store-test-\(UUID().uuidString)").path
    }

    var databasePath: String { (path as NSString).appendingPathComponent("xiuhua.sqlite") }

    /// Runs `body` with the directory, then removes it whatever happened.
    static func with<T>(_ body: (TemporaryDirectory) async throws -> T) async throws -> T {
        let directory = TemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory.path) }
        return try await body(directory)
    }

    func open(migrate: Bool = true) async throws -> Store {
        try await Store.openSQLite(dataDirectory: path, logger: quietLogger, migrate: migrate)
    }
}

/// Runs `body` with a migrated store in a fresh directory; closes the store and removes
/// the directory afterwards.
func withTemporaryStore<T>(_ body: (Store, TemporaryDirectory) async throws -> T) async throws -> T {
    try await TemporaryDirectory.with { directory in
        let store = try await directory.open()
        do {
            let result = try await body(store, directory)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }
}

let quietLogger: Logger = {
    var logger = Logger(label: "xiuhua.store-tests")
    logger.logLevel = .critical
    return logger
}()
