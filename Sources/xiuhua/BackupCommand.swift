import ArgumentParser
import Foundation
import XiuhuaStore

/// `xiuhua backup --to FILE`: an online, consistent copy of the store, safe while the server
/// runs. The database goes to FILE; the uploads folder, when there is one, to `FILE.uploads/`.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "在线备份 (online backup) of the database and the uploads.",
        discussion: """
            Writes the SQLite database to FILE with VACUUM INTO (one consistent snapshot; the \
            server keeps running) and then copies DATA/uploads to FILE.uploads/ when it exists. \
            The database is copied first, so every photo a backed-up case refers to is in the copy.
            """
    )

    @OptionGroup var options: DataOptions

    @Option(help: "备份文件 (the backup file to write; must not exist).")
    var to: String

    func run() async throws {
        if options.databaseURL != nil {
            throw CLIError("PostgreSQL 数据库请用 pg_dump 备份 (back up a PostgreSQL database with pg_dump); xiuhua backup copies the SQLite store")
        }
        let uploads = (options.data as NSString).appendingPathComponent("uploads")
        let uploadsCopy = to + ".uploads"
        for path in [to, uploadsCopy] where FileManager.default.fileExists(atPath: path) {
            throw CLIError("备份目标已存在 (the backup target exists already): \(path)")
        }
        guard FileManager.default.fileExists(atPath: (options.data as NSString).appendingPathComponent("xiuhua.sqlite")) else {
            throw CLIError("数据目录中没有数据库 (no database in the data directory): \(options.data)")
        }
        // A backup copies the store as it is: no migration first.
        do {
            try await options.withStore(migrate: false) { store in try await store.backup(to: to) }
        } catch {
            throw CLIError("备份失败 (backup failed): \(error)")
        }
        var copiedUploads = false
        if FileManager.default.fileExists(atPath: uploads) {
            try FileManager.default.copyItem(atPath: uploads, toPath: uploadsCopy)
            copiedUploads = true
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: to)[.size] as? Int) ?? 0
        print("已备份 (backed up) \(options.data) → \(to) (\(size) bytes)\(copiedUploads ? ", uploads → \(uploadsCopy)" : "")")
    }
}
