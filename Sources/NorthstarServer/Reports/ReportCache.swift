import Foundation
import NorthstarCore
import NorthstarStore

/// The check report of the stored contacts under the latest approved charter, computed once and kept until
/// the store changes: at most every ``ServerConfiguration/reportRefreshInterval`` the store's fingerprint
/// (contacts, revision, import runs, charter versions) is read, and a changed fingerprint recomputes the report.
///
/// One recomputation runs at a time, off the actor. A request that finds the report stale waits for the new one
/// up to ``ServerConfiguration/reportWaitBudget`` and is otherwise answered from the previous report, so live
/// ingest into a large store never stalls the pages behind a recomputation; only the very first report is
/// always waited for.
actor ReportCache {
    /// A computed report with what it was computed from.
    struct Entry: Sendable {
        var report: CheckReport
        var charterVersion: CharterVersion
        var fingerprint: StoreFingerprint
        /// The charter the report was computed under (its promises' minimum samples, for the scorecards).
        var charter: Charter
        /// Each agent's team: the team most of the agent's contacts name (ties: the first by name).
        var agentTeams: [String: String] = [:]
    }

    /// The dimensions every cached report is broken down by.
    static let dimensions: [NorthstarCore.Dimension] = [.channel, .tier, .team, .agent]

    private let store: any Store
    private let refreshInterval: TimeInterval
    private let now: @Sendable () -> Date
    private let metrics: ServerMetrics?
    private let waitBudget: Duration
    private var entry: Entry?
    private var checkedAt: Date?
    /// The recomputation under way, and the fingerprint it computes.
    private var computing: (fingerprint: StoreFingerprint, task: Task<Entry, any Error>)?

    init(
        store: any Store,
        refreshInterval: TimeInterval,
        now: @escaping @Sendable () -> Date,
        waitBudget: Duration = .seconds(2),
        metrics: ServerMetrics? = nil
    ) {
        self.store = store
        self.refreshInterval = refreshInterval
        self.now = now
        self.waitBudget = waitBudget
        self.metrics = metrics
    }

    /// The current report; throws ``ServerError/Code/noCharter`` when no charter is approved.
    func current() async throws -> Entry {
        let time = now()
        if let entry, let checkedAt, time.timeIntervalSince(checkedAt) < refreshInterval { return entry }
        let fingerprint = try await store.fingerprint()
        checkedAt = time
        if let entry, entry.fingerprint == fingerprint { return entry }
        let task = recomputation(of: fingerprint)
        guard let stale = entry else { return try await task.value }
        let budget = waitBudget
        return try await withThrowingTaskGroup(of: Entry?.self) { group in
            group.addTask { try await task.value }
            group.addTask {
                try await Task.sleep(for: budget)
                return nil
            }
            // Cancelling the group stops the wait, never the recomputation (an unstructured task).
            defer { group.cancelAll() }
            return try await group.next().flatMap { $0 } ?? stale
        }
    }

    /// The recomputation of `fingerprint`: the one under way when it computes the same, else a new one.
    private func recomputation(of fingerprint: StoreFingerprint) -> Task<Entry, any Error> {
        if let computing, computing.fingerprint == fingerprint { return computing.task }
        let task = Task { [store, metrics] in
            let clock = ContinuousClock()
            let start = clock.now
            do {
                let fresh = try await Self.compute(fingerprint, store: store)
                metrics?.recordReportComputation(duration: clock.now - start, contacts: fresh.report.input.accepted)
                self.finish(fresh)
                return fresh
            } catch {
                // A failure is not kept: the next request tries again.
                if self.computing?.fingerprint == fingerprint { self.computing = nil }
                throw error
            }
        }
        computing = (fingerprint, task)
        return task
    }

    private func finish(_ fresh: Entry) {
        if computing?.fingerprint == fresh.fingerprint { computing = nil }
        entry = fresh
    }

    private static func compute(_ fingerprint: StoreFingerprint, store: any Store) async throws -> Entry {
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
        let (report, teamCounts) = try await store.withConsistentRead { reader in
            var feed = CheckEngine.Feed(engine: engine)
            var teamCounts: [String: [String: Int]] = [:]
            try await reader.forEachContact {
                feed.add($0.contact)
                if let agent = $0.contact.agent, let team = $0.contact.team {
                    teamCounts[agent, default: [:]][team, default: 0] += 1
                }
            }
            return (feed.report(imports: try await reader.latestImportReports()), teamCounts)
        }
        let agentTeams = teamCounts.compactMapValues { counts in
            counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        }
        return Entry(
            report: report,
            charterVersion: version,
            fingerprint: fingerprint,
            charter: charter,
            agentTeams: agentTeams
        )
    }
}
