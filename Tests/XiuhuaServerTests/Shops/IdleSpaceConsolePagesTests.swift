import Foundation
import Hummingbird
import Testing
import Xiuhua

/// The console's idle spaces over a real server: list, page, and the moves its status allows.
@Suite("Console idle space pages")
struct IdleSpaceConsolePagesTests {
    typealias Pages = ShopConsolePagesTests

    @Test("a street officer moves a space on with the buttons its status offers; a wrong move is refused with a message")
    func moves() async throws {
        try await DemoServerFixture.withServer { api in
            let created = try await api.post("/api/v1/idle-spaces", as: "yongtai", try IdleSpaceAPITests.body(api))
            let id = try #require(created["id"]?.stringValue, "\(created.text)")
            let list = try await Pages.page(api, "/console/idle-spaces", as: "gridworker")
            #expect(list.status == .ok)
            #expect(list.text.contains("href=\"/console/idle-spaces/\(id)\""))
            #expect(try await Pages.page(api, "/console/idle-spaces?status=works", as: "gridworker").text.contains("没有符合条件的消极空间"))
            #expect(try await Pages.page(api, "/console/idle-spaces?status=soon", as: "gridworker").status == .badRequest)

            let page = try await Pages.page(api, "/console/idle-spaces/\(id)", as: "yongtai")
            #expect(page.text.contains("id=\"move-plan\""))
            #expect(page.text.contains("id=\"move-cleared\""))
            #expect(!page.text.contains("id=\"move-works\""))
            let wrong = try await Pages.post(api, "/console/idle-spaces/\(id)/status", as: "yongtai", [("status", "reused"), ("note", "")])
            #expect(wrong.status == .conflict)
            #expect(wrong.text.contains("id=\"flash\""))
            let moved = try await Pages.post(api, "/console/idle-spaces/\(id)/status", as: "yongtai", [("status", "plan"), ("note", "<i>口袋公园</i>")])
            #expect(moved.status == .seeOther, "\(moved.text)")
            let after = try await Pages.page(api, try #require(moved.location), as: "yongtai")
            #expect(after.text.contains("<dd id=\"space-status\">已定方案</dd>"))
            #expect(after.text.contains("&lt;i&gt;口袋公园&lt;/i&gt;"))
            #expect(after.text.contains("id=\"move-works\""))
            #expect(try await api.get("/api/v1/idle-spaces/\(id)", as: "admin")["status"]?.stringValue == "plan")
        }
    }

    @Test("a grid worker reads a space but gets no buttons, and its move is refused and changes nothing")
    func wrongRole() async throws {
        try await DemoServerFixture.withServer { api in
            let created = try await api.post("/api/v1/idle-spaces", as: "yongtai", try IdleSpaceAPITests.body(api))
            let id = try #require(created["id"]?.stringValue)
            let page = try await Pages.page(api, "/console/idle-spaces/\(id)", as: "gridworker")
            #expect(page.status == .ok)
            #expect(!page.text.contains("id=\"move-form\""))
            let refused = try await Pages.post(api, "/console/idle-spaces/\(id)/status", as: "gridworker", [("status", "plan")])
            #expect(refused.status == .forbidden)
            #expect(try await api.get("/api/v1/idle-spaces/\(id)", as: "admin")["status"]?.stringValue == "registered")
            #expect(try await Pages.page(api, "/console/idle-spaces/\(id)", as: "api12345").status == .forbidden)
        }
    }
}
