import NorthstarCore
import NorthstarStore

/// One import run's page: the progress while it runs (the page reloads itself each second, no script), the error
/// when it failed, and once completed each file's summary with its refused rows and set-aside values.
enum ImportRunView {
    /// The run under way: its phase, a `<progress>` bar and the counts. Reloads each second.
    static func running(_ run: ImportRunRecord, progress: ImportJobs.Progress?, identity: Identity) -> String {
        var body = heading(run)
        guard let progress else {
            // Begun by the CLI (still writing), or by a server that stopped before completing it.
            body +=
                "<p>This run has not completed, and this server is not running it: it is being written by "
                + "<code>northstar import</code> elsewhere, or it was stopped before it completed. Its contacts written "
                + "so far are stored; run the import again to complete it.</p>"
            return page(run, body: body, identity: identity, refresh: false)
        }
        switch progress.phase {
        case .reading:
            body += "<p>Reading the export… \(MarkupEscaping.grouped(progress.contactsRead)) contacts read so far.</p>"
            body += "<progress aria-label=\"Reading\"></progress>"
        case .storing, .done, .failed:
            body +=
                "<p>Storing the contacts… \(MarkupEscaping.grouped(progress.contactsStored)) of "
                + "\(MarkupEscaping.grouped(progress.contactsTotal)) stored.</p>"
            body +=
                "<progress aria-label=\"Storing\" max=\"\(max(progress.contactsTotal, 1))\" "
                + "value=\"\(progress.contactsStored)\"></progress>"
        }
        body += "<p class=\"meta\">This page reloads itself every second until the import is done.</p>"
        return page(run, body: body, identity: identity, refresh: true)
    }

    /// The run stopped by an error: the error as `northstar import` prints it.
    static func failed(_ run: ImportRunRecord, message: String, identity: Identity) -> String {
        var body = heading(run)
        body += "<p class=\"failed\">The import failed; nothing was summarised.</p>"
        body += "<pre class=\"failure\">Error: \(esc(message))</pre>"
        body += "<p><a href=\"/import\">Back to the Import page</a></p>"
        return page(run, body: body, identity: identity, refresh: false)
    }

    /// The run that stopped without a word (its process killed, its machine lost): no heartbeat since
    /// ``ImportRunRecord/heartbeatAt``.
    static func abandoned(_ run: ImportRunRecord, identity: Identity) -> String {
        var body = heading(run)
        let since = run.heartbeatAt.map { " since \(esc(ImportView.time($0)))" } ?? ""
        body +=
            "<p class=\"failed\">The import was abandoned: no progress\(since), so the process writing it was "
            + "stopped before it completed. Its contacts written so far are stored; run the import again to "
            + "complete it.</p>"
        body += "<p><a href=\"/import\">Back to the Import page</a></p>"
        return page(run, body: body, identity: identity, refresh: false)
    }

    /// The completed run: per file what was read, accepted and refused, then the refused rows (the first
    /// ``ImportController/shownRejects``) and the values set aside.
    static func completed(_ run: ImportRunRecord, reports: [ImportReport], identity: Identity) -> String {
        var body = heading(run)
        body += "<p>\(MarkupEscaping.grouped(run.contacts ?? 0)) contacts stored from this run.</p>"
        for report in reports { body += summary(report) }
        let rejects = reports.flatMap(\.rejects)
        let rejected = reports.map(\.rejected).reduce(0, +)
        body += "<h2>Rejected rows</h2>"
        if rejected == 0 {
            body += "<p>No row was rejected.</p>"
        } else {
            body +=
                "<p><a href=\"/import/runs/\(run.id)/rejects.csv\">Download the rejected rows as CSV</a> "
                + "(the columns of <code>northstar import --rejects</code>).</p>"
            body += "<table class=\"rejects\"><thead><tr><th>File</th><th>Line</th><th>Record</th><th>Reason</th>"
            body += "<th>Row as read</th></tr></thead><tbody>"
            for row in rejects.prefix(ImportController.shownRejects) {
                body +=
                    "<tr><td>\(esc(row.file))</td><td class=\"num\">\(row.line)</td>"
                    + "<td class=\"num\">\(row.record.map(String.init) ?? "")</td><td>\(esc(row.reason))</td>"
                    + "<td class=\"row\">\(esc(row.fields.joined(separator: ",")))</td></tr>"
            }
            body += "</tbody></table>"
            if rejected > min(rejects.count, ImportController.shownRejects) {
                body +=
                    "<p class=\"meta\">\(MarkupEscaping.grouped(rejected - min(rejects.count, ImportController.shownRejects))) "
                    + "more rejected rows are not shown here; the CSV has every row kept.</p>"
            }
        }
        let dropped = reports.flatMap(\.droppedValues)
        if !dropped.isEmpty {
            body += "<h2>Values set aside</h2><table><thead><tr><th>File</th><th>Line</th><th>Contact</th>"
            body += "<th>Field</th><th>Value</th><th>Reason</th></tr></thead><tbody>"
            for value in dropped.prefix(ImportController.shownRejects) {
                body +=
                    "<tr><td>\(esc(value.file))</td><td class=\"num\">\(value.line)</td><td>\(esc(value.contactID))</td>"
                    + "<td>\(esc(value.field))</td><td>\(esc(value.value))</td><td>\(esc(value.reason))</td></tr>"
            }
            body += "</tbody></table>"
        }
        return page(run, body: body, identity: identity, refresh: false)
    }

    /// One file's summary, in the words of the CLI's.
    static func summary(_ report: ImportReport) -> String {
        var html =
            "<section class=\"promise\"><h2>\(esc(report.file)) <span class=\"meta\">(\(esc(report.format)))</span></h2>"
        html += "<table class=\"summary\"><tbody>"
        html += "<tr><th>Rows read</th><td class=\"num\">\(MarkupEscaping.grouped(report.rowsRead))</td></tr>"
        html += "<tr><th>Accepted</th><td class=\"num\">\(MarkupEscaping.grouped(report.accepted))</td></tr>"
        html += "<tr><th>Rejected</th><td class=\"num\">\(MarkupEscaping.grouped(report.rejected))</td></tr>"
        html +=
            "<tr><th>Duplicates counted once</th><td class=\"num\">\(MarkupEscaping.grouped(report.duplicates))</td></tr>"
        html += "<tr><th>Values set aside</th><td class=\"num\">\(MarkupEscaping.grouped(report.dropped))</td></tr>"
        html += "</tbody></table>"
        if !report.rejectedByReason.isEmpty {
            html += "<h3>Rejected by reason</h3><ul>"
            for (reason, count) in report.rejectedByReason.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
                let first = report.rejects.first { $0.reason == reason }
                let place = first.map {
                    " (first at line \($0.line)" + ($0.record.map { ", record \($0)" } ?? "") + ")"
                }
                html += "<li>\(MarkupEscaping.grouped(count)): \(esc(reason))\(esc(place ?? ""))</li>"
            }
            html += "</ul>"
        }
        if !report.droppedByReason.isEmpty {
            html += "<h3>Set aside by reason</h3><ul>"
            for (reason, count) in report.droppedByReason.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
                html += "<li>\(MarkupEscaping.grouped(count)): \(esc(reason))</li>"
            }
            html += "</ul>"
        }
        if !report.notes.isEmpty {
            html += "<h3>Notes</h3><ul>" + report.notes.map { "<li>\(esc($0))</li>" }.joined() + "</ul>"
        }
        if !report.ignoredColumns.isEmpty {
            html += "<p class=\"meta\">Ignored columns: \(esc(report.ignoredColumns.joined(separator: ", ")))</p>"
        }
        return html + "</section>"
    }

    private static func heading(_ run: ImportRunRecord) -> String {
        "<h1>Import run #\(run.id)</h1><p class=\"meta\">\(esc(run.files.joined(separator: ", "))) · started "
            + "\(esc(ImportView.time(run.startedAt))) · <span class=\"status \(run.status.rawValue)\">"
            + "\(esc(run.status.rawValue))</span> · <a href=\"/import\">all imports</a></p>"
    }

    private static func page(_ run: ImportRunRecord, body: String, identity: Identity, refresh: Bool) -> String {
        Layout.page(
            title: "Import run #\(run.id)",
            identity: identity,
            body: body,
            extraStyle: ImportView.style,
            head: refresh ? "\n<meta http-equiv=\"refresh\" content=\"1\"/>" : ""
        )
    }
}
