import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import Xiuhua
@testable import XiuhuaServer
import XiuhuaStore

/// Every text field of a request has a length limit, and going past it is a 400 that
/// names the field and the limit — on the native API and on Open311 alike.
@Suite("Text fields are bounded")
struct TextLimitTests {
    @Test("a field's kind, and so its limit, is read from its name")
    func limitsByName() {
        #expect(TextLimits.limit(for: "description") == TextLimits.freeText)
        #expect(TextLimits.limit(for: "hazard_note") == TextLimits.freeText)
        #expect(TextLimits.limit(for: "reporter_phone") == TextLimits.phone)
        #expect(TextLimits.limit(for: "address_string") == TextLimits.address)
        #expect(TextLimits.limit(for: "shop_name") == TextLimits.name)
        #expect(TextLimits.limit(for: "photos") == TextLimits.reference)
        #expect(TextLimits.limit(for: "category") == TextLimits.other)
        #expect(TextLimits.refusal("reporter_phone", String(repeating: "1", count: 40)) == nil)
        let refusal = TextLimits.refusal("reporter_phone", String(repeating: "1", count: 41))
        #expect(refusal?.code == "too_long" && refusal?.message.contains("reporter_phone") == true && refusal?.message.contains("40") == true)
        // Characters, not bytes: 300 Chinese characters are a 300-character address.
        #expect(TextLimits.refusal("address", String(repeating: "街", count: 300)) == nil)
    }

    @Test("an over-long address, name, note or nested field in a JSON body is a 400 too_long naming the field and its limit; nothing is filed")
    func nativeAPI() async throws {
        try await DemoServerFixture.withServer { api in
            var body = try api.report()
            body["address"] = String(repeating: "街", count: 301)
            let address = try await api.post("/api/v1/cases", as: "operator", body)
            #expect(address.status == .badRequest)
            #expect(address.error == "too_long")
            #expect(address.json?["message"]?.stringValue?.contains("address") == true)
            #expect(address.json?["message"]?.stringValue?.contains("300") == true)
            body = try api.report()
            body["reporter_name"] = String(repeating: "张", count: 101)
            #expect(try await api.post("/api/v1/cases", as: "operator", body).error == "too_long")
            body = try api.report()
            body["photos"] = ["https://example.org/" + String(repeating: "a", count: 2_000)]
            #expect(try await api.post("/api/v1/cases", as: "operator", body).error == "too_long")
            #expect(try await api.listed("").isEmpty, "nothing was filed")

            let filed = try await api.file()
            let note = try await api.act(filed.number, as: "gridworker", "verify", ["real": true, "note": String(repeating: "x", count: 4_001)])
            #expect(note.status == .badRequest)
            #expect(note.error == "too_long")
            #expect(note.json?["message"]?.stringValue?.contains("note") == true)
            #expect(try await api.eventKinds(filed.number) == ["reported"], "the refused action changed nothing")
        }
    }

    @Test("Open311: an over-long field, too many attributes or media URLs are the spec's 400 naming what is wrong")
    func open311() async throws {
        try await DemoServerFixture.with { fixture in
            let (_, secret) = try await fixture.store.createAPIKey(name: "城管通", perMinute: 600, at: Date())
            try await fixture.serve { api in
                func post(_ form: String) async throws -> APIResponse {
                    let (head, body) = try await api.transport(
                        .post, "/open311/v2/requests.json", [.contentType: "application/x-www-form-urlencoded"], ByteBuffer(string: form)
                    )
                    return APIResponse(status: head.status, contentType: head.headerFields[.contentType], text: String(buffer: body))
                }
                let base = "api_key=\(secret)&service_code=08002&\(Open311FlowTests.point)"
                let long = try await post(base + "&address_string=" + String(repeating: "a", count: 301))
                #expect(long.status == .badRequest)
                #expect(long.text.contains("address_string") && long.text.contains("300"), "\(long.text)")
                let name = try await post(base + "&first_name=" + String(repeating: "a", count: 101))
                #expect(name.status == .badRequest && name.text.contains("first_name"))
                let attributes = (0..<51).map { "attribute[q\($0)]=1" }.joined(separator: "&")
                let many = try await post(base + "&" + attributes)
                #expect(many.status == .badRequest && many.text.contains("attribute"), "\(many.text)")
                let media = (0..<10).map { "media_url=https://example.org/\($0).jpg" }.joined(separator: "&")
                let photos = try await post(base + "&" + media)
                #expect(photos.status == .badRequest && photos.text.contains("media_url"), "\(photos.text)")
                #expect(try await post(base + "&description=ok").status == .ok)
            }
        }
    }
}
