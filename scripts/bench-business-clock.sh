#!/usr/bin/env bash
# Times BusinessClock.businessSeconds and PeriodCalendar.period(containing:) per call, optimised (-O, whole module),
# called from another module through the public API as the `check` command will call them.
# Not a test: it prints nanoseconds per call. Run from anywhere: scripts/bench-business-clock.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

flags=(-O -wmo -swift-version 6
    -enable-upcoming-feature ExistentialAny
    -enable-upcoming-feature MemberImportVisibility
    -enable-upcoming-feature InternalImportsByDefault)

# The clock and its model only: no resources, no Yams.
swiftc "${flags[@]}" -parse-as-library -module-name NorthstarCore -emit-library -emit-module \
    -emit-module-path "$work/NorthstarCore.swiftmodule" -o "$work/libNorthstarCore.so" \
    "$root"/Sources/NorthstarCore/Metrics/{BusinessClock,WeeklyOpenTable,ZoneOffsetTable,PeriodCalendar,ReportingPeriod}.swift \
    "$root"/Sources/NorthstarCore/Charter/{BusinessCalendar,BusinessCalendar+Versions,CalendarVersion,OpeningInterval,Weekday,LocalDate,Period}.swift \
    "$root"/Sources/NorthstarCore/Contacts/Timestamp.swift

cat > "$work/main.swift" <<'SWIFT'
import Foundation
import NorthstarCore

func calendar(_ zone: String, _ hours: [Weekday: [String]], holidays: [String] = []) -> BusinessCalendar {
    var weekly: [Weekday: [OpeningInterval]] = [:]
    for (day, blocks) in hours {
        weekly[day] = blocks.map { text -> OpeningInterval in
            guard case .success(let block) = OpeningInterval.parse(text) else { fatalError(text) }
            return block
        }
    }
    let dates = holidays.map { text -> LocalDate in
        guard case .success(let date) = LocalDate.parse(text) else { fatalError(text) }
        return date
    }
    return BusinessCalendar(name: "bench", timeZoneIdentifier: zone, weeklyHours: weekly, holidays: dates)
}

struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func nanoseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1e9 + Double(duration.components.attoseconds) / 1e9
}

/// Best of five runs, in nanoseconds per call.
func time(_ calls: Int, _ body: () -> Int64) -> (Double, Int64) {
    let clock = ContinuousClock()
    var best = Double.infinity
    var check: Int64 = 0
    for _ in 0..<5 {
        let start = clock.now
        check = body()
        best = min(best, nanoseconds(clock.now - start) / Double(calls))
    }
    return (best, check)
}

let weekdays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]
let office = calendar(
    "Europe/Amsterdam",
    Dictionary(uniqueKeysWithValues: weekdays.map { ($0, ["08:30-12:30", "13:30-17:30"]) } + [(.saturday, ["10:00-14:00"])]),
    holidays: ["2026-01-01", "2026-04-03", "2026-04-06", "2026-04-27", "2026-05-05", "2026-05-14", "2026-05-25",
        "2026-12-25", "2026-12-26"]
)
var peakSeason = office
peakSeason.versions = [
    CalendarVersion(
        firstDay: LocalDate(year: 2026, month: 6, day: 1)!,
        weeklyHours: Dictionary(uniqueKeysWithValues: weekdays.map { ($0, [OpeningInterval(startMinute: 480, endMinute: 1_080)]) })
    ),
    CalendarVersion(
        firstDay: LocalDate(year: 2026, month: 11, day: 23)!,
        lastDay: LocalDate(year: 2026, month: 12, day: 31)!,
        weeklyHours: Dictionary(uniqueKeysWithValues: (weekdays + [.saturday]).map { ($0, [OpeningInterval(startMinute: 480, endMinute: 1_320)]) })
    ),
]
let newYork = calendar("America/New_York", Dictionary(uniqueKeysWithValues: weekdays.map { ($0, ["08:00-20:00"]) }))

let contacts = 1_000_000
var random = Generator(state: 2026)
let year2026: Int64 = 1_767_222_000  // 2026-01-01T00:00:00+01:00
var starts: [Timestamp] = []
var ends: [Timestamp] = []
var longEnds: [Timestamp] = []
for _ in 0..<contacts {
    let start = year2026 + Int64.random(in: 0..<31_536_000, using: &random)
    // Typical spans: log-uniform from a minute to five days.
    let span = Int64(exp(Double.random(in: log(60.0)...log(432_000.0), using: &random)))
    starts.append(Timestamp(seconds: start))
    ends.append(Timestamp(seconds: start + span))
    longEnds.append(Timestamp(seconds: start + 31_536_000))
}

let buildClock = ContinuousClock()
var began = buildClock.now
let officeClock = BusinessClock(calendar: office)!
print("BusinessClock(calendar:) for Europe/Amsterdam:", Int(nanoseconds(buildClock.now - began) / 1_000), "µs")
let newYorkClock = BusinessClock(calendar: newYork)!
let peakClock = BusinessClock(calendar: peakSeason)!
let alwaysOpen = BusinessClock(calendar: calendar("UTC", Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, ["00:00-24:00"]) })))!

for (name, clock) in [("Europe/Amsterdam office hours, 9 holidays", officeClock), ("the same with summer hours and a peak season (2 versions)", peakClock), ("America/New_York weekdays", newYorkClock), ("24/7", alwaysOpen)] {
    let (ns, total) = time(contacts) {
        var sum: Int64 = 0
        for index in 0..<contacts { sum &+= clock.businessSeconds(from: starts[index], to: ends[index]) }
        return sum
    }
    print("businessSeconds, \(name), a minute to 5 days:", String(format: "%.1f", ns), "ns per call (checksum \(total))")
}
let (yearNs, yearTotal) = time(contacts) {
    var sum: Int64 = 0
    for index in 0..<contacts { sum &+= officeClock.businessSeconds(from: starts[index], to: longEnds[index]) }
    return sum
}
print("businessSeconds, Europe/Amsterdam office hours, one-year spans:", String(format: "%.1f", yearNs), "ns per call (checksum \(yearTotal))")
let (peakYearNs, peakYearTotal) = time(contacts) {
    var sum: Int64 = 0
    for index in 0..<contacts { sum &+= peakClock.businessSeconds(from: starts[index], to: longEnds[index]) }
    return sum
}
print("businessSeconds, the same with 2 versions, one-year spans:", String(format: "%.1f", peakYearNs), "ns per call (checksum \(peakYearTotal))")

began = buildClock.now
let weeks = PeriodCalendar(timeZoneIdentifier: "Europe/Amsterdam", period: .week)!
print("PeriodCalendar(timeZoneIdentifier:period: .week):", Int(nanoseconds(buildClock.now - began) / 1_000), "µs")
let months = PeriodCalendar(timeZoneIdentifier: "Europe/Amsterdam", period: .month)!
let sortedStarts = starts.sorted()
for (name, periods) in [("weeks", weeks), ("months", months)] {
    for (order, instants) in [("random order", starts), ("time order", sortedStarts)] {
        let (ns, total) = time(contacts) {
            var sum: Int64 = 0
            for instant in instants { sum &+= periods.period(containing: instant).start.seconds }
            return sum
        }
        print("period(containing:), \(name), \(order):", String(format: "%.1f", ns), "ns per call (checksum \(total))")
    }
}
SWIFT
swiftc "${flags[@]}" -I "$work" -L "$work" -lNorthstarCore -Xlinker -rpath -Xlinker "$work" \
    "$work/main.swift" -o "$work/bench" -module-name ClockBench
"$work/bench"
