/// A check report as RFC 4180 CSV for spreadsheets and scripts: one row per promise and period, then one per
/// breakdown slice of that period (with `dimension` and `key` filled in).
///
/// Numbers are raw, as in the JSON contract: seconds for durations, fractions 0–1 for shares and rates,
/// points for NPS; an empty cell is a missing value. Lines end in CRLF; fields holding a comma, a quote or a
/// line break are quoted, with quotes doubled.
public struct CheckCSVRenderer: Sendable {
    /// The header row's column names, in order.
    public static let columns = [
        "promise", "metric", "period", "start", "end", "partial", "dimension", "key",
        "value", "n", "low", "high", "verdict", "target", "bound",
    ]

    /// Creates a renderer.
    public init() {}

    /// The report as CSV, header first.
    public func render(_ report: CheckReport) -> String {
        var lines = [Self.columns.joined(separator: ",")]
        for promise in report.promises {
            for period in promise.periods {
                let common = [
                    promise.id, promise.metric.rawValue, period.label, period.start, period.end,
                    period.partial ? "true" : "false",
                ]
                let target = [promise.target.summary, Self.number(promise.target.bound)]
                lines.append(
                    line(
                        common + ["", ""] + measured(period.value, period.n, period.interval, period.verdict) + target
                    )
                )
                for row in period.breakdown ?? [] {
                    lines.append(
                        line(
                            common + [row.dimension, row.key] + measured(row.value, row.n, row.interval, row.verdict)
                                + target
                        )
                    )
                }
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private func measured(
        _ value: Double?,
        _ n: Int,
        _ interval: CheckReport.Interval?,
        _ verdict: Verdict
    ) -> [String] {
        [Self.number(value), "\(n)", Self.number(interval?.low), Self.number(interval?.high), verdict.rawValue]
    }

    private func line(_ fields: [String]) -> String {
        fields.map(MarkupEscaping.csv).joined(separator: ",")
    }

    /// A number as a script reads it back exactly: `30`, `0.9166666666666666`; empty for a missing value.
    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return "\(Int64(value))" }
        return "\(value)"
    }
}
