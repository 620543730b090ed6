import Foundation
import Hummingbird
import Testing
import Xiuhua
import XiuhuaServer

/// Rectification notices over a real server: issue, serve, re-inspect, the scheduler's
/// overdue mark, escalation, and the printable notice.
@Suite("Rectification notice API")
struct NoticeAPITests {
    static var issue: [String: Any] {
        [
            "facts": "门前堆放货物占用人行道约 6 平方米", "requirements": "清除门前堆放物，恢复人行道通行",
            "rule": ["law": "《城市市容和环境卫生管理条例》", "article": "第十四条"],
            "deadline_working_days": 5,
            "officers": [["name": "赵磊", "certificate": "14020001"], ["name": "钱明", "certificate": "14020002"]],
        ]
    }

    @Test("issued with a deadline in working days, served, overdue by the scheduler, escalated; each step role- and state-checked")
    func overdueAndEscalated() async throws {
        try await DemoServerFixture.with { fixture in
            try await fixture.serve { api in
                let shop = try await InspectionAPITests.shop(api)
                let issued = try await api.post("/api/v1/shops/\(shop)/notices", as: "huanwei", Self.issue)
                #expect(issued.status == .created, "\(issued.text)")
                let number = try #require(issued["number"]?.stringValue)
                #expect(number == "ZG-2026-0001")
                #expect(issued["document_number"]?.stringValue == "平城区城管责改〔2026〕第0001号")
                #expect(issued["state"]?.stringValue == "issued")
                // Monday 09:00 plus 5 working days is the next Monday 09:00.
                #expect(issued["deadline"]?.stringValue == "2026-12-07T09:00:00+08:00")

                let path = "/api/v1/notices/\(number)"
                #expect(try await api.post("\(path)/reinspect", as: "huanwei", ["passed": true]).error == "wrong_state")
                #expect(try await api.post("\(path)/serve", as: "supervisor", ["received_at": "2026-11-30T10:00:00+08:00", "signer": "王五"]).error == "forbidden_role")
                #expect(try await api.post("\(path)/serve", as: "huanwei", ["received_at": "2026-11-29T10:00:00+08:00", "signer": "王五"]).error == "invalid_received_at")
                fixture.clock.set("2026-11-30T11:00:00+08:00")
                let served = try await api.post("\(path)/serve", as: "huanwei", ["received_at": "2026-11-30T10:00:00+08:00", "signer": "王五"])
                #expect(served["state"]?.stringValue == "served", "\(served.text)")
                #expect(try await api.post("\(path)/escalate", as: "supervisor", ["to": "penalty"]).error == "wrong_state")

                let scan = NoticeOverdueScan(services: fixture.services, logger: .quiet)
                fixture.clock.set("2026-12-07T08:59:00+08:00")
                #expect(await scan.tick() == [])
                fixture.clock.set("2026-12-07T09:01:00+08:00")
                #expect(await scan.tick() == [number])
                #expect(await scan.tick() == [], "a marked notice is not marked again")
                #expect(try await api.get(path, as: "admin")["state"]?.stringValue == "overdue")
                #expect(try await api.get("/api/v1/notices?state=overdue", as: "supervisor")["items"]?.arrayValue?.count == 1)

                #expect(try await api.post("\(path)/escalate", as: "supervisor", ["to": "jail"]).error == "invalid_target")
                let escalated = try await api.post("\(path)/escalate", as: "supervisor", ["to": "penalty", "note": "移交执法大队"])
                #expect(escalated["state"]?.stringValue == "escalated", "\(escalated.text)")
                #expect(escalated["escalation"]?.stringValue == "penalty")
                #expect(escalated["events"]?.arrayValue?.compactMap { $0["kind"]?.stringValue } == ["issued", "served", "overdue", "escalated"])
            }
        }
    }

    @Test("re-inspected and rectified; bad input is a 400 and writes nothing")
    func rectifiedAndRefused() async throws {
        try await DemoServerFixture.withServer { api in
            let shop = try await InspectionAPITests.shop(api)
            let path = "/api/v1/shops/\(shop)/notices"
            func with(_ key: String, _ value: Any) -> [String: Any] { Self.issue.merging([key: value]) { $1 } }
            #expect(try await api.post(path, as: "huanwei", with("officers", [["name": "赵磊", "certificate": "1"]])).error == "invalid_officers")
            #expect(try await api.post(path, as: "huanwei", with("deadline_working_days", 0)).error == "invalid_deadline")
            #expect(try await api.post(path, as: "huanwei", with("facts", " ")).error == "missing_field")
            #expect(try await api.post(path, as: "huanwei", with("found_at", "2026-12-30T10:00:00+08:00")).error == "invalid_found_at")
            #expect(try await api.post(path, as: "gridworker", Self.issue).error == "forbidden_role")
            #expect(try await api.get("/api/v1/notices", as: "admin")["items"]?.arrayValue?.count == 0)

            let number = try #require(try await api.post(path, as: "yongtai", Self.issue)["number"]?.stringValue)
            _ = try await api.post("/api/v1/notices/\(number)/serve", as: "yongtai", ["received_at": "2026-11-30T09:00:00+08:00", "signer": "王五"])
            let failed = try await api.post("/api/v1/notices/\(number)/reinspect", as: "yongtai", ["passed": false, "note": "仍有货架"])
            #expect(failed["state"]?.stringValue == "served")
            let passed = try await api.post("/api/v1/notices/\(number)/reinspect", as: "yongtai", ["passed": true])
            #expect(passed["state"]?.stringValue == "rectified")
            #expect(try await api.post("/api/v1/notices/\(number)/reinspect", as: "yongtai", ["passed": true]).error == "wrong_state")
            #expect(try await api.get("/api/v1/notices/ZG-1999-0001", as: "admin").error == "notice_not_found")
            #expect(try await api.send(.delete, "/api/v1/shops/\(shop)", as: "admin").error == "shop_has_records")

            let page = try await api.get("/notices/\(number)/print", as: "supervisor")
            #expect(page.status == .ok)
            for text in ["责令整改通知书", "平城区城管责改〔2026〕第0001号", "《城市市容和环境卫生管理条例》第十四条", "14020001", "14020002", "赵磊", "钱明", "王五", "2026-12-07 09:00"] {
                #expect(page.text.contains(text), "\(text)")
            }
            #expect(page.text.contains("/print/a4.css"))
            #expect(try await api.get("/notices/\(number)/print?lang=en", as: "admin").text.contains("Rectification notice"))
            #expect(try await api.get("/notices/\(number)/print").status == .seeOther)
        }
    }

    @Test("after a restart the scan still finds a notice that fell due while the server was down")
    func overdueAcrossRestart() async throws {
        try await DemoServerFixture.with { fixture in
            let number = try await fixture.serve { api in
                let shop = try await InspectionAPITests.shop(api)
                return try #require(try await api.post("/api/v1/shops/\(shop)/notices", as: "admin", Self.issue)["number"]?.stringValue)
            }
            try await fixture.restart()
            fixture.clock.set("2026-12-08T09:00:00+08:00")
            #expect(await NoticeOverdueScan(services: fixture.services, logger: .quiet).tick() == [number])
            try await fixture.restart()
            #expect(try await fixture.store.notice(number: number)?.state == .overdue)
            #expect(await NoticeOverdueScan(services: fixture.services, logger: .quiet).tick() == [])
        }
    }
}
