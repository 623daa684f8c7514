import Foundation
import NorthstarCore

/// The explore page: `northstar explore`'s numbers as tables, with the arrivals by weekday and hour as bar charts
/// in inline SVG, and the promises the team keeps today as charter lines to copy.
enum ExploreView {
    static func render(_ report: ExploreReport, charter: Charter, identity: Identity) -> String {
        var body = "<h1>Explore</h1>"
        body +=
            "<p class=\"meta\">\(MarkupEscaping.grouped(report.contacts)) stored contacts created from "
            + "\(esc(report.from ?? "—")) to \(esc(report.to ?? "—")). Durations in calendar time; weekdays and "
            + "hours in \(esc(charter.timeZoneIdentifier)). The same numbers as <code>northstar explore</code>: "
            + "start a promise from what the data says, not from a wish.</p>"
        for dimension in ["channel", "tier", "channel+tier"] {
            let groups = report.groups.filter { $0.dimension == dimension }
            guard !groups.isEmpty else { continue }
            body += groupTable(groups, dimension: dimension)
        }
        let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        body += "<section class=\"promise arrivals\"><h2>When contacts arrive</h2>"
        body += "<h3>By weekday</h3>" + bars(report.byWeekday, labels: days, every: 1, title: "Contacts by weekday")
        body += "<table class=\"arrivals\"><thead><tr>"
        for day in days { body += "<th class=\"num\">\(day)</th>" }
        body += "</tr></thead><tbody><tr>"
        for count in report.byWeekday { body += "<td class=\"num\">\(MarkupEscaping.grouped(count))</td>" }
        body += "</tr></tbody></table>"
        let hours = (0..<24).map { String(format: "%02d", $0) }
        body += "<h3>By hour of the day</h3>" + bars(report.byHour, labels: hours, every: 3, title: "Contacts by hour")
        if let busiest = report.byHour.enumerated().max(by: { $0.element < $1.element }), busiest.element > 0 {
            body +=
                "<p class=\"meta\">Busiest hour: \(String(format: "%02d", busiest.offset)):00 "
                + "(\(MarkupEscaping.grouped(busiest.element)) contacts).</p>"
        }
        body += "</section>"
        if !report.topCategories.isEmpty {
            body += "<section class=\"promise categories\"><h2>Top categories</h2><table><thead><tr>"
            body += "<th>Category</th><th class=\"num\">Contacts</th></tr></thead><tbody>"
            for category in report.topCategories {
                body +=
                    "<tr><td>\(esc(category.category))</td>"
                    + "<td class=\"num\">\(MarkupEscaping.grouped(category.contacts))</td></tr>"
            }
            body += "</tbody></table></section>"
        }
        body += "<section class=\"promise suggestions\"><h2>Promises you already keep</h2>"
        if report.suggestions.isEmpty {
            body += "<p class=\"meta\">None to suggest: no channel has 20 first responses yet.</p>"
        } else {
            body += "<p class=\"meta\">Calendar time; paste under <code>promises:</code> and adjust.</p><pre><code>"
            body += report.suggestions.map { esc($0.yaml) }.joined(separator: "\n")
            body += "</code></pre>"
        }
        body += "</section>"
        return Layout.page(title: "Explore", identity: identity, body: body, extraStyle: ScorecardView.style + style)
    }

    /// One dimension's groups: volume, first response and resolution percentiles, vendor SLA misses.
    static func groupTable(_ groups: [ExploreReport.Group], dimension: String) -> String {
        var html =
            "<section class=\"promise groups\"><h2>By \(esc(dimension.replacingOccurrences(of: "+", with: " and ")))"
            + "</h2><table class=\"explore\"><thead><tr><th rowspan=\"2\">\(esc(dimension))</th>"
            + "<th class=\"num\" rowspan=\"2\">Contacts</th><th class=\"num\" rowspan=\"2\">Share</th>"
            + "<th colspan=\"5\">First response</th><th colspan=\"3\">Resolution</th>"
            + "<th rowspan=\"2\">Source SLA missed</th></tr><tr>"
            + "<th class=\"num\">n</th><th class=\"num\">median</th><th class=\"num\">p80</th>"
            + "<th class=\"num\">p90</th><th class=\"num\">p95</th>"
            + "<th class=\"num\">n</th><th class=\"num\">median</th><th class=\"num\">p90</th></tr></thead><tbody>"
        for group in groups {
            let first = group.firstResponse
            let resolution = group.resolution
            html +=
                "<tr><td>\(esc(group.key))</td><td class=\"num\">\(MarkupEscaping.grouped(group.contacts))</td>"
                + "<td class=\"num\">\(String(format: "%.1f%%", group.share * 100))</td>"
                + "<td class=\"num\">\(MarkupEscaping.grouped(first.n))</td><td class=\"num\">\(time(first.median))</td>"
                + "<td class=\"num\">\(time(first.p80))</td><td class=\"num\">\(time(first.p90))</td>"
                + "<td class=\"num\">\(time(first.p95))</td>"
                + "<td class=\"num\">\(MarkupEscaping.grouped(resolution.n))</td><td class=\"num\">\(time(resolution.median))</td>"
                + "<td class=\"num\">\(time(resolution.p90))</td><td>"
            if let missed = group.vendorSLAMissed, let judged = group.vendorSLAJudged {
                html += "\(missed) of \(judged)"
            } else {
                html += "—"
            }
            html += "</td></tr>"
        }
        return html + "</tbody></table></section>"
    }

    static func time(_ seconds: Double?) -> String { esc(seconds.map(ReportUnit.duration) ?? "—") }

    /// A bar chart of counts, labelled every `every` bars, each bar with its count as a tooltip; labelled for
    /// screen readers.
    static func bars(_ values: [Int], labels: [String], every: Int, title: String) -> String {
        let barWidth = 24.0
        let gap = 4.0
        let height = 120.0
        let top = 8.0
        let width = Double(values.count) * (barWidth + gap)
        let peak = Double(max(values.max() ?? 0, 1))
        let described = zip(labels, values).map { "\($0) \($1)" }.joined(separator: ", ")
        var svg =
            "<svg viewBox=\"0 0 \(Sparkline.number(width)) \(Sparkline.number(height + top + 18))\" "
            + "width=\"\(Sparkline.number(width))\" height=\"\(Sparkline.number(height + top + 18))\" role=\"img\" "
            + "aria-label=\"\(esc(title)): \(esc(described))\" class=\"bars\"><title>\(esc(title))</title>"
        for (index, value) in values.enumerated() {
            let barHeight = Double(value) / peak * height
            let x = Double(index) * (barWidth + gap)
            let label = index < labels.count ? labels[index] : ""
            svg +=
                "<rect x=\"\(Sparkline.number(x))\" y=\"\(Sparkline.number(top + height - barHeight))\" "
                + "width=\"\(Sparkline.number(barWidth))\" height=\"\(Sparkline.number(barHeight))\" fill=\"#54aeff\">"
                + "<title>\(esc(label)): \(value)</title></rect>"
            if index % every == 0 {
                svg +=
                    "<text x=\"\(Sparkline.number(x + barWidth / 2))\" y=\"\(Sparkline.number(top + height + 14))\" "
                    + "text-anchor=\"middle\">\(esc(label))</text>"
            }
        }
        return svg + "</svg>"
    }

    static let style = """
        svg.bars { max-width: 100%; height: auto; display: block; }
        svg.bars text { font: 10px system-ui, sans-serif; fill: #57606a; }
        table.explore { font-size: 0.9rem; }
        pre { background: #fff; border: 1px solid #d0d7de; border-radius: 6px; padding: 0.6rem; overflow-x: auto; }

        """
}
