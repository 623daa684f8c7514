import Foundation
import Yams

extension CharterDecoder {
    func decodeCalendars(_ node: Node, defaultZone: String) -> [BusinessCalendar] {
        guard let entries = context.mapping(node, "calendars", expected: "calendars by name, e.g. `office: {hours: …}`")
        else { return [] }
        var calendars: [BusinessCalendar] = []
        for entry in entries {
            let path = "calendars.\(entry.key)"
            if entry.key == "calendar" {
                context.error(
                    "reserved-name",
                    at: entry.keyNode,
                    path,
                    "`calendar` is reserved: `clock: calendar` means wall-clock time.",
                    fix: "Name the calendar after what it is, e.g. `office`."
                )
                continue
            }
            if let calendar = decodeCalendar(entry.value, name: entry.key, path: path, defaultZone: defaultZone) {
                calendars.append(calendar)
            }
        }
        return calendars
    }

    private func decodeCalendar(_ node: Node, name: String, path: String, defaultZone: String) -> BusinessCalendar? {
        guard
            let entries = context.mapping(node, path, expected: "`{timezone: …, hours: {mon-fri: [\"09:00-17:00\"]}}`")
        else { return nil }
        context.checkKeys(entries, allowed: ["timezone", "hours", "holidays", "versions"], path)
        var zone = defaultZone
        if let zoneNode = entries.value("timezone") {
            zone = decodeTimeZone(zoneNode, "\(path).timezone", root: node) ?? defaultZone
        }
        guard let hoursNode = entries.value("hours") else {
            context.error(
                "missing-key",
                at: node,
                "\(path).hours",
                "calendar `\(name)` has no opening hours.",
                fix: "Add `hours: {mon-fri: [\"09:00-17:00\"]}` or `hours: 24/7`."
            )
            return nil
        }
        guard let weekly = decodeHours(hoursNode, path: "\(path).hours") else { return nil }
        let holidays = entries.value("holidays").map { decodeHolidays($0, path: "\(path).holidays") } ?? []
        let versions = entries.value("versions").map { decodeVersions($0, path: "\(path).versions") } ?? []
        return BusinessCalendar(
            name: name,
            timeZoneIdentifier: zone,
            weeklyHours: weekly,
            holidays: holidays,
            versions: versions
        )
    }

    /// Weekly hours (`24/7` or days mapped to blocks), the calendar's own or a version's.
    func decodeHours(_ node: Node, path: String) -> [Weekday: [OpeningInterval]]? {
        if let scalar = node.scalar, ["24/7", "always"].contains(scalar.string.lowercased()) {
            let wholeDay = [OpeningInterval(startMinute: 0, endMinute: 1_440)]
            return Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, wholeDay) })
        }
        guard
            let entries = context.mapping(
                node,
                path,
                expected: "opening hours such as `{mon-fri: [\"09:00-17:00\"]}` or `24/7`"
            )
        else { return nil }
        let errorsBefore = context.errorCount
        var blocks: [Weekday: [(interval: OpeningInterval, node: Node, daySpec: String)]] = [:]
        for entry in entries {
            let entryPath = "\(path).\(entry.key)"
            guard let days = Weekday.days(in: entry.key) else {
                context.error(
                    "unknown-day",
                    at: entry.keyNode,
                    entryPath,
                    "`\(entry.key)` is not a day or range of days."
                        + Suggestion.didYouMean(entry.key, in: Weekday.spellings),
                    fix:
                        "Use mon … sun, a range such as mon-fri, a list such as mon,wed, or daily / weekdays / weekends."
                )
                continue
            }
            if let scalar = entry.value.scalar, scalar.string.lowercased() == "closed" { continue }
            if let items = entry.value.sequence, items.isEmpty { continue }
            guard let texts = context.strings(entry.value, entryPath, expected: "blocks such as \"08:00-12:30\"") else {
                continue
            }
            for (index, item) in texts.enumerated() {
                let itemPath = texts.count > 1 || entry.value.sequence != nil ? "\(entryPath)[\(index)]" : entryPath
                switch OpeningInterval.parse(item.text) {
                case .success(let interval):
                    for day in days { blocks[day, default: []].append((interval, item.node, entry.key)) }
                case .failure(.malformed):
                    context.error(
                        "malformed-hours",
                        at: item.node,
                        itemPath,
                        "`\(item.text)` is not a block of hours.",
                        fix: "Write blocks as \"HH:MM-HH:MM\", e.g. \"08:00-12:30\"."
                    )
                case .failure(.invalidTime(let time)):
                    context.error(
                        "malformed-hours",
                        at: item.node,
                        itemPath,
                        "`\(time)` is not a time of day.",
                        fix: "Use 00:00 to 24:00."
                    )
                case .failure(.empty):
                    context.error(
                        "malformed-hours",
                        at: item.node,
                        itemPath,
                        "`\(item.text)` opens and closes at the same time."
                    )
                case .failure(.startsAtMidnightEnd):
                    context.error(
                        "malformed-hours",
                        at: item.node,
                        itemPath,
                        "`\(item.text)` starts at 24:00, which is the end of the day.",
                        fix: "Start the block at 00:00 on the next day."
                    )
                case .failure(.crossesMidnight(let start, let end)):
                    let first = days.first ?? .monday
                    context.error(
                        "crosses-midnight",
                        at: item.node,
                        itemPath,
                        "`\(item.text)` crosses midnight; a block must stay within one day.",
                        fix: "Split it: \"\(start)-24:00\" on \(first) and \"00:00-\(end)\" on \(first.next)."
                    )
                }
            }
        }
        var weekly: [Weekday: [OpeningInterval]] = [:]
        // One report per pair of clashing blocks, naming every day they clash on.
        var clashes:
            [(
                block: Node, earlier: Node, text: String, earlierText: String, daySpec: String, earlierSpec: String,
                days: [Weekday]
            )] = []
        for day in Weekday.allCases {
            guard let dayBlocks = blocks[day] else { continue }
            let sorted = dayBlocks.sorted { $0.interval < $1.interval }
            var kept: [OpeningInterval] = []
            for (index, block) in sorted.enumerated() {
                if index > 0, let earlier = sorted[..<index].first(where: { $0.interval.overlaps(block.interval) }) {
                    if let existing = clashes.firstIndex(where: { $0.block == block.node && $0.earlier == earlier.node }
                    ) {
                        clashes[existing].days.append(day)
                    } else {
                        clashes.append(
                            (
                                block.node, earlier.node, "\(block.interval)", "\(earlier.interval)", block.daySpec,
                                earlier.daySpec, [day]
                            )
                        )
                    }
                    continue
                }
                kept.append(block.interval)
            }
            weekly[day] = kept
        }
        for clash in clashes {
            let days = Weekday.summary(of: clash.days)
            context.error(
                "overlapping-hours",
                at: clash.block,
                "\(path).\(clash.daySpec)",
                "on \(days) `\(clash.text)` overlaps `\(clash.earlierText)` (from `\(clash.earlierSpec)`, line \(clash.earlier.mark?.line ?? 0)).",
                fix: "Merge the two blocks or make them touch end to start."
            )
        }
        if weekly.values.allSatisfy(\.isEmpty) && context.errorCount == errorsBefore {
            context.error(
                "no-hours",
                at: node,
                path,
                "the calendar is never open.",
                fix: "Give at least one day a block of hours."
            )
        }
        return weekly
    }

    /// Holiday dates and ranges, the calendar's own or a version's, sorted and without repeats.
    func decodeHolidays(_ node: Node, path: String) -> [LocalDate] {
        if let items = node.sequence, items.isEmpty { return [] }
        guard
            let items = context.strings(
                node,
                path,
                expected: "dates such as 2026-12-25 or ranges 2026-12-24..2026-12-26"
            )
        else { return [] }
        var dates: [LocalDate] = []
        var seen: [LocalDate: Int] = [:]
        for (index, item) in items.enumerated() {
            let itemPath = "\(path)[\(index)]"
            let bounds = item.text.components(separatedBy: "..")
            var expanded: [LocalDate] = []
            if bounds.count == 2 {
                guard let first = rangeBound(bounds[0], "start", of: item, itemPath),
                    let last = rangeBound(bounds[1], "end", of: item, itemPath)
                else { continue }
                guard first <= last else {
                    context.error(
                        "invalid-range",
                        at: item.node,
                        itemPath,
                        "the range `\(item.text)` ends before it starts.",
                        fix: "Write the earlier date first."
                    )
                    continue
                }
                guard last.daysSinceEpoch - first.daysSinceEpoch < 366 else {
                    context.error(
                        "invalid-range",
                        at: item.node,
                        itemPath,
                        "the range `\(item.text)` is longer than a year."
                    )
                    continue
                }
                var day = first
                while day <= last {
                    expanded.append(day)
                    day = day.adding(days: 1)
                }
            } else if let date = context.date(item.node, itemPath) {
                expanded = [date]
            }
            // One warning per entry, however many of its days repeat earlier ones.
            let repeated = expanded.filter { seen[$0] != nil }
            if let firstRepeat = repeated.first {
                let count = repeated.count
                context.warning(
                    "duplicate-holiday",
                    at: item.node,
                    itemPath,
                    count == 1
                        ? "\(firstRepeat) is already a holiday (line \(seen[firstRepeat] ?? 0))."
                        : "\(count) of these days are already holidays, from \(firstRepeat) (line \(seen[firstRepeat] ?? 0))."
                )
            }
            for date in expanded where seen[date] == nil {
                seen[date] = item.node.mark?.line ?? 0
                dates.append(date)
            }
        }
        return dates.sorted()
    }

    /// One end of a holiday range, reported by name when it is not a date.
    private func rangeBound(
        _ text: String,
        _ end: String,
        of item: (text: String, node: Node),
        _ path: String
    ) -> LocalDate? {
        switch LocalDate.parse(text) {
        case .success(let date):
            return date
        case .failure(.malformed):
            context.error(
                "invalid-date",
                at: item.node,
                path,
                "the \(end) of the range `\(item.text)` is not a date.",
                fix: "Write a range as 2026-12-24..2026-12-26."
            )
        case .failure(.impossible(let reason)):
            context.error(
                "impossible-date",
                at: item.node,
                path,
                "the \(end) of the range `\(item.text)` does not exist: \(reason)."
            )
        }
        return nil
    }

    func decodeSegments(_ node: Node) -> [String: Population] {
        guard
            let entries = context.mapping(
                node,
                "segments",
                expected: "segments by name, e.g. `enterprise: {tier: enterprise}`"
            )
        else { return [:] }
        var segments: [String: Population] = [:]
        for entry in entries {
            let path = "segments.\(entry.key)"
            guard let filters = context.mapping(entry.value, path, expected: "filters such as `{tier: enterprise}`")
            else { continue }
            if filters.isEmpty {
                context.error(
                    "missing-value",
                    at: entry.value,
                    path,
                    "the segment has no filters.",
                    fix: "Add a filter such as `{tier: enterprise}`."
                )
                continue
            }
            if let population = decodeFilters(filters, path: path, allowed: Dimension.allCases.map(\.rawValue)) {
                segments[entry.key] = population
            }
        }
        return segments
    }

    /// Dimension filters (`channel: chat`, `tier: [standard, smb]`) as a population.
    func decodeFilters(
        _ entries: [(key: String, keyNode: Node, value: Node)],
        path: String,
        allowed: [String]
    ) -> Population? {
        context.checkKeys(entries, allowed: allowed, path)
        var population = Population()
        for entry in entries {
            guard let dimension = Dimension(rawValue: entry.key) else { continue }
            let entryPath = "\(path).\(entry.key)"
            guard let values = context.strings(entry.value, entryPath, expected: "a \(entry.key) or a list of them")
            else { continue }
            if dimension == .channel {
                for value in values where !Dimension.knownChannels.contains(value.text.lowercased()) {
                    if let suggestion = Suggestion.closest(to: value.text, in: Dimension.knownChannels) {
                        context.warning(
                            "unknown-channel",
                            at: value.node,
                            entryPath,
                            "`\(value.text)` is not a channel Northstar knows. Did you mean `\(suggestion)`?",
                            fix: "Other words are allowed when your data uses them."
                        )
                    }
                }
            }
            population.filters[dimension] = values.map(\.text)
        }
        return population
    }
}
