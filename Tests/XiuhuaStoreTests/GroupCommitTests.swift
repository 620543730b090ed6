import Foundation
import Logging
import SQLKit
import Testing
@testable import XiuhuaStore

@Suite("Group commit")
struct GroupCommitTests {
    private func withEngine(_ body: (SQLiteEngine, String) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xiuhua-gc-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/test.sqlite"
        let engine = try await SQLiteEngine.open(path: path, logger: Logger(label: "test"))
        try await engine.write { db in try await db.raw("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)").run() }
        try await body(engine, path)
    }

    @Test("the writer commits with synchronous=FULL (durable) and keeps its savepoint journals in memory, not in temporary files")
    func writerPragmas() async throws {
        try await withEngine { engine, _ in
            let (synchronous, tempStore) = try await engine.write { db in
                (try await db.raw("PRAGMA synchronous").first()?.decode(column: "synchronous", as: Int.self),
                 try await db.raw("PRAGMA temp_store").first()?.decode(column: "temp_store", as: Int.self))
            }
            // 2 is FULL for synchronous and MEMORY for temp_store.
            #expect(synchronous == (SQLiteEngine.defaultSynchronous == "FULL" ? 2 : 1))
            #expect(tempStore == 2)
            await engine.close()
        }
    }

    @Test("concurrent writers each commit, and a failing one leaves only its own work out")
    func concurrentWritersWithOneFailure() async throws {
        try await withEngine { engine, path in
            let outcomes = await withTaskGroup(of: (Int, Bool).self) { group in
                for i in 1...200 {
                    group.addTask {
                        do {
                            try await engine.write { db in
                                try await db.raw("INSERT INTO t (id, v) VALUES (\(bind: i), 'a')").run()
                                if i == 77 { struct Boom: Error {}; throw Boom() }
                                try await db.raw("UPDATE t SET v = 'b' WHERE id = \(bind: i)").run()
                            }
                            return (i, true)
                        } catch {
                            return (i, false)
                        }
                    }
                }
                var all: [Int: Bool] = [:]
                for await (i, ok) in group { all[i] = ok }
                return all
            }
            #expect(outcomes.filter { !$0.value }.map(\.key) == [77])
            await engine.close()
            let reopened = try await SQLiteEngine.open(path: path, logger: Logger(label: "test"))
            let rows = try await reopened.read { db in
                try await db.raw("SELECT id, v FROM t ORDER BY id").all().map {
                    (try $0.decode(column: "id", as: Int.self), try $0.decode(column: "v", as: String.self))
                }
            }
            await reopened.close()
            #expect(rows.count == 199)
            #expect(!rows.contains { $0.0 == 77 })
            #expect(rows.allSatisfy { $0.1 == "b" })
        }
    }

    @Test("a writer sees the effects of the writers before it in the same batch")
    func writersSeeEarlierWork() async throws {
        try await withEngine { engine, _ in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 1...50 {
                    group.addTask {
                        try await engine.write { db in
                            let count = try await db.raw("SELECT count(*) AS n FROM t").first()!.decode(column: "n", as: Int.self)
                            try await db.raw("INSERT INTO t (id, v) VALUES (\(bind: i), \(bind: String(count)))").run()
                        }
                    }
                }
                try await group.waitForAll()
            }
            let seen = try await engine.read { db in
                try await db.raw("SELECT v FROM t").all().map { Int(try $0.decode(column: "v", as: String.self))! }
            }
            // Serial semantics: the writers saw 0, 1, 2 … 49 rows before them, each once.
            #expect(seen.sorted() == Array(0..<50))
            await engine.close()
        }
    }
}
