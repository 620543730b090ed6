import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import XiuhuaServer

/// Every log line the server writes, kept for the test to read.
final class CapturedLog: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) {
        lock.lock()
        defer { lock.unlock() }
        lines.append(line)
    }

    var text: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }

    var logger: Logger {
        Logger(label: "xiuhua-tests") { _ in CapturingLogHandler(log: self) }
    }
}

struct CapturingLogHandler: LogHandler {
    let log: CapturedLog
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(
        level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?,
        source: String, file: String, function: String, line: UInt
    ) {
        let all = metadata.merging(extra ?? [:]) { $1 }
        log.append("\(message) " + all.keys.sorted().map { "\($0)=\(all[$0]!)" }.joined(separator: " "))
    }
}

@Suite("Request logs carry no secrets")
struct RequestLogTests {
    @Test("the server's request lines blank ticket codes, API keys and resident search terms, on the route path and the early Open311 path alike")
    func serverLogs() async throws {
        try await DemoServerFixture.with { fixture in
            let log = CapturedLog()
            let app = buildApplication(services: fixture.services, host: "127.0.0.1", port: 0, overdueScanInterval: nil, logger: log.logger)
            try await app.test(.live) { client in
                _ = try await client.execute(uri: "/ticket/QX7CODE9Z", method: .get)
                _ = try await client.execute(uri: "/api/v1/tickets/QX7CODE9Z", method: .get)
                _ = try await client.execute(uri: "/open311/v2/tokens/QX7CODE9Z.json", method: .get)
                for _ in 0..<2 { _ = try await client.execute(uri: "/open311/v2/requests.json?api_key=S3CRETKEY&status=open", method: .get) }
                _ = try await client.execute(uri: "/api/v1/vaccination/residents?q=%E5%BC%A0%E4%B8%89", method: .get)
            }
            let requests = log.text.filter { $0.hasPrefix("Request ") }
            #expect(requests.count >= 6, "\(requests)")
            for line in log.text {
                #expect(!line.contains("QX7CODE9Z") && !line.contains("S3CRETKEY") && !line.contains("%E5%BC%A0") && !line.contains("张三"), "\(line)")
            }
            #expect(requests.contains { $0.contains("hb.request.path=/ticket/***") })
            #expect(requests.contains { $0.contains("hb.request.path=/open311/v2/requests.json?api_key=***&status=open") })
            #expect(requests.contains { $0.contains("q=***") })
        }
    }
}
