#!/usr/bin/env python3
"""Print the expected values in Tests/NorthstarCoreTests/BusinessClockTests.swift, BusinessClockVersionTests.swift and
ReportingPeriodTests.swift.

The numbers come from Python's own zoneinfo and datetime, independently of the Swift code under test:

- business seconds: a brute force over every UTC minute of the interval,
      sum(min(end, m + 60) - max(start, m) for m in range(start - start % 60, end, 60)
          if is_open(datetime.fromtimestamp(m, ZoneInfo(zone))))
  where is_open looks up the local weekday's blocks in the hours in force on the local date (the latest-starting
  dated version containing it, else the usual hours) and the holidays (the calendar's and its versions'). Every zone used here changes offset on whole
  minutes and every block starts and ends on a whole minute, so a UTC minute is wholly open or wholly closed.
- period bounds: int(datetime(y, m, d, tzinfo=ZoneInfo(zone)).timestamp()) for the first local day of the period
  (fold=0: the earlier instant of a repeated midnight; for a skipped midnight the cases used here have the gap
  starting at midnight, where fold=0 gives the instant of the transition);
- week labels: "%d-W%02d" % date.isocalendar()[:2];
- week lengths: Counter(int(datetime.combine(m + timedelta(days=7), time(), tz).timestamp()
      - datetime.combine(m, time(), tz).timestamp()) for m in mondays).

Run from the repository root with Python 3.9+ and the system tz database (no packages needed):

    python3 scripts/clock-oracles.py

The output is Swift table rows to paste into the tests; the tz database version is printed first, and
Foundation's must agree with it (TimeZone.timeZoneDataVersion).
"""

import random
import sys
from collections import Counter
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

# The calendars, written as in the Swift tests: zone, {weekday (0 = Monday): [(start minute, end minute)]}, holidays.
WEEKDAYS = range(0, 5)
CALENDARS = {
    "office": (
        "Europe/Amsterdam",
        {**{d: [(510, 750), (810, 1050)] for d in WEEKDAYS}, 5: [(600, 840)]},
        {date(2026, 4, 3), date(2026, 4, 6), date(2026, 12, 25), date(2026, 12, 26), date(2027, 1, 1)},
    ),
    "night": ("Europe/Amsterdam", {d: [(0, 360), (1320, 1440)] for d in range(7)}, set()),
    "dst": ("Europe/Amsterdam", {**{d: [(540, 1020)] for d in range(6)}, 6: [(60, 240)]}, set()),
    "tokyo": ("Asia/Tokyo", {d: [(540, 1080)] for d in WEEKDAYS}, {date(2026, 1, 1), date(2026, 5, 5)}),
    "newYork": (
        "America/New_York",
        {**{d: [(480, 1200)] for d in WEEKDAYS}, 5: [(0, 180)], 6: [(0, 180)]},
        {date(2026, 7, 3)},
    ),
    "lordHowe": ("Australia/Lord_Howe", {d: [(60, 180)] for d in range(7)}, set()),
    "kolkata": ("Asia/Kolkata", {d: [(600, 1140)] for d in range(6)}, set()),
    "peak": ("Europe/Amsterdam", {d: [(480, 1080)] for d in WEEKDAYS}, {date(2026, 4, 6), date(2026, 12, 25)}),
    "santiago": ("America/Santiago", {d: [(480, 1080)] for d in range(7)}, set()),
}

# Dated versions of the hours, written as in the Swift tests: (first day, last day or None, hours, extra holidays).
# On a local date the hours are those of the latest-starting version whose dates contain it, else the usual ones.
VERSIONS = {
    "peak": [
        # A spring sale across the spring-forward Sunday (2026-03-29, 02:00 -> 03:00).
        (date(2026, 3, 23), date(2026, 4, 5), {**{d: [(480, 1200)] for d in range(6)}, 6: [(60, 240)]}, set()),
        # The fall-back week (2026-10-25, 03:00 -> 02:00): every day 01:00-04:00 and 08:00-18:00.
        (date(2026, 10, 19), date(2026, 10, 25), {d: [(60, 240), (480, 1080)] for d in range(7)}, set()),
        # The peak season, with a holiday of its own.
        (date(2026, 11, 23), date(2026, 12, 31), {d: [(480, 1320)] for d in range(6)}, {date(2026, 12, 26)}),
        # New usual hours from March 2027, with no end...
        (date(2027, 3, 1), None, {d: [(540, 1020)] for d in WEEKDAYS}, set()),
        # ...interrupted for one Sunday open all day, the spring-forward day (23 hours), after which they resume.
        (date(2027, 3, 28), date(2027, 3, 28), {6: [(0, 1440)]}, set()),
    ],
    "santiago": [
        # Open all day in the week that starts with a skipped midnight (2026-09-06 00:00 -> 01:00).
        (date(2026, 9, 6), date(2026, 9, 12), {d: [(0, 1440)] for d in range(7)}, set()),
        # Nights only from the day whose midnight repeats an hour of the day before (2027-04-04 00:00 -> 04-03 23:00).
        (date(2027, 4, 4), date(2027, 4, 10), {d: [(0, 360)] for d in range(7)}, set()),
    ],
}


def hours_on(name, day):
    """The weekly hours in force on a local date: the latest-starting version containing it, else the usual ones."""
    _, hours, _ = CALENDARS[name]
    containing = [v for v in VERSIONS.get(name, []) if v[0] <= day and (v[1] is None or day <= v[1])]
    return max(containing, key=lambda v: v[0])[2] if containing else hours


def business_seconds(name, start, end):
    zone, _, holidays = CALENDARS[name]
    holidays = holidays.union(*(v[3] for v in VERSIONS.get(name, [])))
    tz = ZoneInfo(zone)

    def is_open(local):
        if local.date() in holidays:
            return False
        minute = local.hour * 60 + local.minute
        return any(a <= minute < b for a, b in hours_on(name, local.date()).get(local.weekday(), []))

    return sum(
        min(end, m + 60) - max(start, m)
        for m in range(start - start % 60, end, 60)
        if is_open(datetime.fromtimestamp(m, tz))
    )


def rfc3339(seconds, zone):
    local = datetime.fromtimestamp(seconds, ZoneInfo(zone))
    text = local.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") and zone == "UTC" else text


def local_instant(zone, *fields):
    return int(datetime(*fields, tzinfo=ZoneInfo(zone)).timestamp())


def named_cases():
    """Hand-picked intervals, written in local time, for the readable tables."""
    cases = [
        # DST in Europe/Amsterdam: 2026-03-29 02:00 -> 03:00 and 2026-10-25 03:00 -> 02:00; Sunday block 01:00-04:00.
        ("dst", ("Europe/Amsterdam", 2026, 3, 29), ("Europe/Amsterdam", 2026, 3, 30), "spring-forward day"),
        ("dst", ("Europe/Amsterdam", 2026, 10, 25), ("Europe/Amsterdam", 2026, 10, 26), "fall-back day"),
        ("dst", ("Europe/Amsterdam", 2026, 3, 22), ("Europe/Amsterdam", 2026, 3, 23), "an ordinary Sunday"),
        ("dst", ("Europe/Amsterdam", 2026, 3, 29, 1, 30), ("Europe/Amsterdam", 2026, 3, 29, 3, 30), "across the gap"),
        ("dst", ("Europe/Amsterdam", 2026, 3, 23), ("Europe/Amsterdam", 2026, 3, 30), "the week of the gap"),
        ("dst", ("Europe/Amsterdam", 2026, 10, 19), ("Europe/Amsterdam", 2026, 10, 26), "the week of the repeat"),
        ("night", ("Europe/Amsterdam", 2026, 3, 28, 20), ("Europe/Amsterdam", 2026, 3, 29, 8), "night shift, gap"),
        ("night", ("Europe/Amsterdam", 2026, 10, 24, 20), ("Europe/Amsterdam", 2026, 10, 25, 8), "night shift, repeat"),
        ("night", ("Europe/Amsterdam", 2026, 12, 31, 23), ("Europe/Amsterdam", 2027, 1, 1, 1), "across a year"),
        ("newYork", ("America/New_York", 2026, 3, 8), ("America/New_York", 2026, 3, 9), "New York spring forward"),
        ("newYork", ("America/New_York", 2026, 11, 1), ("America/New_York", 2026, 11, 2), "New York fall back"),
        ("lordHowe", ("Australia/Lord_Howe", 2026, 10, 4), ("Australia/Lord_Howe", 2026, 10, 5), "Lord Howe +30 min"),
        ("lordHowe", ("Australia/Lord_Howe", 2026, 4, 5), ("Australia/Lord_Howe", 2026, 4, 6), "Lord Howe -30 min"),
        ("office", ("Europe/Amsterdam", 2026, 3, 30), ("Europe/Amsterdam", 2026, 4, 7), "Easter week holidays"),
        ("office", ("Europe/Amsterdam", 2026, 12, 24, 12), ("Europe/Amsterdam", 2026, 12, 28, 9), "Christmas"),
        ("office", ("Europe/Amsterdam", 2026, 1, 1), ("Europe/Amsterdam", 2027, 1, 1), "a whole year"),
        (
            "office",
            ("Europe/Amsterdam", 2025, 6, 15, 10, 7, 13),
            ("Europe/Amsterdam", 2027, 2, 10, 16, 1, 59),
            "20 months",
        ),
        ("office", ("Europe/Amsterdam", 2250, 3, 30), ("Europe/Amsterdam", 2250, 4, 2), "2250, past the table"),
        ("office", ("Europe/Amsterdam", 2026, 4, 3), ("Europe/Amsterdam", 2026, 4, 4), "Good Friday, a holiday"),
        ("office", ("Europe/Amsterdam", 2026, 4, 2), ("Europe/Amsterdam", 2026, 4, 3), "the Thursday before"),
        ("office", ("Europe/Amsterdam", 2026, 4, 2, 16), ("Europe/Amsterdam", 2026, 4, 4, 11), "over Good Friday"),
        ("tokyo", ("Asia/Tokyo", 2026, 5, 5), ("Asia/Tokyo", 2026, 5, 6), "Tokyo holiday, local day"),
        ("tokyo", ("UTC", 2026, 5, 5), ("UTC", 2026, 5, 6, 3), "Tokyo holiday, from UTC midnight"),
        ("tokyo", ("Asia/Tokyo", 2026, 3, 6, 17), ("Asia/Tokyo", 2026, 3, 9, 10), "Tokyo, over a weekend"),
        ("tokyo", ("UTC", 2026, 3, 2), ("UTC", 2026, 3, 3), "Tokyo, one UTC day"),
        ("kolkata", ("UTC", 2026, 3, 2, 4), ("UTC", 2026, 3, 2, 14), "Kolkata, +05:30"),
    ]
    rows = []
    for name, start_fields, end_fields, note in cases:
        start = local_instant(start_fields[0], *start_fields[1:])
        end = local_instant(end_fields[0], *end_fields[1:])
        zone = CALENDARS[name][0]
        rows.append(
            f'        ("{note}", .{name}, "{rfc3339(start, zone)}", "{rfc3339(end, zone)}", '
            f"{business_seconds(name, start, end)}),"
        )
    return rows


def closed_cases():
    """Contacts that arrive and are answered while the calendar is closed: each must count 0."""
    cases = [
        ("tokyo", ("Asia/Tokyo", 2026, 3, 6, 19), ("Asia/Tokyo", 2026, 3, 9, 8, 59, 59)),
        ("office", ("Europe/Amsterdam", 2026, 3, 4, 12, 31), ("Europe/Amsterdam", 2026, 3, 4, 13, 29)),
        ("office", ("Europe/Amsterdam", 2026, 12, 25, 9), ("Europe/Amsterdam", 2026, 12, 26, 16)),
        ("office", ("Europe/Amsterdam", 2026, 3, 8, 10), ("Europe/Amsterdam", 2026, 3, 8, 18)),
        ("night", ("Europe/Amsterdam", 2026, 3, 29, 6), ("Europe/Amsterdam", 2026, 3, 29, 21, 59, 59)),
        ("newYork", ("America/New_York", 2026, 3, 8, 3, 30), ("America/New_York", 2026, 3, 9, 7, 59)),
        ("lordHowe", ("Australia/Lord_Howe", 2026, 10, 4, 3), ("Australia/Lord_Howe", 2026, 10, 5, 0, 59)),
    ]
    rows = []
    for name, start_fields, end_fields in cases:
        start = local_instant(start_fields[0], *start_fields[1:])
        end = local_instant(end_fields[0], *end_fields[1:])
        zone = CALENDARS[name][0]
        assert business_seconds(name, start, end) == 0, (name, start_fields)
        rows.append(f'        (.{name}, "{rfc3339(start, zone)}", "{rfc3339(end, zone)}"),')
    return rows


def random_cases():
    """Seeded random intervals: starts in 2025-2028, lengths from a minute to 40 days, log-uniform."""
    rng = random.Random(20260329)
    low = local_instant("UTC", 2025, 1, 1)
    high = local_instant("UTC", 2028, 1, 1)
    rows = []
    for name in CALENDARS:
        for _ in range(8):
            start = rng.randrange(low, high)
            length = int(10 ** rng.uniform(1.8, 6.54))
            expected = business_seconds(name, start, start + length)
            rows.append(f"        (.{name}, {start}, {start + length}, {expected}),")
    return rows


def version_cases():
    """Hand-picked intervals around the dated versions of `peak` and `santiago`, written in local time."""
    ams = "Europe/Amsterdam"
    cases = [
        ("peak", (ams, 2026, 12, 1), (ams, 2026, 12, 8), "a week inside the peak season"),
        ("peak", (ams, 2026, 11, 20, 12), (ams, 2026, 11, 23, 20), "from usual hours into the peak season"),
        ("peak", (ams, 2026, 11, 21), (ams, 2026, 11, 28, 12), "the first week of the peak season"),
        ("peak", (ams, 2026, 3, 29), (ams, 2026, 3, 30), "spring forward inside a version"),
        ("peak", (ams, 2026, 10, 25), (ams, 2026, 10, 27), "fall back on a version's last day, then usual hours"),
        ("peak", (ams, 2026, 12, 31, 12), (ams, 2027, 1, 4, 12), "after until, back to usual hours"),
        ("peak", (ams, 2026, 12, 24), (ams, 2026, 12, 28), "a calendar holiday and a version's holiday"),
        ("peak", (ams, 2027, 2, 26, 17), (ams, 2027, 3, 1, 10), "into a version with no end"),
        ("peak", (ams, 2027, 3, 26), (ams, 2027, 3, 30), "a one-day version inside one with no end"),
        ("peak", (ams, 2026, 1, 1), (ams, 2028, 1, 1), "two years"),
        ("santiago", ("America/Santiago", 2026, 9, 5, 12), ("America/Santiago", 2026, 9, 6, 12), "a skipped midnight"),
        (
            "santiago",
            ("America/Santiago", 2027, 4, 3, 20),
            ("America/Santiago", 2027, 4, 4, 8),
            "a repeated hour before a version",
        ),
    ]
    rows = []
    for name, start_fields, end_fields, note in cases:
        start = local_instant(start_fields[0], *start_fields[1:])
        end = local_instant(end_fields[0], *end_fields[1:])
        zone = CALENDARS[name][0]
        rows.append(
            f'        ("{note}", .{name}, "{rfc3339(start, zone)}", "{rfc3339(end, zone)}", '
            f"{business_seconds(name, start, end)}),"
        )
    return rows


def version_random_cases():
    """Seeded random intervals from March 2026 to May 2027, where the versions are: a minute to 23 days."""
    rng = random.Random(20261123)
    low = local_instant("UTC", 2026, 3, 1)
    high = local_instant("UTC", 2027, 5, 1)
    rows = []
    for name in VERSIONS:
        for _ in range(12):
            start = rng.randrange(low, high)
            length = int(10 ** rng.uniform(1.8, 6.3))
            rows.append(f"        (.{name}, {start}, {start + length}, {business_seconds(name, start, start + length)}),")
    return rows


def week_labels():
    days = [
        date(2026, 12, 28), date(2026, 12, 31), date(2027, 1, 1), date(2027, 1, 3), date(2027, 1, 4),
        date(2024, 12, 29), date(2024, 12, 30), date(2025, 1, 1), date(2021, 1, 3), date(2021, 1, 4),
        date(2020, 12, 31), date(2026, 3, 2), date(2026, 3, 8), date(2015, 12, 31), date(2016, 1, 3),
    ]
    return [f'        ("{d}", "{"%d-W%02d" % d.isocalendar()[:2]}"),' for d in days]


def bounds(zone, period, first, following):
    start = local_instant(zone, *first)
    end = local_instant(zone, *following)
    day = date(*first)
    if period == "week":
        label = "%d-W%02d" % day.isocalendar()[:2]
    elif period == "month":
        label = f"{day.year}-{day.month:02d}"
    else:
        label = f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return (
        f'        ("{zone}", .{period}, "{label}", "{rfc3339(start, "UTC")}", "{rfc3339(end, "UTC")}", '
        f"{end - start}),"
    )


def period_bounds():
    """Period starts and ends, each at local midnight of the period's first day."""
    return [
        bounds("Europe/Amsterdam", "week", (2026, 3, 23), (2026, 3, 30)),
        bounds("Europe/Amsterdam", "week", (2026, 10, 19), (2026, 10, 26)),
        bounds("Europe/Amsterdam", "week", (2026, 3, 2), (2026, 3, 9)),
        bounds("America/New_York", "week", (2026, 3, 2), (2026, 3, 9)),
        bounds("America/New_York", "week", (2026, 10, 26), (2026, 11, 2)),
        bounds("Australia/Lord_Howe", "week", (2026, 9, 28), (2026, 10, 5)),
        bounds("Australia/Lord_Howe", "week", (2026, 3, 30), (2026, 4, 6)),
        bounds("Europe/Amsterdam", "month", (2026, 3, 1), (2026, 4, 1)),
        bounds("Europe/Amsterdam", "month", (2026, 2, 1), (2026, 3, 1)),
        bounds("Europe/Amsterdam", "month", (2026, 10, 1), (2026, 11, 1)),
        bounds("Europe/Amsterdam", "month", (2026, 12, 1), (2027, 1, 1)),
        bounds("Europe/Amsterdam", "quarter", (2026, 1, 1), (2026, 4, 1)),
        bounds("Europe/Amsterdam", "quarter", (2026, 10, 1), (2027, 1, 1)),
        bounds("America/New_York", "quarter", (2026, 1, 1), (2026, 4, 1)),
        bounds("Asia/Kolkata", "month", (2026, 2, 1), (2026, 3, 1)),
        bounds("UTC", "quarter", (2024, 1, 1), (2024, 4, 1)),
        # A midnight that does not exist: the period starts at 01:00, the instant of the transition.
        bounds("America/Sao_Paulo", "week", (1997, 10, 6), (1997, 10, 13)),
        bounds("America/Havana", "month", (2012, 4, 1), (2012, 5, 1)),
        bounds("America/Asuncion", "quarter", (2023, 10, 1), (2024, 1, 1)),
        # A midnight that happens twice (St John's fell back at 00:01 to 23:01): the earlier one.
        bounds("America/St_Johns", "month", (2009, 11, 1), (2009, 12, 1)),
        # Outside the years laid out in advance (1970-2100).
        bounds("Europe/Amsterdam", "week", (2150, 3, 23), (2150, 3, 30)),
        bounds("America/New_York", "month", (1960, 4, 1), (1960, 5, 1)),
    ]


def week_lengths():
    """How long the 53 ISO weeks of 2026 last (2025-12-29 to 2027-01-04), counted by length."""
    rows = []
    for zone in ["Europe/Amsterdam", "Australia/Lord_Howe", "America/New_York", "Asia/Kolkata"]:
        tz = ZoneInfo(zone)
        mondays = [date(2025, 12, 29) + timedelta(days=7 * i) for i in range(53)]
        lengths = Counter(
            int(
                datetime.combine(m + timedelta(days=7), time(), tz).timestamp()
                - datetime.combine(m, time(), tz).timestamp()
            )
            for m in mondays
        )
        table = ", ".join(f"{length}: {count}" for length, count in sorted(lengths.items()))
        rows.append(f'        ("{zone}", [{table}]),')
    return rows


def random_instants():
    """Seeded random instants: the label and bounds of the period containing each."""
    rng = random.Random(1729)
    zones = ["Europe/Amsterdam", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "America/Santiago"]
    rows = []
    for _ in range(30):
        zone = rng.choice(zones)
        period = rng.choice(["week", "month", "quarter"])
        instant = rng.randrange(local_instant("UTC", 1990, 1, 1), local_instant("UTC", 2040, 1, 1))
        day = datetime.fromtimestamp(instant, ZoneInfo(zone)).date()
        if period == "week":
            first = day - timedelta(days=day.weekday())
            following = first + timedelta(days=7)
            label = "%d-W%02d" % first.isocalendar()[:2]
        elif period == "month":
            first = day.replace(day=1)
            following = (first + timedelta(days=32)).replace(day=1)
            label = f"{first.year}-{first.month:02d}"
        else:
            first = date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
            following = (first + timedelta(days=95)).replace(day=1)
            label = f"{first.year}-Q{(first.month - 1) // 3 + 1}"
        start = local_instant(zone, first.year, first.month, first.day)
        end = local_instant(zone, following.year, following.month, following.day)
        assert start <= instant < end, (zone, instant)
        rows.append(f'        ("{zone}", .{period}, {instant}, "{label}", {start}, {end}),')
    return rows


def main():
    print("// tz database:", open("/usr/share/zoneinfo/tzdata.zi").readline().strip(), file=sys.stderr)
    for title, rows in [
        ("BusinessClockTests.namedCases", named_cases()),
        ("BusinessClockTests.closedCases", closed_cases()),
        ("BusinessClockTests.randomCases", random_cases()),
        ("BusinessClockVersionTests.namedCases", version_cases()),
        ("BusinessClockVersionTests.randomCases", version_random_cases()),
        ("ReportingPeriodTests.weekLabels", week_labels()),
        ("ReportingPeriodTests.bounds", period_bounds()),
        ("ReportingPeriodTests.weekLengths", week_lengths()),
        ("ReportingPeriodTests.randomInstants", random_instants()),
    ]:
        print(f"// {title}")
        print("\n".join(rows))


if __name__ == "__main__":
    main()
