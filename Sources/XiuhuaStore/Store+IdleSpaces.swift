import Foundation
import SQLKit
import Xiuhua

extension Store {
    public func addIdleSpace(_ space: IdleSpace) async throws {
        let text = try Store.idleSpaceJSON(space)
        try await engine.write { db in
            try await db.raw("""
                INSERT INTO idle_spaces (id, street_code, status, registered_at, space)
                VALUES (\(bind: space.id), \(bind: space.place.streetCode), \(bind: space.status.rawValue), \(bind: space.registeredAt.millis), \(bind: text))
                """).run()
        }
    }

    public func idleSpace(id: String) async throws -> IdleSpace? {
        try await engine.read { db in
            try await db.raw("SELECT space FROM idle_spaces WHERE id = \(bind: id)").first().map(Store.decodeIdleSpace)
        }
    }

    /// Idle spaces, newest first; optionally some streets or one status.
    public func idleSpaces(streetCodes: [String]? = nil, status: IdleSpace.Status? = nil) async throws -> [IdleSpace] {
        try await engine.read { db in
            var conditions: [SQLQueryString] = []
            if let streetCodes { conditions.append(streetCodes.isEmpty ? "0" : "street_code IN (\(binds: streetCodes))") }
            if let status { conditions.append("status = \(bind: status.rawValue)") }
            var filter: SQLQueryString = ""
            if !conditions.isEmpty { filter = " WHERE " + conditions.dropFirst().reduce(conditions[0]) { $0 + " AND " + $1 } }
            return try await db.raw("SELECT space FROM idle_spaces" + filter + " ORDER BY registered_at DESC, id").all().map(Store.decodeIdleSpace)
        }
    }

    /// Changes a space in one transaction; returns nil when there is none.
    public func changeIdleSpace(id: String, _ change: @Sendable (inout IdleSpace) throws -> Void) async throws -> IdleSpace? {
        try await engine.write { db in
            guard var space = try await db.raw("SELECT space FROM idle_spaces WHERE id = \(bind: id)" + db.forUpdate).first().map(Store.decodeIdleSpace) else {
                return nil
            }
            try change(&space)
            try await db.raw("""
                UPDATE idle_spaces SET status = \(bind: space.status.rawValue), space = \(bind: try Store.idleSpaceJSON(space)) WHERE id = \(bind: id)
                """).run()
            return space
        }
    }

    static func idleSpaceJSON(_ space: IdleSpace) throws -> String {
        String(decoding: try CanonicalJSON.encode(space), as: UTF8.self)
    }

    static func decodeIdleSpace(_ row: any SQLRow) throws -> IdleSpace {
        let text = try row.decode(column: "space", as: String.self)
        do {
            return try CanonicalJSON.decode(IdleSpace.self, from: Data(text.utf8))
        } catch {
            throw CaseStoreError.corrupt(number: "idle space", reason: "\(error)")
        }
    }
}
