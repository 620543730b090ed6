import Foundation

/// How the HTTP server protects itself and stops: which peers may speak for a client
/// (`X-Forwarded-For`), the limits on public intake and on sign-in, timeouts, and whether
/// it is reached over TLS. Read from the `server` and `limits` sections of the
/// configuration file; the defaults suit one server behind nothing.
public struct ServerSettings: Sendable, Equatable {
    /// Peers whose `X-Forwarded-For` / `X-Real-IP` name the client (nginx on the same host,
    /// a load balancer's subnet). From any other peer those headers are ignored, since a
    /// client could otherwise pick its own address and slip past every per-address limit.
    public var trustedProxies: [IPAddressRange] = []
    /// The public address is `https://` (nginx terminates TLS): responses carry
    /// `Strict-Transport-Security`. Off by default, since HSTS on a plain-http site would
    /// lock browsers out of it.
    public var behindTLS = false
    /// How long SIGTERM waits for requests in flight and the notification being sent before
    /// the server stops anyway.
    public var shutdownTimeout: Duration = .seconds(30)
    /// A connection that sends nothing for this long is closed (slow or stalled clients).
    public var idleTimeout: Duration = .seconds(60)
    /// The public intake limit per client address: the citizen report form, anonymous
    /// `POST /api/v1/cases`, ticket lookups and ratings.
    public var intakeLimit = RateLimit(perMinute: 30, burst: 20)
    /// Failed sign-ins allowed per username and per address within the window.
    public var loginLimit = LoginLimit()
    /// When reports are journaled instead of filed at once (see `SurgeIntake`).
    public var surge = SurgeIntake.Settings()

    public init() {}

    /// A token bucket: `burst` requests at once, refilled at `perMinute` a minute.
    public struct RateLimit: Sendable, Equatable {
        /// Requests a minute in the long run; 0 turns the limit off.
        public var perMinute: Int
        public var burst: Int

        public init(perMinute: Int, burst: Int) {
            self.perMinute = perMinute
            self.burst = burst
        }

        public static let off = RateLimit(perMinute: 0, burst: 0)
        public var isOff: Bool { perMinute == 0 }
    }

    /// An account is locked for `windowSeconds` after `failuresPerUser` failed sign-ins,
    /// twice as long after each further failure, never longer than `maxLockSeconds`; an
    /// address may fail `failuresPerAddress` times within `windowSeconds`.
    public struct LoginLimit: Sendable, Equatable {
        public var failuresPerUser = 5
        public var failuresPerAddress = 20
        public var windowSeconds = 300
        public var maxLockSeconds = 900

        public init() {}
    }
}
