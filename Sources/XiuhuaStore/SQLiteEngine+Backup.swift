import Logging
import SQLiteKit

extension SQLiteEngine {
    /// Copies the database as of one read snapshot into a new file at `target`, on a
    /// connection of its own so that neither the writer nor the readers wait for it.
    public func vacuum(into target: String) async throws {
        let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: Logger(label: "xiuhua.backup"))
        do {
            _ = try await connection.query("PRAGMA busy_timeout=5000", [])
            _ = try await connection.query("VACUUM INTO ?", [.text(target)])
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
