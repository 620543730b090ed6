import Foundation
import Testing
import XiuhuaServer

@Suite("Configuration file")
struct ConfigurationTests {
    private func parse(_ text: String, environment: [String: String] = [:]) async throws -> (XiuhuaConfiguration, [ConfigurationProblem]) {
        try await withTemporaryDataDirectory { directory in
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try "timezone Asia/Shanghai\n".write(toFile: directory + "/calendar.txt", atomically: true, encoding: .utf8)
            return XiuhuaConfiguration.parse(text, baseDirectory: directory, environment: environment)
        }
    }

    @Test("an empty file is valid and gives the defaults")
    func empty() async throws {
        let (configuration, problems) = try await parse("")
        #expect(problems.isEmpty)
        #expect(configuration == XiuhuaConfiguration())
        #expect(configuration.port == 8080)
    }

    @Test("a complete file is read, relative paths from the file's directory, secrets from the environment")
    func complete() async throws {
        let (c, problems) = try await parse("""
            server:
              host: 0.0.0.0
              port: 9090
            data:
              directory: data
            district:
              time_zone: Asia/Shanghai
              calendar_file: calendar.txt
            uploads:
              max_request_bytes: 20MiB
            map:
              tile_url: https://t0.tianditu.gov.cn/vec_w/wmts?x={x}&y={y}&l={z}
            notifications:
              webhook:
                url: https://bus.example.gov.cn/xiuhua
                secret_env: XIUHUA_WEBHOOK_SECRET
              sms:
                endpoint: http://sms.example.gov.cn/send
              retry:
                initial_delay_seconds: 10
                max_delay_seconds: 600
            """, environment: ["XIUHUA_WEBHOOK_SECRET": "s3cret"])
        #expect(problems.isEmpty, "\(problems)")
        #expect(c.host == "0.0.0.0")
        #expect(c.port == 9090)
        #expect(c.dataDirectory?.hasSuffix("/data") == true)
        #expect(c.calendarFile?.hasSuffix("/calendar.txt") == true)
        #expect(c.maxRequestBytes == 20 * 1024 * 1024)
        #expect(c.notifications.webhook?.secret == "s3cret")
        #expect(c.notifications.sms?.endpoint.host == "sms.example.gov.cn")
        #expect(c.notifications.initialRetryDelay == .seconds(10))
        #expect(c.notifications.maxRetryDelay == .seconds(600))
    }

    @Test("every mistake is named with its line: unknown key, wrong type, bad port, missing file, bad time zone, bad URL, unset secret")
    func everyMistake() async throws {
        let (_, problems) = try await parse("""
            server:
              host: 127.0.0.1
              prot: 8080
              port: 70000
            data:
              directory: [a, b]
            district:
              time_zone: Mars/Olympus
              calendar_file: no-such-calendar.txt
            uploads:
              max_request_bytes: lots
            notifications:
              webhook:
                url: not a url
                secret_env: XIUHUA_WEBHOOK_SECRET
              sms:
                endpoint: ftp://sms.example.gov.cn/send
            extra: 1
            """)
        let byLine = Dictionary(grouping: problems, by: \.line).mapValues { $0.map(\.key) }
        #expect(byLine[3] == ["server.prot"], "\(problems)")
        #expect(byLine[4] == ["server.port"])
        #expect(byLine[6] == ["data.directory"])
        #expect(byLine[8] == ["district.time_zone"])
        #expect(byLine[9] == ["district.calendar_file"])
        #expect(byLine[11] == ["uploads.max_request_bytes"])
        #expect(byLine[14] == ["notifications.webhook.url"])
        #expect(byLine[15] == ["notifications.webhook.secret_env"])
        #expect(byLine[17] == ["notifications.sms.endpoint"])
        #expect(byLine[18] == ["extra"])
        #expect(problems.count == 10)
        #expect(problems.map(\.line) == problems.map(\.line).sorted())
        let text = problems.map(\.description).joined(separator: "\n")
        #expect(text.contains("line 3: server.prot: unknown key “prot”"))
        #expect(text.contains("must be between 0 and 65535, got 70000"))
        #expect(text.contains("unknown time zone “Mars/Olympus”"))
        #expect(text.contains("no such file"))
        #expect(text.contains("the environment variable XIUHUA_WEBHOOK_SECRET is not set"))
    }

    @Test("a channel without its address is named; broken YAML is named with its line")
    func missingFieldAndSyntax() async throws {
        let (_, missing) = try await parse("notifications:\n  webhook:\n    secret_env: S\n", environment: ["S": "x"])
        #expect(missing.map(\.key) == ["notifications.webhook.url"])
        #expect(missing.first?.line == 3)

        let (_, broken) = try await parse("server:\n  port: 1\n bad: [\n")
        #expect(broken.count == 1)
        #expect(broken.first?.line == 3)
        #expect(broken.first?.message.hasPrefix("not valid YAML") == true)
    }

    @Test("load names the file and refuses an invalid one")
    func load() async throws {
        try await withTemporaryDataDirectory { directory in
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let path = directory + "/xiuhua.yaml"
            try "server:\n  port: abc\n".write(toFile: path, atomically: true, encoding: .utf8)
            #expect(throws: ConfigurationError.self) { try XiuhuaConfiguration.load(path: path, environment: [:]) }
            do {
                _ = try XiuhuaConfiguration.load(path: path, environment: [:])
            } catch let error as ConfigurationError {
                #expect(error.description.contains("\(path):line 2: server.port: expected a whole number, got “abc”"))
            }
        }
    }

    @Test("duplicate suggestions: radius, window and per-category radii are read; a bad code or distance is named with its line")
    func duplicates() async throws {
        let (c, problems) = try await parse("""
            duplicates:
              radius_m: 40
              window_days: 3
              category_radius_m:
                "06010": 120
            """)
        #expect(problems.isEmpty, "\(problems)")
        #expect(c.duplicates.radius(for: "06010") == 120)
        #expect(c.duplicates.radius(for: "09006") == 40)
        #expect(c.duplicates.window == 3 * 86_400)
        #expect(XiuhuaConfiguration().duplicates == .standard)

        let (_, bad) = try await parse("""
            duplicates:
              radius_m: 0
              category_radius_m:
                "6010": 120
                "09006": far
            """)
        #expect(bad.map(\.line) == [2, 4, 5], "\(bad)")
        #expect(bad.map(\.key) == ["duplicates.radius_m", "duplicates.category_radius_m.6010", "duplicates.category_radius_m.09006"])
    }
}
