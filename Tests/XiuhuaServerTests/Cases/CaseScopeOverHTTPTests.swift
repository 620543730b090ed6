import Foundation
import Testing
import Xiuhua
import XiuhuaStore

/// What each unit sees and may touch: a department its own cases, a street its territory
/// and its cases, a grid worker its grids. Cases outside one's view are answered as absent.
@Suite("Case scope over HTTP")
struct CaseScopeOverHTTPTests {
    @Test("a department handler sees only cases dispatched to its department: a street's case is 404 and missing from its list")
    func departmentSeesItsOwn() async throws {
        try await DemoServerFixture.withServer { api in
            let streets = try await api.hotlineCase(in: "dispatched", owner: "street:\(Demo.yongtai)")
            let ours = try await api.hotlineCase(in: "dispatched", owner: "dept:huanwei")
            let waiting = try await api.hotlineCase(in: "awaitingDispatch")

            let hidden = try await api.get("/api/v1/cases/\(streets.number)", as: "huanwei")
            #expect(hidden.status == .notFound)
            #expect(hidden.error == "case_not_found")
            let waitingPage = try await api.get("/api/v1/cases/\(waiting.number)", as: "huanwei")
            #expect(waitingPage.status == .notFound)

            let page = try await api.caseView(ours.number, as: "huanwei")
            #expect(page["owner"]?["code"]?.stringValue == "huanwei")
            #expect(page["allowed_actions"]?.arrayValue?.compactMap(\.stringValue).contains("handle") == true)

            let list = try await api.get("/api/v1/cases", as: "huanwei")
            #expect(list["total"]?.intValue == 1)
            #expect(try await api.listed("", as: "huanwei") == [ours.number])
            // Filters only narrow the scope, never widen it.
            #expect(try await api.listed("street=\(Demo.yongtai)", as: "huanwei") == [ours.number])
            #expect(try await api.listed("owner=\(Demo.yongtai)", as: "huanwei") == [])

            // Acting on a case one cannot see is answered as absent too, and writes nothing.
            let before = try await api.version(streets.number)
            let refused = try await api.act(streets.number, as: "huanwei", "handle", ["note": "已处理"])
            #expect(refused.status == .notFound)
            #expect(try await api.version(streets.number) == before)
        }
    }

    @Test("a street officer sees the cases in its street, whoever owns them, and those dispatched to its street, but not another street's")
    func streetSeesItsTerritory() async throws {
        try await DemoServerFixture.withServer { api in
            let inStreetUnowned = try await api.file(grid: Demo.yongtailiGrid)
            let inStreetDepartment = try await api.hotlineCase(in: "dispatched", owner: "dept:huanwei")
            let elsewhereOurs = try await api.hotlineCase(in: "dispatched", owner: "street:\(Demo.yongtai)", grid: Demo.wenyinghuGrid)
            let elsewhere = try await api.hotlineCase(in: "dispatched", owner: "street:\(Demo.wenyinghu)", grid: Demo.wenyinghuGrid)

            for visible in [inStreetUnowned, inStreetDepartment, elsewhereOurs] {
                let page = try await api.get("/api/v1/cases/\(visible.number)", as: "yongtai")
                #expect(page.status == .ok, "\(visible.number): \(page.text)")
            }
            let hidden = try await api.get("/api/v1/cases/\(elsewhere.number)", as: "yongtai")
            #expect(hidden.status == .notFound)

            let listed = Set(try await api.listed("", as: "yongtai"))
            #expect(listed == [inStreetUnowned.number, inStreetDepartment.number, elsewhereOurs.number])

            // Seeing a department's case in its street does not let the street handle it.
            let before = try await api.version(inStreetDepartment.number)
            let refused = try await api.act(inStreetDepartment.number, as: "yongtai", "handle", ["note": "已处理"])
            #expect(refused.status == .forbidden)
            #expect(refused.error == "out_of_scope")
            #expect(refused["current"]?["state"]?.stringValue == "dispatched")
            #expect(try await api.version(inStreetDepartment.number) == before)
            // Its own case in another street it may handle.
            try await api.step(elsewhereOurs.number, as: "yongtai", "handle", ["note": "已清理"])
        }
    }

    @Test("a grid worker cannot verify a report outside its grids: over HTTP the case is absent (404), and the workflow refuses it as out_of_scope")
    func gridWorkerOutsideItsGrids() async throws {
        try await DemoServerFixture.with { fixture in
            let (outside, inside) = try await fixture.serve { api in
                let outside = try await api.file(grid: Demo.yongtailiGrid)
                let inside = try await api.file(grid: Demo.hongqiliGrid)
                let before = try await api.version(outside.number)

                let refused = try await api.act(outside.number, as: "gridworker", "verify", ["real": true])
                #expect(refused.status == .notFound)
                #expect(refused.error == "case_not_found")
                #expect(try await api.version(outside.number) == before)
                #expect(try await api.caseView(outside.number)["state"]?.stringValue == "reported")
                #expect(try await api.listed("", as: "gridworker") == [inside.number])

                // The same worker verifies in its own grid.
                try await api.step(inside.number, as: "gridworker", "verify", ["real": true])
                return (outside, inside)
            }
            _ = inside
            // Beneath the route, the workflow names the reason.
            let worker = try #require(try await fixture.store.account(username: "gridworker")).actor
            let error = await #expect(throws: CaseStoreError.self) {
                try await fixture.store.act(on: outside.number, .verify(real: true), by: worker, at: fixture.clock.now, clock: fixture.services.calendar)
            }
            guard case .refused(let refusal, _)? = error else {
                Issue.record("expected a refusal, got \(String(describing: error))")
                return
            }
            #expect(refusal.code == .outOfScope)
            #expect(try await fixture.store.caseSnapshot(outside.number)?.version == 1)
        }
    }
}
