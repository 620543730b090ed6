import AsyncHTTPClient
#if canImport(Glibc)
import Glibc
#endif
import Foundation
import NIOCore
import Testing

/// The built `xiuhua` binary, run as a real process: the server under test for crash
/// safety and backups, and the CLI commands around it.
struct XiuhuaProcess: @unchecked Sendable {
    /// `.build/debug/xiuhua` of this package (built by `swift build --build-tests`).
    static let binary: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(".build/debug/xiuhua").path

    let process: Process
    let port: Int
    let log: String

    /// Starts `xiuhua serve` (with `--demo` unless told otherwise) on `data` and `port`, and
    /// waits until it answers.
    static func serve(data: String, port: Int? = nil, arguments: [String] = ["--demo"]) async throws -> XiuhuaProcess {
        let port = try port ?? freePort()
        let log = data + ".serve-\(port).log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["serve", "--data", data, "--port", "\(port)"] + arguments
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let server = XiuhuaProcess(process: process, port: port, log: log)
        for _ in 0..<600 {
            if (try? await server.get("/healthz")) == 200 { return server }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        server.kill(SIGKILL)
        Issue.record("xiuhua serve did not come up: \(output)")
        throw CancellationError()
    }

    /// Arguments for `serve` with the demo district and no public intake limit, for tests
    /// that drive intake at full speed from one address (the limit has tests of its own).
    static func unlimitedIntake(beside data: String) throws -> [String] {
        let config = data + ".unlimited.yaml"
        try "limits:\n  intake:\n    per_minute: 0\n".write(toFile: config, atomically: true, encoding: .utf8)
        return ["--demo", "--config", config]
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    func get(_ path: String) async throws -> UInt {
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: baseURL + path), timeout: .seconds(5))
        _ = try await response.body.collect(upTo: 1 << 20)
        return response.status.code
    }

    /// Files a citizen's web report in the demo district; the case number when the server
    /// acknowledged it with 201, nil for any other outcome.
    func fileWebCase(_ index: Int) async -> String? {
        var request = HTTPClientRequest(url: baseURL + "/api/v1/cases")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: """
            {"source":"web","category":"06010","description":"压力测试 \(index) 垃圾堆积","lat":40.12234718190999,"lon":113.2818037388908,"reporter_phone":"13800000000"}
            """))
        guard let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(10)),
              let body = try? await response.body.collect(upTo: 1 << 20), response.status == .created,
              let object = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]
        else { return nil }
        return object["number"] as? String
    }

    func kill(_ signal: Int32) {
        Glibc.kill(process.processIdentifier, signal)
        process.waitUntilExit()
    }

    /// Runs a CLI command to the end: its exit status and output (stdout and stderr).
    static func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A port nobody listens on right now.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRINUSE) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// Files web cases from `workers` concurrent clients until `stop` says so; collects the
/// numbers the server acknowledged.
actor IntakeLoad {
    private(set) var acknowledged: [String] = []
    private var stopped = false

    func stop() { stopped = true }
    private func record(_ number: String) { acknowledged.append(number) }
    var isStopped: Bool { stopped }

    func run(against server: XiuhuaProcess, workers: Int) async {
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var index = worker * 1_000_000
                    var failuresInARow = 0
                    while await !self.isStopped, failuresInARow < 20 {
                        index += 1
                        if let number = await server.fileWebCase(index) {
                            await self.record(number)
                            failuresInARow = 0
                        } else {
                            failuresInARow += 1
                            try? await Task.sleep(for: .milliseconds(20))
                        }
                    }
                }
            }
        }
    }
}
