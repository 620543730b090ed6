import Foundation
import Metrics
import Prometheus
import Xiuhua
import XiuhuaStore

/// The process's Prometheus registry. swift-metrics is bootstrapped with it on first use,
/// so Hummingbird's request metrics and ours land in the same `/metrics` page.
public enum XiuhuaMetrics {
    public static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.nameAndLabelSanitizer = { label, dimensions in
            (prometheusName(label), dimensions.map { (prometheusName($0.0), $0.1) })
        }
        MetricsSystem.bootstrap(factory)
        return registry
    }()

    /// Hummingbird's metric labels under the names Prometheus users expect.
    static let renamed = [
        "hb.requests": "xiuhua_http_requests_total",
        "hb.request.errors": "xiuhua_http_request_errors_total",
        "http.server.request.duration": "xiuhua_http_request_duration_seconds",
        "http.server.active_requests": "xiuhua_http_active_requests",
    ]

    static func prometheusName(_ label: String) -> String {
        if let name = renamed[label] { return name }
        return String(label.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ":") ? $0 : "_" })
    }

    /// Makes sure the registry exists before the first metric is recorded.
    static func bootstrap() {
        _ = registry
    }

    /// Reads the figures that live in the store into gauges: cases by state, overdue
    /// cases, the notification backlog.
    static func refreshGauges(store: Store, surge: SurgeIntake?, at now: Date) async throws {
        // Reports acknowledged from the intake journal and not yet filed as cases.
        Gauge(label: "xiuhua_intake_journal_backlog").record(surge?.backlogCount ?? 0)
        let counts = try await store.caseCountsByState()
        for state in CaseState.allCases {
            Gauge(label: "xiuhua_cases", dimensions: [("state", state.rawValue)]).record(counts[state] ?? 0)
        }
        Gauge(label: "xiuhua_cases_overdue").record(try await store.overdueCaseCount(at: now))
        let backlog = try await store.outboxBacklog()
        for channel in NotificationChannel.allCases {
            Gauge(label: "xiuhua_outbox_backlog", dimensions: [("channel", channel.rawValue)]).record(backlog[channel] ?? 0)
        }
    }
}
