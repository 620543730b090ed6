import ArgumentParser
import XiuhuaStore

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "升级数据库结构 (apply pending schema migrations)."
    )

    @OptionGroup var options: DataOptions

    func run() async throws {
        let logger = makeLogger()
        let store = try await options.openStore(logger: logger, migrate: false)
        let applied = try await Migrator().migrate(store.engine)
        await store.close()
        if applied.isEmpty {
            print("数据库已是最新 (schema is current): \(Migrations.all.count) migrations")
        } else {
            for name in applied { print("applied \(name)") }
            print("已应用 \(applied.count) 个迁移 (applied \(applied.count) migrations)")
        }
    }
}
