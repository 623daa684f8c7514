import Foundation
import NorthstarCore
import NorthstarStore

/// The charter page's HTML.
enum CharterView {
    static func render(
        _ charter: Charter,
        lint: LintReport,
        current: CharterVersion,
        versions: [CharterVersion],
        signOffs: [CharterSignOff],
        today: LocalDate,
        identity: Identity
    ) -> String {
        var body = ["<h1>\(esc(charter.organization)): the charter</h1>"]
        body.append("<p>Version \(esc(current.version)) (number \(current.number) in the store).</p>")
        body.append(proposals(versions, current: current, identity: identity))
        if let vision = charter.vision { body.append("<h2>Vision</h2><p class=\"statement\">\(esc(vision.text))</p>") }
        if let mission = charter.mission {
            body.append("<h2>Mission</h2><p class=\"statement\">\(esc(mission.text))</p>")
        }
        if !charter.behaviors.isEmpty {
            body.append(
                "<h2>Behaviours</h2><ul>" + charter.behaviors.map { "<li>\(esc($0.text))</li>" }.joined() + "</ul>"
            )
        }
        if let review = charter.review, let next = review.next {
            let due = next.daysSinceEpoch <= today.daysSinceEpoch
            body.append(
                "<p class=\"review\(due ? " due" : "")\"><strong>Next review: \(next)</strong>"
                    + (due ? " — due now" : "") + "</p>"
            )
        }
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
        if !lint.alerts.isEmpty {
            body.append("<h3>Alerts</h3><ul>")
            for alert in lint.alerts {
                let suggestion = alert.suggestion.map { " Try: \(esc($0))" } ?? ""
                body.append(
                    "<li><code>\(esc(alert.rule))</code> (\(esc(alert.severity.rawValue)), line \(alert.line)): "
                        + "\(esc(alert.message))\(suggestion)</li>"
                )
            }
            body.append("</ul>")
        }
        body.append("<h2>Promises</h2><table><thead><tr><th>Promise</th><th>Says</th><th>Metric</th>")
        body.append("<th>Who</th><th>Target</th></tr></thead><tbody>")
        for promise in charter.promises {
            body.append(
                "<tr><td><a href=\"/promises/\(esc(promise.id))\">\(esc(promise.id))</a></td>"
                    + "<td>\(esc(promise.says?.text ?? ""))</td><td>\(esc(promise.metric.rawValue))</td>"
                    + "<td>\(esc(promise.population.summary))</td>"
                    + "<td>\(esc(promise.target.summary(for: promise.metric, options: promise.options)))</td></tr>"
            )
        }
        body.append("</tbody></table>")
        body.append("<h2>Versions in the store</h2><table><thead><tr><th>#</th><th>Version</th><th>Status</th>")
        body.append("<th>Proposed</th><th>Approved</th><th>Note</th><th>Sign-offs</th></tr></thead><tbody>")
        for version in versions.reversed() {
            let signed = signOffs.filter { $0.charterVersion == version.number }
                .map { "\(esc($0.name))\($0.role.map { " (\(esc($0)))" } ?? "") \($0.signedAt)" }
                .joined(separator: "; ")
            body.append(
                "<tr><td><a href=\"/charter/versions/\(version.number)\">\(version.number)</a></td>"
                    + "<td>\(esc(version.version))</td>"
                    + "<td>\(esc("\(version.status)"))</td>"
                    + "<td>\(esc(version.proposedBy ?? "")) \(version.proposedAt)</td>"
                    + "<td>\(esc(version.approvedBy ?? "")) \(version.approvedAt.map { "\($0)" } ?? "")</td>"
                    + "<td>\(esc(version.note))</td><td>\(signed)</td></tr>"
            )
        }
        body.append("</tbody></table>")
        if !charter.history.isEmpty {
            body.append("<h2>History in the charter</h2><ul>")
            for entry in charter.history {
                body.append("<li>\(esc(entry.version)), \(entry.date)\(entry.note.map { ": \(esc($0))" } ?? "")</li>")
            }
            body.append("</ul>")
        }
        return Layout.page(
            title: "Charter",
            identity: identity,
            body: body.joined(separator: "\n"),
            extraStyle: ".statement { font-size: 1.1em; } .review.due { background: #fff3cd; padding: 0.4em; }\n"
        )
    }

    /// The proposals awaiting an admin (newer than the charter in force) and the link to propose one.
    static func proposals(_ versions: [CharterVersion], current: CharterVersion, identity: Identity) -> String {
        var html = ["<section class=\"proposals\">"]
        let waiting = versions.filter { $0.status == .proposed && $0.number > current.number }
        if waiting.isEmpty {
            html.append("<p class=\"meta\">No proposal is awaiting approval.</p>")
        } else {
            html.append("<h2>Awaiting approval</h2><ul>")
            for version in waiting {
                html.append(
                    "<li><a href=\"/charter/versions/\(version.number)\">Version \(version.number): "
                        + "\(esc(version.version))</a>, proposed by \(esc(version.proposedBy ?? "unknown")) "
                        + "\(version.proposedAt)\(version.note.isEmpty ? "" : ": \(esc(version.note))")</li>"
                )
            }
            html.append("</ul>")
        }
        if CharterController.roles.contains(identity.role) {
            html.append("<p><a href=\"/charter/propose\">Propose a change</a></p>")
        }
        html.append("</section>")
        return html.joined(separator: "\n")
    }
}
