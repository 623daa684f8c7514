import Foundation
import NorthstarCore

/// The staffing page: the what-if form, the plan per promise (heads, hours, FTE and cost, around the clock and in
/// business hours), the promises not staffed with the reason, the before-and-after of a what-if, and the
/// `staff plan --format html` heat map and requirement curves.
enum StaffingView {
    static func render(
        base: Result<StaffingPlan, StaffingError>,
        changed: Result<StaffingPlan, StaffingError>?,
        query: StaffingController.Query,
        errors: [String],
        charter: Charter,
        settings: StaffingPlan.Settings,
        identity: Identity
    ) -> String {
        var body = "<h1>Staffing</h1>"
        body +=
            "<p class=\"meta\">What it takes to keep each first-response and speed-of-answer promise of "
            + "\(esc(charter.organization)) over the next \(settings.weeks) weeks, forecast from the stored "
            + "contacts (as <code>northstar staff plan</code>; docs/staffing.md).</p>"
        for error in errors { body += "<p class=\"error\" role=\"alert\">\(esc(error))</p>" }
        body += form(query, charter: charter, settings: settings)
        switch base {
        case .failure(let error):
            body += "<p>No plan: \(esc(error.message))</p>"
        case .success(let plan):
            if let changed {
                switch changed {
                case .success(let after): body += comparison(base: plan, changed: after, query: query)
                case .failure(let error): body += "<p class=\"error\">What-if: \(esc(error.message))</p>"
                }
            }
            let shown = (try? changed?.get()) ?? plan
            body += summary(shown, charter: charter)
            body += charts(shown)
        }
        return Layout.page(
            title: "Staffing",
            identity: identity,
            body: body,
            extraStyle: ScorecardView.style + style
        )
    }

    /// The GET form: a promise and its new time or share, handle times, the hourly cost.
    static func form(_ query: StaffingController.Query, charter: Charter, settings: StaffingPlan.Settings) -> String {
        var html = "<form method=\"get\" action=\"/staffing\" class=\"whatif\"><fieldset><legend>What if</legend>"
        html += "<label>Promise <select name=\"promise\"><option value=\"\">(as chartered)</option>"
        for promise in charter.promises {
            let selected = promise.id == query.promise ? " selected=\"selected\"" : ""
            html +=
                "<option value=\"\(esc(promise.id))\"\(selected)>\(esc(promise.id)): "
                + "\(esc(promise.target.summary(for: promise.metric, options: promise.options)))</option>"
        }
        html += "</select></label> "
        html +=
            "<label>Within <input type=\"text\" name=\"within\" size=\"6\" value=\"\(esc(query.within))\" "
            + "placeholder=\"20s\"/></label> "
        html +=
            "<label>Share <input type=\"text\" name=\"share\" size=\"5\" value=\"\(esc(query.share))\" "
            + "placeholder=\"90%\"/></label><br/>"
        html +=
            "<label>Handle times <input type=\"text\" name=\"handle_time\" size=\"20\" "
            + "value=\"\(esc(query.handleTime))\" placeholder=\"email=8m\"/></label> "
        html +=
            "<label>Hourly cost <input type=\"text\" name=\"hourly_cost\" size=\"6\" value=\"\(esc(query.hourlyCost))\" "
            + "placeholder=\"\(esc(StaffingPlanRenderer.number(settings.hourlyCost)))\"/></label> "
        html += "<button type=\"submit\">Plan</button> <a href=\"/staffing\">Reset</a></fieldset></form>"
        return html
    }

    /// Peak agents, FTE and yearly cost before and after the what-if.
    static func comparison(base: StaffingPlan, changed: StaffingPlan, query: StaffingController.Query) -> String {
        var asked: [String] = []
        if !query.within.isEmpty { asked.append("within \(query.within)") }
        if !query.share.isEmpty { asked.append("share \(query.share)") }
        var html =
            "<section class=\"promise whatif\"><h2>What if \(esc(query.promise)): "
            + "\(esc(asked.joined(separator: ", ")))</h2>"
        html +=
            "<table><thead><tr><th>Promise</th><th class=\"num\">Peak agents</th><th class=\"num\">FTE</th>"
            + "<th class=\"num\">Cost a year</th></tr></thead><tbody>"
        for promise in changed.promises {
            guard let before = base.promises.first(where: { $0.id == promise.id }) else { continue }
            html +=
                "<tr><td>\(esc(promise.id))</td>"
                + "<td class=\"num\">\(before.intervals.map(\.agents).max() ?? 0) → "
                + "\(promise.intervals.map(\.agents).max() ?? 0)</td>"
                + "<td class=\"num\">\(number(before.fte)) → \(number(promise.fte))</td>"
                + "<td class=\"num\">\(money(before.weeklyCost * 52)) → \(money(promise.weeklyCost * 52))</td></tr>"
        }
        html +=
            "<tr><th>All channels</th><td></td><td class=\"num\">\(number(base.totalFTE)) → "
            + "\(number(changed.totalFTE))</td><td class=\"num\">\(money(base.totalYearlyCost)) → "
            + "\(money(changed.totalYearlyCost))</td></tr></tbody></table></section>"
        return html
    }

    /// Per promise: channel, model, forecast, handle time, peak agents, FTE and cost around the clock and in
    /// business hours; then the totals and the promises not staffed.
    static func summary(_ plan: StaffingPlan, charter: Charter) -> String {
        var html = "<section class=\"promise plan\"><h2>The plan</h2>"
        html +=
            "<p class=\"meta\">\(plan.settings.weeks) weeks from \(plan.firstDay) (\(esc(plan.timeZoneIdentifier))), "
            + "\(plan.settings.intervalMinutes)-minute intervals; shrinkage "
            + "\(StaffingPlanRenderer.percent(plan.settings.shrinkage)), occupancy cap "
            + "\(StaffingPlanRenderer.percent(plan.settings.maxOccupancy)), "
            + "\(StaffingPlanRenderer.number(plan.settings.hoursPerFTE)) hours per FTE, "
            + "\(StaffingPlanRenderer.number(plan.settings.hourlyCost)) an hour (+"
            + "\(StaffingPlanRenderer.percent(plan.settings.nightDifferential)) nights, +"
            + "\(StaffingPlanRenderer.percent(plan.settings.weekendDifferential)) weekends).</p>"
        html +=
            "<div class=\"wide\"><table class=\"staffing\"><thead><tr><th>Promise</th><th>Channel</th><th>Model</th>"
            + "<th>Forecast (backtest WAPE)</th><th class=\"num\">Handle time</th><th class=\"num\">Peak agents</th>"
            + "<th class=\"num\">Hours a week</th><th class=\"num\">FTE 24/7</th><th class=\"num\">Cost a week 24/7</th>"
            + "<th class=\"num\">FTE business hours</th><th class=\"num\">Cost a week business hours</th>"
            + "<th class=\"num\">24/7 premium</th></tr></thead><tbody>"
        for promise in plan.promises {
            let wape =
                (promise.backtests[promise.forecastMethod.rawValue] ?? nil).map(StaffingPlanRenderer.percent)
                ?? "untested"
            let premium =
                promise.businessHoursFTE > 0
                ? String(format: "+%.0f%%", (promise.fte / promise.businessHoursFTE - 1) * 100) : "—"
            html +=
                "<tr id=\"plan-\(esc(promise.id))\"><td>\(esc(promise.id))</td><td>\(esc(promise.channel))</td>"
                + "<td>\(esc(promise.model))</td>"
                + "<td>\(esc(promise.forecastMethod.rawValue)) (\(esc(wape)))</td>"
                + "<td class=\"num\">\(esc(ReportUnit.duration(promise.handleTimeSeconds)))</td>"
                + "<td class=\"num\">\(promise.intervals.map(\.agents).max() ?? 0)</td>"
                + "<td class=\"num\">\(number(promise.weeklyHours))</td><td class=\"num\">\(number(promise.fte))</td>"
                + "<td class=\"num\">\(money(promise.weeklyCost))</td>"
                + "<td class=\"num\">\(number(promise.businessHoursFTE))"
                + "\(promise.businessCalendar.map { " <span class=\"meta\">(\(esc($0)))</span>" } ?? "")</td>"
                + "<td class=\"num\">\(money(promise.businessHoursWeeklyCost))</td>"
                + "<td class=\"num\">\(premium)</td></tr>"
        }
        html +=
            "<tr><th colspan=\"6\">All channels</th><td class=\"num\">\(number(plan.totalWeeklyHours))</td>"
            + "<td class=\"num\">\(number(plan.totalFTE))</td><td class=\"num\">\(money(plan.totalWeeklyCost))</td>"
            + "<td colspan=\"3\">\(money(plan.totalYearlyCost)) a year</td></tr></tbody></table></div>"
        if !plan.skipped.isEmpty {
            html +=
                "<h3>Not staffed</h3><table class=\"skipped\"><thead><tr><th>Promise</th><th>Why</th></tr></thead><tbody>"
            for skipped in plan.skipped {
                html +=
                    "<tr id=\"skipped-\(esc(skipped.id))\"><td>\(esc(skipped.id))</td><td>\(esc(skipped.reason))</td></tr>"
            }
            html += "</tbody></table>"
            if plan.skipped.contains(where: { $0.reason.contains("handle time") }) {
                html +=
                    "<p class=\"meta\">A handle time the data lacks goes in the form's Handle times, such as "
                    + "<code>email=8m</code>.</p>"
            }
        }
        return html + "</section>"
    }

    /// The heat map of heads all channels need and one requirement curve per promise (inline SVG).
    static func charts(_ plan: StaffingPlan) -> String {
        guard !plan.promises.isEmpty else { return "" }
        let renderer = StaffingPlanRenderer()
        var html = "<section class=\"promise charts\"><h2>Heads needed, all channels (mean over the weeks)</h2>"
        html += "<figure class=\"plan\">\(renderer.heatMap(plan))</figure>"
        for promise in plan.promises {
            html += "<h3>\(esc(promise.id)): agents per interval</h3>"
            html +=
                "<figure class=\"plan\">\(renderer.curve(promise, intervalMinutes: plan.settings.intervalMinutes))"
                + "</figure>"
        }
        return html + "</section>"
    }

    static func number(_ value: Double) -> String { String(format: "%.1f", value) }
    static func money(_ value: Double) -> String { value.isFinite ? MarkupEscaping.grouped(Int(value.rounded())) : "—" }

    static let style = """
        form.whatif fieldset { background: #fff; border: 1px solid #d0d7de; border-radius: 8px; padding: 0.8rem; }
        form.whatif label { margin-right: 0.8rem; line-height: 2.2; }
        form.whatif input, form.whatif select { font: inherit; padding: 0.2rem; }
        figure.plan { margin: 0.5rem 0; overflow-x: auto; }
        figure.plan svg text { font: 10px system-ui, sans-serif; fill: #333; }
        div.wide { overflow-x: auto; }
        table.staffing { font-size: 0.9rem; }
        table.staffing td:first-child, table.staffing th { white-space: nowrap; }

        """
}
