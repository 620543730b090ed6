import ArgumentParser
import Foundation
import Logging
import Xiuhua
import XiuhuaStore

/// Where the data lives and which calendar and catalog to use: shared by every command
/// that opens the store.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: "数据目录 (data directory); the SQLite file lives here.")
    var data: String = ProcessInfo.processInfo.environment["XIUHUA_DATA"] ?? "./xiuhua-data"

    @Option(name: .long, help: "工作日历文件 (work calendar file); default: the built-in 2025–2027 calendar.")
    var calendar: String?

    @Option(name: .customLong("catalog-overrides"), help: "事项目录覆盖文件 (catalog overrides: limits, owners, local categories).")
    var catalogOverrides: String?

    func openStore(logger: Logger) async throws -> Store {
        try await Store.openSQLite(dataDirectory: data, logger: logger)
    }

    func loadCalendar() throws -> WorkCalendar {
        guard let calendar else { return WorkCalendar.chinaDefault }
        return try WorkCalendar(parsing: try readText(calendar, what: "工作日历"))
    }

    func loadCatalog() throws -> Catalog {
        guard let catalogOverrides else { return Catalog.national }
        return try Catalog.national.applying(overridesText: try readText(catalogOverrides, what: "事项目录覆盖"))
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
    var logger = Logger(label: label)
    logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
    return logger
}
