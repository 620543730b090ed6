import ArgumentParser
import Foundation
import Xiuhua

struct CalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "工作日历 (work calendar) tools.",
        subcommands: [Deadline.self, Export.self]
    )

    struct Deadline: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "计算期限 (deadline after N working hours or days).",
            discussion: "Example: xiuhua calendar deadline --from 2026-09-30T16:00:00+08:00 --working-hours 4"
        )

        @Option(help: "起算时间，ISO 8601 带时区 (start instant, e.g. 2026-09-30T16:00:00+08:00).")
        var from: String

        @Option(name: .customLong("working-hours"), help: "工作时数 (working hours).")
        var workingHours: Int?

        @Option(name: .customLong("working-days"), help: "工作日数 (working days).")
        var workingDays: Int?

        @Option(help: "工作日历文件 (calendar file); default: built-in.")
        var calendar: String?

        func validate() throws {
            if (workingHours == nil) == (workingDays == nil) {
                throw ValidationError("请给出 --working-hours 或 --working-days 之一 (give exactly one of --working-hours, --working-days)")
            }
            for value in [workingHours, workingDays].compactMap({ $0 }) where value < 0 || value > 10_000 {
                throw ValidationError("时长应在 0 到 10000 之间 (amount must be between 0 and 10000), got \(value)")
            }
        }

        func run() throws {
            guard let start = ISO8601Instant.parse(from) else {
                throw CLIError("无法识别的时间 (not an ISO 8601 instant with offset): \(from) — e.g. 2026-09-30T16:00:00+08:00")
            }
            let workCalendar = try calendar.map { try WorkCalendar(parsing: try readText($0, what: "工作日历")) } ?? WorkCalendar.chinaDefault
            let limit: TimeLimit = workingHours.map { .workingHours($0) } ?? .workingDays(workingDays ?? 0)
            let deadline = workCalendar.deadline(from: start, limit: limit, pauses: [])
            print(ISO8601Instant.format(deadline, in: workCalendar.timeZone))
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "输出内置工作日历，供编辑 (print the built-in calendar file to edit it)."
        )

        func run() throws {
            print(WorkCalendar.chinaDefault.serialized(), terminator: "")
        }
    }
}
