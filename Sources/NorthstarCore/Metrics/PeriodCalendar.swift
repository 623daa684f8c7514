/// Cuts time into reporting periods (ISO weeks, calendar months or quarters) in a charter's time zone.
///
/// A period starts at local midnight on its first day (a Monday for weeks, the 1st for months and quarters) and
/// ends where the next one starts. When a transition skips local midnight, the day starts at the first local time
/// that exists. Week labels use the ISO week-numbering year: 2027-01-01 is in `2026-W53`.
///
/// The periods from 1970 to 2100 are laid out when the calendar is made, so ``period(containing:)`` is a few
/// table look-ups; instants outside those years are worked out on each call. Instants before 0001-04-02 or after
/// 9999-09-30 (UTC) are treated as those days, so that every period's bounds are printable RFC 3339 times.
public struct PeriodCalendar: Sendable {
    /// The IANA time zone the periods are cut in, such as `Europe/Amsterdam`.
    public let timeZoneIdentifier: String
    /// Weeks, months or quarters.
    public let period: Period

    private let zone: ZoneOffsetTable
    /// The periods with indices `firstCachedIndex ..< firstCachedIndex + cached.count`, in order.
    private let cached: [ReportingPeriod]
    private let firstCachedIndex: Int64

    /// 0001-04-02T00:00:00Z and 9999-09-30T00:00:00Z: the periods around them start and end in years 1…9999 in
    /// every zone, which `Timestamp` can print.
    private static let supported: ClosedRange<Int64> = -62_127_734_400...253_394_265_600

    /// Prepares the periods of `timeZoneIdentifier`, or returns `nil` when Foundation cannot load that zone.
    public init?(timeZoneIdentifier: String, period: Period) {
        guard let zone = ZoneOffsetTable(identifier: timeZoneIdentifier) else { return nil }
        self.timeZoneIdentifier = timeZoneIdentifier
        self.period = period
        self.zone = zone
        let first = Self.index(ofDay: 0, period: period)
        let last = Self.index(ofDay: Self.day(year: 2100, month: 1, day: 1), period: period)
        var periods: [ReportingPeriod] = []
        periods.reserveCapacity(Int(last - first))
        let firstStart = zone.firstInstant(atOrAfterWall: Self.firstDay(of: first, period: period) * 86_400)
        var start = Timestamp(seconds: firstStart)
        for index in first..<last {
            let end = Timestamp(
                seconds: zone.firstInstant(atOrAfterWall: Self.firstDay(of: index + 1, period: period) * 86_400)
            )
            periods.append(ReportingPeriod(start: start, end: end, label: Self.label(of: index, period: period)))
            start = end
        }
        cached = periods
        firstCachedIndex = first
    }

    /// The period that `instant` falls in.
    public func period(containing instant: Timestamp) -> ReportingPeriod {
        let seconds = min(max(instant.seconds, Self.supported.lowerBound), Self.supported.upperBound)
        let day = ZoneOffsetTable.day(ofWall: seconds + zone.offset(at: seconds).offset)
        var index = Self.index(ofDay: day, period: period)
        var found = period(index: index)
        // Only where a transition moves local time back across midnight can the local date disagree with the
        // bounds, which start at the first instant of the day.
        while seconds < found.start.seconds {
            index -= 1
            found = period(index: index)
        }
        while seconds >= found.end.seconds {
            index += 1
            found = period(index: index)
        }
        return found
    }

    /// Every period that overlaps `start ..< end`, in order; empty when `end <= start`.
    public func periods(from start: Timestamp, to end: Timestamp) -> [ReportingPeriod] {
        guard end > start else { return [] }
        var result: [ReportingPeriod] = []
        var current = period(containing: start)
        while current.start < end {
            result.append(current)
            guard current.end.seconds <= Self.supported.upperBound else { break }
            current = period(containing: current.end)
        }
        return result
    }

    private func period(index: Int64) -> ReportingPeriod {
        let offset = index - firstCachedIndex
        if offset >= 0, offset < cached.count { return cached[Int(offset)] }
        let start = zone.firstInstant(atOrAfterWall: Self.firstDay(of: index, period: period) * 86_400)
        let end = zone.firstInstant(atOrAfterWall: Self.firstDay(of: index + 1, period: period) * 86_400)
        return ReportingPeriod(
            start: Timestamp(seconds: start),
            end: Timestamp(seconds: end),
            label: Self.label(of: index, period: period)
        )
    }

    // MARK: Period numbering
    //
    // Periods are numbered without gaps: weeks from the Monday 1969-12-29 (week 0), months as
    // `year * 12 + month - 1`, quarters as `year * 4 + quarter - 1`.

    private static func index(ofDay day: Int64, period: Period) -> Int64 {
        switch period {
        case .week:
            return floorDivide(day + 3, 7)
        case .month:
            let date = civil(day)
            return date.year * 12 + date.month - 1
        case .quarter:
            let date = civil(day)
            return date.year * 4 + (date.month - 1) / 3
        }
    }

    private static func firstDay(of index: Int64, period: Period) -> Int64 {
        switch period {
        case .week:
            return index * 7 - 3
        case .month:
            let year = floorDivide(index, 12)
            return day(year: year, month: index - year * 12 + 1, day: 1)
        case .quarter:
            let year = floorDivide(index, 4)
            return day(year: year, month: (index - year * 4) * 3 + 1, day: 1)
        }
    }

    private static func label(of index: Int64, period: Period) -> String {
        switch period {
        case .week:
            // The ISO week belongs to the year of its Thursday.
            let thursday = index * 7
            let year = civil(thursday).year
            let week = (thursday - day(year: year, month: 1, day: 1)) / 7 + 1
            return "\(yearText(year))-W\(week < 10 ? "0" : "")\(week)"
        case .month:
            let year = floorDivide(index, 12)
            let month = index - year * 12 + 1
            return "\(yearText(year))-\(month < 10 ? "0" : "")\(month)"
        case .quarter:
            let year = floorDivide(index, 4)
            return "\(yearText(year))-Q\(index - year * 4 + 1)"
        }
    }

    private static func yearText(_ year: Int64) -> String {
        let digits = String(year)
        return year >= 0 && year < 1_000 ? String(repeating: "0", count: 4 - digits.count) + digits : digits
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return quotient * divisor > value ? quotient - 1 : quotient
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`, as in
    /// ``LocalDate/daysSinceEpoch``, here without LocalDate's year 1…9999 limit so period ends past 9999 work).
    private static func day(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = floorDivide(shiftedYear, 400)
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date of a day since 1970-01-01 (Howard Hinnant's `civil_from_days`).
    private static func civil(_ days: Int64) -> (year: Int64, month: Int64) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month)
    }
}
