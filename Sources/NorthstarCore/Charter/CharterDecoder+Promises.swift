import Foundation
import Yams

extension CharterDecoder {
    static let promiseKeys = [
        "id", "says", "metric", "where", "clock", "target", "period", "minimumSample", "note", "preset", "definition",
        "policies",
    ]
    static let targetKeys = [
        "within", "share", "atLeast", "atMost", "median", "mean", "p50", "p75", "p80", "p90", "p95", "p99",
    ]

    func decodePromises(_ node: Node, charter: Charter) -> [Promise] {
        guard let items = context.sequence(node, "promises", expected: "a list of promises, each starting `- id: …`")
        else { return [] }
        var promises: [Promise] = []
        var firstLine: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            let path = "promises[\(index)]"
            guard let entries = context.mapping(item, path, expected: "a promise: `{id: …, metric: …, target: …}`")
            else { continue }
            context.checkKeys(entries, allowed: Self.promiseKeys, path)

            var id: String?
            if let idNode = entries.value("id"),
                let text = context.string(idNode, "\(path).id", expected: "an id such as chat-first-response")
            {
                id = text
                if !Self.isKebabCase(text) {
                    context.error(
                        "invalid-id",
                        at: idNode,
                        "\(path).id",
                        "`\(text)` is not a valid promise id.",
                        fix: "Use lowercase words joined by hyphens, e.g. `\(Self.kebabCased(text))`."
                    )
                }
                if let line = firstLine[text] {
                    context.error(
                        "duplicate-id",
                        at: idNode,
                        "\(path).id",
                        "the promise id `\(text)` is already used (line \(line)).",
                        fix: "Give every promise its own id."
                    )
                } else {
                    firstLine[text] = idNode.mark?.line ?? 0
                }
            } else if entries.value("id") == nil {
                context.error(
                    "missing-key",
                    at: item,
                    "\(path).id",
                    "the promise has no id.",
                    fix: "Add `id: chat-first-response` (any unique kebab-case name)."
                )
            }

            var metric: Metric?
            if let metricNode = entries.value("metric") {
                let names = Metric.allCases.map(\.rawValue)
                if let text = context.string(metricNode, "\(path).metric", expected: names.joined(separator: ", ")) {
                    metric = Metric(rawValue: text.lowercased())
                    if metric == nil {
                        context.error(
                            "unknown-metric",
                            at: metricNode,
                            "\(path).metric",
                            "unknown metric `\(text)`." + Suggestion.didYouMean(text, in: names),
                            fix: "Metrics: \(names.joined(separator: ", "))."
                        )
                    }
                }
            } else {
                context.error(
                    "missing-key",
                    at: item,
                    "\(path).metric",
                    "the promise has no metric.",
                    fix: "Add `metric: first-response` (the metrics are listed in docs/charter.md)."
                )
            }

            let says = entries.value("says").flatMap {
                context.statement($0, "\(path).says", expected: "the words of the mission this promise stands for")
            }
            let population =
                entries.value("where").flatMap { decodeWhere($0, path: "\(path).where", segments: charter.segments) }
                ?? Population()
            let clock =
                entries.value("clock").flatMap {
                    decodeClock($0, path: "\(path).clock", metric: metric, calendars: charter.calendars)
                } ?? .calendar

            var period = Period.week
            if let periodNode = entries.value("period") {
                let names = Period.allCases.map(\.rawValue)
                if let text = context.string(periodNode, "\(path).period", expected: names.joined(separator: ", ")) {
                    if let parsed = Period(rawValue: text.lowercased()) {
                        period = parsed
                    } else {
                        context.error(
                            "unknown-period",
                            at: periodNode,
                            "\(path).period",
                            "unknown period `\(text)`." + Suggestion.didYouMean(text, in: names),
                            fix: "Use week, month or quarter."
                        )
                    }
                }
            }
            var minimumSample = charter.minimumSample
            if let sampleNode = entries.value("minimumSample") {
                minimumSample =
                    context.integer(
                        sampleNode,
                        "\(path).minimumSample",
                        minimum: 1,
                        expected: "a sample size of at least 1"
                    ) ?? minimumSample
            }

            // The definition comes first: a CSAT promise judged by its mean score takes its target on the scale.
            var options = decodeOptions(
                preset: entries.value("preset"),
                definition: entries.value("definition"),
                base: charter.metricOptions,
                path: path
            )
            if let policiesNode = entries.value("policies") {
                let policies = decodePolicies(policiesNode, path: "\(path).policies")
                if let metric, metric != .sla {
                    context.warning(
                        "policies-unused",
                        at: policiesNode,
                        "\(path).policies",
                        "SLA policies only apply to `metric: sla`; `\(metric.rawValue)` ignores them.",
                        fix: "Remove `policies:`, or make this an `sla` promise."
                    )
                } else {
                    options.slaPolicies = policies ?? []
                }
            } else if metric == .sla {
                context.error(
                    "missing-key",
                    at: item,
                    "\(path).policies",
                    "an `sla` promise needs its policies.",
                    fix: "Add e.g. `policies: [{where: {priority: urgent}, firstResponse: 1h, resolution: 8h}, "
                        + "{firstResponse: 8h, resolution: 3d}]` (first match wins)."
                )
            }
            var target: PromiseTarget?
            if let targetNode = entries.value("target") {
                if let metric {
                    target = decodeTarget(targetNode, path: "\(path).target", metric: metric, options: options)
                } else {
                    checkTargetKeys(targetNode, path: "\(path).target")
                }
            } else {
                context.error(
                    "missing-key",
                    at: item,
                    "\(path).target",
                    "the promise has no target.",
                    fix: "Add e.g. `target: {within: 1h, share: 90%}` or `target: {atLeast: 75%}`."
                )
            }
            if let note = entries.value("note") { _ = context.string(note, "\(path).note") }
            guard let id, let metric, let target else { continue }
            promises.append(
                Promise(
                    id: id,
                    says: says,
                    metric: metric,
                    population: population,
                    clock: clock,
                    target: target,
                    period: period,
                    minimumSample: minimumSample,
                    options: options,
                    location: context.location(item)
                )
            )
        }
        return promises
    }

    static func isKebabCase(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
        }
    }

    static func kebabCased(_ text: String) -> String {
        let words = text.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        return words.isEmpty ? "my-promise" : words.joined(separator: "-")
    }

    private func decodeWhere(_ node: Node, path: String, segments: [String: Population]) -> Population? {
        guard
            let entries = context.mapping(
                node,
                path,
                expected: "filters such as `{channel: chat}` or `{segment: enterprise}`"
            )
        else { return nil }
        let allowed = Dimension.allCases.map(\.rawValue) + ["segment"]
        guard var population = decodeFilters(entries, path: path, allowed: allowed) else { return nil }
        if let segmentEntry = entries.first(where: { $0.key == "segment" }),
            let names = context.strings(segmentEntry.value, "\(path).segment", expected: "a segment name")
        {
            // A list of dimension values means "any of them", so a list of segments would read the same way;
            // segments can filter different dimensions, so "any of" cannot be expressed. One per promise.
            if names.count > 1 {
                context.error(
                    "several-segments",
                    at: segmentEntry.value,
                    "\(path).segment",
                    "a promise covers one segment, but this names \(names.count).",
                    fix: "Define one segment that covers what you mean, or filter by dimensions (`tier: [a, b]`)."
                )
                return nil
            }
            for name in names {
                guard let segment = segments[name.text] else {
                    context.error(
                        "unknown-segment",
                        at: name.node,
                        "\(path).segment",
                        "unknown segment `\(name.text)`." + Suggestion.didYouMean(name.text, in: segments.keys),
                        fix: segments.isEmpty
                            ? "Define it under `segments:`, e.g. `segments: {\(name.text): {tier: \(name.text)}}`."
                            : "Segments defined: \(segments.keys.sorted().joined(separator: ", "))."
                    )
                    continue
                }
                var named = segment
                named.segments = [name.text]
                guard let narrowed = population.intersected(with: named) else {
                    context.error(
                        "empty-population",
                        at: name.node,
                        path,
                        "no contact can match: segment `\(name.text)` (\(segment.summary)) contradicts \(population.summary).",
                        fix: "Remove one of the filters."
                    )
                    return nil
                }
                population = narrowed
            }
        }
        return population
    }

    private func decodeClock(
        _ node: Node,
        path: String,
        metric: Metric?,
        calendars: [BusinessCalendar]
    ) -> Promise.Clock? {
        let names = calendars.map(\.name)
        guard let text = context.string(node, path, expected: "`calendar` or the name of a business calendar") else {
            return nil
        }
        if text == "calendar" { return .calendar }
        guard names.contains(text) else {
            context.error(
                "unknown-calendar",
                at: node,
                path,
                "unknown calendar `\(text)`." + Suggestion.didYouMean(text, in: names + ["calendar"]),
                fix: names.isEmpty
                    ? "Define it under `calendars:`, or use `clock: calendar` for wall-clock time."
                    : "Calendars defined: \(names.joined(separator: ", ")); `calendar` means wall-clock time."
            )
            return nil
        }
        if let metric, metric.kind != .duration && metric != .sla {
            context.warning(
                "clock-unused",
                at: node,
                path,
                "a clock only applies to durations; `\(metric.rawValue)` is not one, so it is ignored.",
                fix: "Remove `clock:` from this promise."
            )
        }
        return .business(calendar: text)
    }
}
