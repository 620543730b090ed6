import HummingbirdTesting
import Testing
import Xiuhua

@Suite("Home page")
struct HomePageTests {
    @Test("GET / is a Chinese HTML page naming 平城区, its counts and the 7 sub-command hotlines")
    func chinese() async throws {
        try await ServerFixture.withServer(ServerFixture.demo) { client in
            let response = try await client.get("/")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
            let page = response.text
            #expect(page.contains("<html lang=\"zh-CN\">"))
            #expect(page.contains("城市精细化管理平台"))
            #expect(page.contains("平城区"))
            #expect(page.contains("18 街道"))
            #expect(page.contains("9720"))
            for command in DemoDistrict.commands {
                #expect(page.contains(command.hotline), "\(command.name)")
                #expect(page.contains(command.name))
            }
            #expect(page.contains("href=\"/?lang=en\""))
        }
    }

    @Test("GET /?lang=en is the same page in English, still with the hotlines")
    func english() async throws {
        try await ServerFixture.withServer(ServerFixture.demo) { client in
            let response = try await client.get("/?lang=en")
            #expect(response.status == .ok)
            let page = response.text
            #expect(page.contains("<html lang=\"en\">"))
            #expect(page.contains("Fine-grained City Management"))
            #expect(!page.contains("城市精细化管理平台"))
            #expect(page.contains("平城区"), "the district's own name is not translated")
            for command in DemoDistrict.commands {
                #expect(page.contains(command.hotline))
            }
        }
    }

    @Test("the home page's sample locate link answers with a grid cell")
    func sampleLink() async throws {
        try await ServerFixture.withServer(ServerFixture.demo) { client in
            let page = try await client.get("/").text
            let start = try #require(page.range(of: "href=\"/api/v1/locate?"))
            let rest = page[start.upperBound...]
            let end = try #require(rest.firstIndex(of: "\""))
            let link = "/api/v1/locate?" + rest[..<end].replacingOccurrences(of: "&amp;", with: "&")
            let response = try await client.get(link)
            #expect(response.status == .ok, "\(link): \(response.text)")
        }
    }
}
