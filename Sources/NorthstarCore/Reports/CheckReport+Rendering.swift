extension CheckReport.PromiseResult {
    /// The period a report headlines: the latest complete one, or the period to date when none is complete.
    package var headline: CheckReport.PeriodResult? {
        periods.last { !$0.partial } ?? periods.last
    }

    /// The period still running, when it is not itself the headline.
    var periodToDate: CheckReport.PeriodResult? {
        guard let last = periods.last, last.partial, last.label != headline?.label else { return nil }
        return last
    }

    /// The unit of this promise's values.
    package var unit: ReportUnit { ReportUnit(self) }

    /// What the value axis measures: `share within 30s`, `median resolution`, `CSAT (share)`, `NPS (points)`.
    package var valueTitle: String {
        switch target.kind {
        case "attainment":
            return "share of \(metric.displayName) within \(ReportUnit.duration(target.within ?? 0))"
        case "statistic":
            return "\(target.statistic ?? "value") \(metric.displayName)"
        default:
            if let scale = target.scale { return "\(metric.displayName) (mean answer, \(scale))" }
            return metric == .nps ? "NPS (points)" : "\(metric.displayName) (share)"
        }
    }

    /// `per week`, `per month`, `per quarter`, or `over the whole range`.
    var periodPhrase: String {
        period == "total" ? "over the whole range" : "per \(period)"
    }

    /// Whether the period table shows the median and 90th percentile beside the value.
    var showsPercentiles: Bool {
        metric.kind == .duration && periods.contains { $0.median != nil || $0.p90 != nil }
    }
}

extension CheckReport.PeriodResult {
    /// The label with `(to date)` after a period still running.
    package var displayLabel: String { partial ? "\(label) (to date)" : label }

    /// The note, samples answered while closed and open contacts already late, in words.
    package var remarks: [String] {
        var remarks: [String] = []
        if let note { remarks.append(note) }
        if closedHours > 0 { remarks.append("\(closedHours) while closed (0 business seconds)") }
        if lateOpen > 0 { remarks.append("\(lateOpen) still open and late") }
        if let responseRate { remarks.append("response rate \(ReportUnit.share.format(responseRate))") }
        return remarks
    }
}

extension Verdict {
    /// The verdict for people: `kept`, `at risk`, `broken`, `insufficient data`.
    package var phrase: String {
        switch self {
        case .kept: "kept"
        case .atRisk: "at risk"
        case .broken: "broken"
        case .insufficient: "insufficient data"
        }
    }

    /// The symbol that stands for the verdict beside its word, matching the chart's marker shapes.
    package var symbol: String {
        switch self {
        case .kept: "●"
        case .atRisk: "▲"
        case .broken: "■"
        case .insufficient: "◆"
        }
    }

    /// The colour of the verdict: dark enough to read as text on white and to print.
    package var colour: String {
        switch self {
        case .kept: "#1a7f37"
        case .atRisk: "#9a6700"
        case .broken: "#cf222e"
        case .insufficient: "#6e7781"
        }
    }
}
