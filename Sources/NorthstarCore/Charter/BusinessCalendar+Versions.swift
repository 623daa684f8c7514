extension BusinessCalendar {
    /// The version in force on the local date `date`: of those whose dates contain it, the one that starts latest
    /// (the later one in ``versions`` when two start the same day, which a charter refuses); `nil` when none does
    /// and the usual hours apply.
    public func version(on date: LocalDate) -> CalendarVersion? {
        versionIndex(onDay: date.daysSinceEpoch).map { versions[$0] }
    }

    /// The weekly hours in force on the local date `date`: its version's, or the usual ones.
    public func weeklyHours(on date: LocalDate) -> [Weekday: [OpeningInterval]] {
        version(on: date)?.weeklyHours ?? weeklyHours
    }

    /// Open minutes in a normal week of the hours in force on `date` (holidays not counted).
    public func weeklyOpenMinutes(on date: LocalDate) -> Int {
        Self.openMinutes(weeklyHours(on: date))
    }

    /// Every local date the calendar is closed all day, its own holidays and its versions', sorted, without
    /// repeats.
    public var allHolidays: [LocalDate] {
        guard versions.contains(where: { !$0.holidays.isEmpty }) else { return holidays }
        return Array(Set(holidays + versions.flatMap(\.holidays))).sorted()
    }

    /// The weekly hours as they change over time, for the clock: the usual hours from the beginning of time
    /// (`firstDay` is `nil`), then an entry for each local day (days since 1970-01-01) from which another version,
    /// or the usual hours again, holds. Only the first day of a version and the day after its last can change what
    /// holds, so these are the only days looked at. A version with the same hours as the one before still gets its
    /// entry: the clock is exact either way, and tests can then run the versioned path on known hours.
    func hoursChanges() -> [(firstDay: Int?, hours: [Weekday: [OpeningInterval]])] {
        var changes: [(firstDay: Int?, hours: [Weekday: [OpeningInterval]])] = [(nil, weeklyHours)]
        var holding: Int?
        let bounds = versions.flatMap { version in
            [version.firstDay.daysSinceEpoch] + (version.lastDay.map { [$0.daysSinceEpoch + 1] } ?? [])
        }
        for day in Set(bounds).sorted() {
            let index = versionIndex(onDay: day)
            guard index != holding else { continue }
            holding = index
            changes.append((day, index.map { versions[$0].weeklyHours } ?? weeklyHours))
        }
        return changes
    }

    /// The index in ``versions`` of the version in force on a day count (days since 1970-01-01), which may be the
    /// day after 9999-12-31; `nil` for the usual hours.
    private func versionIndex(onDay day: Int) -> Int? {
        var inForce: Int?
        for (index, version) in versions.enumerated() {
            guard version.firstDay.daysSinceEpoch <= day, version.lastDay.map({ day <= $0.daysSinceEpoch }) ?? true
            else { continue }
            if let current = inForce, versions[current].firstDay > version.firstDay { continue }
            inForce = index
        }
        return inForce
    }
}
