import Foundation

/// How a promise's values read in a report: a duration in seconds, a share as a fraction 0–1, or NPS points.
///
/// The unit follows the target, not only the metric: `90% within 30s` is judged on the share of samples within
/// 30 seconds, so its values are shares; `median ≤ 48h` is judged on a duration.
public enum ReportUnit: String, Sendable, CaseIterable {
    /// Seconds, written `45s`, `4m 10s`, `2h 5m`, `1d 3h`.
    case duration
    /// A fraction 0–1, written as a percentage: `92.3%`.
    case share
    /// NPS points from −100 to +100, written with a sign: `+32.5`.
    case points
    /// A mean answer on a CSAT scale (0–10 at most), written with two decimals: `4.32`.
    case score

    /// The unit of a promise's values, intervals and target bound.
    public init(_ promise: CheckReport.PromiseResult) {
        if promise.metric == .nps {
            self = .points
        } else if promise.target.scale != nil {
            self = .score
        } else if promise.target.kind == "statistic" {
            self = .duration
        } else {
            self = .share
        }
    }

    /// A value as a person reads it in a table; `—` when there is none.
    public func format(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "—" }
        switch self {
        case .duration: return Self.duration(value)
        case .share: return String(format: "%.1f%%", value * 100)
        case .points: return String(format: "%+.1f", value)
        case .score: return String(format: "%.2f", value)
        }
    }

    /// A 95% interval as `89.4%–94.6%`; `—` when there is none.
    public func format(_ interval: CheckReport.Interval?) -> String {
        guard let interval else { return "—" }
        return "\(format(interval.low))–\(format(interval.high))"
    }

    /// A duration in the largest two units: `45s`, `12.5s`, `4m 10s`, `2h 5m`, `1d 3h`.
    public static func duration(_ seconds: Double) -> String {
        if seconds < 60, seconds != seconds.rounded() {
            let tenths = (seconds * 10).rounded() / 10
            if tenths < 60 { return tenths == tenths.rounded() ? "\(Int(tenths))s" : String(format: "%.1fs", tenths) }
        }
        let total = Int(seconds.rounded())
        if total < 60 { return "\(total)s" }
        if total < 3_600 { return "\(total / 60)m" + (total % 60 > 0 ? " \(total % 60)s" : "") }
        if total < 86_400 { return "\(total / 3_600)h" + (total % 3_600 / 60 > 0 ? " \(total % 3_600 / 60)m" : "") }
        return "\(total / 86_400)d" + (total % 86_400 / 3_600 > 0 ? " \(total % 86_400 / 3_600)h" : "")
    }

    /// A tick label on a chart's value axis ticked every `step`: durations in the unit of the step (`30s`,
    /// `15m`, `1h 30m`, `4h`, `48h`, `2d`), shares as percentages (`85%`, `99.5%`), points with a sign (`+20`).
    func axisLabel(_ value: Double, step: Double) -> String {
        switch self {
        case .duration:
            if value == 0 { return "0" }
            // Hours stay hours (30h, 36h, 42h, 48h) so the labels of one axis are alike.
            if step >= 86_400, value.truncatingRemainder(dividingBy: 86_400) == 0 { return "\(Int(value / 86_400))d" }
            if step >= 3_600, value.truncatingRemainder(dividingBy: 3_600) == 0 { return "\(Int(value / 3_600))h" }
            return Self.duration(value)
        case .share:
            return Self.trimmed(value * 100, decimals: 2) + "%"
        case .points:
            let text = Self.trimmed(value, decimals: 1)
            return value > 0 ? "+" + text : text
        case .score:
            return Self.trimmed(value, decimals: 2)
        }
    }

    /// The steps a value axis may take, smallest first: round durations, round percentages, round points.
    var tickSteps: [Double] {
        switch self {
        case .duration:
            [
                1, 2, 5, 10, 15, 30,  // seconds
                60, 120, 300, 600, 900, 1_800,  // minutes
                3_600, 7_200, 10_800, 14_400, 21_600, 43_200,  // hours
                86_400, 172_800, 259_200, 604_800, 1_209_600, 2_419_200,  // days and weeks
            ]
        case .share: [0.001, 0.002, 0.005, 0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25, 0.5, 1]
        case .points: [0.5, 1, 2, 5, 10, 20, 25, 50, 100]
        case .score: [0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2]
        }
    }

    /// The values the unit can take at all; a chart's axis never runs past them.
    var limits: ClosedRange<Double> {
        switch self {
        case .duration: 0...Double.greatestFiniteMagnitude
        case .share: 0...1
        case .points: -100...100
        case .score: 0...10
        }
    }

    /// The smallest span an axis shows, so a flat series still gets a readable scale.
    var minimumSpan: Double {
        switch self {
        case .duration: 10
        case .share: 0.02
        case .points: 10
        case .score: 0.2
        }
    }

    /// `value` with at most `decimals` decimals and no trailing zeros: `99.5`, `80`.
    static func trimmed(_ value: Double, decimals: Int) -> String {
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}
