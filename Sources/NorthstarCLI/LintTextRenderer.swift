import Foundation
import NorthstarCore

/// The text a person reads first: the score, the weakest items with their fixes, then the detail.
struct LintTextRenderer {
    let terminal: Terminal

    func render(_ report: LintReport, title: String) -> String {
        var lines: [String] = []
        let verdict =
            report.passed
            ? terminal.green("passed") + " (gate \(report.minimumScore))"
            : terminal.red("below the gate of \(report.minimumScore)")
        lines.append(terminal.bold("\(title): \(report.score)/\(report.maximum)") + " — " + verdict)

        let weakest = report.weakestItems
        if !weakest.isEmpty {
            lines.append("")
            lines.append(terminal.bold("Fix first"))
            for item in weakest {
                let score = item.score == 0 ? terminal.red("0/2") : terminal.yellow("1/2")
                lines.append("  \(score) \(item.item.rawValue): \(item.reasons.joined(separator: " "))")
                if let fix = item.fix { lines.append("      " + terminal.cyan("→ \(fix)")) }
            }
        }

        lines.append("")
        lines.append(terminal.bold("Checklist"))
        for item in report.checklist {
            let score =
                item.score == 2 ? terminal.green("2/2") : item.score == 1 ? terminal.yellow("1/2") : terminal.red("0/2")
            let name = item.item.rawValue.padding(toLength: 17, withPad: " ", startingAt: 0)
            lines.append("  \(score) \(name)\(item.reasons.first ?? "")")
        }

        if !report.alerts.isEmpty {
            lines.append("")
            lines.append(terminal.bold("Alerts (\(report.alerts.count))"))
            for alert in report.alerts {
                let severity: String
                switch alert.severity {
                case .error: severity = terminal.red("error")
                case .warning: severity = terminal.yellow("warning")
                case .suggestion: severity = terminal.cyan("suggestion")
                }
                var line = "  \(alert.file):\(alert.line):\(alert.column) \(severity) [\(alert.rule)] \(alert.message)"
                if let suggestion = alert.suggestion { line += terminal.dim(" → \(suggestion)") }
                lines.append(line)
            }
        }

        let trace = report.traceability
        if report.subject == "charter" {
            lines.append("")
            lines.append(terminal.bold("Traceability"))
            if trace.untracedPhrases.isEmpty {
                lines.append("  " + terminal.green("✓") + " every measurable phrase is backed by a promise")
            } else {
                for phrase in trace.untracedPhrases {
                    lines.append(
                        "  " + terminal.yellow("✗")
                            + " \"\(phrase.phrase)\" (\(phrase.statement), line \(phrase.line)) has no promise behind it"
                    )
                }
            }
            if trace.unstatedPromises.isEmpty {
                lines.append("  " + terminal.green("✓") + " every promise is stated in the words")
            } else {
                let ids = trace.unstatedPromises.map { "\($0.id) (line \($0.line))" }
                lines.append(
                    "  " + terminal.yellow("✗") + " not stated in the vision, mission or behaviours: "
                        + ids.joined(separator: ", ")
                )
            }
        }

        let readability = report.readability
        lines.append("")
        lines.append(
            terminal.dim(
                "Readability: \(readability.words) words, \(readability.sentences) sentence\(readability.sentences == 1 ? "" : "s"), "
                    + "\(readability.syllables) syllables; Flesch reading ease \(format(readability.fleschReadingEase)), "
                    + "Flesch–Kincaid grade \(format(readability.fleschKincaidGrade)) (textstat-compatible)."
            )
        )
        return lines.joined(separator: "\n")
    }

    private func format(_ value: Double) -> String {
        String((value * 10).rounded() / 10)
    }
}
