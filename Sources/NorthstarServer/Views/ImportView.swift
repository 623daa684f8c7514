import Foundation
import NorthstarCore
import NorthstarStore

/// The Import page: the upload form (a file, its format, the zone of times written without one, a mapping for
/// `mapped`) and the recent import runs, each linked to its page.
enum ImportView {
    /// The format choice that asks for detection from the header, as `northstar import` does without
    /// `--input-format`.
    static let detectValue = "detect"
    /// Runs listed below the form.
    static let listedRuns = 50

    static func render(runs: [ImportRunRecord], identity: Identity) -> String {
        var body = "<h1>Import an export</h1>"
        body +=
            "<p class=\"meta\">The file is read as <code>northstar import FILE --database …</code> reads it: every "
            + "refused row is counted with its reason, and a contact already stored with the same source and id is "
            + "replaced, so uploading the same export twice changes nothing (docs/importers.md).</p>"
        // The token comes first, so it is the first part the server finds.
        body += "<form method=\"post\" action=\"/import\" enctype=\"multipart/form-data\" class=\"import\">"
        body += "<input type=\"hidden\" name=\"csrf_token\" value=\"\(esc(identity.csrfToken ?? ""))\"/>"
        body += "<label for=\"file\">Export file</label><input type=\"file\" id=\"file\" name=\"file\" required/>"
        body += "<label for=\"format\">Format</label><select id=\"format\" name=\"format\">"
        body += "<option value=\"\(detectValue)\">Detect from the header</option>"
        for format in ImportFormat.allCases {
            let selected = format == .canonicalCSV ? " selected" : ""
            body +=
                "<option value=\"\(esc(format.rawValue))\"\(selected)>\(esc(format.rawValue)) — "
                + "\(esc(format.summary))</option>"
        }
        body += "</select>"
        body +=
            "<label for=\"source_timezone\">Zone of times written without one (IANA name)</label>"
            + "<input type=\"text\" id=\"source_timezone\" name=\"source_timezone\" value=\"UTC\"/>"
        body +=
            "<label for=\"mapping\">Mapping, for the <code>mapped</code> format (the YAML of a mapping file)</label>"
            + "<textarea id=\"mapping\" name=\"mapping\" rows=\"6\"></textarea>"
        body += "<p class=\"meta\">One file per upload. Formats that join several files (Zendesk and Freshdesk JSON, "
        body += "event streams) read only what the one file holds; import such exports with the CLI.</p>"
        body += "<button type=\"submit\">Import</button></form>"
        body += "<h2>Recent imports</h2>"
        if runs.isEmpty {
            body += "<p>No import yet.</p>"
        } else {
            body += "<table><thead><tr><th>Run</th><th>Started</th><th>Status</th><th>Files</th>"
            body += "<th>Rows read</th><th>Accepted</th><th>Rejected</th><th>Contacts</th></tr></thead><tbody>"
            for run in runs.prefix(listedRuns) { body += row(run) }
            body += "</tbody></table>"
            if runs.count > listedRuns {
                body += "<p class=\"meta\">\(runs.count - listedRuns) older runs are not listed.</p>"
            }
        }
        return Layout.page(title: "Import", identity: identity, body: body, extraStyle: style)
    }

    private static func row(_ run: ImportRunRecord) -> String {
        let completed = run.status == .completed
        let number = { (value: Int) -> String in completed ? MarkupEscaping.grouped(value) : "–" }
        var html = "<tr><td><a href=\"/import/runs/\(run.id)\">#\(run.id)</a></td>"
        html += "<td>\(esc(time(run.startedAt)))</td>"
        html += "<td class=\"status \(run.status.rawValue)\">\(esc(run.status.rawValue))</td>"
        html += "<td>\(esc(run.files.joined(separator: ", ")))</td>"
        html += "<td class=\"num\">\(number(run.reports.map(\.rowsRead).reduce(0, +)))</td>"
        html += "<td class=\"num\">\(number(run.reports.map(\.accepted).reduce(0, +)))</td>"
        html += "<td class=\"num\">\(number(run.reports.map(\.rejected).reduce(0, +)))</td>"
        html += "<td class=\"num\">\(run.contacts.map { MarkupEscaping.grouped($0) } ?? "–")</td></tr>"
        return html
    }

    /// A store time as `2026-11-23 00:05 UTC`.
    static func time(_ time: Timestamp) -> String {
        let date = Date(timeIntervalSince1970: TimeInterval(time.seconds))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute)) UTC"
    }

    /// The Import pages' own style, written without `<`, `>` or `&`.
    static let style = """
        form.import { background: #fff; border: 1px solid #d0d7de; border-radius: 8px; padding: 1rem; }
        form.import label { display: block; margin: 0.7rem 0 0.2rem; }
        form.import select, form.import input[type=text], form.import textarea { width: 100%; box-sizing: border-box;
          font: inherit; padding: 0.3rem; }
        form.import button { margin-top: 1rem; }
        table { border-collapse: collapse; width: 100%; background: #fff; margin-top: 0.5rem; }
        th, td { border: 1px solid #d0d7de; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        td.status.failed, td.status.abandoned, .failed { color: #cf222e; }
        td.status.running { color: #9a6700; }
        td.status.completed { color: #1a7f37; }
        progress { width: 100%; height: 1.2rem; }
        pre.failure { background: #fff; border: 1px solid #cf222e; padding: 0.7rem; white-space: pre-wrap; }
        td.row { font-family: ui-monospace, monospace; font-size: 0.85rem; word-break: break-all; }

        """
}
