import ArgumentParser
import NorthstarCore

/// `--format` for commands that produce a check report: text and JSON, plus Markdown, CSV and a
/// self-contained HTML page with trend charts.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
    case markdown
    case csv
    case html

    /// The report in this format; `text` is rendered by the caller, which knows the terminal.
    func render(_ report: CheckReport) -> String? {
        switch self {
        case .text: nil
        case .json: CharterReporting.json(report)
        case .markdown: CheckMarkdownRenderer().render(report)
        case .csv: CheckCSVRenderer().render(report)
        case .html: CheckHTMLRenderer().render(report)
        }
    }
}
