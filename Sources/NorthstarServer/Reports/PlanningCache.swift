import Foundation
import NIOPosix
import NorthstarCore
import NorthstarStore

/// The staffing plan and the explore report of the stored contacts under the approved charter. Both need every
/// contact at once (the forecasts and the percentiles do not stream), so the contacts are read into memory once
/// per store fingerprint, the one ``ReportCache`` checks, and kept with the planners (whose arrival forecasts
/// what-ifs reuse) and the latest plans until the store changes. The work runs on NIO's thread pool, off the
/// tasks that serve requests.
actor PlanningCache {
    /// What one fingerprint's contacts give.
    private struct Snapshot {
        var fingerprint: StoreFingerprint
        var charter: Charter
        var contacts: [Contact]
        var explore: ExploreReport?
        var planners: [StaffingPlan.Settings: StaffingPlanner] = [:]
        var plans: [PlanKey: Result<StaffingPlan, StaffingError>] = [:]
    }

    /// A plan's settings and what-if targets.
    private struct PlanKey: Hashable {
        var settings: StaffingPlan.Settings
        var targets: [String: PromiseTarget]
    }

    /// The most plans kept per fingerprint (what-ifs); past it the memo starts again.
    static let maximumPlans = 32

    private let store: any Store
    private let reports: ReportCache
    private var snapshot: Snapshot?

    init(store: any Store, reports: ReportCache) {
        self.store = store
        self.reports = reports
    }

    /// The explore report of every stored contact, in the charter's time zone, with the report entry it goes
    /// with.
    func explore() async throws -> (ExploreReport, ReportCache.Entry) {
        let entry = try await reports.current()
        var current = try await load(entry)
        if let explore = current.explore { return (explore, entry) }
        let contacts = current.contacts
        let zone = current.charter.timeZoneIdentifier
        let report = try await NIOThreadPool.singleton.runIfActive {
            Explorer(timeZoneIdentifier: zone).explore(contacts)
        }
        current.explore = report
        keep(current)
        return (report, entry)
    }

    /// The staffing plan under `settings` with `targets` replacing the targets of the promises they name; a
    /// plan that cannot be made at all (no contacts) is the failure's message.
    func plan(
        settings: StaffingPlan.Settings,
        targets: [String: PromiseTarget] = [:]
    ) async throws -> (Result<StaffingPlan, StaffingError>, Charter) {
        let entry = try await reports.current()
        var current = try await load(entry)
        let key = PlanKey(settings: settings, targets: targets)
        if let plan = current.plans[key] { return (plan, current.charter) }
        let planner =
            current.planners[settings]
            ?? StaffingPlanner(charter: current.charter, contacts: current.contacts, settings: settings)
        let plan = try await NIOThreadPool.singleton.runIfActive { () -> Result<StaffingPlan, StaffingError> in
            do {
                return .success(try planner.plan(targets: targets))
            } catch let error as StaffingError {
                return .failure(error)
            } catch {
                return .failure(StaffingError(code: .invalidInput, message: "\(error)"))
            }
        }
        if current.plans.count >= Self.maximumPlans { current.plans = [:] }
        if current.planners.count >= Self.maximumPlans { current.planners = [:] }
        current.planners[settings] = planner
        current.plans[key] = plan
        keep(current)
        return (plan, current.charter)
    }

    /// The snapshot of `entry`'s fingerprint: the one kept, or every contact read afresh.
    private func load(_ entry: ReportCache.Entry) async throws -> Snapshot {
        if let snapshot, snapshot.fingerprint == entry.fingerprint { return snapshot }
        var contacts: [Contact] = []
        contacts.reserveCapacity(entry.fingerprint.contacts)
        try await store.forEachContact { contacts.append($0.contact) }
        let fresh = Snapshot(fingerprint: entry.fingerprint, charter: entry.charter, contacts: contacts)
        snapshot = fresh
        return fresh
    }

    /// Keeps `updated` unless the store moved on meanwhile.
    private func keep(_ updated: Snapshot) {
        guard snapshot == nil || snapshot?.fingerprint == updated.fingerprint else { return }
        snapshot = updated
    }
}
