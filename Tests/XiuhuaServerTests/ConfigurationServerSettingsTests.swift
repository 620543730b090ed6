import Foundation
import Testing
import XiuhuaServer

/// The `server` and `limits` settings of the configuration file: trusted proxies, TLS,
/// timeouts, the intake and sign-in limits — read, defaulted, and every mistake named
/// with its line.
@Suite("Configuration: server and limits")
struct ConfigurationServerSettingsTests {
    private func parse(_ text: String) -> (XiuhuaConfiguration, [ConfigurationProblem]) {
        XiuhuaConfiguration.parse(text, baseDirectory: FileManager.default.temporaryDirectory.path, environment: [:])
    }

    @Test("the defaults: no trusted proxy, no HSTS, 30 s to drain, 60 s idle, 20 intake requests at once then 30 a minute, 5/20 failed sign-ins in 5 min")
    func defaults() {
        let (c, problems) = parse("")
        #expect(problems.isEmpty)
        #expect(c.server.trustedProxies.isEmpty)
        #expect(c.server.behindTLS == false)
        #expect(c.server.shutdownTimeout == .seconds(30))
        #expect(c.server.idleTimeout == .seconds(60))
        #expect(c.server.intakeLimit == .init(perMinute: 30, burst: 20))
        #expect(c.server.loginLimit == ServerSettings.LoginLimit())
        #expect(c.server.loginLimit.failuresPerUser == 5 && c.server.loginLimit.failuresPerAddress == 20 && c.server.loginLimit.windowSeconds == 300)
        #expect(c.server.loginLimit.maxLockSeconds == 900, "nobody is locked out of an account for more than 15 minutes")
    }

    @Test("every setting is read")
    func complete() {
        let (c, problems) = parse("""
            server:
              host: 127.0.0.1
              trusted_proxies: [127.0.0.1, "10.0.0.0/8", "::1"]
              behind_tls: true
              shutdown_timeout: 12
              idle_timeout: 90
            limits:
              intake:
                per_minute: 12
                burst: 4
              login:
                failures_per_user: 3
                failures_per_address: 50
                window_seconds: 600
                max_lock_seconds: 1800
            """)
        #expect(problems.isEmpty, "\(problems)")
        #expect(c.server.trustedProxies.map(\.description) == ["127.0.0.1", "10.0.0.0/8", "::1"])
        #expect(c.server.trustedProxies[1].contains("10.9.8.7"))
        #expect(c.server.behindTLS)
        #expect(c.server.shutdownTimeout == .seconds(12))
        #expect(c.server.idleTimeout == .seconds(90))
        #expect(c.server.intakeLimit == .init(perMinute: 12, burst: 4))
        #expect(c.server.loginLimit.failuresPerUser == 3)
        #expect(c.server.loginLimit.failuresPerAddress == 50)
        #expect(c.server.loginLimit.windowSeconds == 600)
        #expect(c.server.loginLimit.maxLockSeconds == 1800)
    }

    @Test("a block list written one entry a line is read too, and per_minute 0 turns the intake limit off")
    func blockListAndOff() {
        let (c, problems) = parse("""
            server:
              trusted_proxies:
                - 192.168.0.0/16
                - fd00::/8
            limits:
              intake:
                per_minute: 0
            """)
        #expect(problems.isEmpty, "\(problems)")
        #expect(c.server.trustedProxies.count == 2)
        #expect(c.server.intakeLimit.isOff)
    }

    @Test("mistakes are named with their line: a bad proxy entry, a non-boolean, timeouts and limits out of range, unknown keys")
    func mistakes() {
        let (_, problems) = parse("""
            server:
              trusted_proxies: [127.0.0.1, 10.0.0.0/33, nginx]
              behind_tls: maybe
              shutdown_timeout: 0
              idle_timeout: forever
            limits:
              intake:
                per_minute: -1
                burst: 0
                rate: 5
              login:
                window_seconds: 0
              upload: {}
            """)
        func problem(_ line: Int, _ key: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(problems.contains { $0.line == line && $0.key == key && $0.message.contains(text) }, "line \(line) \(key): \(problems)", sourceLocation: sourceLocation)
        }
        problem(2, "server.trusted_proxies", "10.0.0.0/33")
        problem(2, "server.trusted_proxies", "nginx")
        problem(3, "server.behind_tls", "expected true or false")
        problem(4, "server.shutdown_timeout", "between 1 and 3600")
        problem(5, "server.idle_timeout", "whole number")
        problem(8, "limits.intake.per_minute", "between 0 and 100000")
        problem(9, "limits.intake.burst", "between 1 and 100000")
        problem(10, "limits.intake.rate", "unknown key")
        problem(12, "limits.login.window_seconds", "between 1 and 86400")
        problem(13, "limits.upload", "unknown key")
        #expect(problems.count == 10, "\(problems)")
    }
}
