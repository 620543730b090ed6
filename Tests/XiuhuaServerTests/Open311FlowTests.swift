import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import Xiuhua
import XiuhuaServer
import XiuhuaStore

@Suite("Open311 GeoReport v2 over a live store")
struct Open311FlowTests {
    static let point = "lat=40.12234718190999&long=113.2818037388908"

    func post(_ client: some TestClientProtocol, _ path: String, _ form: String) async throws -> TestResponse {
        try await client.execute(
            uri: path, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: form)
        )
    }

    @Test("a client system files with its key and attributes; the case reads back in both formats without the reporter")
    func fileAndRead() async throws {
        try await withTemporaryDataDirectory { directory in
            let store = try await Store.openSQLite(dataDirectory: directory, logger: ServerFixture.logger)
            defer { Task { await store.close() } }
            try await DemoSeeder.seedIfNeeded(store, logger: ServerFixture.logger)
            let services = try await XiuhuaServices.load(store: store, catalog: .national, calendar: .chinaDefault)
            let (_, secret) = try await store.createAPIKey(name: "12345热线平台", perMinute: 600, at: Date())
            let app = buildApplication(services: services, host: "127.0.0.1", port: 0, overdueScanInterval: nil, logger: ServerFixture.logger)
            try await app.test(.live) { client in
                let text = "院内垃圾堆积，已有异味 & <很多>"
                let form = "api_key=\(secret)&jurisdiction_id=140213&service_code=06010&\(Self.point)&description=\(encoded(text))"
                    + "&attribute%5Bamount%5D=cart&attribute[kinds][]=household&attribute[kinds][]=bulky&first_name=\(encoded("三"))&last_name=\(encoded("张"))&phone=13812345678"

                let missingKey = try await post(client, "/open311/v2/requests.json", "service_code=06010&\(Self.point)")
                #expect(missingKey.status == .forbidden)
                #expect(missingKey.text.hasPrefix(#"[{"code":403,"description":"#))
                let wrongKey = try await post(client, "/open311/v2/requests.xml", "api_key=nope&service_code=06010&\(Self.point)")
                #expect(wrongKey.status == .forbidden)
                #expect(wrongKey.text.contains("<errors><error><code>403</code>"))
                let noAnswer = try await post(client, "/open311/v2/requests.json", "api_key=\(secret)&service_code=06010&\(Self.point)")
                #expect(noAnswer.status == .badRequest)
                #expect(noAnswer.text.contains("attribute[amount]"))
                let jurisdiction = try await post(client, "/open311/v2/requests.json", form.replacingOccurrences(of: "140213", with: "999999"))
                #expect(jurisdiction.status == .notFound)

                let filed = try await post(client, "/open311/v2/requests.json", form)
                #expect(filed.status == .ok, "\(filed.text)")
                let item = try #require((try JSONSerialization.jsonObject(with: Data(filed.body.readableBytesView)) as? [[String: Any]])?.first)
                let id = try #require(item["service_request_id"] as? String)
                let token = try #require(item["token"] as? String)
                #expect(Set(item.keys) == ["service_request_id", "token", "service_notice", "account_id"])

                let json = try await client.get("/open311/v2/requests/\(id).json?extensions=true")
                #expect(json.headers[.contentType] == "application/json; charset=utf-8")
                #expect(json.text.contains(#""description":"院内垃圾堆积，已有异味 & <很多>""#))
                #expect(json.text.contains(#""status":"open""#))
                #expect(json.text.contains(#""value":"household,bulky""#))
                #expect(!json.text.contains("张三") && !json.text.contains("13812345678"))
                let xml = try await client.get("/open311/v2/requests/\(id).xml")
                #expect(xml.headers[.contentType] == "text/xml; charset=utf-8")
                #expect(xml.text.hasPrefix(#"<?xml version="1.0" encoding="utf-8"?><service_requests><request><service_request_id>\#(id)</service_request_id><status>open</status>"#))
                #expect(xml.text.contains("<description>院内垃圾堆积，已有异味 &amp; &lt;很多&gt;</description>"))
                let tokenAnswer = try await client.get("/open311/v2/tokens/\(token).json")
                #expect(tokenAnswer.text == #"[{"service_request_id":"\#(id)","token":"\#(token)"}]"#)

                let listed = try await client.get("/open311/v2/requests.json?service_code=06010&status=open")
                #expect(listed.text.contains(id))
                #expect(try await client.get("/open311/v2/requests.json?start_date=yesterday").status == .badRequest)
                #expect(try await client.get("/open311/v2/requests.json?service_code=99999").status == .badRequest)
                #expect(try await client.get("/open311/v2/services/99999.json").status == .notFound)
                #expect(try await client.get("/open311/v2/requests/NOPE.xml").status == .notFound)

                let located = try await post(client, "/open311/v2/requests.json",
                    "api_key=\(secret)&service_code=08002&address_string=\(encoded("永泰街道红旗里社区门口"))")
                #expect(located.status == .ok, "\(located.text)")
                let unlocated = try await post(client, "/open311/v2/requests.json", "api_key=\(secret)&service_code=08002&address_string=\(encoded("某个地方"))")
                #expect(unlocated.status == .badRequest)
                #expect(unlocated.text.contains("position is required"))
            }
        }
    }

    @Test("a repeated list is answered again, and a case filed in between appears at once in the same query")
    func listAfterWrite() async throws {
        try await withTemporaryDataDirectory { directory in
            let store = try await Store.openSQLite(dataDirectory: directory, logger: ServerFixture.logger)
            defer { Task { await store.close() } }
            try await DemoSeeder.seedIfNeeded(store, logger: ServerFixture.logger)
            let services = try await XiuhuaServices.load(store: store, catalog: .national, calendar: .chinaDefault)
            let (_, secret) = try await store.createAPIKey(name: "城管通", perMinute: 600, at: Date())
            let app = buildApplication(services: services, host: "127.0.0.1", port: 0, overdueScanInterval: nil, logger: ServerFixture.logger)
            try await app.test(.live) { client in
                let query = "/open311/v2/requests.json?service_code=08002"
                let form = "api_key=\(secret)&service_code=08002&\(Self.point)&description=\(encoded("路灯不亮"))"
                let first = try await post(client, "/open311/v2/requests.json", form)
                let firstID = try #require(Self.requestID(first))
                let listed = try await client.get(query)
                #expect(listed.text.contains(firstID))
                #expect(try await client.get(query).text == listed.text)

                let second = try await post(client, "/open311/v2/requests.json", form)
                let secondID = try #require(Self.requestID(second))
                let again = try await client.get(query)
                #expect(again.text.contains(firstID) && again.text.contains(secondID))
                #expect(try await client.get(query.replacingOccurrences(of: ".json", with: ".xml")).text.contains(secondID))
            }
        }
    }

    static func requestID(_ response: TestResponse) -> String? {
        let items = try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [[String: Any]]
        return items?.first?["service_request_id"] as? String
    }
}
