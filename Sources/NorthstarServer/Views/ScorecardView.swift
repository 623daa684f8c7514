import NorthstarCore

/// The agents and teams lists and the scorecard page of one agent or team: per promise the latest complete
/// period's value, verdict and n, a caution when n is below the promise's minimum sample, the team's and the
/// organisation's figures beside it, a sparkline of the last 12 periods and every period in a table.
enum ScorecardView {
    /// Every agent in the data with their team.
    static func agentList(_ agents: [(String, String?)], identity: Identity) -> String {
        var body = "<h1>Agents</h1>"
        body +=
            "<p class=\"meta\">Every agent the stored contacts name, with the team most of their contacts name. "
            + "Numbers on few samples say little: each scorecard marks them.</p>"
        if agents.isEmpty {
            body += "<p>No contact names an agent yet.</p>"
        } else {
            body += "<table class=\"list\"><thead><tr><th>Agent</th><th>Team</th></tr></thead><tbody>"
            for (agent, team) in agents {
                body +=
                    "<tr><td>\(link("agents", agent))</td>"
                    + "<td>\(team.map { link("teams", $0) } ?? "—")</td></tr>"
            }
            body += "</tbody></table>"
        }
        return Layout.page(title: "Agents", identity: identity, body: body, extraStyle: style)
    }

    /// Every team in the data with its number of agents.
    static func teamList(_ teams: [(String, Int)], identity: Identity) -> String {
        var body = "<h1>Teams</h1>"
        if teams.isEmpty {
            body += "<p>No contact names a team yet.</p>"
        } else {
            body += "<table class=\"list\"><thead><tr><th>Team</th><th class=\"num\">Agents</th></tr></thead><tbody>"
            for (team, size) in teams {
                body += "<tr><td>\(link("teams", team))</td><td class=\"num\">\(size)</td></tr>"
            }
            body += "</tbody></table>"
        }
        return Layout.page(title: "Teams", identity: identity, body: body, extraStyle: style)
    }

    /// One agent's or one team's scorecard.
    static func scorecard(_ card: Scorecard, report: CheckReport, identity: Identity) -> String {
        let isAgent = card.kind == "agent"
        var body = "<p class=\"meta\"><a href=\"/\">Overview</a>"
        if identity.seesAllData {
            body += " › <a href=\"/\(isAgent ? "agents" : "teams")\">\(isAgent ? "Agents" : "Teams")</a>"
        }
        body += " › \(esc(card.id))</p>"
        body += "<h1>\(isAgent ? "Agent" : "Team") \(esc(card.id))</h1>"
        var meta = "Data to <time datetime=\"\(esc(card.asOf))\">\(esc(card.asOf))</time>"
        if isAgent, let team = card.team { meta += " · team \(link("teams", team))" }
        meta += " · compared with \(isAgent ? "the team and " : "")\(esc(card.organization)) as a whole"
        body += "<p class=\"meta\">\(meta)</p>"
        if card.promises.isEmpty {
            body += "<p>No stored contact counts towards a promise for this \(isAgent ? "agent" : "team") yet.</p>"
        }
        for promiseCard in card.promises {
            guard let promise = report.promises.first(where: { $0.id == promiseCard.id }) else { continue }
            body += section(promiseCard, promise: promise, kind: card.kind, team: card.team)
        }
        if let agents = card.agents {
            body += memberTable(agents, card: card, report: report, identity: identity)
        }
        return Layout.page(
            title: "\(isAgent ? "Agent" : "Team") \(card.id)",
            identity: identity,
            body: body,
            extraStyle: style
        )
    }

    /// One promise of a scorecard.
    static func section(
        _ card: Scorecard.PromiseCard,
        promise: CheckReport.PromiseResult,
        kind: String,
        team: String?
    ) -> String {
        let result = card.asResult(from: promise)
        let unit = result.unit
        var html = "<section class=\"promise scorecard\" id=\"promise-\(esc(card.id))\"><h2>\(esc(card.id))</h2>"
        html +=
            "<p class=\"meta\">\(esc(card.metric.displayName)) · target \(esc(card.target.summary)) · "
            + "minimum sample \(card.minimumSample) a period</p>"
        let latestIndex = card.periods.lastIndex { !$0.partial } ?? card.periods.indices.last
        if let latestIndex {
            let latest = card.periods[latestIndex]
            html +=
                "<p><span class=\"value\">\(esc(unit.format(latest.value)))</span> "
                + verdict(latest.verdict) + "</p>"
            html +=
                "<p class=\"meta\">\(esc(result.periods[latestIndex].displayLabel)) · n = \(latest.n)"
                + (latest.interval.map { " · 95% interval \(esc(unit.format($0)))" } ?? "") + "</p>"
            if latest.smallSample { html += caution(latest.n, card.minimumSample) }
            var compare: [String] = []
            if let figure = latest.team, let team {
                compare.append("Team \(esc(team)): \(figureText(figure, unit: unit))")
            }
            compare.append("Organisation: \(figureText(latest.organization, unit: unit))")
            html += "<p class=\"compare\">\(compare.joined(separator: " · "))</p>"
        }
        html += Sparkline(promise: result).render()
        html +=
            "<table class=\"periods\"><thead><tr><th>Period</th><th class=\"num\">Value</th><th class=\"num\">n</th>"
        html += "<th>95% interval</th><th>Verdict</th>"
        if kind == "agent", team != nil { html += "<th>Team</th>" }
        html += "<th>Organisation</th></tr></thead><tbody>"
        for (index, period) in card.periods.enumerated().reversed() {
            html += "<tr\(period.partial ? " class=\"partial\"" : "")>"
            html += "<td>\(esc(result.periods[index].displayLabel))</td>"
            html += "<td class=\"num\">\(esc(unit.format(period.value)))</td><td class=\"num\">\(period.n)</td>"
            html += "<td class=\"interval\">\(esc(unit.format(period.interval)))</td>"
            html += "<td>\(verdict(period.verdict))"
            if period.smallSample { html += "<br/>" + caution(period.n, card.minimumSample, inline: true) }
            html += "</td>"
            if kind == "agent", team != nil {
                html += "<td>\(period.team.map { figureText($0, unit: unit) } ?? "—")</td>"
            }
            html += "<td>\(figureText(period.organization, unit: unit))</td></tr>"
        }
        html += "</tbody></table></section>"
        return html
    }

    /// A team's agents with their latest figure per promise: all of them for managers and admins, only the
    /// agent's own row for an agent.
    static func memberTable(_ agents: [String], card: Scorecard, report: CheckReport, identity: Identity) -> String {
        var html = "<section class=\"members\"><h2>\(identity.seesAllData ? "Agents in the team" : "Your row")</h2>"
        guard !agents.isEmpty else { return html + "<p class=\"meta\">No agent listed.</p></section>" }
        let promises = card.promises.compactMap { own in report.promises.first { $0.id == own.id } }
        html +=
            "<p class=\"meta\">The latest complete period of each promise; ◌ marks fewer samples than its minimum.</p>"
        html += "<table class=\"list\"><thead><tr><th>Agent</th>"
        for promise in promises { html += "<th>\(esc(promise.id))</th>" }
        html += "</tr></thead><tbody>"
        for agent in agents {
            html += "<tr><td>\(link("agents", agent))</td>"
            for promise in promises {
                let minimum = card.promises.first { $0.id == promise.id }?.minimumSample ?? 0
                guard let period = promise.headline,
                    let row = period.breakdown?.first(where: { $0.dimension == "agent" && $0.key == agent })
                else {
                    html += "<td>—</td>"
                    continue
                }
                html +=
                    "<td>\(esc(promise.unit.format(row.value))) <span class=\"meta\">n = \(row.n)"
                    + "\(row.n < minimum ? " ◌" : "")</span></td>"
            }
            html += "</tr>"
        }
        return html + "</tbody></table></section>"
    }

    // MARK: Parts

    static func verdict(_ verdict: Verdict) -> String {
        "<span class=\"verdict \(verdict.rawValue)\">\(verdict.symbol) \(esc(verdict.phrase))</span>"
    }

    static func figureText(_ figure: Scorecard.Figure, unit: ReportUnit) -> String {
        "\(esc(unit.format(figure.value))) (n = \(figure.n), \(esc(figure.verdict.phrase)))"
    }

    static func caution(_ n: Int, _ minimum: Int, inline: Bool = false) -> String {
        let tag = inline ? "span" : "p"
        return "<\(tag) class=\"caution\" role=\"note\">⚠ \(esc(Scorecard.caution(n: n, minimum: minimum)))</\(tag)>"
    }

    /// A link to `/kind/id`, the id as one escaped path segment.
    static func link(_ kind: String, _ id: String, text: String? = nil) -> String {
        "<a href=\"/\(kind)/\(OverviewView.pathComponent(id))\">\(esc(text ?? id))</a>"
    }

    /// Tables and cautions, for these pages and the staffing and explore pages.
    static let style = """
        table { border-collapse: collapse; margin: 0.75rem 0 1.25rem; background: #fff; }
        th, td { text-align: left; padding: 0.3rem 0.65rem; border-bottom: 1px solid #d0d7de; vertical-align: top; }
        thead th { border-bottom: 2px solid #8c959f; }
        .num, .interval { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .interval { color: #57606a; }
        tr.partial { color: #57606a; font-style: italic; }
        .value { font-size: 1.8rem; font-weight: 600; font-variant-numeric: tabular-nums; }
        .caution { color: #9a6700; background: #fff8c5; padding: 0.2rem 0.4rem; border-radius: 4px; }
        span.caution { font-size: 0.85em; }
        .compare { color: #1f2328; }
        section.promise svg.sparkline { width: 100%; max-width: 30rem; height: auto; display: block; }
        section.members { background: #fff; border: 1px solid #d0d7de; border-radius: 8px; padding: 1rem;
          margin-top: 1rem; overflow-x: auto; }

        """
}
