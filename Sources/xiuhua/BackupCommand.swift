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
            The database is copied first, so every photo a backed-up case refers to is in the copy. \
            Reports acknowledged from the intake journal and not yet filed are in it: the \
            journal (DATA/intake-journal) is copied to FILE.journal/ just before the database, \
            and a restored server files what the copy of the database does not hold yet.
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
        let journal = (options.data as NSString).appendingPathComponent("intake-journal")
        let journalCopy = to + ".journal"
        for path in [to, uploadsCopy, journalCopy] where FileManager.default.fileExists(atPath: path) {
            throw CLIError("备份目标已存在 (the backup target exists already): \(path)")
        }
        guard FileManager.default.fileExists(atPath: (options.data as NSString).appendingPathComponent("xiuhua.sqlite")) else {
            throw CLIError("数据目录中没有数据库 (no database in the data directory): \(options.data)")
        }
        // The journal before the database: a report acknowledged before the backup began is
        // then in the copied journal, or was filed (and its segment deleted) before the
        // copy, and so before the database's snapshot. What is in both is filed once.
        var copiedJournal = 0
        if FileManager.default.fileExists(atPath: journal) {
            try FileManager.default.createDirectory(atPath: journalCopy, withIntermediateDirectories: true)
            for name in (try FileManager.default.contentsOfDirectory(atPath: journal)) where name.hasSuffix(".log") {
                // A segment deleted between listing and copying was filed: nothing to keep.
                if let bytes = FileManager.default.contents(atPath: (journal as NSString).appendingPathComponent(name)) {
                    try bytes.write(to: URL(fileURLWithPath: (journalCopy as NSString).appendingPathComponent(name)))
                    copiedJournal += 1
                }
            }
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
        print("已备份 (backed up) \(options.data) → \(to) (\(size) bytes)\(copiedUploads ? ", uploads → \(uploadsCopy)" : "")\(copiedJournal > 0 ? ", intake journal → \(journalCopy)" : "")")
    }
}
