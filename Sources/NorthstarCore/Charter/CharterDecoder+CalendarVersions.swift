import Yams

extension CharterDecoder {
    /// A calendar's `versions`: dated weekly hours, such as a peak season. Two versions may not start on the same
    /// day, since then nothing says which one holds.
    func decodeVersions(_ node: Node, path: String) -> [CalendarVersion] {
        let expected = "a list of versions such as `- {from: 2026-11-23, until: 2026-12-31, hours: {…}}`"
        if context.isNull(node) {
            context.error("missing-value", at: node, path, "is empty; expected \(expected).")
            return []
        }
        guard let items = context.sequence(node, path, expected: expected) else { return [] }
        var versions: [CalendarVersion] = []
        var startNodes: [LocalDate: Node] = [:]
        for (index, item) in items.enumerated() {
            let itemPath = "\(path)[\(index)]"
            guard let (version, fromNode) = decodeVersion(item, path: itemPath) else { continue }
            if let earlier = startNodes[version.firstDay] {
                context.error(
                    "duplicate-version-start",
                    at: fromNode,
                    "\(itemPath).from",
                    "another version (line \(earlier.mark?.line ?? 0)) also starts on \(version.firstDay), so "
                        + "nothing says which hours hold on the days both cover.",
                    fix: "Merge the two versions, or start one of them on another day."
                )
                continue
            }
            startNodes[version.firstDay] = fromNode
            versions.append(version)
        }
        return versions.sorted { $0.firstDay < $1.firstDay }
    }

    /// One version and the node of its `from`, or `nil` (reported) when it cannot be used.
    private func decodeVersion(_ node: Node, path: String) -> (CalendarVersion, fromNode: Node)? {
        guard
            let entries = context.mapping(
                node,
                path,
                expected:
                    "a version such as `{from: 2026-11-23, until: 2026-12-31, hours: {mon-sat: [\"08:00-22:00\"]}}`"
            )
        else { return nil }
        if let zoneKey = entries.keyNode("timezone") {
            context.error(
                "unknown-key",
                at: zoneKey,
                "\(path).timezone",
                "a version cannot change the time zone: a calendar has one zone, and every version's hours are read in it.",
                fix: "Remove `timezone` here, or define a separate calendar for the other zone."
            )
        }
        context.checkKeys(
            entries.filter { $0.key != "timezone" },
            allowed: ["from", "until", "hours", "holidays"],
            path
        )
        let fromNode = entries.value("from")
        if fromNode == nil {
            context.error(
                "missing-key",
                at: node,
                "\(path).from",
                "the version has no first day.",
                fix: "Add `from: 2026-11-23`, the first local date its hours hold."
            )
        }
        let firstDay = fromNode.flatMap { context.date($0, "\(path).from") }
        let untilNode = entries.value("until")
        let lastDay = untilNode.flatMap { context.date($0, "\(path).until") }
        var weekly: [Weekday: [OpeningInterval]]?
        if let hoursNode = entries.value("hours") {
            weekly = decodeHours(hoursNode, path: "\(path).hours")
        } else {
            context.error(
                "missing-key",
                at: node,
                "\(path).hours",
                "the version has no opening hours.",
                fix: "Add `hours: {mon-sat: [\"08:00-22:00\"]}`: the hours of the whole week while the version holds."
            )
        }
        let holidays = entries.value("holidays").map { decodeHolidays($0, path: "\(path).holidays") } ?? []
        guard let fromNode, let firstDay, let weekly else { return nil }
        if let untilNode, let lastDay, lastDay < firstDay {
            context.error(
                "invalid-range",
                at: untilNode,
                "\(path).until",
                "the version ends on \(lastDay), before it starts on \(firstDay).",
                fix: "Make `until` the last day of the version, on or after `from`."
            )
            return nil
        }
        let version = CalendarVersion(firstDay: firstDay, lastDay: lastDay, weeklyHours: weekly, holidays: holidays)
        if let holidaysNode = entries.value("holidays") {
            warnAboutHolidaysOutside(version, at: holidaysNode, path: "\(path).holidays")
        }
        return (version, fromNode)
    }

    /// A version's holiday outside its own dates still closes the calendar, but is most likely a typo.
    private func warnAboutHolidaysOutside(_ version: CalendarVersion, at node: Node, path: String) {
        let outside = version.holidays.filter { !version.contains($0) }
        guard let first = outside.first else { return }
        context.warning(
            "holiday-outside-version",
            at: node,
            path,
            (outside.count == 1
                ? "\(first) is outside the version's dates (\(version.dates)); it still closes the calendar."
                : "\(outside.count) of these days are outside the version's dates (\(version.dates)), starting with \(first); "
                    + "they still close the calendar."),
            fix: "Check the date, or move it to the calendar's own `holidays`."
        )
    }
}
