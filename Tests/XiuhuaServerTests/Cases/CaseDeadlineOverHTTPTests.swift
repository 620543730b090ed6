import Foundation
import Testing
import Xiuhua

/// Deadlines in working time on the Chinese calendar, as the case page and the list
/// filters show them.
@Suite("Case deadlines over HTTP")
struct CaseDeadlineOverHTTPTests {
    static let calendar = WorkCalendar.chinaDefault

    static func text(_ date: Date) -> String {
        ISO8601Instant.format(date, in: WorkCalendar.chinaStandardTime)
    }

    @Test("a 4-working-hour case dispatched at 16:00 on the eve of National Day 2026 is due 2026-10-08 11:00; its light turns yellow at 80 % of the working time and red past the deadline, in the page and in the list filters")
    func nationalDayDeadline() async throws {
        try await DemoServerFixture.withServer(at: instant("2026-09-30T15:00:00+08:00")) { api in
            let filed = try await api.file()
            #expect(filed.number.hasPrefix("PC20260930"))
            api.clock.set("2026-09-30T15:20:00+08:00")
            try await api.step(filed.number, as: "gridworker", "verify", ["real": true])
            api.clock.set("2026-09-30T15:40:00+08:00")
            try await api.step(filed.number, as: "dutychief", "accept")
            api.clock.set("2026-09-30T16:00:00+08:00")
            try await api.step(filed.number, as: "dispatcher", "dispatch", ["owner": "street:\(Demo.yongtai)"])

            let start = instant("2026-09-30T16:00:00+08:00")
            let due = Self.calendar.adding(workingHours: 4, to: start)
            #expect(Self.text(due) == "2026-10-08T11:00:00+08:00")
            let page = try await api.caseView(filed.number)
            let stage = try #require(page["stage"])
            #expect(stage["stage"]?.stringValue == "disposal")
            #expect(stage["started_at"]?.stringValue == "2026-09-30T16:00:00+08:00")
            #expect(stage["deadline"]?.stringValue == "2026-10-08T11:00:00+08:00")
            #expect(stage["light"]?.stringValue == "green")
            #expect(stage["overdue"]?.boolValue == false)

            func lists(_ filter: String) async throws -> Bool {
                try await api.listed(filter).contains(filed.number)
            }
            func light() async throws -> String? {
                try await api.caseView(filed.number)["stage"]?["light"]?.stringValue
            }

            #expect(try await lists("light=green"))
            #expect(try await lists("light=yellow") == false)
            #expect(try await lists("light=red") == false)
            #expect(try await lists("overdue=true") == false)
            #expect(try await lists("overdue=false"))

            // The holiday does not count: deep into it the light is still green.
            api.clock.set("2026-10-05T12:00:00+08:00")
            #expect(try await light() == "green")
            #expect(try await lists("light=green"))

            // 80 % of four working hours is 3 h 12 min: 1 h 30 min on 30 September, then
            // 1 h 42 min from 08:30 on 8 October.
            let yellowAt = Self.calendar.adding(workingMinutes: 192, to: start)
            #expect(Self.text(yellowAt) == "2026-10-08T10:12:00+08:00")
            api.clock.set(yellowAt.addingTimeInterval(-60))
            #expect(try await light() == "green")
            #expect(try await lists("light=green"))
            #expect(try await lists("light=yellow") == false)

            api.clock.set(yellowAt.addingTimeInterval(60))
            #expect(try await light() == "yellow")
            #expect(try await lists("light=yellow"))
            #expect(try await lists("light=green") == false)
            #expect(try await lists("light=red") == false)
            #expect(try await lists("overdue=true") == false)

            // At the deadline itself it is still yellow; a minute past it is red and overdue.
            api.clock.set(due)
            #expect(try await light() == "yellow")
            #expect(try await lists("light=yellow"))
            #expect(try await lists("overdue=true") == false)

            api.clock.set(due.addingTimeInterval(60))
            #expect(try await light() == "red")
            #expect(try await api.caseView(filed.number)["stage"]?["overdue"]?.boolValue == true)
            #expect(try await lists("overdue=true"))
            #expect(try await lists("light=red"))
            #expect(try await lists("light=yellow") == false)
            #expect(try await lists("light=green") == false)
            #expect(try await lists("overdue=false") == false)
        }
    }

    @Test("each stage has its own clock: verification 2 hours and acceptance 30 minutes on the wall clock, disposal in working hours")
    func stageClocks() async throws {
        try await DemoServerFixture.withServer(at: instant("2026-09-30T15:00:00+08:00")) { api in
            let filed = try await api.file()
            #expect(try await api.caseView(filed.number)["stage"]?["deadline"]?.stringValue == "2026-09-30T17:00:00+08:00")
            api.clock.set("2026-09-30T17:10:00+08:00")
            #expect(try await api.listed("overdue=true") == [filed.number])
            try await api.step(filed.number, as: "gridworker", "verify", ["real": true])
            let accept = try #require(try await api.caseView(filed.number)["stage"])
            #expect(accept["stage"]?.stringValue == "accept")
            #expect(accept["deadline"]?.stringValue == "2026-09-30T17:40:00+08:00")
            #expect(accept["overdue"]?.boolValue == false)
            #expect(try await api.listed("overdue=true") == [])
        }
    }
}
