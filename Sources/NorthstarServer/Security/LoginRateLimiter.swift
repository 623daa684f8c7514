import Foundation

/// Counts failed logins per name and per client address within a sliding window, and refuses more once either
/// reaches the limit. Kept in the process's memory: each server process counts its own (docs/server.md).
actor LoginRateLimiter {
    private let limit: Int
    private let window: TimeInterval
    private var failures: [String: [Date]] = [:]

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Seconds until `keys` may try again, or `nil` when every key is under the limit.
    func retryAfter(_ keys: [String], now: Date) -> Int? {
        var wait: TimeInterval?
        for key in keys {
            let recent = prune(key, now: now)
            if recent.count >= limit, let oldest = recent.first {
                wait = max(wait ?? 0, oldest.addingTimeInterval(window).timeIntervalSince(now))
            }
        }
        return wait.map { max(1, Int($0.rounded(.up))) }
    }

    /// Notes a failed login for every key.
    func recordFailure(_ keys: [String], now: Date) {
        for key in keys { failures[key, default: []].append(now) }
    }

    /// Forgets the failures of `keys` (a successful login).
    func reset(_ keys: [String]) {
        for key in keys { failures[key] = nil }
    }

    private func prune(_ key: String, now: Date) -> [Date] {
        let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
        failures[key] = recent.isEmpty ? nil : recent
        return recent
    }
}
