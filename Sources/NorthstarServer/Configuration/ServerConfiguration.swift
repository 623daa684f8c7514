public import Foundation

/// Everything `northstar serve` can be told, read in one place (docs/server.md lists the keys and defaults).
public struct ServerConfiguration: Sendable {
    /// The address to listen on.
    public var host: String
    /// The port to listen on; 0 picks a free one.
    public var port: Int
    /// How long a session may sit unused before it ends.
    public var sessionIdleTimeout: TimeInterval
    /// Failed logins allowed per name and per client address within ``loginWindow`` before more are refused.
    public var loginAttemptLimit: Int
    /// The window the failed logins are counted in.
    public var loginWindow: TimeInterval
    /// How often, at most, the store is asked whether the dashboard's report is stale.
    public var reportRefreshInterval: TimeInterval
    /// How long a request waits for a recomputed report before it is answered from the previous one.
    public var reportWaitBudget: Duration = .seconds(2)
    /// Whether the client address is read from `X-Forwarded-For` (only behind a proxy that sets it), for the
    /// login rate limit. Off by default: a client could otherwise pick its own address.
    public var trustForwardedFor: Bool
    /// The largest upload the Import page accepts, in bytes; a larger one is refused with 413.
    public var maximumUploadBytes: Int = 256 * 1_024 * 1_024
    /// The largest body `POST /api/contacts` reads; a larger one is refused with 413 before it is read.
    public var maximumIngestBytes: Int
    /// The signing secret of the Zendesk webhook (`POST /webhooks/zendesk`); `nil` turns the route off (503).
    /// Never logged.
    public var zendeskWebhookSecret: String?
    /// How far a webhook's signature timestamp may be from ``now`` before the delivery is refused as a replay.
    public var webhookTimestampTolerance: TimeInterval
    /// The clock: sessions, rate limits and the report cache read the time from here (tests move it).
    public var now: @Sendable () -> Date
    /// The bcrypt cost of passwords set on the users page (2^cost rounds); tests lower it to stay fast.
    public var passwordHashCost: UInt8 = Secrets.productionBcryptCost

    /// Creates a configuration; the defaults are those of `northstar serve`.
    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        sessionIdleTimeout: TimeInterval = 12 * 3_600,
        loginAttemptLimit: Int = 5,
        loginWindow: TimeInterval = 15 * 60,
        reportRefreshInterval: TimeInterval = 5,
        trustForwardedFor: Bool = false,
        now: @escaping @Sendable () -> Date = { Date() },
        maximumIngestBytes: Int = 32 * 1_024 * 1_024,
        zendeskWebhookSecret: String? = nil,
        webhookTimestampTolerance: TimeInterval = 5 * 60
    ) {
        self.host = host
        self.port = port
        self.sessionIdleTimeout = sessionIdleTimeout
        self.loginAttemptLimit = loginAttemptLimit
        self.loginWindow = loginWindow
        self.reportRefreshInterval = reportRefreshInterval
        self.trustForwardedFor = trustForwardedFor
        self.now = now
        self.maximumIngestBytes = maximumIngestBytes
        self.zendeskWebhookSecret = zendeskWebhookSecret
        self.webhookTimestampTolerance = webhookTimestampTolerance
    }
}
