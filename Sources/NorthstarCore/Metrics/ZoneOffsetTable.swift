import Foundation

/// A time zone's offsets from UTC, read from Foundation once and kept as a sorted table of transitions, so that
/// turning an instant into local time costs a binary search instead of a Foundation call.
///
/// Local time is handled as *wall seconds*: the local date and time read as if it were UTC, that is
/// `utc + offset(utc)`. Local day `d` (days since 1970-01-01) is then the wall seconds
/// `d * 86_400 ..< (d + 1) * 86_400`.
///
/// The table covers 1900 to 2200; instants outside it are answered by Foundation directly, slower but the same.
struct ZoneOffsetTable: Sendable {
    /// The identifier the zone was loaded with.
    let identifier: String
    private let timeZone: TimeZone
    /// `starts[i]` is the UTC second from which `offsets[i]` applies, until `starts[i + 1]` (or `tableEnd`).
    private let starts: [Int64]
    private let offsets: [Int64]

    /// 1900-01-01T00:00:00Z, the first instant of the table.
    static let tableStart: Int64 = -2_208_988_800
    /// 2200-01-01T00:00:00Z, the first instant after the table.
    static let tableEnd: Int64 = 7_258_118_400

    /// Reads the zone's transitions from Foundation, or returns `nil` when Foundation does not know the zone.
    init?(identifier: String) {
        guard let timeZone = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        self.timeZone = timeZone
        var starts = [Self.tableStart]
        var offsets = [Int64(timeZone.secondsFromGMT(for: Self.date(Self.tableStart)))]
        var cursor = Self.date(Self.tableStart)
        let end = Self.date(Self.tableEnd)
        while let next = timeZone.nextDaylightSavingTimeTransition(after: cursor), next < end {
            guard next > cursor else {
                // Never seen, but a transition that does not move forward must not loop forever.
                cursor = cursor.addingTimeInterval(1)
                continue
            }
            cursor = next
            let start = Int64(next.timeIntervalSince1970.rounded(.up))
            let offset = Int64(timeZone.secondsFromGMT(for: Self.date(start)))
            // Foundation also reports changes of the DST flag that leave the total offset as it was
            // (America/Asuncion 2024, Europe/Moscow 1991): nothing to record.
            guard start > starts[starts.count - 1], offset != offsets[offsets.count - 1] else { continue }
            starts.append(start)
            offsets.append(offset)
        }
        self.starts = starts
        self.offsets = offsets
    }

    /// The number of offset changes in the table, for tests.
    var transitionCount: Int { starts.count - 1 }

    /// The offset from UTC in force at `utc`, and the first later instant at which it may change
    /// (`Int64.max` when it never does).
    @inline(__always)
    func offset(at utc: Int64) -> (offset: Int64, until: Int64) {
        guard utc >= Self.tableStart, utc < Self.tableEnd else { return foundationOffset(at: utc) }
        // The last `i` with `starts[i] <= utc`; `starts[0] == tableStart <= utc`.
        var low = 0
        var high = starts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if starts[middle] <= utc { low = middle } else { high = middle }
        }
        return (offsets[low], low + 1 < starts.count ? starts[low + 1] : Self.tableEnd)
    }

    private func foundationOffset(at utc: Int64) -> (offset: Int64, until: Int64) {
        let date = Self.date(utc)
        let offset = Int64(timeZone.secondsFromGMT(for: date))
        var until = Int64.max
        if let next = timeZone.nextDaylightSavingTimeTransition(after: date) {
            let seconds = next.timeIntervalSince1970.rounded(.up)
            if seconds < 9.0e18 { until = Int64(seconds) }
        }
        if utc < Self.tableStart { until = min(until, Self.tableStart) }
        return (offset, max(until, utc + 1))
    }

    /// The earliest instant whose local time is `wall` or later: local midnight for a day's start, or the end
    /// of the gap when a transition skips `wall` (a zone that springs forward at midnight starts the day at 01:00).
    func firstInstant(atOrAfterWall wall: Int64) -> Int64 {
        // No zone is two days away from UTC, so the local time two days before `wall` is still before it.
        var instant = wall - 2 * 86_400
        while true {
            let (offset, until) = offset(at: instant)
            if instant + offset >= wall { return instant }
            if until > wall - offset { return wall - offset }
            instant = until
        }
    }

    /// The local day (days since 1970-01-01, negative before) that wall seconds fall on.
    @inline(__always)
    static func day(ofWall wall: Int64) -> Int64 {
        wall >= 0 ? wall / 86_400 : (wall + 1) / 86_400 - 1
    }

    private static func date(_ seconds: Int64) -> Date { Date(timeIntervalSince1970: Double(seconds)) }
}
