import Foundation
import Xiuhua

/// How a district runs Xiuhua: one YAML file (see `docs/xiuhua.example.yaml`) plus
/// environment variables for secrets. Every field has a default, so an empty file is valid.
public struct XiuhuaConfiguration: Sendable, Equatable {
    /// Listen address and port.
    public var host = "127.0.0.1"
    public var port = 8080
    /// Where the SQLite file and the uploads live; nil means the command's default.
    public var dataDirectory: String?
    /// A PostgreSQL URL, for deployments that outgrow the embedded store.
    public var databaseURL: String?
    /// The district's time zone; must agree with the calendar file's.
    public var timeZone: TimeZone?
    public var calendarFile: String?
    public var catalogOverridesFile: String?
    /// Carried for the routing and evaluation features, which read them.
    public var routingRulesFile: String?
    public var evaluationWeightsFile: String?
    /// The largest request body (photo uploads) accepted, in bytes.
    public var maxRequestBytes = 10 * 1024 * 1024
    /// The most `maxRequestBytes` may be set to.
    public static let maxRequestBytesCeiling = 64 * 1024 * 1024
    /// The largest photo or other attachment accepted (`uploads.max_photo_bytes`), in bytes.
    public var maxPhotoBytes = defaultMaxPhotoBytes
    public static let defaultMaxPhotoBytes = 10 * 1024 * 1024
    /// Base map tiles, `{z}/{x}/{y}` placeholders included (天地图 or an intranet server).
    public var tileURL: String?
    public var notifications = NotificationSettings()
    /// Trusted proxies, TLS, timeouts and the limits on public intake and sign-in.
    public var server = ServerSettings()
    /// Which open cases are suggested as duplicates of a new report.
    public var duplicates = DuplicateCriteria.standard

    public init() {}
}

/// Where notifications go and how hard the worker tries.
public struct NotificationSettings: Sendable, Equatable {
    public struct Webhook: Sendable, Equatable {
        public var url: URL
        /// The HMAC key, read from the environment variable the file names.
        public var secret: String

        public init(url: URL, secret: String) {
            self.url = url
            self.secret = secret
        }
    }

    public struct SMSGateway: Sendable, Equatable {
        public var endpoint: URL
        /// Sent as `Authorization: Bearer …` when set; read from the environment.
        public var token: String?

        public init(endpoint: URL, token: String? = nil) {
            self.endpoint = endpoint
            self.token = token
        }
    }

    public var webhook: Webhook?
    public var sms: SMSGateway?
    /// The first retry waits this long; each further one twice as long, up to `maxRetryDelay`.
    public var initialRetryDelay: Duration = .seconds(5)
    public var maxRetryDelay: Duration = .seconds(3600)
    /// How often the worker looks for due notifications.
    public var pollInterval: Duration = .seconds(2)

    public init(webhook: Webhook? = nil, sms: SMSGateway? = nil) {
        self.webhook = webhook
        self.sms = sms
    }
}

/// One mistake in a configuration file, with where it is.
public struct ConfigurationProblem: Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    /// The dotted key, e.g. `server.port`; empty for the file as a whole.
    public let key: String
    public let message: String

    public var description: String {
        key.isEmpty ? "line \(line): \(message)" : "line \(line): \(key): \(message)"
    }
}

/// A configuration file that cannot be used, with every mistake in it.
public struct ConfigurationError: Error, CustomStringConvertible {
    public let path: String
    public let problems: [ConfigurationProblem]

    public var description: String {
        (["配置文件有误 (invalid configuration) \(path): \(problems.count) problem(s)"]
            + problems.map { "  \(path):\($0)" }).joined(separator: "\n")
    }
}

extension XiuhuaConfiguration {
    /// Reads and checks the file at `path`. Relative paths inside it are taken from the
    /// file's own directory; secrets come from `environment`.
    public static func load(
        path: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigurationError) -> XiuhuaConfiguration {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(path: path, problems: [ConfigurationProblem(line: 0, key: "", message: "cannot read the file (missing, unreadable or not UTF-8)")])
        }
        let base = (path as NSString).deletingLastPathComponent
        let (configuration, problems) = parse(text, baseDirectory: base.isEmpty ? "." : base, environment: environment)
        guard problems.isEmpty else { throw ConfigurationError(path: path, problems: problems) }
        return configuration
    }

    /// Reads `text`, collecting every problem rather than stopping at the first.
    public static func parse(
        _ text: String, baseDirectory: String, environment: [String: String]
    ) -> (XiuhuaConfiguration, [ConfigurationProblem]) {
        var reader = ConfigurationReader(baseDirectory: baseDirectory, environment: environment)
        let configuration = reader.read(text)
        return (configuration, reader.problems.sorted { ($0.line, $0.key) < ($1.line, $1.key) })
    }
}
