import Foundation
import NorthstarCore
import NorthstarStore

/// The check report of the stored contacts under the latest approved charter, computed once and kept until
/// the store changes: at most every ``ServerConfiguration/reportRefreshInterval`` the store's fingerprint
/// (contacts, import runs, charter versions) is read, and a changed fingerprint recomputes the report.
actor ReportCache {
    /// A computed report with what it was computed from.
    struct Entry: Sendable {
        var report: CheckReport
        var charterVersion: CharterVersion
        var fingerprint: StoreFingerprint
    }

    /// The dimensions every cached report is broken down by.
    static let dimensions: [NorthstarCore.Dimension] = [.channel, .tier, .team, .agent]

    private let store: any Store
    private let refreshInterval: TimeInterval
    private let now: @Sendable () -> Date
    private let metrics: ServerMetrics?
    private var entry: Entry?
    private var checkedAt: Date?

    init(
        store: any Store,
        refreshInterval: TimeInterval,
        now: @escaping @Sendable () -> Date,
        metrics: ServerMetrics? = nil
    ) {
        self.store = store
        self.refreshInterval = refreshInterval
        self.now = now
        self.metrics = metrics
    }

    /// The current report; throws ``ServerError/Code/noCharter`` when no charter is approved.
    func current() async throws -> Entry {
        let time = now()
        if let entry, let checkedAt, time.timeIntervalSince(checkedAt) < refreshInterval { return entry }
        let fingerprint = try await store.fingerprint()
        checkedAt = time
        if let entry, entry.fingerprint == fingerprint { return entry }
        let clock = ContinuousClock()
        let start = clock.now
        let fresh = try await compute(fingerprint)
        metrics?.recordReportComputation(duration: clock.now - start, contacts: fresh.report.input.accepted)
        entry = fresh
        return fresh
    }

    private func compute(_ fingerprint: StoreFingerprint) async throws -> Entry {
        guard let version = try await store.charterVersions().last(where: { $0.status == .approved }) else {
            throw ServerError(
                code: .noCharter,
                message: "No approved charter in the store yet: publish one with "
                    + "`northstar charter publish charter.yaml --database …`."
            )
        }
        let charter: Charter
        do {
            charter = try CharterLoader.load(
                bytes: Array(version.yaml.utf8),
                file: "charter version \(version.number)",
                today: nil
            ).charter
        } catch {
            throw ServerError(code: .noCharter, message: "The approved charter no longer validates: \(error)")
        }
        let engine = CheckEngine(charter: charter, options: CheckEngine.Options(breakdown: Self.dimensions))
        // One snapshot for every page and the import reports: an import or live ingest writing meanwhile
        // never mixes old and new contacts into one report.
        let report = try await store.withConsistentRead { reader in
            var feed = CheckEngine.Feed(engine: engine)
            try await reader.forEachContact { feed.add($0.contact) }
            return feed.report(imports: try await reader.latestImportReports())
        }
        return Entry(report: report, charterVersion: version, fingerprint: fingerprint)
    }
}
