import ArgumentParser
import Foundation
import XiuhuaStore

/// `xiuhua restore --from FILE --data DIR`: puts a backup made by `xiuhua backup` back
/// into a data directory. Run it with the server stopped.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "从备份恢复 (restore a backup) into a data directory.",
        discussion: """
            Refuses a data directory that is not empty unless --force is given; with --force the \
            database and uploads there are replaced. Stop the server first. Afterwards, \
            `xiuhua audit verify --data DIR` checks every case's history.
            """
    )

    @OptionGroup var options: DataOptions

    @Option(help: "备份文件 (the file `xiuhua backup --to` wrote).")
    var from: String

    @Flag(help: "覆盖非空的数据目录 (replace the data in a non-empty directory).")
    var force = false

    func run() async throws {
        let fileManager = FileManager.default
        let directory = options.data
        guard fileManager.fileExists(atPath: from) else {
            throw CLIError("没有这个备份文件 (no such backup file): \(from)")
        }
        let existing = (try? fileManager.contentsOfDirectory(atPath: directory)) ?? []
        if !existing.isEmpty, !force {
            throw CLIError("数据目录不是空的 (the data directory is not empty): \(directory) — add --force to replace its data")
        }
        try fileManager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let database = (directory as NSString).appendingPathComponent("xiuhua.sqlite")
        let uploads = (directory as NSString).appendingPathComponent("uploads")
        let journal = (directory as NSString).appendingPathComponent("intake-journal")
        for path in [database, database + "-wal", database + "-shm", uploads, journal] where fileManager.fileExists(atPath: path) {
            try fileManager.removeItem(atPath: path)
        }
        try fileManager.copyItem(atPath: from, toPath: database)
        if fileManager.fileExists(atPath: from + ".uploads") {
            try fileManager.copyItem(atPath: from + ".uploads", toPath: uploads)
        }
        // Reports acknowledged but not yet filed when the backup was taken: the server files
        // them when it starts (those the database already holds are skipped by ticket).
        if fileManager.fileExists(atPath: from + ".journal") {
            try fileManager.copyItem(atPath: from + ".journal", toPath: journal)
        }
        // Opening brings an older backup's schema up to date and proves the file is a database.
        let store = try await Store.openSQLite(dataDirectory: directory, logger: makeLogger())
        let counts = try await store.caseCountsByState()
        await store.close()
        print("已恢复 (restored) \(from) → \(directory): \(counts.values.reduce(0, +)) cases. Next: xiuhua audit verify --data \(directory)")
    }
}
