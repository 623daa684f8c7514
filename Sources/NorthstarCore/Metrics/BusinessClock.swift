/// Counts business time: the seconds between two instants during which a ``BusinessCalendar`` is open.
///
/// A second counts when its local time, in the calendar's own zone, falls inside one of the opening blocks of
/// its weekday in the hours in force on its local date (the usual hours, or a version's), and its local date is
/// not a holiday (holidays close the whole local day). Time is taken as it really passes, so daylight saving time
/// needs no special rule: a block `01:00-04:00` lasts 2 hours on a day that springs forward from 02:00 to 03:00
/// (the skipped local times never happen) and 4 hours on a day that falls back from 03:00 to 02:00 (the repeated
/// hour is counted each time it passes).
///
/// Make one clock per calendar and reuse it: the zone's UTC offsets and each version's weekly hours are laid out
/// once, so a call costs a few table look-ups, however long the interval (a year is summed week by week, not
/// minute by minute). Instants are supported from year 1 to year 9999; anything outside is treated as those
/// bounds.
public struct BusinessClock: Sendable {
    /// The calendar the clock runs on.
    public let calendar: BusinessCalendar
    /// Whether every second counts (open around the clock every day, no holidays), so that business time is
    /// calendar time.
    public let isAlwaysOpen: Bool

    private let zone: ZoneOffsetTable
    /// The usual hours: the only ones when the calendar has no versions.
    private let usualHours: WeeklyOpenTable
    /// With versions, the wall second (a local midnight) from which `hoursFrom[i]` holds, until
    /// `hoursChangeWalls[i + 1]`; the first is `Int64.min`. Empty when the hours never change.
    private let hoursChangeWalls: [Int64]
    private let hoursFrom: [WeeklyOpenTable]
    /// Holidays as local days since 1970-01-01, sorted, without repeats.
    private let holidays: [Int64]

    private static let secondsPerDay: Int64 = 86_400
    /// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z.
    private static let supported: ClosedRange<Int64> = -62_135_596_800...253_402_300_799

    /// Prepares the clock for `calendar`, or returns `nil` when Foundation cannot load its time zone.
    public init?(calendar: BusinessCalendar) {
        guard let zone = ZoneOffsetTable(identifier: calendar.timeZoneIdentifier) else { return nil }
        self.calendar = calendar
        self.zone = zone
        usualHours = WeeklyOpenTable(calendar.weeklyHours)
        let changes = calendar.hoursChanges()
        if changes.count > 1 {
            hoursChangeWalls = changes.map { change in change.firstDay.map { Int64($0) * Self.secondsPerDay } ?? .min }
            // A yearly peak season comes back with the same hours: lay each week out once.
            var tables: [[Weekday: [OpeningInterval]]: WeeklyOpenTable] = [calendar.weeklyHours: usualHours]
            var hoursFrom: [WeeklyOpenTable] = []
            for change in changes {
                let table = tables[change.hours] ?? WeeklyOpenTable(change.hours)
                tables[change.hours] = table
                hoursFrom.append(table)
            }
            self.hoursFrom = hoursFrom
        } else {
            hoursChangeWalls = []
            hoursFrom = []
        }
        holidays = Array(Set(calendar.allHolidays.map { Int64($0.daysSinceEpoch) })).sorted()
        isAlwaysOpen = holidays.isEmpty && usualHours.isAroundTheClock && hoursFrom.allSatisfy(\.isAroundTheClock)
    }

    /// How many times the hours in force change (0 without versions), for tests.
    var hoursChangeCount: Int { max(0, hoursChangeWalls.count - 1) }

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
            let (fromWall, toWall) = (instant + offset, segmentEnd + offset)
            if hoursChangeWalls.isEmpty {
                total += openSeconds(fromWall: fromWall, toWall: toWall, in: usualHours)
            } else {
                total += openSecondsAcrossVersions(fromWall: fromWall, toWall: toWall)
            }
            instant = segmentEnd
        }
        return total
    }

    /// Open seconds between two wall times in one stretch of constant offset, cut where the hours change
    /// (always at a local midnight), holidays removed.
    private func openSecondsAcrossVersions(fromWall start: Int64, toWall end: Int64) -> Int64 {
        // The last change at or before `start`; `hoursChangeWalls[0]` is `Int64.min`.
        var low = 0
        var high = hoursChangeWalls.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if hoursChangeWalls[middle] <= start { low = middle } else { high = middle }
        }
        var total: Int64 = 0
        var from = start
        var index = low
        while from < end {
            let to = index + 1 < hoursChangeWalls.count ? min(end, hoursChangeWalls[index + 1]) : end
            total += openSeconds(fromWall: from, toWall: to, in: hoursFrom[index])
            from = to
            index += 1
        }
        return total
    }

    /// Open seconds between two wall times in one stretch of constant offset and constant hours, holidays removed.
    @inline(__always)
    private func openSeconds(fromWall start: Int64, toWall end: Int64, in hours: WeeklyOpenTable) -> Int64 {
        var seconds = hours.openSeconds(before: end) - hours.openSeconds(before: start)
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
            seconds -= hours.openSeconds(before: to) - hours.openSeconds(before: from)
            low += 1
        }
        return seconds
    }
}
