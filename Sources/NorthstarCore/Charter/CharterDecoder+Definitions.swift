import Foundation
import Yams

extension CharterDecoder {
    static let definitionKeys = [
        "firstResponseStart", "firstResponse", "nextReply", "resolution", "pauses", "fcr", "fcrMaxReplies",
        "fcrReopens", "reopenWindow", "csatScale", "csatPositive", "csatStatistic", "shortAbandon",
        "abandonedCalls", "slaMode", "slaPending",
    ]

    /// Options from a `preset:` and a `definition:` (either may be absent) on top of `base`.
    func decodeOptions(
        preset presetNode: Node?,
        definition definitionNode: Node?,
        base: MetricOptions,
        path: String
    ) -> MetricOptions {
        var options = base
        if let presetNode, let name = context.string(presetNode, context.join(path, "preset"), expected: "a preset") {
            if let preset = MetricOptions.preset(name.lowercased()) {
                options = preset
            } else {
                context.error(
                    "unknown-preset",
                    at: presetNode,
                    context.join(path, "preset"),
                    "unknown preset `\(name)`." + Suggestion.didYouMean(name, in: MetricOptions.presetNames),
                    fix: "Presets: \(MetricOptions.presetNames.joined(separator: ", "))."
                )
            }
        }
        guard let definitionNode,
            let entries = context.mapping(
                definitionNode,
                context.join(path, "definition"),
                expected: "definition options such as `{fcrMaxReplies: 1}`"
            )
        else { return options }
        context.checkKeys(entries, allowed: Self.definitionKeys, context.join(path, "definition"))
        var positiveNode: Node?
        var scaleNode: Node?
        for entry in entries {
            let keyPath = context.join(path, "definition.\(entry.key)")
            func choice(_ allowed: [String]) -> String? {
                let listed = Self.listed(allowed)
                guard let text = context.string(entry.value, keyPath, expected: listed) else { return nil }
                guard allowed.contains(text) else {
                    context.error(
                        "invalid-option",
                        at: entry.value,
                        keyPath,
                        "`\(text)` is not a choice here." + Suggestion.didYouMean(text, in: allowed),
                        fix: "Use \(listed)."
                    )
                    return nil
                }
                return text
            }
            func choice<Option: RawRepresentable & CaseIterable>(_: Option.Type) -> Option?
            where Option.RawValue == String {
                choice(Option.allCases.map(\.rawValue)).flatMap(Option.init(rawValue:))
            }
            switch entry.key {
            case "firstResponseStart":
                if let start = choice(MetricOptions.FirstResponseStart.self) { options.firstResponseStart = start }
            case "firstResponse":
                if let text = choice(["per-ticket", "per-cycle"]) {
                    options.firstResponsePerCycle = text == "per-cycle"
                }
            case "nextReply":
                if let each = choice(MetricOptions.NextReplyPerTicket.self) { options.nextReplyPerTicket = each }
            case "resolution":
                if let end = choice(MetricOptions.ResolutionEnd.self) { options.resolutionEnd = end }
            case "pauses":
                if let text = choice(["subtract", "ignore"]) { options.subtractPauses = text == "subtract" }
            case "fcr":
                if let method = choice(MetricOptions.FCRMethod.self) { options.fcrMethod = method }
            case "fcrReopens":
                if let text = choice(["count", "ignore"]) { options.fcrCountsReopens = text == "count" }
            case "fcrMaxReplies":
                if let value = context.integer(entry.value, keyPath, minimum: 0, expected: "a number of agent replies")
                {
                    options.fcrMaxReplies = value
                }
            case "reopenWindow":
                guard let text = context.string(entry.value, keyPath, expected: "whole days such as 7d") else {
                    continue
                }
                guard let window = CharterDuration(parsing: text), window.seconds > 0, window.seconds % 86_400 == 0
                else {
                    context.error(
                        "invalid-duration",
                        at: entry.value,
                        keyPath,
                        "`\(text)` is not a whole number of days.",
                        fix: "Write e.g. `7d`."
                    )
                    continue
                }
                options.reopenWindowDays = window.seconds / 86_400
            case "csatScale":
                if let scale = choice(MetricOptions.CSATScale.self) {
                    options.csatScale = scale
                    scaleNode = entry.value
                }
            case "csatPositive":
                guard let text = context.string(entry.value, keyPath, expected: "a CSAT answer such as 4") else {
                    continue
                }
                guard let value = Double(text), value.isFinite else {
                    context.error(
                        "invalid-number",
                        at: entry.value,
                        keyPath,
                        "`\(text)` is not a CSAT answer.",
                        fix: "Write the lowest positive answer, e.g. `csatPositive: 4` (4 and 5 are positive on 1–5)."
                    )
                    continue
                }
                options.csatPositiveAtLeast = value
                positiveNode = entry.value
            case "csatStatistic":
                if let statistic = choice(MetricOptions.CSATStatistic.self) { options.csatStatistic = statistic }
            case "shortAbandon":
                guard let text = context.string(entry.value, keyPath, expected: "a duration such as 10s") else {
                    continue
                }
                guard let threshold = CharterDuration(parsing: text) else {
                    context.error(
                        "invalid-duration",
                        at: entry.value,
                        keyPath,
                        "`\(text)` is not a duration.",
                        fix: "Write e.g. `10s` (abandons after less than 10 seconds are left out; `0s`: none)."
                    )
                    continue
                }
                options.shortAbandonSeconds = threshold.seconds
            case "abandonedCalls":
                if let choice = choice(MetricOptions.AbandonedCalls.self) { options.abandonedCalls = choice }
            case "slaMode":
                if let mode = choice(MetricOptions.SLAMode.self) { options.slaMode = mode }
            case "slaPending":
                if let text = choice(["exclude", "achieved"]) { options.slaPendingAchieved = text == "achieved" }
            default:
                break
            }
        }
        // The threshold is checked against the scale once both are known: either may come first, or from the
        // charter-wide definition.
        if let threshold = options.csatPositiveAtLeast, !options.csatScale.range.contains(threshold),
            let node = positiveNode ?? scaleNode
        {
            let scale = options.csatScale
            let low = MetricOptions.number(scale.range.lowerBound)
            let high = MetricOptions.number(scale.range.upperBound)
            let shown = MetricOptions.number(threshold)
            context.error(
                "out-of-range",
                at: node,
                context.join(path, positiveNode != nil ? "definition.csatPositive" : "definition.csatScale"),
                positiveNode != nil
                    ? "CSAT answers on the \(scale) scale run from \(low) to \(high), so \(shown) cannot be a threshold."
                    : "the CSAT threshold \(shown), set before, is outside the \(scale) scale.",
                fix:
                    "Write e.g. `csatPositive: \(MetricOptions.number(scale.topTwoBox))` (the top two answers), or leave "
                    + "it out for that default."
            )
        }
        return options
    }

    /// `a`, `a or b`, `a, b or c`.
    static func listed(_ choices: [String]) -> String {
        guard choices.count > 2 else { return choices.joined(separator: " or ") }
        return choices.dropLast().joined(separator: ", ") + " or " + choices.last!
    }
}
