import ArgumentParser
import Foundation
import XiuhuaStore

/// Moves a district from its embedded SQLite store to a shared PostgreSQL database.
struct CopyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "迁移辖区数据 (copy a district's SQLite store into PostgreSQL).",
        discussion: """
            Copies every table in one transaction, then compares the row counts of every table \
            and verifies every case's hash chain in the target. Stop the servers on the SQLite \
            store first; the target database must be empty (it is migrated here).
            Example: xiuhua copy --from sqlite:./xiuhua-data --to postgres://xiuhua@db:5432/xiuhua
            """
    )

    @Option(help: "源 (source): sqlite:DATA-DIRECTORY (or sqlite:PATH/xiuhua.sqlite).")
    var from: String

    @Option(help: "目标 (target): postgres://user:password@host:port/database.")
    var to: String

    func run() async throws {
        guard from.hasPrefix("sqlite:") else {
            throw CLIError("--from 需要 sqlite:目录 (--from takes sqlite:DATA-DIRECTORY): \(from)")
        }
        var directory = String(from.dropFirst("sqlite:".count))
        if directory.hasSuffix(".sqlite") { directory = (directory as NSString).deletingLastPathComponent }
        guard FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent("xiuhua.sqlite")) else {
            throw CLIError("没有找到 SQLite 数据库 (no xiuhua.sqlite in): \(directory)")
        }
        guard to.hasPrefix("postgres://") || to.hasPrefix("postgresql://") else {
            throw CLIError("--to 需要 postgres:// 地址 (--to takes a postgres:// URL)")
        }
        // Reports acknowledged but not filed yet live in the intake journal, which a copy of
        // the tables would leave behind: the server files them when it starts.
        let journal = (directory as NSString).appendingPathComponent("intake-journal")
        let waiting = ((try? FileManager.default.contentsOfDirectory(atPath: journal)) ?? []).filter { name in
            name.hasSuffix(".log") && ((try? FileManager.default.attributesOfItem(atPath: (journal as NSString).appendingPathComponent(name))[.size] as? Int) ?? 0) > 0
        }
        guard waiting.isEmpty else {
            throw CLIError("受理日志中还有未立案的报告 (the intake journal holds reports not yet filed): start the server on \(directory) once and stop it when xiuhua_intake_journal_backlog is 0, then copy")
        }
        let logger = makeLogger()
        let source = try await Store.openSQLite(dataDirectory: directory, logger: logger)
        let target: Store
        do {
            target = try await Store.openPostgres(url: to, logger: logger)
        } catch {
            await source.close()
            throw error
        }
        let report: CopyReport
        do {
            report = try await source.copy(to: target) { table, copied, total in
                Self.drawProgress(table: table, copied: copied, total: total)
            }
            await source.close()
            await target.close()
        } catch {
            await source.close()
            await target.close()
            throw CLIError("复制失败，目标未写入 (copy failed, nothing written to the target): \(error)")
        }
        for row in report.rows {
            print("\(row.table.padding(toLength: 20, withPad: " ", startingAt: 0)) \(row.source) → \(row.target)\(row.source == row.target ? "" : "  ✗")")
        }
        guard report.countsMatch else { throw CLIError("行数不一致 (row counts differ): see ✗ above") }
        if let broken = report.audit.firstBroken {
            throw CLIError("审计失败 (audit FAILED) in the target: 案件 \(broken.number): \(broken.reason)")
        }
        print("已复制 (copied): \(report.audit.casesChecked) cases, \(report.audit.eventsChecked) events, all hash chains intact")
    }

    /// One line on standard error, redrawn in place: `cases  [#########-----]  1200/2000`.
    private static func drawProgress(table: String, copied: Int, total: Int) {
        let width = 30
        let filled = total == 0 ? width : min(width, copied * width / total)
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let end = copied >= total ? "\n" : ""
        FileHandle.standardError.write(Data("\r\(table.padding(toLength: 20, withPad: " ", startingAt: 0)) [\(bar)] \(copied)/\(total)\(end)".utf8))
    }
}
