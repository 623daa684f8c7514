import Foundation
import NorthstarCore

/// The text of `northstar check`: one line per promise for its latest period, then what changed.
struct CheckTextRenderer {
    let terminal: Terminal

    func render(_ report: CheckReport) -> String {
        var lines: [String] = []
        let input = report.input
        lines.append(
            terminal.bold("\(report.organization): \(report.promises.count) promises")
                + " — data to \(report.asOf); \(input.rowsRead) rows read, \(input.accepted) accepted, \(input.rejected) rejected"
        )
        lines.append("")
        let width = min(32, report.promises.map(\.id.count).max() ?? 10)
        for promise in report.promises {
            let id = promise.id.padding(toLength: width, withPad: " ", startingAt: 0)
            // The headline is the latest complete period; a period still running is shown beside it.
            let complete = promise.periods.filter { !$0.partial }
            let toDate = promise.periods.last.flatMap { $0.partial ? $0 : nil }
            guard let latest = complete.last ?? toDate else {
                lines.append("  \(id)  " + terminal.dim("no samples") + "  target \(promise.target.summary)")
                continue
            }
            let label = latest.partial ? "\(latest.label) (to date)" : latest.label
            var line =
                "  \(id)  \(label)  \(value(latest.value, promise).padding(toLength: 10, withPad: " ", startingAt: 0))"
            line += " target \(promise.target.summary)  n=\(latest.n)"
            if let interval = latest.interval {
                line += terminal.dim("  [\(value(interval.low, promise))–\(value(interval.high, promise))]")
            }
            line += "  " + paint(latest.verdict)
            if let note = latest.note { line += terminal.dim("  (\(note))") }
            lines.append(line)
            if let responseRate = latest.responseRate {
                let rate = String(format: "%.1f%%", responseRate * 100)
                lines.append(terminal.dim("  " + String(repeating: " ", count: width) + "  response rate \(rate)"))
            }
            if let median = latest.median, let p90 = latest.p90, promise.metric.kind == .duration {
                var detail = "median \(Self.duration(median)), p90 \(Self.duration(p90))"
                if latest.closedHours > 0 {
                    detail += ", \(latest.closedHours) arrived and completed while closed (0 business seconds)"
                }
                if latest.lateOpen > 0 { detail += ", \(latest.lateOpen) still open and late" }
                lines.append(terminal.dim("  " + String(repeating: " ", count: width) + "  \(detail)"))
            }
            if complete.count > 1 {
                let recent = complete.suffix(12)
                let strip = recent.map { symbol($0.verdict) }.joined(separator: " ")
                let span = "\(recent.first!.label)…\(recent.last!.label): "
                lines.append(terminal.dim("  " + String(repeating: " ", count: width) + "  " + span) + strip)
            }
            if let toDate, toDate.label != latest.label {
                let interim =
                    "\(toDate.label) to date: \(value(toDate.value, promise)), n=\(toDate.n), \(toDate.verdict.rawValue)"
                lines.append(terminal.dim("  " + String(repeating: " ", count: width) + "  \(interim)"))
            }
            for row in latest.breakdown ?? [] {
                let label = "\(row.dimension) \(row.key)".padding(toLength: 28, withPad: " ", startingAt: 0)
                lines.append(
                    "      \(label) \(value(row.value, promise).padding(toLength: 10, withPad: " ", startingAt: 0)) n=\(row.n)  \(paint(row.verdict))"
                )
            }
        }
        let changes = report.promises.compactMap { promise -> String? in
            let complete = promise.periods.filter { !$0.partial }
            guard complete.count >= 2 else { return nil }
            let previous = complete[complete.count - 2]
            let latest = complete[complete.count - 1]
            var text = "  \(promise.id): \(value(previous.value, promise)) → \(value(latest.value, promise))"
            if previous.verdict != latest.verdict {
                text += " (\(previous.verdict.rawValue) → \(latest.verdict.rawValue))"
            }
            return text
        }
        if !changes.isEmpty {
            lines.append("")
            lines.append(terminal.bold("Since the previous complete period"))
            lines.append(contentsOf: changes)
        }
        return lines.joined(separator: "\n")
    }

    func explain(
        _ promise: CheckReport.PromiseResult,
        period: CheckReport.PeriodResult?,
        rows: [ExplainedSample]
    ) -> String {
        guard let period else { return "\(promise.id): no samples." }
        var lines = [
            terminal.bold("\(promise.id) in \(period.label)")
                + ": \(value(period.value, promise)) against \(promise.target.summary), n=\(period.n), \(period.verdict.rawValue)",
            terminal.dim(
                "population \(promise.population), clock \(promise.clock), \(promise.definition); period \(period.start) to \(period.end)"
            ),
        ]
        let limit = 200
        for row in rows.prefix(limit) {
            let mark = row.met == false ? terminal.red("✗") : row.counted ? terminal.green("✓") : terminal.dim("–")
            var line = "  \(mark) \(row.id)  created \(row.created)"
            if let completed = row.completed { line += " → \(completed)" }
            if row.counted || row.met != nil, let measured = row.value {
                line +=
                    "  "
                    + (promise.metric.kind == .duration
                        ? Self.duration(measured)
                        : promise.metric == .nps
                            ? "\(Int(measured))"
                            : promise.target.scale != nil ? value(measured, promise) : (measured == 1 ? "yes" : "no"))
            }
            if let note = row.note { line += terminal.dim("  (\(row.counted ? "" : "not counted: ")\(note))") }
            lines.append(line)
        }
        if rows.count > limit {
            lines.append(terminal.dim("  … \(rows.count - limit) more; --format json lists them all"))
        }
        if rows.isEmpty { lines.append("  No contact of the population falls in this period.") }
        return lines.joined(separator: "\n")
    }

    /// One character per period for the verdict history: ✓ kept, ~ at risk, ✗ broken, · insufficient.
    private func symbol(_ verdict: Verdict) -> String {
        switch verdict {
        case .kept: terminal.green("✓")
        case .atRisk: terminal.yellow("~")
        case .broken: terminal.red("✗")
        case .insufficient: terminal.dim("·")
        }
    }

    private func paint(_ verdict: Verdict) -> String {
        switch verdict {
        case .kept: terminal.green(verdict.rawValue)
        case .broken: terminal.red(verdict.rawValue)
        case .atRisk: terminal.yellow(verdict.rawValue)
        case .insufficient: terminal.dim(verdict.rawValue)
        }
    }

    private func value(_ value: Double?, _ promise: CheckReport.PromiseResult) -> String {
        guard let value else { return "—" }
        if promise.metric == .nps { return String(format: "%+.1f", value) }
        if promise.target.scale != nil { return String(format: "%.2f", value) }
        if promise.target.kind == "statistic" { return Self.duration(value) }
        return String(format: "%.1f%%", value * 100)
    }

    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        if total < 60 { return "\(total)s" }
        if total < 3_600 { return "\(total / 60)m\(total % 60 > 0 ? " \(total % 60)s" : "")" }
        if total < 86_400 { return "\(total / 3_600)h\(total % 3_600 / 60 > 0 ? " \(total % 3_600 / 60)m" : "")" }
        return "\(total / 86_400)d \(total % 86_400 / 3_600)h"
    }
}
