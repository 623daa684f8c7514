/// Counts business time: the seconds between two instants during which a ``BusinessCalendar`` is open.
///
/// A second counts when its local time, in the calendar's own zone, falls inside one of the opening blocks of
/// its weekday and its local date is not a holiday (holidays close the whole local day). Time is taken as it
/// really passes, so daylight saving time needs no special rule: a block `01:00-04:00` lasts 2 hours on a day
/// that springs forward from 02:00 to 03:00 (the skipped local times never happen) and 4 hours on a day that
/// falls back from 03:00 to 02:00 (the repeated hour is counted each time it passes).
///
/// Make one clock per calendar and reuse it: the zone's UTC offsets and the weekly hours are laid out once, so a
/// call costs a few table look-ups, however long the interval (a year is summed week by week, not minute by
/// minute). Instants are supported from year 1 to year 9999; anything outside is treated as those bounds.
public struct BusinessClock: Sendable {
    /// The calendar the clock runs on.
    public let calendar: BusinessCalendar
    /// Whether every second counts (open around the clock every day, no holidays), so that business time is
    /// calendar time.
    public let isAlwaysOpen: Bool

    private let zone: ZoneOffsetTable
    /// `openBeforeMinute[m]`: open seconds in a week from Monday 00:00 to minute `m` of the week (0…10 080).
    private let openBeforeMinute: [Int32]
    private let weeklyOpenSeconds: Int64
    /// Holidays as local days since 1970-01-01, sorted, without repeats.
    private let holidays: [Int64]

    private static let secondsPerDay: Int64 = 86_400
    private static let secondsPerWeek: Int64 = 604_800
    private static let minutesPerWeek = 10_080
    /// 1969-12-29, a Monday, is local day -3: adding 3 days to wall seconds puts weeks on Mondays.
    private static let mondayShift: Int64 = 3 * 86_400
    /// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z.
    private static let supported: ClosedRange<Int64> = -62_135_596_800...253_402_300_799

    /// Prepares the clock for `calendar`, or returns `nil` when Foundation cannot load its time zone.
    public init?(calendar: BusinessCalendar) {
        guard let zone = ZoneOffsetTable(identifier: calendar.timeZoneIdentifier) else { return nil }
        self.calendar = calendar
        self.zone = zone

        var open = [Bool](repeating: false, count: Self.minutesPerWeek)
        for (weekday, blocks) in calendar.weeklyHours {
            let dayStart = (weekday.rawValue - 1) * 1_440
            for block in blocks {
                let first = max(0, min(1_440, block.startMinute))
                let last = max(first, min(1_440, block.endMinute))
                for minute in first..<last { open[dayStart + minute] = true }
            }
        }
        var prefix = [Int32](repeating: 0, count: Self.minutesPerWeek + 1)
        for minute in 0..<Self.minutesPerWeek {
            prefix[minute + 1] = prefix[minute] + (open[minute] ? 60 : 0)
        }
        openBeforeMinute = prefix
        weeklyOpenSeconds = Int64(prefix[Self.minutesPerWeek])
        holidays = Array(Set(calendar.holidays.map { Int64($0.daysSinceEpoch) })).sorted()
        isAlwaysOpen = holidays.isEmpty && weeklyOpenSeconds == Self.secondsPerWeek
    }

    /// The business seconds in `[start, end)`: how many of those seconds the calendar is open. Zero when
    /// `end <= start`.
    public func businessSeconds(from start: Timestamp, to end: Timestamp) -> Int64 {
        guard end.seconds > start.seconds else { return 0 }
        if isAlwaysOpen { return end.seconds - start.seconds }
        var instant = min(max(start.seconds, Self.supported.lowerBound), Self.supported.upperBound)
        let stop = min(max(end.seconds, Self.supported.lowerBound), Self.supported.upperBound)
        var total: Int64 = 0
        // Between two transitions the offset is constant, so local time runs evenly and the open seconds are
        // those of the same stretch of wall time.
        while instant < stop {
            let (offset, until) = zone.offset(at: instant)
            let segmentEnd = min(stop, until)
            total += openSeconds(fromWall: instant + offset, toWall: segmentEnd + offset)
            instant = segmentEnd
        }
        return total
    }

    /// Open seconds between two wall times in one stretch of constant offset, holidays removed.
    @inline(__always)
    private func openSeconds(fromWall start: Int64, toWall end: Int64) -> Int64 {
        var seconds = openSeconds(before: end) - openSeconds(before: start)
        guard !holidays.isEmpty, seconds > 0 else { return seconds }
        let firstDay = ZoneOffsetTable.day(ofWall: start)
        let lastDay = ZoneOffsetTable.day(ofWall: end - 1)
        var low = 0
        var high = holidays.count
        while low < high {
            let middle = (low + high) / 2
            if holidays[middle] < firstDay { low = middle + 1 } else { high = middle }
        }
        while low < holidays.count, holidays[low] <= lastDay {
            let dayStart = holidays[low] * Self.secondsPerDay
            let from = max(start, dayStart)
            let to = min(end, dayStart + Self.secondsPerDay)
            seconds -= openSeconds(before: to) - openSeconds(before: from)
            low += 1
        }
        return seconds
    }

    /// Open seconds from the Monday before 1970 (local day -3) to `wall`, holidays not removed.
    @inline(__always)
    private func openSeconds(before wall: Int64) -> Int64 {
        let shifted = wall + Self.mondayShift
        var week = shifted / Self.secondsPerWeek
        var inWeek = shifted - week * Self.secondsPerWeek
        if inWeek < 0 {
            week -= 1
            inWeek += Self.secondsPerWeek
        }
        let minute = Int(inWeek / 60)
        let before = Int64(openBeforeMinute[minute])
        // The minute is either wholly open (60 more seconds by its end) or wholly closed.
        let partial = (Int64(openBeforeMinute[minute + 1]) - before) * (inWeek - Int64(minute) * 60) / 60
        return week * weeklyOpenSeconds + before + partial
    }
}
