import ArgumentParser
import Foundation
import Logging
import Xiuhua
import XiuhuaServer
import XiuhuaStore

/// Where the data lives and which calendar and catalog to use: shared by every command
/// that opens the store. A flag wins over the configuration file (`--config`), which wins
/// over `XIUHUA_DATA` and the defaults.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: "数据目录 (data directory); the SQLite file lives here. Default: ./xiuhua-data or XIUHUA_DATA.")
    var dataFlag: String?

    @Option(name: .customLong("database"), help: "共享数据库 (shared database): postgres://user:password@host:port/database. Default: XIUHUA_DATABASE_URL; without either, SQLite in the data directory.")
    var databaseFlag: String?

    @Option(help: "配置文件 (configuration file, YAML); see docs/xiuhua.example.yaml.")
    var config: String?

    @Option(name: .long, help: "工作日历文件 (work calendar file); default: the built-in 2025–2027 calendar.")
    var calendar: String?

    @Option(name: .customLong("catalog-overrides"), help: "事项目录覆盖文件 (catalog overrides: limits, owners, local categories).")
    var catalogOverrides: String?

    /// The configuration file, checked; nil without `--config`. Throws with every mistake.
    func configuration() throws -> XiuhuaConfiguration? {
        guard let config else { return nil }
        return try XiuhuaConfiguration.load(path: config)
    }

    /// The data directory in effect.
    var data: String {
        let configured = (try? configuration())?.dataDirectory
        return dataFlag ?? configured ?? ProcessInfo.processInfo.environment["XIUHUA_DATA"] ?? "./xiuhua-data"
    }

    /// The PostgreSQL URL in effect, or nil for the embedded SQLite store.
    var databaseURL: String? {
        (databaseFlag ?? ProcessInfo.processInfo.environment["XIUHUA_DATABASE_URL"]).flatMap { $0.isEmpty ? nil : $0 }
    }

    func openStore(logger: Logger, migrate: Bool = true) async throws -> Store {
        _ = try configuration()
        if let url = databaseURL {
            guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") else {
                throw CLIError("--database 需要 postgres:// 地址 (--database takes a postgres:// URL; for SQLite use --data)")
            }
            return try await Store.openPostgres(url: url, filesDirectory: data, logger: logger, migrate: migrate)
        }
        return try await Store.openSQLite(dataDirectory: data, logger: logger, migrate: migrate)
    }

    /// Opens the store, runs `body` and closes the store whether `body` returned or threw:
    /// a store released unclosed traps (SQLite's connections insist on `close()`), which
    /// would turn a refused command into a crash.
    func withStore<T>(migrate: Bool = true, _ body: (Store) async throws -> T) async throws -> T {
        let store = try await openStore(logger: makeLogger(), migrate: migrate)
        do {
            let value = try await body(store)
            await store.close()
            return value
        } catch {
            await store.close()
            throw error
        }
    }

    func loadCalendar() throws -> WorkCalendar {
        let configuration = try configuration()
        let file = calendar ?? configuration?.calendarFile
        let loaded = try file.map { try WorkCalendar(parsing: try readText($0, what: "工作日历")) } ?? WorkCalendar.chinaDefault
        guard let zone = configuration?.timeZone, zone.identifier != loaded.timeZone.identifier else { return loaded }
        guard file == nil else {
            throw CLIError("时区不一致 (time zones differ): the configuration says \(zone.identifier), the calendar file \(loaded.timeZone.identifier)")
        }
        // The built-in calendar in the configured zone: same days and periods, other clock.
        let text = loaded.serialized().split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("timezone ") ? "timezone \(zone.identifier)" : String($0) }.joined(separator: "\n")
        return try WorkCalendar(parsing: text)
    }

    func loadCatalog() throws -> Catalog {
        let configured = try configuration()?.catalogOverridesFile
        guard let file = catalogOverrides ?? configured else { return Catalog.national }
        return try Catalog.national.applying(overridesText: try readText(file, what: "事项目录覆盖"))
    }
}

/// Reads a whole text file, failing with a message that names it.
func readText(_ path: String, what: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw CLIError("无法读取\(what)文件 (cannot read file): \(path)")
    }
    guard let text = String(data: data, encoding: .utf8) else {
        throw CLIError("\(what)文件不是 UTF-8 文本 (not UTF-8 text): \(path)")
    }
    return text
}

/// The logger every command uses: structured key=value lines on standard error.
func makeLogger(_ label: String = "xiuhua") -> Logger {
    var logger = Logger(label: label) { LineLogHandler(label: $0) }
    logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
    return logger
}
