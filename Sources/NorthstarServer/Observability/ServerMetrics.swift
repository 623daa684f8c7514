import Foundation
import Prometheus

/// The server's Prometheus metrics, in a registry of its own (not the process-wide `MetricsSystem`), so two
/// applications in one process, as in the tests, count apart. `GET /metrics` writes them out.
final class ServerMetrics: Sendable {
    private let registry = PrometheusCollectorRegistry()

    /// Request durations are bucketed from 1 ms to 10 s: the overview's target is 100 ms at the 99th percentile.
    static let durationBuckets: [Duration] = [
        .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
        .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(10),
    ]

    /// Notes one answered request. `route` is the matched route's pattern (`/promises/{id}`), never the path
    /// itself, so the number of series stays bounded whatever clients ask for.
    func recordRequest(method: String, route: String, status: Int, duration: Duration) {
        let labels = [("method", method), ("route", route), ("status", String(status))]
        registry.makeCounter(
            descriptor: Self.name("http", "requests", "total", "HTTP requests answered, by method, route and status."),
            labels: labels
        ).increment()
        registry.makeDurationHistogram(
            descriptor: Self.name(
                "http",
                "request_duration",
                "seconds",
                "Time from request to response head, by method and route."
            ),
            labels: [("method", method), ("route", route)],
            buckets: Self.durationBuckets
        ).recordNanoseconds(duration.nanoseconds)
    }

    /// Notes one computation of the dashboard's report and how long it took.
    func recordReportComputation(duration: Duration, contacts: Int) {
        registry.makeDurationHistogram(
            descriptor: Self.name(
                "report",
                "compute_duration",
                "seconds",
                "Time to recompute the check report from the store after it changed."
            ),
            buckets: [.milliseconds(100), .seconds(1), .seconds(5), .seconds(15), .seconds(60), .seconds(300)]
        ).recordNanoseconds(duration.nanoseconds)
        registry.makeGauge(
            descriptor: Self.name("report", "contacts", "count", "Contacts in the report the dashboard shows.")
        ).set(Double(contacts))
    }

    /// Notes contacts offered to the store by the API or a webhook, by outcome (`accepted`, `rejected`).
    func recordIngest(route: String, accepted: Int, rejected: Int) {
        for (outcome, count) in [("accepted", accepted), ("rejected", rejected)] where count > 0 {
            registry.makeCounter(
                descriptor: Self.name(
                    "ingest",
                    "contacts",
                    "total",
                    "Contacts received through the API and webhooks, by route and outcome."
                ),
                labels: [("route", route), ("outcome", outcome)]
            ).increment(by: Int64(count))
        }
    }

    /// Notes a webhook request refused before anything was stored, by reason.
    func recordWebhookRefusal(source: String, reason: String) {
        registry.makeCounter(
            descriptor: Self.name(
                "webhook",
                "refusals",
                "total",
                "Webhook requests refused (bad signature, stale timestamp, unreadable body)."
            ),
            labels: [("source", source), ("reason", reason)]
        ).increment()
    }

    /// Sets the number of contacts in the store, read when the metrics are scraped.
    func setStoredContacts(_ count: Int) {
        registry.makeGauge(descriptor: Self.name("store", "contacts", "count", "Contacts in the store."))
            .set(Double(count))
    }

    /// `northstar_SUBSYSTEM_NAME_UNIT`, with its help text.
    private static func name(
        _ subsystem: String,
        _ name: String,
        _ unit: String,
        _ help: String
    ) -> MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "northstar",
            subsystem: subsystem,
            metricName: name,
            unitName: unit,
            helpText: help
        )
    }

    /// The Prometheus text exposition of every metric.
    func exposition() -> String {
        registry.emitToString()
    }
}

extension Duration {
    /// The whole duration in nanoseconds, saturating at `Int64.max`.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : whole + attoseconds / 1_000_000_000
    }
}
