import Foundation
import Yams

extension CharterDecoder {
    static let definitionKeys = [
        "firstResponseStart", "pauses", "fcrMaxReplies", "fcrReopens", "reopenWindow", "csatPositive",
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
        for entry in entries {
            let keyPath = context.join(path, "definition.\(entry.key)")
            func choice(_ allowed: [String]) -> String? {
                guard let text = context.string(entry.value, keyPath, expected: allowed.joined(separator: " or "))
                else { return nil }
                guard allowed.contains(text) else {
                    context.error(
                        "invalid-option",
                        at: entry.value,
                        keyPath,
                        "`\(text)` is not a choice here." + Suggestion.didYouMean(text, in: allowed),
                        fix: "Use \(allowed.joined(separator: " or "))."
                    )
                    return nil
                }
                return text
            }
            switch entry.key {
            case "firstResponseStart":
                if let text = choice(["created", "handoff"]) {
                    options.firstResponseStart = MetricOptions.FirstResponseStart(rawValue: text)!
                }
            case "pauses":
                if let text = choice(["subtract", "ignore"]) { options.subtractPauses = text == "subtract" }
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
            case "csatPositive":
                guard let text = context.string(entry.value, keyPath, expected: "a score from 1 to 5"),
                    let value = Double(text), (1...5).contains(value)
                else {
                    context.error(
                        "out-of-range",
                        at: entry.value,
                        keyPath,
                        "CSAT answers run from 1 to 5.",
                        fix: "Write e.g. `csatPositive: 4` (4 and 5 are positive)."
                    )
                    continue
                }
                options.csatPositiveAtLeast = value
            default:
                break
            }
        }
        return options
    }
}
