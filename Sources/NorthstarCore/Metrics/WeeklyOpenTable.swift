/// One week of opening hours laid out per minute, so that the open seconds between two wall times cost two table
/// look-ups, however far apart they are.
///
/// Wall seconds are local time read as if it were UTC (see ``ZoneOffsetTable``); weeks are counted from the
/// Monday before 1970 (local day -3).
struct WeeklyOpenTable: Sendable, Equatable {
    /// `openBeforeMinute[m]`: open seconds in a week from Monday 00:00 to minute `m` of the week (0…10 080).
    private let openBeforeMinute: [Int32]
    /// Open seconds in a whole week.
    let weeklyOpenSeconds: Int64

    static let secondsPerWeek: Int64 = 604_800
    private static let minutesPerWeek = 10_080
    /// 1969-12-29, a Monday, is local day -3: adding 3 days to wall seconds puts weeks on Mondays.
    private static let mondayShift: Int64 = 3 * 86_400

    /// Lays out `hours`; blocks are clamped to their day.
    init(_ hours: [Weekday: [OpeningInterval]]) {
        var open = [Bool](repeating: false, count: Self.minutesPerWeek)
        for (weekday, blocks) in hours {
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
    }

    /// Whether every second of the week is open.
    var isAroundTheClock: Bool { weeklyOpenSeconds == Self.secondsPerWeek }

    /// Open seconds from the Monday before 1970 (local day -3) to `wall`, as if these hours held all along; only
    /// differences between two calls mean anything.
    @inline(__always)
    func openSeconds(before wall: Int64) -> Int64 {
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
