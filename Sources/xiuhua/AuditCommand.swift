import ArgumentParser
import Foundation
import XiuhuaStore

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "审计 (audit) the case history.",
        subcommands: [Verify.self]
    )

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "校验全部案件的事件哈希链 (verify every case's hash chain and projection).",
            discussion: "Exits with status 1 and names the first broken case when the history was altered."
        )

        @OptionGroup var options: DataOptions

        func run() async throws {
            let report = try await options.withStore { store in
                try await store.verifyAudit { checked in
                    if checked % 50_000 == 0 { stderr("已校验 (checked) \(checked) cases") }
                }
            }
            if let broken = report.firstBroken {
                throw CLIError("审计失败 (audit FAILED): 案件 \(broken.number): \(broken.reason) — checked \(report.casesChecked) cases, \(report.eventsChecked) events")
            }
            print("审计通过 (audit passed): \(report.casesChecked) cases, \(report.eventsChecked) events, all hash chains intact")
        }
    }
}
