import Foundation
import Testing
import Xiuhua

@Suite("Rectification notice lifecycle")
struct RectificationNoticeTests {
    static let issued = Date(timeIntervalSince1970: 1_796_000_000)
    static let deadline = issued.addingTimeInterval(5 * 86_400)
    static let officers = [
        RectificationNotice.Officer(name: "赵磊", certificate: "14020001"),
        RectificationNotice.Officer(name: "钱明", certificate: "14020002"),
    ]

    static func notice(officers: [RectificationNotice.Officer] = officers, facts: String = "门前堆放货物占用人行道约 6 平方米") throws(RectificationNotice.Problem) -> RectificationNotice {
        try RectificationNotice(
            number: "ZG-2026-0001", documentNumber: "平城区城管责改〔2026〕第0001号", shopID: "SH1", partyName: "老王烧烤",
            partyCreditCode: "92140213MA0K3XH02G", foundAt: issued.addingTimeInterval(-600), place: "永泰南路 12 号门前", facts: facts,
            rule: .init(law: "《城市市容和环境卫生管理条例》", article: "第十四条", clause: nil), requirements: "清除门前堆放物",
            deadline: deadline, officers: officers, issuedAt: issued, issuedBy: "赵磊"
        )
    }

    @Test("issued → served → re-inspected and rectified")
    func rectified() throws {
        var notice = try Self.notice()
        #expect(notice.state == .issued)
        try notice.serve(receivedAt: Self.issued.addingTimeInterval(3600), signer: "王五", by: "赵磊", now: Self.issued.addingTimeInterval(7200))
        #expect(notice.state == .served)
        #expect(notice.receivedBy == "王五")
        try notice.reinspect(passed: false, note: "仍有货架", by: "赵磊", now: Self.issued.addingTimeInterval(86_400))
        #expect(notice.state == .served, "a failed re-inspection before the deadline leaves it open")
        try notice.reinspect(passed: true, note: nil, by: "赵磊", now: Self.issued.addingTimeInterval(2 * 86_400))
        #expect(notice.state == .rectified)
        #expect(notice.events.map(\.kind) == [.issued, .served, .reinspected, .reinspected, .rectified])
        #expect(!notice.isDue(at: Self.deadline.addingTimeInterval(1)))
    }

    @Test("a receipt written to the minute of the issue is accepted; one a minute earlier, or in the future, is not")
    func receiptToTheMinute() throws {
        let minute = Date(timeIntervalSince1970: (Self.issued.timeIntervalSince1970 / 60).rounded(.down) * 60)
        #expect(minute < Self.issued, "the notice is issued within its minute")
        var early = try Self.notice()
        #expect(throws: RectificationNotice.Problem.receiptBeforeIssue) {
            try early.serve(receivedAt: minute.addingTimeInterval(-60), signer: "王五", by: "赵磊", now: Self.issued)
        }
        #expect(throws: RectificationNotice.Problem.receiptBeforeIssue) {
            try early.serve(receivedAt: Self.issued.addingTimeInterval(60), signer: "王五", by: "赵磊", now: Self.issued)
        }
        try early.serve(receivedAt: minute, signer: "王五", by: "赵磊", now: Self.issued)
        #expect(early.state == .served)
    }

    @Test("past the deadline: overdue, then escalated; not escalated before it")
    func overdue() throws {
        var notice = try Self.notice()
        try notice.serve(receivedAt: Self.issued, signer: "王五", by: "赵磊", now: Self.issued)
        #expect(throws: RectificationNotice.Problem.notYetDue) { try notice.escalate(to: .penalty, note: nil, by: "孙敏", now: Self.deadline) }
        #expect(!notice.isDue(at: Self.deadline))
        #expect(notice.isDue(at: Self.deadline.addingTimeInterval(1)))
        notice.markOverdue(at: Self.deadline.addingTimeInterval(1))
        #expect(notice.state == .overdue)
        try notice.escalate(to: .penalty, note: "移交执法大队", by: "孙敏", now: Self.deadline.addingTimeInterval(60))
        #expect(notice.state == .escalated)
        #expect(notice.escalation == .penalty)
        #expect(throws: RectificationNotice.Problem.wrongState(.escalated, action: "复查")) {
            try notice.reinspect(passed: true, note: nil, by: "赵磊", now: Self.deadline.addingTimeInterval(120))
        }
    }

    @Test("a failed re-inspection after the deadline makes it overdue at once")
    func lateFailure() throws {
        var notice = try Self.notice()
        try notice.serve(receivedAt: Self.issued, signer: "王五", by: "赵磊", now: Self.issued)
        try notice.reinspect(passed: false, note: nil, by: "赵磊", now: Self.deadline.addingTimeInterval(3600))
        #expect(notice.state == .overdue)
    }

    @Test("wrong order and bad input are refused")
    func refusals() throws {
        var notice = try Self.notice()
        #expect(throws: RectificationNotice.Problem.wrongState(.issued, action: "复查")) {
            try notice.reinspect(passed: true, note: nil, by: "赵磊", now: Self.issued)
        }
        #expect(throws: RectificationNotice.Problem.receiptBeforeIssue) {
            try notice.serve(receivedAt: Self.issued.addingTimeInterval(-60), signer: "王五", by: "赵磊", now: Self.issued)
        }
        #expect(throws: RectificationNotice.Problem.missing("signer")) {
            try notice.serve(receivedAt: Self.issued, signer: " ", by: "赵磊", now: Self.issued)
        }
        #expect(throws: RectificationNotice.Problem.officers) { try Self.notice(officers: [Self.officers[0]]) }
        #expect(throws: RectificationNotice.Problem.officers) {
            try Self.notice(officers: [Self.officers[0], .init(name: "钱明", certificate: "14020001")])
        }
        #expect(throws: RectificationNotice.Problem.missing("facts")) { try Self.notice(facts: "  ") }
        #expect(notice.state == .issued)
    }
}
