import Foundation
import Yams

extension CharterDecoder {
    /// Reads a target and checks that its form suits the metric (and, for CSAT, the statistic its definition
    /// names) and its numbers can be met and missed.
    func decodeTarget(
        _ node: Node,
        path: String,
        metric: Metric,
        options: MetricOptions
    ) -> PromiseTarget? {
        guard
            let entries = context.mapping(
                node,
                path,
                expected: "a target such as `{within: 1h, share: 90%}` or `{atLeast: 75%}`"
            )
        else { return nil }
        let fixed = ["within", "share", "atLeast", "atMost"]
        var statistics: [(PromiseTarget.Statistic, key: String, node: Node)] = []
        var misspelt = false
        for entry in entries where !fixed.contains(entry.key) {
            if let statistic = PromiseTarget.Statistic(parsing: entry.key) {
                statistics.append((statistic, entry.key, entry.value))
            } else {
                misspelt = true
                let suggestion = Suggestion.closest(to: entry.key, in: Self.targetKeys)
                context.error(
                    "unknown-key",
                    at: entry.keyNode,
                    "\(path).\(entry.key)",
                    "unknown target key `\(entry.key)`." + (suggestion.map { " Did you mean `\($0)`?" } ?? ""),
                    fix: "A target is `within`+`share`, a statistic (`median`, `mean`, `p90`), `atLeast` or `atMost`."
                )
            }
        }
        // A misspelt key is already reported; what is missing because of it needs no second message.
        if misspelt && statistics.isEmpty && !fixed.contains(where: { entries.value($0) != nil }) { return nil }
        let forms = [
            entries.value("within") != nil || entries.value("share") != nil, !statistics.isEmpty,
            entries.value("atLeast") != nil,
            entries.value("atMost") != nil,
        ]
        if forms.filter({ $0 }).count > 1 || statistics.count > 1 {
            context.error(
                "mixed-target",
                at: node,
                path,
                "a target has one form, but this one mixes \(entries.map { "`\($0.key)`" }.joined(separator: ", ")).",
                fix: "Split it into two promises, one per target."
            )
            return nil
        }

        switch metric.kind {
        case .duration:
            if entries.value("atLeast") != nil || entries.value("atMost") != nil {
                context.error(
                    "target-form",
                    at: node,
                    path,
                    "`\(metric.rawValue)` is a duration; `atLeast`/`atMost` are for rates and scores.",
                    fix: "Write `{within: 1h, share: 90%}` (90% of samples within 1h) or `{median: 4h}`."
                )
                return nil
            }
            if let (statistic, key, statisticNode) = statistics.first {
                guard let limit = duration(statisticNode, "\(path).\(key)") else { return nil }
                return .statistic(statistic, limit)
            }
            guard let withinNode = entries.value("within") else {
                context.error(
                    "missing-key",
                    at: node,
                    path,
                    entries.isEmpty
                        ? "the target is empty." : "`share` needs `within`: the time the share of samples must meet.",
                    fix: "Write `{within: 1h, share: 90%}`."
                )
                return nil
            }
            guard let shareNode = entries.value("share") else {
                context.error(
                    "missing-key",
                    at: node,
                    path,
                    "`within` needs `share`: how many samples must be that fast.",
                    fix: "Add e.g. `share: 90%` (at least 90% of samples within the time)."
                )
                return nil
            }
            let within = duration(withinNode, "\(path).within")
            var share = context.share(shareNode, "\(path).share")
            if let value = share?.fraction {
                if value <= 0 || value > 1 {
                    context.error(
                        "out-of-range",
                        at: shareNode,
                        "\(path).share",
                        value <= 0
                            ? "a share of \(Share(fraction: value)) is kept by doing nothing."
                            : "\(Share(fraction: value)) is more than all samples.",
                        fix: "Use a share above 0% and at most 100%, e.g. 90%."
                    )
                    share = nil
                } else if value == 1 {
                    context.warning(
                        "fragile-target",
                        at: shareNode,
                        "\(path).share",
                        "100% is broken by a single late contact.",
                        fix: "Most teams promise 80–95% and watch the slowest with a p95 promise."
                    )
                }
            }
            guard let within, let share else { return nil }
            return .attainment(within: within, share: share)

        case .rate, .score:
            if entries.value("within") != nil || entries.value("share") != nil || !statistics.isEmpty {
                let example =
                    metric.kind == .score
                    ? "`{atLeast: 30}`" : metric.higherIsBetter ? "`{atLeast: 75%}`" : "`{atMost: 5%}`"
                context.error(
                    "target-form",
                    at: node,
                    path,
                    "`\(metric.rawValue)` is a \(metric.kind == .score ? "score" : "rate"); `within`, `share` and statistics are for durations.",
                    fix: "Write \(example)."
                )
                return nil
            }
            let isAtLeast = entries.value("atLeast") != nil
            guard let boundNode = entries.value("atLeast") ?? entries.value("atMost") else {
                context.error(
                    "missing-key",
                    at: node,
                    path,
                    "the target is empty.",
                    fix: "Write `{atLeast: …}` or `{atMost: …}`."
                )
                return nil
            }
            let key = isAtLeast ? "atLeast" : "atMost"
            if options.judgesMeanScore(metric) {
                return meanScore(boundNode, "\(path).\(key)", isAtLeast: isAtLeast, scale: options.csatScale)
            }
            guard
                let bound = metric.kind == .score
                    ? points(boundNode, "\(path).\(key)") : rate(boundNode, "\(path).\(key)")
            else { return nil }
            let range: ClosedRange<Double> = metric.kind == .score ? -100...100 : 0...1
            let (unit, low, high) = metric.kind == .score ? ("points", "-100", "+100") : ("", "0%", "100%")
            let shown = metric.kind == .score ? "\(Self.format(bound)) \(unit)" : Share(fraction: bound).description
            if !range.contains(bound) {
                context.error(
                    "out-of-range",
                    at: boundNode,
                    "\(path).\(key)",
                    "\(metric.displayName) of \(shown) is impossible: it runs from \(low) to \(high).",
                    fix: metric.kind == .score
                        ? "NPS is %promoters − %detractors, e.g. `atLeast: 30`." : "Use a share such as 88%."
                )
                return nil
            }
            if (isAtLeast && bound == range.lowerBound) || (!isAtLeast && bound == range.upperBound) {
                context.error(
                    "out-of-range",
                    at: boundNode,
                    "\(path).\(key)",
                    "\(key) \(shown) is kept whatever happens, so it promises nothing.",
                    fix: "Choose a target that can be missed."
                )
                return nil
            }
            if metric.kind == .rate && ((isAtLeast && bound == 1) || (!isAtLeast && bound == 0)) {
                context.warning(
                    "fragile-target",
                    at: boundNode,
                    "\(path).\(key)",
                    "\(key) \(shown) is broken by a single contact.",
                    fix: "Most teams leave room: e.g. `atLeast: 95%` or `atMost: 2%`."
                )
            }
            if isAtLeast != metric.higherIsBetter {
                let better = metric.higherIsBetter ? "higher" : "lower"
                context.warning(
                    "target-direction",
                    at: boundNode,
                    "\(path).\(key)",
                    "for `\(metric.rawValue)` \(better) is better, so `\(key)` rewards getting worse.",
                    fix: "Did you mean `\(isAtLeast ? "atMost" : "atLeast")`?"
                )
            }
            return isAtLeast ? .atLeast(bound) : .atMost(bound)
        }
    }

    /// A bound on the mean CSAT answer: a number on the scale that can be met and missed.
    private func meanScore(
        _ node: Node,
        _ path: String,
        isAtLeast: Bool,
        scale: MetricOptions.CSATScale
    ) -> PromiseTarget? {
        guard let text = context.string(node, path, expected: "a mean answer such as 4.2") else { return nil }
        let low = Self.format(scale.range.lowerBound)
        let high = Self.format(scale.range.upperBound)
        let example = Self.format(scale.range.upperBound - (scale.range.upperBound - scale.range.lowerBound) / 5)
        guard !text.hasSuffix("%"), let bound = Double(text), bound.isFinite else {
            context.error(
                "invalid-score",
                at: node,
                path,
                text.hasSuffix("%")
                    ? "a mean CSAT score is an answer on the \(scale) scale, not a percentage: `\(text)`."
                    : "`\(text)` is not a mean CSAT answer.",
                fix: "Write e.g. `\(isAtLeast ? "atLeast" : "atMost"): \(example)` (on \(scale)), or drop "
                    + "`csatStatistic: mean-score` to judge the share of positive answers."
            )
            return nil
        }
        guard scale.range.contains(bound) else {
            context.error(
                "out-of-range",
                at: node,
                path,
                "a mean CSAT answer of \(Self.format(bound)) is impossible: answers run from \(low) to \(high).",
                fix: "Write e.g. `\(isAtLeast ? "atLeast" : "atMost"): \(example)`."
            )
            return nil
        }
        if (isAtLeast && bound == scale.range.lowerBound) || (!isAtLeast && bound == scale.range.upperBound) {
            context.error(
                "out-of-range",
                at: node,
                path,
                "\(isAtLeast ? "atLeast" : "atMost") \(Self.format(bound)) is kept whatever happens, so it promises nothing.",
                fix: "Choose a target that can be missed."
            )
            return nil
        }
        if !isAtLeast {
            context.warning(
                "target-direction",
                at: node,
                path,
                "for `csat` higher is better, so `atMost` rewards getting worse.",
                fix: "Did you mean `atLeast`?"
            )
        }
        return isAtLeast ? .atLeast(bound) : .atMost(bound)
    }

    /// Without a known metric the form cannot be judged, but misspelt keys can still be reported.
    func checkTargetKeys(_ node: Node, path: String) {
        guard let entries = context.mapping(node, path, expected: "a target such as `{within: 1h, share: 90%}`") else {
            return
        }
        for entry in entries
        where !["within", "share", "atLeast", "atMost"].contains(entry.key)
            && PromiseTarget.Statistic(parsing: entry.key) == nil
        {
            let suggestion = Suggestion.closest(to: entry.key, in: Self.targetKeys)
            context.error(
                "unknown-key",
                at: entry.keyNode,
                "\(path).\(entry.key)",
                "unknown target key `\(entry.key)`." + (suggestion.map { " Did you mean `\($0)`?" } ?? "")
            )
        }
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    private func duration(_ node: Node, _ path: String) -> CharterDuration? {
        guard let text = context.string(node, path, expected: "a duration such as 30s, 15m, 1h, 2d or 1h30m") else {
            return nil
        }
        guard let duration = CharterDuration(parsing: text) else {
            let fix =
                Double(text) != nil
                ? "Add a unit: `\(text)s`, `\(text)m`, `\(text)h` or `\(text)d`."
                : "Write a duration such as 30s, 15m, 1h, 2d or 1h30m (largest unit first)."
            context.error("invalid-duration", at: node, path, "`\(text)` is not a duration.", fix: fix)
            return nil
        }
        if duration.seconds == 0 {
            context.error(
                "out-of-range",
                at: node,
                path,
                "a time limit of 0 can never be met.",
                fix: "Use a positive duration such as 30s."
            )
            return nil
        }
        return duration
    }

    private func rate(_ node: Node, _ path: String) -> Double? {
        guard let text = context.string(node, path, expected: "a share such as 75% or 0.75") else { return nil }
        switch Share.parse(text) {
        case .success(let share): return share.fraction
        case .failure(.ambiguousWholeNumber(let value)) where value <= 100:
            context.error(
                "invalid-share",
                at: node,
                path,
                "`\(text)` is ambiguous: a rate is a share between 0 and 1.",
                fix: "Write \(Self.format(value))% if you mean percent."
            )
            return nil
        case .failure(.ambiguousWholeNumber(let value)):
            // 120 is not a share in any reading: report it as a percentage out of range.
            return value / 100
        case .failure(.notANumber):
            context.error(
                "invalid-share",
                at: node,
                path,
                "`\(text)` is not a share.",
                fix: "Write a share as 75% or 0.75."
            )
            return nil
        }
    }

    private func points(_ node: Node, _ path: String) -> Double? {
        guard let text = context.string(node, path, expected: "NPS points such as 30") else { return nil }
        if text.hasSuffix("%") {
            context.error(
                "invalid-score",
                at: node,
                path,
                "NPS is in points, not percent: `\(text)`.",
                fix: "Write `\(text.dropLast())` (NPS runs from -100 to +100)."
            )
            return nil
        }
        let cleaned = text.hasPrefix("+") ? String(text.dropFirst()) : text
        guard let value = Double(cleaned), value.isFinite else {
            context.error(
                "invalid-score",
                at: node,
                path,
                "`\(text)` is not a number of points.",
                fix: "Write e.g. `atLeast: 30`."
            )
            return nil
        }
        return value
    }
}
