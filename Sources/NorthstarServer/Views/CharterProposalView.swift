import NorthstarCore
import NorthstarStore

/// The HTML of the proposal form and of one charter version's page.
enum CharterProposalView {
    /// The proposal form; with `invalid`, the problems next to the numbered text, the bad lines marked.
    static func form(
        yaml: String,
        label: String,
        note: String,
        current: CharterVersion?,
        invalid: CharterProposals.Invalid?,
        identity: Identity
    ) -> String {
        var body = ["<h1>Propose a charter version</h1>"]
        if let current {
            body.append(
                "<p class=\"meta\">Filled with the charter in force: version \(esc(current.version)) (number "
                    + "\(current.number)). An admin approves a proposal before the dashboard uses it.</p>"
            )
        }
        if let invalid {
            body.append("<section class=\"problems\"><h2 class=\"error\">\(esc(invalid.message))</h2>")
            if !invalid.problems.isEmpty {
                body.append("<ul>")
                for problem in invalid.problems {
                    let place =
                        problem.line.map { "line \($0), column \(problem.column ?? 1)" } ?? "the whole charter"
                    body.append(
                        "<li class=\"\(esc(problem.severity))\"><a href=\"#line-\(problem.line ?? 1)\">\(place)</a>"
                            + " (\(esc(problem.severity))): \(esc(problem.message))</li>"
                    )
                }
                body.append("</ul>")
                body.append(numberedText(yaml, marked: Set(invalid.problems.compactMap(\.line))))
            }
            body.append("</section>")
        }
        body.append("<form method=\"post\" action=\"/charter/propose\" class=\"proposal\">")
        body.append(csrfField(identity))
        body.append("<label for=\"yaml\">Charter YAML</label>")
        body.append(
            "<textarea id=\"yaml\" name=\"yaml\" rows=\"30\" spellcheck=\"false\" required>\n\(esc(yaml))</textarea>"
        )
        body.append("<label for=\"version\">Version label</label>")
        body.append(
            "<input type=\"text\" id=\"version\" name=\"version\" maxlength=\"100\" value=\"\(esc(label))\""
                + " placeholder=\"the latest history entry's version\"/>"
        )
        body.append("<label for=\"note\">Note: what changes and why</label>")
        body.append("<input type=\"text\" id=\"note\" name=\"note\" maxlength=\"2000\" value=\"\(esc(note))\"/>")
        body.append("<p><button type=\"submit\">Propose</button> <a href=\"/charter\">Cancel</a></p>")
        body.append("</form>")
        return Layout.page(
            title: "Propose a charter version",
            identity: identity,
            body: body.joined(separator: "\n"),
            extraStyle: style
        )
    }

    /// One version: status and people, the approve form for an admin, the diff, the scorecard and the text.
    static func version(
        _ version: CharterVersion,
        current: CharterVersion?,
        diff: [LineDiff.Line]?,
        lint: LintReport?,
        problems: CharterProposals.Invalid?,
        identity: Identity
    ) -> String {
        var body = ["<h1>Charter version \(version.number): \(esc(version.version))</h1>"]
        let inForce = current?.number == version.number
        let status =
            inForce
            ? "approved, in force"
            : version.status == .approved
                ? "approved, superseded by version \(current?.number ?? version.number)" : "proposed, awaiting approval"
        body.append("<dl class=\"version\">")
        body.append("<dt>Status</dt><dd class=\"status \(esc(version.status.rawValue))\">\(esc(status))</dd>")
        body.append(
            "<dt>Proposed</dt><dd>\(esc(version.proposedBy ?? "unknown")), \(version.proposedAt)</dd>"
        )
        if version.status == .approved {
            body.append(
                "<dt>Approved</dt><dd>\(esc(version.approvedBy ?? "unknown"))"
                    + "\(version.approvedAt.map { ", \($0)" } ?? "")</dd>"
            )
        }
        if let date = version.effectiveDate { body.append("<dt>Takes effect</dt><dd>\(esc(date))</dd>") }
        if !version.note.isEmpty { body.append("<dt>Note</dt><dd>\(esc(version.note))</dd>") }
        body.append("</dl>")
        if version.status == .proposed, identity.role == .admin {
            if let current, current.number > version.number {
                body.append(
                    "<p class=\"meta\">Version \(current.number) was approved after this one was proposed: "
                        + "approving this one would change nothing. Propose it again on top of the charter in force.</p>"
                )
            } else if problems == nil {
                body.append(
                    "<form method=\"post\" action=\"/charter/versions/\(version.number)/approve\" class=\"approve\">"
                        + csrfField(identity)
                        + "<button type=\"submit\">Approve version \(version.number)</button></form>"
                )
            }
        }
        if let problems {
            body.append("<section class=\"problems\"><h2 class=\"error\">\(esc(problems.message))</h2><ul>")
            for problem in problems.problems {
                let place = problem.line.map { "line \($0), column \(problem.column ?? 1)" } ?? "the whole charter"
                body.append("<li>\(place): \(esc(problem.message))</li>")
            }
            body.append("</ul></section>")
        }
        if !inForce {
            body.append(
                "<h2>Changes against the charter in force"
                    + (current.map { " (version \($0.number), \(esc($0.version)))" } ?? "") + "</h2>"
            )
            body.append(diffTable(diff))
        }
        if let lint {
            body.append(
                "<h2>Wording scorecard: \(lint.score) of \(lint.maximum)"
                    + " (\(lint.passed ? "passes" : "below") the gate of \(lint.minimumScore))</h2>"
            )
            body.append("<table><thead><tr><th>Item</th><th>Score</th><th>Why</th><th>Fix</th></tr></thead><tbody>")
            for item in lint.checklist {
                body.append(
                    "<tr><td>\(esc(item.item.rawValue))</td><td>\(item.score) of 2</td>"
                        + "<td>\(esc(item.reasons.joined(separator: " ")))</td><td>\(esc(item.fix ?? ""))</td></tr>"
                )
            }
            body.append("</tbody></table>")
        }
        body.append("<h2>The text</h2>")
        body.append(numberedText(version.yaml, marked: Set(problems?.problems.compactMap(\.line) ?? [])))
        body.append("<p><a href=\"/charter\">Back to the charter</a></p>")
        return Layout.page(
            title: "Charter version \(version.number)",
            identity: identity,
            body: body.joined(separator: "\n"),
            extraStyle: style
        )
    }

    /// The diff as a table of old and new line numbers, marked `-` and `+`, with a few unchanged lines around
    /// each change and the rest folded.
    static func diffTable(_ diff: [LineDiff.Line]?) -> String {
        guard let diff else { return "<p class=\"meta\">The texts are too different to compare line by line.</p>" }
        guard diff.contains(where: { if case .same = $0 { false } else { true } }) else {
            return "<p class=\"meta\">No change: the text is the same as the charter in force.</p>"
        }
        var rows = [
            "<table class=\"diff\"><thead><tr><th>Old</th><th>New</th><th></th><th>Line</th></tr></thead><tbody>"
        ]
        // Unchanged lines more than `context` lines away from any change fold into one row.
        let context = 3
        var nearChange = [Bool](repeating: false, count: diff.count)
        for (index, line) in diff.enumerated() {
            if case .same = line { continue }
            for near in max(0, index - context)...min(diff.count - 1, index + context) { nearChange[near] = true }
        }
        var old = 0
        var new = 0
        var folded = 0
        for (index, line) in diff.enumerated() {
            if case .same = line, !nearChange[index] {
                old += 1
                new += 1
                folded += 1
                continue
            }
            if folded > 0 {
                rows.append("<tr class=\"folded\"><td></td><td></td><td></td><td>… \(folded) unchanged</td></tr>")
                folded = 0
            }
            switch line {
            case .same(let text):
                old += 1
                new += 1
                rows.append("<tr><td>\(old)</td><td>\(new)</td><td></td><td><code>\(esc(text))</code></td></tr>")
            case .removed(let text):
                old += 1
                rows.append(
                    "<tr class=\"removed\"><td>\(old)</td><td></td><td>-</td><td><code>\(esc(text))</code></td></tr>"
                )
            case .added(let text):
                new += 1
                rows.append(
                    "<tr class=\"added\"><td></td><td>\(new)</td><td>+</td><td><code>\(esc(text))</code></td></tr>"
                )
            }
        }
        if folded > 0 {
            rows.append("<tr class=\"folded\"><td></td><td></td><td></td><td>… \(folded) unchanged</td></tr>")
        }
        rows.append("</tbody></table>")
        return rows.joined(separator: "\n")
    }

    /// The text with line numbers (each line an anchor `#line-N`); the `marked` lines highlighted.
    static func numberedText(_ text: String, marked: Set<Int>) -> String {
        var rows = ["<table class=\"source\"><tbody>"]
        for (index, line) in LineDiff.split(text).enumerated() {
            let number = index + 1
            rows.append(
                "<tr id=\"line-\(number)\"\(marked.contains(number) ? " class=\"marked\"" : "")><td>\(number)</td>"
                    + "<td><code>\(esc(line))</code></td></tr>"
            )
        }
        rows.append("</tbody></table>")
        return rows.joined(separator: "\n")
    }

    /// The session's CSRF token as a hidden field (empty for a bearer token, which needs none).
    static func csrfField(_ identity: Identity) -> String {
        "<input type=\"hidden\" name=\"csrf_token\" value=\"\(esc(identity.csrfToken ?? ""))\"/>"
    }

    static let style = """
        form.proposal label { display: block; margin: 0.8rem 0 0.2rem; font-weight: 600; }
        form.proposal textarea { width: 100%; box-sizing: border-box; font-family: ui-monospace, monospace;
          font-size: 0.9rem; }
        form.proposal input[type=text] { width: 100%; box-sizing: border-box; padding: 0.3rem; font: inherit; }
        section.problems { background: #fff; border: 1px solid #cf222e; border-radius: 8px; padding: 0.5rem 1rem;
          margin: 1rem 0; }
        table.source td:first-child, table.diff td:nth-child(-n+3) { color: #57606a; text-align: right;
          padding-right: 0.6rem; font-variant-numeric: tabular-nums; }
        table.source code, table.diff code { white-space: pre-wrap; }
        table.source tr.marked { background: #ffebe9; }
        table.diff tr.removed { background: #ffebe9; }
        table.diff tr.added { background: #dafbe1; }
        table.diff tr.folded td { color: #57606a; font-style: italic; }
        dl.version dt { font-weight: 600; }
        dl.version dd { margin: 0 0 0.4rem 1rem; }

        """
}
