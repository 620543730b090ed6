import HummingbirdTesting
import Testing
import Xiuhua

@Suite("Categories API")
struct CategoriesAPITests {
    private static func items(_ object: [String: Any]) -> [[String: Any]] {
        object["items"] as? [[String: Any]] ?? []
    }

    @Test("without filters: every category of the national catalog, 部件 and 事项")
    func everything() async throws {
        try await ServerFixture.withServer(ServerFixture.demo) { client in
            let object = try await client.get("/api/v1/categories").object()
            let items = Self.items(object)
            #expect(object["total"] as? Int == Catalog.national.count)
            #expect(items.count == Catalog.national.count)
            #expect(items.filter { $0["kind"] as? String == "component" }.count == 153)
            #expect(items.filter { $0["kind"] as? String == "matter" }.count == Catalog.national.count(of: .matter))
            #expect(items.filter { $0["kind"] as? String == "matter" && $0["local_extension"] as? Bool == false }.count == 250)
        }
    }

    @Test("a category carries its limit, urgency, sub-command and owner with their demo names")
    func itemFields() async throws {
        try await ServerFixture.withServer(ServerFixture.demo) { client in
            let items = Self.items(try await client.get("/api/v1/categories?kind=matter&q=06010").object())
            let rubbish = try #require(items.first { $0["code"] as? String == "06010" })
            #expect(rubbish["name"] as? String == "暴露垃圾")
            #expect(rubbish["kind_name"] as? String == "事项")
            #expect(rubbish["big_class"] as? String == "06")
            #expect(rubbish["owner"] as? String == "dept:huanwei")
            #expect(rubbish["owner_name"] as? String == "区环境卫生服务中心（环卫处）")
            #expect(rubbish["command"] as? String == "shirong")
            #expect(rubbish["command_name"] as? String == "市容秩序分指挥部")
            #expect(rubbish["legacy_code"] as? String == "01-10")
            #expect((rubbish["limit_text"] as? String)?.isEmpty == false)
        }
    }

    @Test("kind=matter&q=占道 finds 占道经营 (09006) and only matters about 占道")
    func search() async throws {
        try await ServerFixture.withServer(ServerFixture.demo) { client in
            let items = Self.items(try await client.get("/api/v1/categories?kind=matter&q=\(encoded("占道"))").object())
            #expect(items.contains { $0["code"] as? String == "09006" })
            #expect(items.allSatisfy { $0["kind"] as? String == "matter" })
            #expect(items.allSatisfy { ($0["name"] as? String)?.contains("占道") == true })
            #expect(items.count == Catalog.national.filter(kind: .matter, text: "占道").count)

            let chineseKind = Self.items(try await client.get("/api/v1/categories?kind=\(encoded("事项"))&q=\(encoded("占道"))").object())
            #expect(chineseKind.count == items.count)
        }
    }

    @Test("big_class=06 gives only 06xxx codes, of both kinds")
    func bigClass() async throws {
        try await ServerFixture.withServer(ServerFixture.demo) { client in
            let object = try await client.get("/api/v1/categories?big_class=06").object()
            let items = Self.items(object)
            #expect(!items.isEmpty)
            #expect(items.allSatisfy { ($0["code"] as? String)?.hasPrefix("06") == true && $0["big_class"] as? String == "06" })
            #expect(items.count == Catalog.national.filter(bigClass: "06").count)
        }
    }

    @Test("an unknown kind is a 400 invalid_kind")
    func badKind() async throws {
        try await ServerFixture.withServer(ServerFixture.demo) { client in
            try await client.get("/api/v1/categories?kind=x").expectError(.badRequest, "invalid_kind")
        }
    }

    @Test("a big class that is not two ASCII digits is a 400 invalid_big_class",
          arguments: ["6", "006", "ab", "", encoded("０６")])
    func badBigClass(value: String) async throws {
        try await ServerFixture.withServer(ServerFixture.demo) { client in
            try await client.get("/api/v1/categories?big_class=\(value)").expectError(.badRequest, "invalid_big_class")
        }
    }
}
