import AsyncHTTPClient
#if canImport(Glibc)
import Glibc
#endif
import Foundation
import NIOCore
import Testing
import Xiuhua
import XiuhuaStore

/// A plain TCP connection for requests whose body arrives slowly: the way to keep a
/// request in flight for as long as the test wants, as a phone on a poor network does.
final class SlowConnection: @unchecked Sendable {
    let fd: Int32

    /// Connects to 127.0.0.1:`port`; nil when the connection is refused.
    init?(port: Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else {
            close(fd)
            return nil
        }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        self.fd = fd
    }

    deinit { close(fd) }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { return }
            sent += n
        }
    }

    /// Everything the server sends until it closes the connection (or 30 s pass).
    func readToEnd() -> String {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            guard n > 0 else { break }
            data += buffer[0..<n]
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The status code of an HTTP response text.
    static func status(_ response: String) -> Int? {
        let parts = response.split(separator: " ", maxSplits: 2)
        return parts.count >= 2 ? Int(parts[1]) : nil
    }
}

/// SIGTERM on the real binary: in-flight requests finish with 2xx, new connections are
/// refused, the notification being delivered is recorded, and the process exits 0 within
/// `server.shutdown_timeout`; a client that never finishes cannot hold it beyond that.
@Suite("Graceful shutdown (SIGTERM)", .serialized)
struct GracefulShutdownTests {
    static func post(_ server: XiuhuaProcess, _ path: String, _ json: String, token: String? = nil) async throws -> (status: UInt, body: [String: Any]) {
        var request = HTTPClientRequest(url: server.baseURL + path)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        request.body = .bytes(ByteBuffer(string: json))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 20)
        let object = (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] ?? [:]
        return (response.status.code, object)
    }

    static func token(_ server: XiuhuaProcess, _ username: String) async throws -> String {
        let login = try await post(server, "/api/v1/sessions", #"{"username":"\#(username)","password":"\#(DemoAccounts.password)"}"#)
        return try #require(login.body["token"] as? String, "login \(username): \(login)")
    }

    /// A request whose head and first half of the body are sent; `finish` sends the rest.
    static func startSlowFiling(port: Int, index: Int) throws -> (connection: SlowConnection, rest: String) {
        let body = """
            {"source":"web","category":"06010","description":"慢速上传 \(index) 垃圾堆积","lat":40.12234718190999,"lon":113.2818037388908,"reporter_phone":"13800000000"}
            """
        let bytes = Array(body.utf8)
        let connection = try #require(SlowConnection(port: port))
        connection.send("POST /api/v1/cases HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: \(bytes.count)\r\n\r\n")
        connection.send(String(decoding: bytes[0..<20], as: UTF8.self))
        return (connection, String(decoding: bytes[20...], as: UTF8.self))
    }

    static func waitForExit(_ process: Process, within seconds: Double) async throws -> Double {
        let start = Date()
        while process.isRunning, Date().timeIntervalSince(start) < seconds {
            try await Task.sleep(for: .milliseconds(50))
        }
        return Date().timeIntervalSince(start)
    }

    @Test("SIGTERM: slow in-flight filings complete with 201, new connections are refused, the SMS in flight is recorded as delivered, exit 0 in time")
    func drains() async throws {
        let receiver = Receiver()
        // The gateway takes 2 s to answer: the delivery is still in flight when SIGTERM comes.
        await receiver.set(failing: false, delay: .seconds(2))
        try await Receiver.run(receiver) { receiverPort in
            try await withTemporaryDataDirectory { root in
                try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
                let config = root + "/xiuhua.yaml"
                try """
                    server:
                      shutdown_timeout: 20
                    notifications:
                      sms:
                        endpoint: http://127.0.0.1:\(receiverPort)/sms
                      poll_interval_seconds: 1
                    """.write(toFile: config, atomically: true, encoding: .utf8)
                let data = root + "/data"
                let server = try await XiuhuaProcess.serve(data: data, arguments: ["--demo", "--config", config])

                // A hotline case with the caller's phone, accepted: one SMS waits in the outbox.
                let operatorToken = try await Self.token(server, "operator")
                let filed = try await Self.post(server, "/api/v1/cases", """
                    {"source":"hotline","category":"06010","description":"垃圾堆积","lat":40.12234718190999,"lon":113.2818037388908,\
                    "reporter_name":"刘秀英","reporter_phone":"13812345678","direct_acceptance":true}
                    """, token: operatorToken)
                #expect(filed.status == 201, "\(filed.body)")
                let number = try #require(filed.body["number"] as? String)
                let accepted = try await Self.post(
                    server, "/api/v1/cases/\(number)/actions", #"{"action":"accept"}"#, token: try await Self.token(server, "dutychief")
                )
                #expect(accepted.status == 200, "\(accepted.body)")
                // Wait until the gateway has the message (and is sitting on its answer).
                for _ in 0..<100 where await receiver.deliveries.isEmpty { try await Task.sleep(for: .milliseconds(50)) }
                #expect(await receiver.deliveries.count == 1)

                let slow = try (0..<2).map { try Self.startSlowFiling(port: server.port, index: $0) }
                try await Task.sleep(for: .milliseconds(200))
                kill(server.process.processIdentifier, SIGTERM)

                // New connections are refused while the slow ones are still open.
                var refused = false
                for _ in 0..<100 {
                    if SlowConnection(port: server.port) == nil {
                        refused = true
                        break
                    }
                    try await Task.sleep(for: .milliseconds(50))
                }
                #expect(refused, "the listener closes on SIGTERM")
                #expect(server.process.isRunning, "the process waits for the requests in flight")

                var numbers: [String] = []
                for (connection, rest) in slow {
                    connection.send(rest)
                    let response = connection.readToEnd()
                    #expect(SlowConnection.status(response) == 201, "\(response.prefix(300))")
                    if let range = response.range(of: #""number":"([^"]+)""#, options: .regularExpression) {
                        numbers.append(String(response[range].dropFirst(10).dropLast()))
                    }
                }
                let waited = try await Self.waitForExit(server.process, within: 20)
                #expect(!server.process.isRunning, "exited within server.shutdown_timeout")
                #expect(waited < 15, "exited \(waited) s after the last request")
                server.process.waitUntilExit()
                #expect(server.process.terminationReason == .exit && server.process.terminationStatus == 0, "a clean drain exits 0")
                let log = (try? String(contentsOfFile: server.log, encoding: .utf8)) ?? ""
                #expect(log.contains("stopped cleanly"), "\(log.suffix(2000))")

                let store = try await Store.openSQLite(dataDirectory: data, logger: ServerFixture.logger)
                let outbox = try await store.outbox(ofCase: number)
                for filing in numbers { #expect(try await store.caseSnapshot(filing) != nil, "the drained filing \(filing) is stored") }
                await store.close()
                #expect(numbers.count == 2)
                #expect(outbox.count == 1)
                #expect(outbox.first?.deliveredAt != nil, "the SMS the gateway acknowledged during shutdown is marked delivered")
                #expect(await receiver.acknowledged.count == 1, "sent once")
            }
        }
    }

    @Test("a client that never finishes its body cannot hold the stop beyond server.shutdown_timeout")
    func bounded() async throws {
        try await withTemporaryDataDirectory { root in
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            let config = root + "/xiuhua.yaml"
            try "server:\n  shutdown_timeout: 2\n".write(toFile: config, atomically: true, encoding: .utf8)
            let server = try await XiuhuaProcess.serve(data: root + "/data", arguments: ["--demo", "--config", config])
            let stuck = try Self.startSlowFiling(port: server.port, index: 0)
            try await Task.sleep(for: .milliseconds(200))
            kill(server.process.processIdentifier, SIGTERM)
            let waited = try await Self.waitForExit(server.process, within: 15)
            #expect(!server.process.isRunning, "still running \(waited) s after SIGTERM")
            if server.process.isRunning { server.kill(SIGKILL) }
            #expect(waited >= 1.5, "it waited for the request in flight first (\(waited) s)")
            #expect(waited < 2 + 5 + 3, "2 s to drain, then at most 5 s to cancel (\(waited) s)")
            server.process.waitUntilExit()
            #expect(server.process.terminationReason == .exit, "it stops by itself, not by a signal")
            #expect(server.process.terminationStatus == 1, "a stop that cut a request off is not a clean one")
            let log = (try? String(contentsOfFile: server.log, encoding: .utf8)) ?? ""
            #expect(log.contains("the server stopped without a clean drain"), "\(log.suffix(2000))")
            _ = stuck
        }
    }

    @Test("a connection that stalls mid-request is closed after server.idle_timeout; the server goes on answering")
    func idleTimeout() async throws {
        try await withTemporaryDataDirectory { root in
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            let config = root + "/xiuhua.yaml"
            try "server:\n  idle_timeout: 1\n".write(toFile: config, atomically: true, encoding: .utf8)
            let server = try await XiuhuaProcess.serve(data: root + "/data", arguments: ["--demo", "--config", config])
            let stalled = try Self.startSlowFiling(port: server.port, index: 0)
            let start = Date()
            let answer = stalled.connection.readToEnd()
            let waited = Date().timeIntervalSince(start)
            #expect(SlowConnection.status(answer) != 201, "nothing was filed: \(answer.prefix(200))")
            #expect(waited >= 0.8 && waited < 5, "closed after about a second, not after the 30 s read timeout (\(waited) s)")
            // On a fresh connection: the shared client's pooled one was idle for over a second
            // too, so the server has closed it as well.
            let probe = try #require(SlowConnection(port: server.port))
            probe.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            #expect(SlowConnection.status(probe.readToEnd()) == 200)
            server.kill(SIGTERM)
            #expect(server.process.terminationStatus == 0)
        }
    }
}
