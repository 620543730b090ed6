import Foundation
import Testing
import Xiuhua
@testable import XiuhuaServer
@testable import XiuhuaStore

@Suite("Open311 documents, forms and times")
struct Open311ValueTests {
    let sample = Open311Value.list(item: "request", [
        .object([("service_request_id", .string("PC2026113000001")), ("description", .string("院内<垃圾> & \"杂物\"\n第二行")),
                 ("agency_responsible", .null), ("lat", .number(40.5)), ("metadata", .bool(true))]),
    ])

    @Test("JSON keeps key order, writes null and Chinese as UTF-8")
    func json() {
        #expect(String(decoding: sample.json, as: UTF8.self) == #"[{"service_request_id":"PC2026113000001","description":"院内<垃圾> & \"杂物\"\n第二行","agency_responsible":null,"lat":40.5,"metadata":true}]"#)
    }

    @Test("XML has the declaration, the root, item elements, escapes markup and writes null as an empty element")
    func xml() {
        #expect(String(decoding: sample.xml(root: "service_requests"), as: UTF8.self) == #"<?xml version="1.0" encoding="utf-8"?><service_requests><request><service_request_id>PC2026113000001</service_request_id><description>院内&lt;垃圾&gt; &amp; "杂物"\#n第二行</description><agency_responsible/><lat>40.5</lat><metadata>true</metadata></request></service_requests>"#)
    }

    @Test("a character XML cannot carry becomes U+FFFD")
    func xmlControlCharacter() {
        #expect(String(decoding: Open311Value.string("a\u{1}b\u{FFFF}").xml(root: "x"), as: UTF8.self).hasSuffix("<x>a\u{FFFD}b\u{FFFD}</x>"))
        #expect(String(decoding: Open311Value.string("行\u{2028}尾\u{1}").json, as: UTF8.self) == #""行\u2028尾\u0001""#)
    }

    @Test("form decoding reads bracket attributes, + as space, and drops empty values")
    func form() {
        let form = Open311Form("service_code=06010&description=%E9%99%A2%E5%86%85+%E5%9E%83%E5%9C%BE&attribute%5Bamount%5D=bag&attribute[kinds][]=household&attribute[kinds][]=bulky&email=")
        #expect(form["service_code"] == "06010")
        #expect(form["description"] == "院内 垃圾")
        #expect(form["email"] == nil)
        #expect(form.attributes == ["amount": ["bag"], "kinds": ["household", "bulky"]])
        // Broken escapes and escapes that are not UTF-8 are kept as they came.
        let odd = Open311Form("a=100%25+sure&b=50%&c=%zz+x&d=%E9%99&e=%e9%99%a2")
        #expect(odd["a"] == "100% sure")
        #expect(odd["b"] == "50%")
        #expect(odd["c"] == "%zz x")
        #expect(odd["d"] == "%E9%99")
        #expect(odd["e"] == "院")
    }

    @Test("form decoding: empty pairs, a key without a value, repeated keys, and the same form from a query and a body joined")
    func formEdges() {
        let form = Open311Form("&&a=1&&b&a=2&=x&attribute[q]=%20y%20&")
        #expect(form.all("a") == ["1", "2"])
        #expect(form["a"] == "2")
        #expect(form["b"] == nil)
        #expect(form[""] == "x")
        #expect(form.attributes == ["q": [" y "]])
    }

    @Test("a journaled report reads back to exactly the form received: tabs, newlines, returns and backslashes in it, Chinese key names")
    func journalPayload() throws {
        let key = APIKey(id: "k-1", name: "12345 热线\t平台", perMinute: 60, createdAt: Date(), revokedAt: nil)
        for form in ["api_key=s&description=a\tb\nc\r\\d%0A", "", "\\\\n", "description=院内垃圾&attribute[amount]=bag"] {
            let payload = Open311JournalPayload(key: key, form: form)
            #expect(!payload.line.contains("\n") && !payload.line.contains("\r"))
            #expect(payload.line.split(separator: "\t", omittingEmptySubsequences: false).count == 4)
            let read = try #require(Open311JournalPayload(line: payload.line))
            #expect(read == payload)
            #expect(read.actor == key.actor)
        }
        #expect(Open311JournalPayload(line: "v2\ta\tb\tc") == nil)
        #expect(Open311JournalPayload(line: "v1\ta\tb") == nil)
        #expect(Open311JournalPayload(line: "v1\ta\tb\tbad \\x escape") == nil)
    }

    @Test("datetimes carry the district's offset")
    func time() throws {
        let date = try #require(ISO8601Instant.parse("2026-11-29T16:05:09Z"))
        #expect(Open311Time.format(date, in: WorkCalendar.chinaStandardTime) == "2026-11-30T00:05:09+08:00")
        #expect(Open311Time.format(Date(timeIntervalSince1970: 0), in: TimeZone(identifier: "UTC")!) == "1970-01-01T00:00:00+00:00")
    }
}
