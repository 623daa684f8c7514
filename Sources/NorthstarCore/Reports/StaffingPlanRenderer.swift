import Foundation

/// A staffing plan as CSV (one row per promise and interval) or as one self-contained HTML page: the promise
/// table, a weekday × time-of-day heat map of the heads all channels need, and each promise's requirement curve.
public struct StaffingPlanRenderer: Sendable {
    public init() {}

    /// `promise,channel,day,date,weekday,time,forecast,agents,scheduled,open`, then the all-channels total rows.
    public func csv(_ plan: StaffingPlan) -> String {
        var lines = ["promise,channel,day,date,weekday,time,forecast,agents,scheduled,open"]
        func row(_ promise: String, _ channel: String, _ interval: StaffingPlan.Interval) -> String {
            let date = plan.firstDay.adding(days: interval.day)
            return [
                promise, channel, String(interval.day), date.description, interval.weekday.description,
                Self.clock(interval.minute), String(format: "%.4f", interval.forecast), String(interval.agents),
                String(interval.scheduled), interval.open ? "true" : "false",
            ].joined(separator: ",")
        }
        for promise in plan.promises {
            for interval in promise.intervals { lines.append(row(promise.id, promise.channel, interval)) }
        }
        if let template = plan.promises.first?.intervals {
            for (interval, scheduled) in zip(template, plan.totalScheduled) {
                var total = interval
                total.forecast = 0
                total.agents = 0
                total.scheduled = scheduled
                lines.append(row("total", "all", total))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `08:30`.
    static func clock(_ minute: Int) -> String { String(format: "%02d:%02d", minute / 60, minute % 60) }

    /// One HTML page with no network: tables, the heat map and the curves as inline SVG.
    public func html(_ plan: StaffingPlan, title: String) -> String {
        let escape = MarkupEscaping.html
        var body: [String] = []
        body.append("<h1>\(escape(title))</h1>")
        body.append(
            "<p>\(plan.settings.weeks) week\(plan.settings.weeks == 1 ? "" : "s") from \(plan.firstDay) "
                + "(\(escape(plan.timeZoneIdentifier))), \(plan.settings.intervalMinutes)-minute intervals; "
                + "shrinkage \(Self.percent(plan.settings.shrinkage)), occupancy cap "
                + "\(Self.percent(plan.settings.maxOccupancy)), \(Self.number(plan.settings.hoursPerFTE)) hours per "
                + "FTE, \(Self.number(plan.settings.hourlyCost)) an hour (+\(Self.percent(plan.settings.nightDifferential)) "
                + "nights, +\(Self.percent(plan.settings.weekendDifferential)) weekends).</p>"
        )
        body.append(
            "<table><thead><tr><th>Promise</th><th>Channel</th><th>Model</th><th>Forecast (backtest WAPE)</th>"
                + "<th>Handle time</th><th>Peak agents</th><th>FTE 24/7</th><th>FTE business hours</th>"
                + "<th>Cost a week</th></tr></thead><tbody>"
        )
        for promise in plan.promises {
            let wape = (promise.backtests[promise.forecastMethod.rawValue] ?? nil).map(Self.percent) ?? "untested"
            body.append(
                "<tr><td>\(escape(promise.id))</td><td>\(escape(promise.channel))</td><td>\(promise.model)</td>"
                    + "<td>\(promise.forecastMethod.rawValue) (\(wape))</td>"
                    + "<td>\(Self.number(promise.handleTimeSeconds / 60)) min</td>"
                    + "<td>\(promise.intervals.map(\.agents).max() ?? 0)</td><td>\(Self.number(promise.fte))</td>"
                    + "<td>\(Self.number(promise.businessHoursFTE))</td><td>\(Self.number(promise.weeklyCost))</td></tr>"
            )
        }
        body.append(
            "<tr><th colspan=\"6\">All channels</th><th>\(Self.number(plan.totalFTE))</th><th></th>"
                + "<th>\(Self.number(plan.totalWeeklyCost))</th></tr></tbody></table>"
        )
        body.append("<p>A year: \(Self.number(plan.totalYearlyCost)).</p>")
        if !plan.skipped.isEmpty {
            body.append(
                "<p>Not staffed: "
                    + plan.skipped.map { "\(escape($0.id)) (\(escape($0.reason)))" }.joined(separator: "; ") + ".</p>"
            )
        }
        body.append("<h2>Heads needed, all channels (mean over the weeks)</h2>")
        body.append(heatMap(plan))
        for promise in plan.promises {
            body.append("<h2>\(escape(promise.id)): agents per interval</h2>")
            body.append(curve(promise, intervalMinutes: plan.settings.intervalMinutes))
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(escape(title))</title>
            <style>
            body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; }
            table { border-collapse: collapse; margin: 1em 0; }
            th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: right; }
            th:first-child, td:first-child { text-align: left; }
            svg text { font: 10px system-ui, sans-serif; fill: #333; }
            @media print { h2 { break-before: page; } }
            </style></head><body>
            \(body.joined(separator: "\n"))
            </body></html>
            """
    }

    /// Weekdays down, times of day across; darker cells need more heads.
    package func heatMap(_ plan: StaffingPlan) -> String {
        guard let template = plan.promises.first?.intervals else { return "<p>No intervals.</p>" }
        let perDay = 1_440 / plan.settings.intervalMinutes
        var sums = Array(repeating: Array(repeating: 0.0, count: perDay), count: 7)
        var counts = Array(repeating: Array(repeating: 0.0, count: perDay), count: 7)
        for (interval, scheduled) in zip(template, plan.totalScheduled) {
            let row = interval.weekday.rawValue - 1
            let column = interval.minute / plan.settings.intervalMinutes
            sums[row][column] += Double(scheduled)
            counts[row][column] += 1
        }
        let means = (0..<7).map { row in (0..<perDay).map { sums[row][$0] / max(counts[row][$0], 1) } }
        let peak = max(means.joined().max() ?? 0, 1)
        let cell = max(4, 672 / perDay)
        let left = 40
        var parts: [String] = []
        for (row, weekday) in Weekday.allCases.enumerated() {
            let y = 16 + row * 18
            parts.append("<text x=\"0\" y=\"\(y + 12)\">\(weekday.description.prefix(3))</text>")
            for column in 0..<perDay {
                let value = means[row][column]
                let shade = Int(255 - (value / peak) * 200)
                let time = Self.clock(column * plan.settings.intervalMinutes)
                parts.append(
                    "<rect x=\"\(left + column * cell)\" y=\"\(y)\" width=\"\(cell)\" height=\"16\" "
                        + "fill=\"rgb(\(shade),\(shade),255)\"><title>\(weekday) \(time): "
                        + "\(Self.number(value)) heads</title></rect>"
                )
            }
        }
        for hour in stride(from: 0, to: 24, by: 3) {
            let x = left + hour * 60 / plan.settings.intervalMinutes * cell
            parts.append("<text x=\"\(x)\" y=\"12\">\(Self.clock(hour * 60))</text>")
        }
        let width = left + perDay * cell
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(16 + 7 * 18 + 4)\" "
            + "role=\"img\" aria-label=\"Heads needed by weekday and time of day; peak \(Self.number(peak))\">"
            + parts.joined() + "</svg>"
    }

    /// Agents per interval over the plan's horizon, with the peak marked.
    package func curve(_ promise: StaffingPlan.PromisePlan, intervalMinutes: Int) -> String {
        let values = promise.intervals.map { Double($0.agents) }
        let peak = max(values.max() ?? 0, 1)
        let width = 720.0
        let height = 140.0
        let step = values.count > 1 ? width / Double(values.count - 1) : width
        let points = values.enumerated().map { index, value in
            String(format: "%.1f,%.1f", 40 + Double(index) * step, 10 + height - value / peak * height)
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"780\" height=\"170\" role=\"img\" "
            + "aria-label=\"Agents per \(intervalMinutes)-minute interval for \(MarkupEscaping.html(promise.id)); "
            + "peak \(Int(peak))\">"
            + "<line x1=\"40\" y1=\"\(10 + height)\" x2=\"\(40 + width)\" y2=\"\(10 + height)\" stroke=\"#999\"/>"
            + "<text x=\"0\" y=\"14\">\(Int(peak))</text><text x=\"0\" y=\"\(Int(10 + height))\">0</text>"
            + "<polyline fill=\"none\" stroke=\"#2656c9\" stroke-width=\"1.5\" points=\"\(points.joined(separator: " "))\"/>"
            + "</svg>"
    }

    package static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }

    package static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e12 ? String(Int(value)) : String(format: "%.1f", value)
    }
}
