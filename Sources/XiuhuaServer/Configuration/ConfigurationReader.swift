import Foundation
import Xiuhua
import Yams

/// Walks the YAML tree of a configuration file, filling in `XiuhuaConfiguration` and
/// noting every mistake with its line, so an operator fixes the file in one pass.
struct ConfigurationReader {
    let baseDirectory: String
    let environment: [String: String]
    private(set) var problems: [ConfigurationProblem] = []

    init(baseDirectory: String, environment: [String: String]) {
        self.baseDirectory = baseDirectory
        self.environment = environment
    }

    mutating func read(_ text: String) -> XiuhuaConfiguration {
        var c = XiuhuaConfiguration()
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            problems.append(ConfigurationProblem(line: Self.line(of: error), key: "", message: "not valid YAML: \(Self.yamlProblem(error))"))
            return c
        }
        guard let root else { return c }
        for (key, node) in entries(root, at: "", allowed: ["server", "data", "district", "uploads", "map", "notifications", "limits", "duplicates"]) {
            switch key {
            case "server":
                let keys = ["host", "port", "trusted_proxies", "behind_tls", "shutdown_timeout", "idle_timeout"]
                for (key, node) in entries(node, at: "server", allowed: keys) {
                    switch key {
                    case "host": if let host = string(node, "server.host") { c.host = host }
                    case "port": if let port = int(node, "server.port", in: 0...65_535) { c.port = port }
                    case "trusted_proxies": c.server.trustedProxies = addressRanges(node, "server.trusted_proxies")
                    case "behind_tls": if let value = bool(node, "server.behind_tls") { c.server.behindTLS = value }
                    case "shutdown_timeout":
                        if let seconds = int(node, "server.shutdown_timeout", in: 1...3600) { c.server.shutdownTimeout = .seconds(seconds) }
                    default:
                        if let seconds = int(node, "server.idle_timeout", in: 1...3600) { c.server.idleTimeout = .seconds(seconds) }
                    }
                }
            case "data":
                for (key, node) in entries(node, at: "data", allowed: ["directory", "database_url"]) {
                    switch key {
                    case "directory": c.dataDirectory = string(node, "data.directory").map(resolved)
                    default: c.databaseURL = databaseURL(node, "data.database_url")
                    }
                }
            case "district":
                let files = ["calendar_file", "catalog_overrides_file", "routing_rules_file", "evaluation_weights_file"]
                var zoneNode: Node?
                var calendar: WorkCalendar?
                for (key, node) in entries(node, at: "district", allowed: ["time_zone"] + files) {
                    let path = "district.\(key)"
                    switch key {
                    case "time_zone":
                        c.timeZone = timeZone(node, path)
                        zoneNode = node
                    case "calendar_file":
                        c.calendarFile = file(node, path)
                        if let file = c.calendarFile, let text = contents(of: file, node, path) {
                            do {
                                calendar = try WorkCalendar(parsing: text)
                            } catch {
                                note(node, path, "the calendar file is invalid: \(error)")
                            }
                        }
                    case "catalog_overrides_file":
                        c.catalogOverridesFile = file(node, path)
                        if let file = c.catalogOverridesFile, let text = contents(of: file, node, path) {
                            do {
                                _ = try Catalog.national.applying(overridesText: text)
                            } catch {
                                note(node, path, "the catalog overrides file is invalid: \(error)")
                            }
                        }
                    case "routing_rules_file": c.routingRulesFile = file(node, path)
                    default:
                        c.evaluationWeightsFile = file(node, path)
                        if let file = c.evaluationWeightsFile, let text = contents(of: file, node, path) {
                            do {
                                _ = try EvaluationWeights(json: Data(text.utf8))
                            } catch {
                                note(node, path, "the evaluation weights file is invalid: \(error)")
                            }
                        }
                    }
                }
                if let zone = c.timeZone, let zoneNode, let calendar, calendar.timeZone.identifier != zone.identifier {
                    note(zoneNode, "district.time_zone", "\(zone.identifier) differs from the calendar file's time zone \(calendar.timeZone.identifier)")
                }
            case "uploads":
                for (key, node) in entries(node, at: "uploads", allowed: ["max_request_bytes", "max_photo_bytes"]) {
                    if let bytes = byteSize(node, "uploads.\(key)") {
                        if key == "max_photo_bytes" { c.maxPhotoBytes = bytes } else { c.maxRequestBytes = bytes }
                    }
                }
            case "map":
                for (_, node) in entries(node, at: "map", allowed: ["tile_url"]) {
                    c.tileURL = tileURL(node, "map.tile_url")
                }
            case "limits":
                limits(node, into: &c.server)
            case "duplicates":
                c.duplicates = duplicates(node)
            default:
                c.notifications = notifications(node)
            }
        }
        return c
    }

    private mutating func limits(_ node: Node, into server: inout ServerSettings) {
        for (key, node) in entries(node, at: "limits", allowed: ["intake", "login", "intake_queue"]) {
            if key == "intake_queue" {
                for (key, node) in entries(node, at: "limits.intake_queue", allowed: ["after_waiting", "max_backlog"]) {
                    if key == "after_waiting" {
                        if let value = int(node, "limits.intake_queue.after_waiting", in: 0...100_000) { server.surge.threshold = value }
                    } else if let value = int(node, "limits.intake_queue.max_backlog", in: 1...10_000_000) {
                        server.surge.maximumBacklog = value
                    }
                }
            } else if key == "intake" {
                for (key, node) in entries(node, at: "limits.intake", allowed: ["per_minute", "burst"]) {
                    if key == "per_minute" {
                        if let value = int(node, "limits.intake.per_minute", in: 0...100_000) { server.intakeLimit.perMinute = value }
                    } else if let value = int(node, "limits.intake.burst", in: 1...100_000) {
                        server.intakeLimit.burst = value
                    }
                }
            } else {
                let keys = ["failures_per_user", "failures_per_address", "window_seconds", "max_lock_seconds"]
                for (key, node) in entries(node, at: "limits.login", allowed: keys) {
                    switch key {
                    case "failures_per_user":
                        if let value = int(node, "limits.login.failures_per_user", in: 1...1000) { server.loginLimit.failuresPerUser = value }
                    case "failures_per_address":
                        if let value = int(node, "limits.login.failures_per_address", in: 1...100_000) { server.loginLimit.failuresPerAddress = value }
                    case "max_lock_seconds":
                        // A ceiling, so that nobody can be locked out of an account for good.
                        if let value = int(node, "limits.login.max_lock_seconds", in: 1...86_400) { server.loginLimit.maxLockSeconds = value }
                    default:
                        if let value = int(node, "limits.login.window_seconds", in: 1...86_400) { server.loginLimit.windowSeconds = value }
                    }
                }
            }
        }
    }

    /// `duplicates: {radius_m, window_days, category_radius_m: {code: metres}}`.
    private mutating func duplicates(_ node: Node) -> DuplicateCriteria {
        var criteria = DuplicateCriteria.standard
        for (key, node) in entries(node, at: "duplicates", allowed: ["radius_m", "window_days", "category_radius_m"]) {
            let path = "duplicates.\(key)"
            switch key {
            case "radius_m":
                if let metres = int(node, path, in: 1...5_000) { criteria.radiusMetres = Double(metres) }
            case "window_days":
                if let days = int(node, path, in: 1...365) { criteria.window = TimeInterval(days) * 86_400 }
            default:
                guard node.null == nil else { continue }
                guard let mapping = node.mapping else {
                    note(node, path, "expected a section of category code: metres lines")
                    continue
                }
                for (codeNode, value) in mapping {
                    let code = codeNode.string ?? ""
                    guard code.count == 5, code.allSatisfy(\.isASCII), code.allSatisfy(\.isNumber) else {
                        note(codeNode, "\(path).\(code)", "expected a 5-digit category code")
                        continue
                    }
                    if let metres = int(value, "\(path).\(code)", in: 1...5_000) { criteria.categoryRadii[code] = Double(metres) }
                }
            }
        }
        return criteria
    }

    private mutating func notifications(_ node: Node) -> NotificationSettings {
        var settings = NotificationSettings()
        var initialRetry: (seconds: Int, node: Node)?
        var maxRetry: (seconds: Int, node: Node)?
        for (key, node) in entries(node, at: "notifications", allowed: ["webhook", "sms", "retry", "poll_interval_seconds"]) {
            switch key {
            case "webhook":
                var url: URL?
                var secret: String?
                let fields = entries(node, at: "notifications.webhook", allowed: ["url", "secret_env"])
                for (key, node) in fields {
                    switch key {
                    case "url": url = self.url(node, "notifications.webhook.url")
                    default: secret = self.secret(node, "notifications.webhook.secret_env")
                    }
                }
                require(["url", "secret_env"], in: fields, of: node, at: "notifications.webhook")
                if let url, let secret { settings.webhook = .init(url: url, secret: secret) }
            case "sms":
                var endpoint: URL?
                var token: String?
                let fields = entries(node, at: "notifications.sms", allowed: ["endpoint", "token_env"])
                for (key, node) in fields {
                    switch key {
                    case "endpoint": endpoint = url(node, "notifications.sms.endpoint")
                    default: token = secret(node, "notifications.sms.token_env")
                    }
                }
                require(["endpoint"], in: fields, of: node, at: "notifications.sms")
                if let endpoint { settings.sms = .init(endpoint: endpoint, token: token) }
            case "retry":
                for (key, node) in entries(node, at: "notifications.retry", allowed: ["initial_delay_seconds", "max_delay_seconds"]) {
                    guard let seconds = int(node, "notifications.retry.\(key)", in: 1...86_400) else { continue }
                    if key == "initial_delay_seconds" { initialRetry = (seconds, node) } else { maxRetry = (seconds, node) }
                }
            default:
                if let seconds = int(node, "notifications.poll_interval_seconds", in: 1...3600) {
                    settings.pollInterval = .seconds(seconds)
                }
            }
        }
        if let initialRetry { settings.initialRetryDelay = .seconds(initialRetry.seconds) }
        if let maxRetry { settings.maxRetryDelay = .seconds(maxRetry.seconds) }
        if let maxRetry, settings.initialRetryDelay > settings.maxRetryDelay {
            note(maxRetry.node, "notifications.retry.max_delay_seconds", "must not be shorter than initial_delay_seconds")
        }
        return settings
    }

    // MARK: - Shapes

    /// The entries of a mapping whose keys are known; unknown and repeated keys are problems.
    private mutating func entries(_ node: Node, at path: String, allowed: [String]) -> [(String, Node)] {
        if node.null != nil { return [] }
        guard let mapping = node.mapping else {
            note(node, path, "expected a section of key: value lines")
            return []
        }
        var seen: [String: Int] = [:]
        var result: [(String, Node)] = []
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let full = path.isEmpty ? key : "\(path).\(key)"
            if let earlier = seen[key] {
                note(keyNode, full, "repeated; it was already given on line \(earlier)")
            } else if !allowed.contains(key) {
                note(keyNode, full, "unknown key “\(key)”; expected one of \(allowed.joined(separator: ", "))")
            } else {
                result.append((key, value))
            }
            seen[key] = keyNode.mark?.line ?? 0
        }
        return result
    }

    private mutating func require(_ keys: [String], in fields: [(String, Node)], of node: Node, at path: String) {
        guard node.mapping != nil else { return }
        for key in keys where !fields.contains(where: { $0.0 == key }) {
            note(node, "\(path).\(key)", "missing; this channel needs it")
        }
    }

    // MARK: - Values

    private mutating func string(_ node: Node, _ path: String) -> String? {
        if node.null != nil { return nil }
        guard case .scalar(let scalar) = node else {
            note(node, path, "expected a single value, not a list or section")
            return nil
        }
        let value = scalar.string.trimmingCharacters(in: .whitespaces)
        if value.isEmpty {
            note(node, path, "is empty")
            return nil
        }
        return value
    }

    private mutating func int(_ node: Node, _ path: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = string(node, path) else { return nil }
        guard let value = Int(text) else {
            note(node, path, "expected a whole number, got “\(text)”")
            return nil
        }
        guard range.contains(value) else {
            note(node, path, "must be between \(range.lowerBound) and \(range.upperBound), got \(value)")
            return nil
        }
        return value
    }

    private mutating func bool(_ node: Node, _ path: String) -> Bool? {
        guard let text = string(node, path) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            note(node, path, "expected true or false, got “\(text)”")
            return nil
        }
    }

    /// A list of addresses or CIDR blocks (`[127.0.0.1, 10.0.0.0/8]`); each bad entry is
    /// named on its own line.
    private mutating func addressRanges(_ node: Node, _ path: String) -> [IPAddressRange] {
        if node.null != nil { return [] }
        let items: [Node]
        if let sequence = node.sequence {
            items = Array(sequence)
        } else if case .scalar = node {
            items = [node]
        } else {
            note(node, path, "expected a list of addresses, such as [127.0.0.1, 10.0.0.0/8]")
            return []
        }
        return items.compactMap { item in
            guard let text = string(item, path) else { return nil }
            guard let range = IPAddressRange(text) else {
                note(item, path, "“\(text)” is not an IP address or CIDR block (such as 127.0.0.1, ::1 or 10.0.0.0/8)")
                return nil
            }
            return range
        }
    }

    /// A byte count: `10485760`, or with a unit: `10MiB`, `512KiB`, `1GiB`.
    private mutating func byteSize(_ node: Node, _ path: String) -> Int? {
        guard let text = string(node, path) else { return nil }
        let units: [(String, Int)] = [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10), ("B", 1)]
        var number = text
        var multiplier = 1
        for (unit, factor) in units where text.hasSuffix(unit) {
            number = String(text.dropLast(unit.count)).trimmingCharacters(in: .whitespaces)
            multiplier = factor
            break
        }
        guard let value = Int(number), value > 0, value <= XiuhuaConfiguration.maxRequestBytesCeiling / multiplier else {
            note(node, path, "expected a positive size such as 10485760 or 10MiB (at most 64MiB), got “\(text)”")
            return nil
        }
        return value * multiplier
    }

    private mutating func url(_ node: Node, _ path: String) -> URL? {
        guard let text = string(node, path) else { return nil }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = url.host, !host.isEmpty
        else {
            note(node, path, "expected an http:// or https:// URL, got “\(text)”")
            return nil
        }
        return url
    }

    private mutating func tileURL(_ node: Node, _ path: String) -> String? {
        guard let text = string(node, path) else { return nil }
        let filled = text.replacingOccurrences(of: "{z}", with: "1").replacingOccurrences(of: "{x}", with: "1")
            .replacingOccurrences(of: "{y}", with: "1").replacingOccurrences(of: "{s}", with: "a")
        guard let url = URL(string: filled), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host?.isEmpty == false else {
            note(node, path, "expected an http(s) URL template with {z}, {x} and {y}, got “\(text)”")
            return nil
        }
        guard ["{z}", "{x}", "{y}"].allSatisfy(text.contains) else {
            note(node, path, "the tile URL must hold the placeholders {z}, {x} and {y}")
            return nil
        }
        return text
    }

    private mutating func databaseURL(_ node: Node, _ path: String) -> String? {
        guard let text = string(node, path) else { return nil }
        guard let url = URL(string: text), ["postgres", "postgresql"].contains(url.scheme?.lowercased() ?? ""), url.host?.isEmpty == false else {
            note(node, path, "expected postgres://user@host:5432/xiuhua, got “\(text)”")
            return nil
        }
        note(node, path, "PostgreSQL is not supported by this version yet; remove database_url to use the embedded SQLite store in data.directory")
        return nil
    }

    private mutating func timeZone(_ node: Node, _ path: String) -> TimeZone? {
        guard let text = string(node, path) else { return nil }
        guard let zone = TimeZone(identifier: text) else {
            note(node, path, "unknown time zone “\(text)”; use an IANA name such as Asia/Shanghai")
            return nil
        }
        return zone
    }

    /// A file that must exist; relative paths are taken from the configuration's directory.
    private mutating func file(_ node: Node, _ path: String) -> String? {
        guard let text = string(node, path) else { return nil }
        let full = resolved(text)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else {
            note(node, path, "no such file: \(full)")
            return nil
        }
        guard FileManager.default.isReadableFile(atPath: full) else {
            note(node, path, "cannot read the file: \(full)")
            return nil
        }
        return full
    }

    /// The value of the environment variable the node names; secrets never live in the file.
    private mutating func secret(_ node: Node, _ path: String) -> String? {
        guard let name = string(node, path) else { return nil }
        guard name.range(of: "^[A-Za-z_][A-Za-z0-9_]*$", options: .regularExpression) != nil else {
            note(node, path, "expected the name of an environment variable (such as XIUHUA_WEBHOOK_SECRET), got “\(name)”")
            return nil
        }
        guard let value = environment[name], !value.isEmpty else {
            note(node, path, "the environment variable \(name) is not set")
            return nil
        }
        return value
    }

    private mutating func contents(of file: String, _ node: Node, _ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            note(node, path, "not UTF-8 text: \(file)")
            return nil
        }
        return text
    }

    private func resolved(_ path: String) -> String {
        path.hasPrefix("/") ? path : (baseDirectory as NSString).appendingPathComponent(path)
    }

    private mutating func note(_ node: Node, _ key: String, _ message: String) {
        problems.append(ConfigurationProblem(line: node.mark?.line ?? 0, key: key, message: message))
    }

    private static func line(of error: any Error) -> Int {
        guard let error = error as? YamlError else { return 0 }
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return 0
        }
    }

    private static func yamlProblem(_ error: any Error) -> String {
        guard let error = error as? YamlError else { return "\(error)" }
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        default: return "\(error)"
        }
    }
}
