import Foundation
import NorthstarCore
import NorthstarStore

/// The overview: one card per promise with its latest complete period, its verdict in colour and in words, n,
/// and a sparkline of its last 12 periods against the target.
enum OverviewView {
    /// `storedContacts`: the contacts in the store the report was computed from (imports, the API and webhooks).
    static func render(
        _ report: CheckReport,
        identity: Identity,
        charterVersion: Int,
        storedContacts: Int,
        ownTeam: String? = nil
    ) -> String {
        var body = "<h1>\(esc(report.organization)): are we keeping our promises?</h1>"
        body +=
            "<p class=\"meta\">Data to <time datetime=\"\(esc(report.asOf))\">\(esc(report.asOf))</time> · "
            + "charter version \(charterVersion) · \(MarkupEscaping.grouped(storedContacts)) contacts stored</p>"
        if identity.role == .agent {
            // An agent's own numbers: their scorecard and their team (ScorecardController).
            var mine: [String] = []
            if let agent = identity.agentID { mine.append(ScorecardView.link("agents", agent, text: "My scorecard")) }
            if let team = ownTeam { mine.append(ScorecardView.link("teams", team, text: "My team")) }
            if !mine.isEmpty { body += "<p class=\"mine\">\(mine.joined(separator: " · "))</p>" }
        }
        if report.promises.isEmpty { body += "<p>The charter makes no promises yet.</p>" }
        body += "<div class=\"cards\">"
        for promise in report.promises {
            body += card(promise, linked: identity.seesAllData)
        }
        body += "</div>"
        return Layout.page(title: "Overview", identity: identity, body: body)
    }

    static func card(_ promise: CheckReport.PromiseResult, linked: Bool) -> String {
        let unit = promise.unit
        let name =
            linked
            ? "<a href=\"/promises/\(pathComponent(promise.id))\">\(esc(promise.id))</a>" : esc(promise.id)
        var html = "<article class=\"card\" id=\"card-\(esc(promise.id))\"><h2>\(name)</h2>"
        html += "<p class=\"meta\">\(esc(promise.metric.displayName)) · target \(esc(promise.target.summary))</p>"
        if let latest = promise.headline {
            html +=
                "<p><span class=\"value\">\(esc(unit.format(latest.value)))</span> "
                + "<span class=\"verdict \(latest.verdict.rawValue)\">\(latest.verdict.symbol) "
                + "\(esc(latest.verdict.phrase))</span></p>"
            html += "<p class=\"meta\">\(esc(latest.displayLabel)) · n = \(MarkupEscaping.grouped(latest.n))"
            if let interval = latest.interval { html += " · 95% interval \(esc(unit.format(interval)))" }
            html += "</p>"
        } else {
            html += "<p class=\"meta\">No samples yet.</p>"
        }
        html += Sparkline(promise: promise).render()
        html += "</article>"
        return html
    }

    /// A promise id as one URL path segment.
    static func pathComponent(_ id: String) -> String {
        esc(
            id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(.init(charactersIn: "/")))
                ?? id
        )
    }
}
