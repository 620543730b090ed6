import Foundation
import Testing
import Xiuhua
@testable import XiuhuaServer
import XiuhuaStore

/// What Open311 publishes of the district's cases: no rejected, cancelled or merged
/// case, and no hotline caller's words unless staff publish them.
@Suite("Public data is public-safe", .serialized)
struct PublicCaseDataTests {
    static func ids(_ response: APIResponse) -> [String] {
        (response.json?.arrayValue ?? []).compactMap { $0["service_request_id"]?.stringValue }
    }

    @Test("Open311 lists and single requests never show a rejected or cancelled case; a merged case answers as its survivor")
    func withheldStates() async throws {
        try await DemoServerFixture.withServer { api in
            let rejected = try await api.file()
            try await api.step(rejected.number, as: "operator", "reject", ["reason": "重复来电"])
            let cancelled = try await api.file(directAcceptance: true)
            try await api.step(cancelled.number, as: "dutychief", "approveCancel", ["reason": "无效报告"])
            let survivor = try await api.file(directAcceptance: true)
            let duplicate = try await api.file(directAcceptance: true)
            try await api.step(duplicate.number, as: "dutychief", "merge", ["into": survivor.number])
            let open = try await api.file()

            let all = [rejected, cancelled, survivor, duplicate, open].map(\.number)
            let byID = try await api.get("/open311/v2/requests.json?service_request_id=\(all.joined(separator: ","))")
            #expect(byID.status == .ok, "\(byID.text)")
            #expect(Set(Self.ids(byID)) == [survivor.number, open.number])
            for query in ["", "?status=closed", "?status=open"] {
                let listed = Self.ids(try await api.get("/open311/v2/requests.json\(query)"))
                #expect(!listed.contains(rejected.number) && !listed.contains(cancelled.number) && !listed.contains(duplicate.number), "\(query)")
            }
            #expect(Self.ids(try await api.get("/open311/v2/requests.json")).contains(open.number))

            for hidden in [rejected, cancelled] {
                let one = try await api.get("/open311/v2/requests/\(hidden.number).json")
                #expect(one.status == .notFound, "\(hidden.number): \(one.text)")
                #expect(try await api.get("/open311/v2/requests/\(hidden.number).xml").status == .notFound)
            }
            let merged = try await api.get("/open311/v2/requests/\(duplicate.number).json")
            #expect(merged.status == .ok)
            #expect(Self.ids(merged) == [survivor.number], "the merged report is followed to the case that goes on")
        }
    }

    @Test("a hotline case is published as category and place until an operator publishes the caller's words; the mark is in the history and survives a restart")
    func hotlineText() async throws {
        try await DemoServerFixture.with { fixture in
            let (hotline, web) = try await fixture.serve { api in
                let hotline = try await api.file()
                let web = try await api.file(source: "web", as: nil)
                let shown = try await api.get("/open311/v2/requests/\(hotline.number).json?extensions=true")
                #expect(shown.status == .ok, "\(shown.text)")
                let item = try #require(shown.json?.arrayValue?.first)
                let description = try #require(item["description"]?.stringValue)
                #expect(!description.contains("杂草"), "the caller's words stay inside: \(description)")
                #expect(description.hasPrefix(api.services.catalog.matter(code: "06010")?.name ?? "?"))
                #expect(description.contains("红旗里"), "the summary names the place: \(description)")
                #expect(item["address"]?.stringValue?.contains("红旗里") == true)
                #expect(!shown.text.contains("刘秀英") && !shown.text.contains("13812345678"))
                let listed = try await api.get("/open311/v2/requests.xml?service_request_id=\(hotline.number)")
                #expect(!listed.text.contains("杂草"))
                // A web report was written for the public: its words are published.
                #expect(try await api.get("/open311/v2/requests/\(web.number).json").text.contains("院内杂草丛生"))

                let byGridWorker = try await api.act(hotline.number, as: "gridworker", "publishText")
                #expect(byGridWorker.status == .forbidden, "\(byGridWorker.text)")
                let onWeb = try await api.act(web.number, as: "operator", "publishText")
                #expect(onWeb.status.code >= 400 && onWeb.status.code < 500, "only hotline text is withheld: \(onWeb.text)")
                #expect(onWeb.error == "already_recorded")
                try await api.step(hotline.number, as: "operator", "publishText", ["note": "来电人同意公开"])
                #expect(try await api.eventKinds(hotline.number).last == "textPublished")
                #expect(try await api.get("/open311/v2/requests/\(hotline.number).json").text.contains("院内杂草丛生"))
                let again = try await api.act(hotline.number, as: "dutychief", "publishText")
                #expect(again.error == "already_recorded", "published once")
                return (hotline, web)
            }
            try await fixture.restart()
            try await fixture.serve { api in
                let published = try await api.get("/open311/v2/requests/\(hotline.number).json")
                let written = try await api.get("/open311/v2/requests/\(web.number).json")
                #expect(published.text.contains("院内杂草丛生"), "the mark survives a restart")
                #expect(written.text.contains("院内杂草丛生"))
            }
        }
    }

    @Test("the public board shows a closed hotline case by category and street, never the caller's words, and no rejected or cancelled case")
    func board() async throws {
        try await DemoServerFixture.withServer { api in
            let closed = try await api.hotlineCase(in: "closed")
            let rejected = try await api.file()
            try await api.step(rejected.number, as: "operator", "reject", ["reason": "来电人称在红旗里5号楼301的私事"])
            let page = try await api.get("/board")
            #expect(page.status == .ok)
            #expect(page.text.contains("recently-closed"), "the closed case is on the board")
            #expect(!page.text.contains("杂草") && !page.text.contains("刘秀英") && !page.text.contains("5号楼"))
            #expect(!page.text.contains(closed.number) && !page.text.contains(rejected.number), "no case numbers either")
        }
    }

    @Test("log lines blank ticket codes in paths, and API keys, search terms and codes in queries")
    func loggedTargets() {
        #expect(LoggedTarget.redacted("/ticket/AB12CD34") == "/ticket/***")
        #expect(LoggedTarget.redacted("/ticket/AB12CD34/rating?lang=en") == "/ticket/***/rating?lang=en")
        #expect(LoggedTarget.redacted("/api/v1/tickets/AB12CD34") == "/api/v1/tickets/***")
        #expect(LoggedTarget.redacted("/open311/v2/tokens/AB12CD34.json") == "/open311/v2/tokens/***")
        #expect(LoggedTarget.redacted("/open311/v2/requests.json?api_key=s3cret&status=open") == "/open311/v2/requests.json?api_key=***&status=open")
        #expect(LoggedTarget.redacted("/console/vaccination/residents?q=%E5%BC%A0%E4%B8%89&page=2") == "/console/vaccination/residents?q=***&page=2")
        #expect(LoggedTarget.redacted("/ticket?code=AB12CD34") == "/ticket?code=***")
        #expect(LoggedTarget.redacted("/api/v1/cases?state=closed") == "/api/v1/cases?state=closed")
        #expect(LoggedTarget.redacted("/ticket") == "/ticket")
    }
}
