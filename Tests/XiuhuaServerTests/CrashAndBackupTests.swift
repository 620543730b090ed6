import Foundation
import Testing
import XiuhuaStore

/// The real binary, a real SQLite file, a real SIGKILL: what a district's IT team relies on.
@Suite("Crash safety and online backup", .serialized)
struct CrashAndBackupTests {
    /// Checks that every number in `acknowledged` is in the store at `data` with its whole
    /// history, and that the audit passes (through the CLI, as an operator would run it).
    private func expectAllPresent(_ acknowledged: [String], in data: String) async throws {
        let store = try await Store.openSQLite(dataDirectory: data, logger: ServerFixture.logger)
        var missing: [String] = []
        for number in acknowledged {
            guard let snapshot = try await store.caseSnapshot(number) else {
                missing.append(number)
                continue
            }
            #expect(try await store.caseEvents(number).count == snapshot.version)
        }
        await store.close()
        #expect(missing.isEmpty, "acknowledged but lost: \(missing.prefix(10))")
        let audit = try await XiuhuaProcess.run(["audit", "verify", "--data", data])
        #expect(audit.status == 0, "\(audit.output)")
        #expect(audit.output.contains("audit passed"))
    }

    @Test("SIGKILL under concurrent intake loses no acknowledged case, and the audit passes after restart")
    func killNine() async throws {
        try await withTemporaryDataDirectory { data in
            let server = try await XiuhuaProcess.serve(data: data, arguments: try XiuhuaProcess.unlimitedIntake(beside: data))
            let load = IntakeLoad()
            let running = Task { await load.run(against: server, workers: 8) }
            while await load.acknowledged.count < 150 { try await Task.sleep(for: .milliseconds(20)) }
            server.kill(SIGKILL)
            await load.stop()
            await running.value
            let acknowledged = await load.acknowledged
            #expect(acknowledged.count >= 150)

            let restarted = try await XiuhuaProcess.serve(data: data, arguments: try XiuhuaProcess.unlimitedIntake(beside: data))
            #expect(try await restarted.get("/readyz") == 200)
            restarted.kill(SIGTERM)
            #expect(restarted.process.terminationReason == .exit && restarted.process.terminationStatus == 0, "SIGTERM is a clean stop")
            try await expectAllPresent(acknowledged, in: data)
        }
    }

    @Test("a backup and the audit run while another process holds the write lock past the busy timeout: neither needs it")
    func backupBesideAHeldWriteLock() async throws {
        try await withTemporaryDataDirectory { root in
            let data = root + "/data"
            let seeded = try await Store.openSQLite(dataDirectory: data, logger: ServerFixture.logger)
            await seeded.close()
            // A second store holds one write transaction open for longer than the 5 s busy
            // timeout, as a writer starving others under heavy intake would.
            let holder = try await Store.openSQLite(dataDirectory: data, logger: ServerFixture.logger)
            let locked = AsyncStream<Void>.makeStream()
            let holding = Task {
                try await holder.engine.write { db in
                    try await db.raw("CREATE TABLE IF NOT EXISTS held_lock (x INTEGER)").run()
                    locked.continuation.yield()
                    try await Task.sleep(for: .seconds(7))
                }
            }
            for await _ in locked.stream { break }
            let backup = try await XiuhuaProcess.run(["backup", "--data", data, "--to", root + "/copy.sqlite"])
            let audit = try await XiuhuaProcess.run(["audit", "verify", "--data", data])
            try await holding.value
            await holder.close()
            #expect(backup.status == 0, "\(backup.output)")
            #expect(audit.status == 0, "\(audit.output)")
            #expect(FileManager.default.fileExists(atPath: root + "/copy.sqlite"))
        }
    }

    @Test("a backup taken under load restores, passes the audit and holds every case acknowledged before it began")
    func backupUnderLoad() async throws {
        try await withTemporaryDataDirectory { root in
            let data = root + "/data"
            let backup = root + "/backup/xiuhua-backup.sqlite"
            let restored = root + "/restored"
            try FileManager.default.createDirectory(atPath: root + "/backup", withIntermediateDirectories: true)
            let server = try await XiuhuaProcess.serve(data: data, arguments: try XiuhuaProcess.unlimitedIntake(beside: data))
            try FileManager.default.createDirectory(atPath: data + "/uploads/ab", withIntermediateDirectories: true)
            try Data("photo".utf8).write(to: URL(fileURLWithPath: data + "/uploads/ab/photo.jpg"))

            let load = IntakeLoad()
            let running = Task { await load.run(against: server, workers: 6) }
            while await load.acknowledged.count < 100 { try await Task.sleep(for: .milliseconds(20)) }
            // A backup of a small store can finish between two acknowledgements; if writers
            // were blocked by it, no attempt would ever see intake go on, so up to three
            // backups are taken and the last one is kept.
            var before = await load.acknowledged
            var made = try await XiuhuaProcess.run(["backup", "--data", data, "--to", backup])
            var during = await load.acknowledged.count
            for _ in 0..<2 where made.status == 0 && during == before.count {
                try FileManager.default.removeItem(atPath: backup)
                try? FileManager.default.removeItem(atPath: backup + ".uploads")
                before = await load.acknowledged
                made = try await XiuhuaProcess.run(["backup", "--data", data, "--to", backup])
                during = await load.acknowledged.count
            }
            await load.stop()
            await running.value
            server.kill(SIGTERM)
            #expect(made.status == 0, "\(made.output)")
            #expect(during > before.count, "intake went on while the backup ran")

            let again = try await XiuhuaProcess.run(["backup", "--data", data, "--to", backup])
            #expect(again.status != 0)
            #expect(again.output.contains("exists already"))

            let first = try await XiuhuaProcess.run(["restore", "--from", backup, "--data", restored])
            #expect(first.status == 0, "\(first.output)")
            #expect(FileManager.default.contents(atPath: restored + "/uploads/ab/photo.jpg") == Data("photo".utf8))
            let refused = try await XiuhuaProcess.run(["restore", "--from", backup, "--data", restored])
            #expect(refused.status != 0)
            #expect(refused.output.contains("--force"))
            let forced = try await XiuhuaProcess.run(["restore", "--from", backup, "--data", restored, "--force"])
            #expect(forced.status == 0, "\(forced.output)")

            try await expectAllPresent(before, in: restored)
        }
    }
}
