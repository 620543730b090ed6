import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import Xiuhua
import XiuhuaServer

@Suite("Sign-in throttle: per account with a ceiling, per address, and an administrator's unlock")
struct LoginThrottleTests {
    /// The `Retry-After` of a 429 `too_many_attempts`.
    static func retryAfter(_ response: TestResponse, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        try response.expectError(.tooManyRequests, "too_many_attempts", sourceLocation: sourceLocation)
        return try #require(response.headers[.retryAfter].flatMap { Int($0) }, sourceLocation: sourceLocation)
    }

    @Test("an account's lock starts at 5 minutes, doubles after each further failure, never passes 15, and lifts by itself")
    func backoffCeiling() async throws {
        try await LiveDemo.run { demo in
            for attempt in 1...5 {
                try await demo.signIn("dispatcher", "wrong\(attempt)x").expectError(.unauthorized, "invalid_credentials")
            }
            #expect(try Self.retryAfter(try await demo.signIn("dispatcher")) == 300, "even the right password waits")

            demo.clock.advance(minutes: 5)
            try await demo.signIn("dispatcher", "wrong6x").expectError(.unauthorized, "invalid_credentials")
            #expect(try Self.retryAfter(try await demo.signIn("dispatcher")) == 600)
            for _ in 0..<4 {
                demo.clock.advance(minutes: 15)
                try await demo.signIn("dispatcher", "wrong-again1").expectError(.unauthorized, "invalid_credentials")
                let wait = try Self.retryAfter(try await demo.signIn("dispatcher"))
                #expect(wait <= 900, "the lock never passes the 15-minute ceiling")
            }
            demo.clock.advance(minutes: 15)
            #expect(try await demo.me(try await demo.signedIn("dispatcher")) == .ok, "once the lock lifts the right password works")
            // …and the good sign-in forgot the failures: one wrong password locks nothing.
            try await demo.signIn("dispatcher", "wrong7x").expectError(.unauthorized, "invalid_credentials")
            #expect(try await demo.signIn("dispatcher").status == .created)
        }
    }

    @Test("an administrator's unlock lets a locked account sign in at once; the account list shows the lock until then")
    func unlock() async throws {
        try await LiveDemo.run { demo in
            for attempt in 1...5 { _ = try await demo.signIn("dutychief", "wrong\(attempt)x") }
            _ = try Self.retryAfter(try await demo.signIn("dutychief"))
            let admin = try await demo.token("admin")
            let listed = try await demo.send(.get, "/api/v1/accounts", token: admin).object()
            let row = try #require((listed["items"] as? [[String: Any]])?.first { $0["username"] as? String == "dutychief" })
            #expect(row["failed_logins"] as? Int == 5)
            #expect(row["locked_until"] as? String != nil)

            let unlocked = try await demo.send(.post, "/api/v1/accounts/dutychief/unlock", token: admin)
            #expect(unlocked.status == .ok, "\(unlocked.text)")
            #expect(try unlocked.object()["failed_logins"] as? Int == 0)
            #expect(try await demo.signIn("dutychief").status == .created)
        }
    }

    @Test("a username that names no account is throttled exactly like one that does, so the answers do not tell them apart")
    func unknownUsername() async throws {
        try await LiveDemo.run { demo in
            for attempt in 1...5 {
                try await demo.signIn("nobody-here", "wrong\(attempt)x").expectError(.unauthorized, "invalid_credentials")
            }
            #expect(try Self.retryAfter(try await demo.signIn("nobody-here")) == 300)
            #expect(try await demo.signIn("supervisor").status == .created, "other accounts are not held back")
        }
    }

    @Test("one address failing for many usernames is held back as an address, whichever account it tries next")
    func perAddress() async throws {
        try await LiveDemo.run { demo in
            for attempt in 1...20 {
                try await demo.signIn("guess\(attempt)", "wrong\(attempt)x").expectError(.unauthorized, "invalid_credentials")
            }
            let wait = try Self.retryAfter(try await demo.signIn("supervisor"))
            #expect(wait > 0 && wait <= 300)
            demo.clock.advance(minutes: 5)
            #expect(try await demo.signIn("supervisor").status == .created, "the address window passes")
        }
    }
}
