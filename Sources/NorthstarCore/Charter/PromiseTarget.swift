/// What a promise commits to, in one of the forms a charter can state.
public enum PromiseTarget: Sendable, Hashable {
    /// At least `share` of samples take no longer than `within` (attainment).
    case attainment(within: CharterDuration, share: Share)
    /// The statistic of the samples must not exceed the duration (`median: 48h`, `p90: 4h`, `mean: 2m`).
    case statistic(Statistic, CharterDuration)
    /// The rate or score must be at least this (a fraction for rates, points for NPS).
    case atLeast(Double)
    /// The rate or score must be at most this (a fraction for rates, points for NPS).
    case atMost(Double)

    /// A summary statistic of duration samples.
    public enum Statistic: Sendable, Hashable, CustomStringConvertible {
        /// The arithmetic mean.
        case mean
        /// A percentile between 0 and 100 exclusive, by linear interpolation; the median is 50.
        case percentile(Double)

        /// `median`, `p90`, `p99.5` or `mean`, as written in a charter.
        public var description: String {
            switch self {
            case .mean: return "mean"
            case .percentile(50): return "median"
            case .percentile(let p):
                return p == p.rounded() ? "p\(Int(p))" : "p\(p)"
            }
        }

        /// Parses `median`, `mean`, `p50`, `p90`, `p99.5`: `nil` for anything else or a percentile out of (0, 100).
        public init?(parsing text: String) {
            let lowered = text.lowercased()
            switch lowered {
            case "median": self = .percentile(50)
            case "mean": self = .mean
            default:
                let number = lowered.dropFirst()
                let parts = number.split(separator: ".", omittingEmptySubsequences: false)
                guard lowered.hasPrefix("p"), (1...2).contains(parts.count),
                    parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
                    let p = Double(number), p > 0, p < 100
                else { return nil }
                self = .percentile(p)
            }
        }
    }

    /// The target in words with the promise's definition: a CSAT promise judged by its mean score reads
    /// `mean ≥ 4.2 on 1–5`; every other as ``summary(for:)``.
    public func summary(for metric: Metric, options: MetricOptions) -> String {
        guard options.judgesMeanScore(metric) else { return summary(for: metric) }
        switch self {
        case .atLeast(let value): return "mean ≥ \(MetricOptions.number(value)) on \(options.csatScale)"
        case .atMost(let value): return "mean ≤ \(MetricOptions.number(value)) on \(options.csatScale)"
        case .attainment, .statistic: return summary(for: metric)
        }
    }

    /// The target in words: `90% within 30s`, `median ≤ 48h`, `≥ 75%`, `≥ 30 points`.
    public func summary(for metric: Metric) -> String {
        func amount(_ value: Double) -> String {
            if metric.kind == .score {
                return value == value.rounded() ? "\(Int(value))" : "\(value)"
            }
            return Share(fraction: value).description
        }
        switch self {
        case .attainment(let within, let share): return "\(share) within \(within)"
        case .statistic(let statistic, let limit): return "\(statistic) ≤ \(limit)"
        case .atLeast(let value): return "≥ \(amount(value))"
        case .atMost(let value): return "≤ \(amount(value))"
        }
    }
}
