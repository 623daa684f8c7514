/// Contact arrivals counted per interval of local time (15, 30 or 60 minutes), day after day in a time zone: the
/// history a staffing forecast starts from.
///
/// Every local day has the same number of intervals, so a week is always the same number of steps (the season of
/// a forecast). On the day the clocks go forward the skipped hour's intervals stay empty; on the day they go back
/// the repeated hour's arrivals fall in the same intervals, as a wall clock shows them.
public struct ArrivalSeries: Sendable, Hashable {
    /// The interval length in minutes.
    public let intervalMinutes: Int
    /// The local date of the first interval.
    public let firstDay: LocalDate
    /// Arrivals per interval, day after day from `firstDay`'s midnight.
    public private(set) var counts: [Double]
    /// Arrivals outside the days counted, left out.
    public private(set) var outside = 0

    /// Intervals in a day.
    public var intervalsPerDay: Int { 1_440 / intervalMinutes }
    /// Intervals in a week: the season of a weekly forecast.
    public var intervalsPerWeek: Int { 7 * intervalsPerDay }
    /// Whole days covered.
    public var days: Int { counts.count / intervalsPerDay }

    /// Counts `arrivals` from `firstDay` through `lastDay` (both local dates in `timeZoneIdentifier`); `nil` when the
    /// zone is unknown or the interval does not divide a day.
    public init?(
        arrivals: [Timestamp],
        timeZoneIdentifier: String,
        intervalMinutes: Int,
        from firstDay: LocalDate,
        through lastDay: LocalDate
    ) {
        guard intervalMinutes > 0, 1_440 % intervalMinutes == 0, lastDay.daysSinceEpoch >= firstDay.daysSinceEpoch,
            let zone = ZoneOffsetTable(identifier: timeZoneIdentifier)
        else { return nil }
        self.intervalMinutes = intervalMinutes
        self.firstDay = firstDay
        let perDay = 1_440 / intervalMinutes
        let days = lastDay.daysSinceEpoch - firstDay.daysSinceEpoch + 1
        counts = Array(repeating: 0, count: days * perDay)
        let first = Int64(firstDay.daysSinceEpoch)
        for arrival in arrivals {
            let wall = arrival.seconds + zone.offset(at: arrival.seconds).offset
            let day = ZoneOffsetTable.day(ofWall: wall) - first
            guard day >= 0, day < days else {
                outside += 1
                continue
            }
            let secondOfDay = wall - (first + day) * 86_400
            let slot = Int(secondOfDay) / (intervalMinutes * 60)
            counts[Int(day) * perDay + slot] += 1
        }
    }

    /// The weekday of the first day.
    public var firstWeekday: Weekday {
        // 1970-01-01 was a Thursday.
        let index = ((firstDay.daysSinceEpoch + 3) % 7 + 7) % 7
        return Weekday.allCases[index]
    }

    /// The mean arrivals per interval of each weekday, over the days counted.
    public func weekdayProfile() -> [Weekday: [Double]] {
        var sums: [Weekday: [Double]] = [:]
        var seen: [Weekday: Int] = [:]
        let start = Weekday.allCases.firstIndex(of: firstWeekday) ?? 0
        for day in 0..<days {
            let weekday = Weekday.allCases[(start + day) % 7]
            var sum = sums[weekday] ?? Array(repeating: 0, count: intervalsPerDay)
            for slot in 0..<intervalsPerDay { sum[slot] += counts[day * intervalsPerDay + slot] }
            sums[weekday] = sum
            seen[weekday, default: 0] += 1
        }
        var profile: [Weekday: [Double]] = [:]
        for (weekday, sum) in sums {
            let count = Double(seen[weekday] ?? 1)
            profile[weekday] = sum.map { $0 / count }
        }
        return profile
    }
}
