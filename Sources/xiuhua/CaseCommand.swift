import ArgumentParser
import Foundation
import Xiuhua
import XiuhuaServer
import XiuhuaStore

/// Cases from scripts: the same JSON bodies as the HTTP API, acting as a named account
/// directly on the data directory (whoever can open it is trusted with it).
struct CaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "案件操作 (cases from scripts), with the API's JSON bodies.",
        discussion: """
        xiuhua case file --as operator '{"source":"hotline","category":"06010","description":"…","lat":40.12,"lon":113.28}'
        xiuhua case act PC2026113000001 --as dispatcher '{"action":"dispatch","owner":"street:140213003"}'
        xiuhua case show PC2026113000001
        """,
        subcommands: [File.self, Act.self, Show.self]
    )

    struct File: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "上报案件 (file a case); prints its number and ticket code.")
        @OptionGroup var options: DataOptions
        @Option(name: .customLong("as"), help: "以该账号身份 (act as this username); omit for an anonymous web report.")
        var username: String?
        @Argument(help: "JSON body, as for POST /api/v1/cases.") var body: String

        func run() async throws {
            try await withDesk(options) { desk, store in
                var account: Account?
                if let username { account = try await requireAccount(username, store) }
                let request = try decode(IntakeRequest.self, body)
                let snapshot = try await desk.file(request, by: account)
                print("\(snapshot.number)\t\(snapshot.ticketCode)\t\(snapshot.state.label)")
            }
        }
    }

    struct Act: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "办理案件 (take an action on a case).")
        @OptionGroup var options: DataOptions
        @Argument(help: "案件编号 (case number).") var number: String
        @Option(name: .customLong("as"), help: "以该账号身份 (act as this username).") var username: String
        @Argument(help: "JSON body, as for POST /api/v1/cases/{number}/actions.") var body: String

        func run() async throws {
            try await withDesk(options) { desk, store in
                let account = try await requireAccount(username, store)
                let result = try await desk.act(on: number, try decode(ActionRequest.self, body), by: account)
                print("\(number)\t\(result.events.map(\.kind.rawValue).joined(separator: ","))\t\(result.snapshot.state.label)")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "显示案件及其历史 (show a case and its history).")
        @OptionGroup var options: DataOptions
        @Argument(help: "案件编号 (case number).") var number: String

        func run() async throws {
            let (found, events) = try await options.withStore { store in
                (try await store.caseSnapshot(number), try await store.caseEvents(number))
            }
            guard let snapshot = found else { throw CLIError("没有这个案件 (no such case): \(number)") }
            print("\(snapshot.number)  \(snapshot.state.label)  \(snapshot.categoryCode)  \(snapshot.location.address)")
            for stored in events {
                let event = stored.event
                print("  \(stored.seq). \(ISO8601Instant.format(event.at, in: WorkCalendar.chinaStandardTime))  \(event.kind.label)  \(event.actorName ?? "")  \(event.note ?? "")")
            }
        }
    }
}

private func withDesk(_ options: DataOptions, _ body: (CaseDesk, Store) async throws -> Void) async throws {
    do {
        try await options.withStore { store in
            let services = try await XiuhuaServices.load(store: store, catalog: try options.loadCatalog(), calendar: try options.loadCalendar())
            try await body(CaseDesk(services: services), store)
        }
    } catch let error as APIError {
        throw CLIError("\(error.code): \(error.message)")
    }
}

private func requireAccount(_ username: String, _ store: Store) async throws -> Account {
    guard let account = try await store.account(username: username) else {
        throw CLIError("没有这个账号 (no such account): \(username)")
    }
    return account
}

private func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    do {
        return try JSONDecoder().decode(type, from: Data(text.utf8))
    } catch let error as DecodingError {
        throw CLIError("JSON 无法解析 (cannot read the JSON body): \(error)")
    }
}
