import Foundation
import Logging
import XiuhuaStore
import ArgumentParser
import Hummingbird
import Xiuhua
import XiuhuaServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "启动服务 (run the server).",
        discussion: """
            xiuhua serve --demo  starts with the demo district 平城区 seeded once into ./xiuhua-data.
            xiuhua serve --config /etc/xiuhua/xiuhua.yaml  takes its settings from the file; flags override it.
            """
    )

    @OptionGroup var options: DataOptions

    @Option(help: "监听地址 (listen address); default 127.0.0.1 or server.host in the configuration.")
    var host: String?

    @Option(help: "监听端口 (listen port); default 8080 or server.port in the configuration.")
    var port: Int?

    @Flag(help: "首次启动时写入示范区平城区 (seed the demo district once).")
    var demo = false

    @OptionGroup var evaluation: EvaluationOptions
    @Option(name: .customLong("catalog-questions"), help: "事项附加问题文件 (extra questions per category, Open311 attributes); default: the shipped ones.")
    var catalogQuestions: String?

    @Option(help: "地名文件 (gazetteer: name<TAB>lat<TAB>lon a line), to locate Open311 reports that give only an address.")
    var gazetteer: String?

    @Option(help: "路由规则文件，启动时存入数据库 (routing rules file; stored in the database on start).")
    var routing: String?

    @Option(name: .customLong("overdue-scan-seconds"), help: "超期扫描间隔，秒 (seconds between overdue scans and reminders; default 60).")
    var overdueScanSeconds = 60

    func validate() throws {
        guard (1...3_600).contains(overdueScanSeconds) else {
            throw ValidationError("--overdue-scan-seconds must be 1…3600, got \(overdueScanSeconds)")
        }
        if let port, !(0...65_535).contains(port) {
            throw ValidationError("端口应在 0 到 65535 之间 (port must be 0…65535), got \(port)")
        }
    }

    func run() async throws {
        let logger = makeLogger()
        // An invalid configuration stops the start here, naming every mistake.
        let configuration = try options.configuration() ?? XiuhuaConfiguration()
        let host = self.host ?? configuration.host
        let port = self.port ?? configuration.port
        let catalog = try options.loadCatalog()
        let weights = try evaluation.loadWeights(configured: configuration.evaluationWeightsFile)
        let calendar = try options.loadCalendar()
        let store = try await options.openStore(logger: logger)
        if demo, try await DemoSeeder.seedIfNeeded(store, logger: logger) {
            print("已写入示范区 平城区 (demo district seeded) into \(store.databaseName)")
        }
        if demo, try await VaccinationDemo.seedIfNeeded(store, calendar: calendar) {
            print("已写入示范疫苗接种专项行动 (demo vaccination drive seeded)")
        }
        if demo {
            print("示范账号 (demo accounts), 密码 password: \(DemoAccounts.password)")
            for entry in DemoAccounts.entries {
                print("  \(entry.username.padding(toLength: 12, withPad: " ", startingAt: 0)) \(entry.role.label)  \(entry.name)")
            }
        }
        let questions = try catalogQuestions.map { try CategoryQuestions(parsing: try readText($0, what: "事项附加问题"), catalog: catalog) } ?? .shipped
        let places = try gazetteer.map { try Gazetteer.parse(try readText($0, what: "地名")) } ?? []
        var services = try await XiuhuaServices.load(store: store, catalog: catalog, calendar: calendar, questions: questions, places: places)
        services.duplicates = configuration.duplicates
        services.surgeIntake = Self.openSurgeIntake(store, settings: configuration.server.surge, logger: logger)
        if let routing = routing ?? configuration.routingRulesFile {
            let rules = try RoutingRules(parsing: try readText(routing, what: "路由规则"))
            try await services.routing.save(rules, services: services)
            print("路由规则 (routing rules): \(rules.rules.count) 条 from \(routing)")
        }
        if let tree = services.regions {
            print("辖区 \(tree.district.name)：\(tree.count(at: .street)) 街道，\(tree.count(at: .community)) 社区/村，\(tree.count(at: .grid)) 单元网格")
        }
        print("绣花 Xiuhua 正在监听 (listening on) http://\(host):\(port)/")
        // Standard output is block-buffered when it is a file; flush so that the accounts and
        // the address reach a log at once.
        fflush(nil)
        let app = buildApplication(
            services: services, host: host, port: port, overdueScanInterval: .seconds(overdueScanSeconds), evaluationWeights: weights, notifications: configuration.notifications,
            maxRequestBytes: configuration.maxRequestBytes, maxPhotoBytes: configuration.maxPhotoBytes, server: configuration.server,
            tileURL: configuration.tileURL ?? ProcessInfo.processInfo.environment["XIUHUA_TILE_URL"], logger: logger
        )
        // SIGTERM (systemd's stop) and SIGINT: stop accepting connections, let the requests
        // in flight finish and the notification being sent be recorded, then stop — or, after
        // `server.shutdown_timeout`, cut what is left off.
        do {
            try await runUntilStopped(app, shutdownTimeout: configuration.server.shutdownTimeout, logger: logger)
        } catch {
            logger.error("the server stopped without a clean drain", metadata: ["error": "\(error)"])
            services.surgeIntake?.close()
            await store.close()
            throw error
        }
        logger.info("stopped cleanly")
        services.surgeIntake?.close()
        await store.close()
    }

    /// The intake journal beside the SQLite file (see `SurgeIntake`). A server on
    /// PostgreSQL files every report at once; so does one whose journal another process
    /// holds (it says so in the log).
    static func openSurgeIntake(_ store: Store, settings: SurgeIntake.Settings, logger: Logger) -> SurgeIntake? {
        guard store.engine is SQLiteEngine, let directory = store.filesDirectory else { return nil }
        do {
            let intake = try SurgeIntake.open(directory: (directory as NSString).appendingPathComponent("intake-journal"), settings: settings)
            if intake.backlogCount > 0 {
                logger.notice("filing reports left in the intake journal", metadata: ["count": "\(intake.backlogCount)"])
            }
            return intake
        } catch {
            logger.warning("intake journal not used; every report is filed at once", metadata: ["error": "\(error)"])
            return nil
        }
    }
}
