import Foundation
import Hummingbird
import Testing
import Xiuhua

/// The requests that once took the server down or sent a visitor off the site, pinned: each
/// answers a clear 4xx (or a normal answer), and the server still answers afterwards.
@Suite("Hostile input: the requests that once crashed the server")
struct HostileInputTests {
    @Test("a period at the edge of the supported years answers; one outside them is a 400, never a trap", arguments: [
        ("2000-01", 200), ("2000-Q1", 200), ("2000", 200), ("2000-01-01..2000-01-01", 200),
        ("0001-01-01..0001-01-01", 400), ("1999-12", 400), ("9999-12-31..9999-12-31", 400), ("2026-01-01..9999-12-31", 400),
    ])
    func hotspotPeriods(period: String, status: Int) async throws {
        try await DemoServerFixture.withServer { api in
            let answer = try await api.get("/api/v1/hotspots?period=\(period)", as: "dispatcher")
            #expect(Int(answer.status.code) == status, "\(period): \(answer.text.prefix(200))")
            if status == 400 { #expect(answer.error == "invalid_period", "\(answer.text)") }
            let evaluation = try await api.get("/api/v1/evaluation?period=\(period)", as: "dispatcher")
            #expect(evaluation.status.code < 500, "evaluation \(period): \(evaluation.status)")
            #expect(try await api.get("/healthz").status == .ok)
        }
    }

    @Test("the language switch sends back only to a path on this site", arguments: [
        ("/console", "/console"), ("/%09/evil.example", "/report"), ("//evil.example", "/report"), ("/%5Cevil.example", "/report"),
        ("https://evil.example/", "/report"), ("/%0A/evil.example", "/report"), ("/report%20x", "/report"),
    ])
    func languageSwitchStaysOnSite(back: String, location: String) async throws {
        try await DemoServerFixture.withServer { api in
            let (head, _) = try await api.transport(.get, "/lang/en?back=\(back)", [:], nil)
            #expect(head.status == .found)
            #expect(head.headerFields[.location] == location, "back=\(back)")
        }
    }
}
