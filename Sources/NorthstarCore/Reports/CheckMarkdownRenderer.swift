/// A check report as GitHub-flavoured Markdown, for a pull request, a wiki page or an issue: a summary table
/// of the latest complete period, a table of every period per promise, the breakdown of the latest complete
/// period when `--by` was given, the rules applied and what was read.
public struct CheckMarkdownRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The report as Markdown.
    public func render(_ report: CheckReport) -> String {
        var lines: [String] = []
        let input = report.input
        lines.append("# \(cell(report.organization)): promise check")
        lines.append("")
        lines.append(
            "Data to \(cell(report.asOf)) · \(report.promises.count) promise\(report.promises.count == 1 ? "" : "s")"
                + " · \(count(input.rowsRead)) rows read, \(count(input.accepted)) accepted, "
                + "\(count(input.rejected)) rejected"
        )
        lines.append("")

        lines.append("## Latest complete period")
        lines.append("")
        lines.append("| promise | period | value | target | n | 95% interval | verdict | to date |")
        lines.append("|---|---|--:|---|--:|---|---|---|")
        for promise in report.promises {
            let unit = promise.unit
            guard let latest = promise.headline else {
                lines.append(
                    row([promise.id, "—", "—", promise.target.summary, "0", "—", "no samples", "—"])
                )
                continue
            }
            let toDate = promise.periodToDate.map {
                "\($0.label): \(unit.format($0.value)), n=\(count($0.n)), \($0.verdict.rawValue)"
            }
            lines.append(
                row([
                    promise.id, latest.displayLabel, unit.format(latest.value), promise.target.summary,
                    count(latest.n), unit.format(latest.interval), latest.verdict.rawValue, toDate ?? "—",
                ])
            )
        }

        for promise in report.promises {
            lines.append("")
            lines += section(promise)
        }

        lines.append("")
        lines.append("## Definitions")
        lines.append("")
        for definition in report.definitions {
            lines.append("- " + MarkupEscaping.markdownProse(definition))
        }

        lines.append("")
        lines.append("## Input")
        lines.append("")
        lines.append(
            "\(count(input.rowsRead)) rows read, \(count(input.accepted)) accepted, \(count(input.rejected)) "
                + "rejected, \(count(input.duplicates)) duplicates counted once."
        )
        if !input.files.isEmpty {
            lines.append("")
            lines.append("| file | format | rows read | accepted | rejected | reasons |")
            lines.append("|---|---|--:|--:|--:|---|")
            for file in input.files {
                let rejected = file.rejectedByReason.values.reduce(0, +)
                let reasons = file.rejectedByReason.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
                    .map { "\($0.key) (\(count($0.value)))" }.joined(separator: "; ")
                lines.append(
                    row([
                        file.file, file.format, count(file.rowsRead), count(file.accepted), count(rejected),
                        reasons.isEmpty ? "—" : reasons,
                    ])
                )
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func section(_ promise: CheckReport.PromiseResult) -> [String] {
        let unit = promise.unit
        var lines = ["## \(cell(promise.id))", ""]
        lines.append(
            "\(cell(promise.metric.displayName)) · \(cell(promise.population)) · clock: \(cell(promise.clock)) · "
                + "\(promise.periodPhrase) · target \(cell(promise.target.summary))"
        )
        lines.append("")
        guard !promise.periods.isEmpty else {
            lines.append("No samples.")
            return lines
        }
        let percentiles = promise.showsPercentiles
        lines.append(
            "| period | value | n | 95% interval | verdict |" + (percentiles ? " median | p90 |" : "") + " notes |"
        )
        lines.append("|---|--:|--:|---|---|" + (percentiles ? "--:|--:|" : "") + "---|")
        for period in promise.periods {
            var cells = [
                period.displayLabel, unit.format(period.value), count(period.n), unit.format(period.interval),
                period.verdict.rawValue,
            ]
            if percentiles {
                cells += [ReportUnit.duration.format(period.median), ReportUnit.duration.format(period.p90)]
            }
            cells.append(period.remarks.isEmpty ? "" : period.remarks.joined(separator: "; "))
            lines.append(row(cells))
        }
        if let latest = promise.headline, let breakdown = latest.breakdown, !breakdown.isEmpty {
            lines.append("")
            lines.append("### Breakdown, \(cell(latest.displayLabel))")
            lines.append("")
            lines.append("| dimension | key | value | n | 95% interval | verdict |")
            lines.append("|---|---|--:|--:|---|---|")
            for slice in breakdown {
                lines.append(
                    row([
                        slice.dimension, slice.key, unit.format(slice.value), count(slice.n),
                        unit.format(slice.interval), slice.verdict.rawValue,
                    ])
                )
            }
        }
        return lines
    }

    private func row(_ cells: [String]) -> String {
        "| " + cells.map(cell).joined(separator: " | ") + " |"
    }

    private func cell(_ text: String) -> String { MarkupEscaping.markdown(text) }

    private func count(_ value: Int) -> String { MarkupEscaping.grouped(value) }
}
