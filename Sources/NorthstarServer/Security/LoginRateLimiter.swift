import Foundation
import NorthstarCore
import NorthstarStore

/// Counts failed logins per name and per client address within a sliding window, and refuses more once either
/// reaches the limit. The failures are rows in the store, so every server process on one store counts the same
/// ones (docs/server.md); each key is stored as its SHA-256, never as the name or address tried.
struct LoginRateLimiter: Sendable {
    private let store: any Store
    private let limit: Int
    private let window: TimeInterval

    init(store: any Store, limit: Int, window: TimeInterval) {
        self.store = store
        self.limit = limit
        self.window = window
    }

    /// Seconds until `keys` may try again, or `nil` when every key is under the limit.
    func retryAfter(_ keys: [String], now: Date) async throws -> Int? {
        var wait: TimeInterval?
        // Failures are kept to the second: one counts while less than `window` has passed since it.
        let since = Timestamp(seconds: Int64((now.timeIntervalSince1970 - window).rounded(.down)) + 1)
        for key in keys {
            let recent = try await store.loginFailures(key: Self.hash(key), since: since)
            if recent.count >= limit, let oldest = recent.first {
                let failedAt = Date(timeIntervalSince1970: TimeInterval(oldest.seconds))
                wait = max(wait ?? 0, failedAt.addingTimeInterval(window).timeIntervalSince(now))
            }
        }
        return wait.map { max(1, Int($0.rounded(.up))) }
    }

    /// Notes a failed login for every key, and forgets failures too old to count for any key.
    func recordFailure(_ keys: [String], now: Date) async throws {
        try await store.recordLoginFailure(keys: keys.map(Self.hash), at: timestamp(now))
        try await store.removeLoginFailures(before: timestamp(now.addingTimeInterval(-window)))
    }

    /// Forgets the failures of `keys` (a successful login).
    func reset(_ keys: [String]) async throws {
        try await store.clearLoginFailures(keys: keys.map(Self.hash))
    }

    /// What the store keeps of a key: its SHA-256, so the table names no user and no address.
    static func hash(_ key: String) -> String { Secrets.sha256Hex(key) }
}
