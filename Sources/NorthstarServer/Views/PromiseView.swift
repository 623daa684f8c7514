import NorthstarCore

/// A promise's page: the trend chart against the target with intervals, every period, the breakdown of the
/// latest complete period by channel, tier, team and agent, and the contacts that broke that period.
enum PromiseView {
    static func render(_ promise: CheckReport.PromiseResult, report: CheckReport, identity: Identity) -> String {
        var body = "<p class=\"meta\"><a href=\"/\">Overview</a> › \(esc(promise.id))</p>"
        body += CheckHTMLRenderer().section(promise, number: 1).joined(separator: "\n")
        body += "<section class=\"breaches\"><h2>Contacts that broke it</h2>"
        if let latest = promise.headline, !latest.breaches.isEmpty {
            body +=
                "<p class=\"meta\">\(esc(latest.displayLabel)): \(latest.breaches.count) "
                + "contact\(latest.breaches.count == 1 ? "" : "s") shown (at most 50); "
                + "`northstar check --explain \(esc(promise.id))` traces each one.</p><ul class=\"breach-list\">"
            for id in latest.breaches { body += "<li><code>\(esc(id))</code></li>" }
            body += "</ul>"
        } else {
            body += "<p class=\"meta\">No contact broke the promise in the latest period.</p>"
        }
        body += "</section>"
        return Layout.page(
            title: promise.id,
            identity: identity,
            body: body,
            extraStyle: CheckHTMLRenderer.style
        )
    }
}
