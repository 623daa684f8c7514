import ArgumentParser
import Foundation
import NorthstarCore

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Score the vision and mission: seven checklist items, alerts, readability, traceability.",
        discussion: """
            Scores plain-words, short-length, clear-behaviors, measurable, on-brand-tone, customer-outcome and \
            team-buy-in from 0 to 2 each, for a total out of 14, and passes at --min-score (10). Alerts point at \
            the exact words with file:line:column and say what to write instead. Traceability lists measurable \
            phrases no promise backs and promises the words do not state.

            With no charter and no --text, scores a built-in example (see --example).

            Examples:
              northstar lint charter.yaml
              northstar lint --text "We strive to help." --kind mission
              northstar lint charter.yaml --format json

            Exit status: 0 passed, 1 below --min-score, 2 the input cannot be read or is not a valid charter.
            """
    )

    @Argument(
        help: "The charter YAML file. Omit it to score --text or a built-in example.",
        completion: .file(extensions: ["yaml", "yml"])
    )
    var charter: String?

    @Option(help: "Score this statement instead of a charter.")
    var text: String?

    @Option(help: "With --text: whether the statement is a vision or a mission.")
    var kind: StatementKind = .mission

    @Option(help: "With --text: the tone to check against (friendly, expert, calm).")
    var tone: Tone = .friendly

    @Option(
        help:
            "The built-in example to score when no charter is given: \(CharterExample.allCases.map(\.rawValue).joined(separator: ", "))."
    )
    var example: CharterExample = .saas

    @Option(name: .customLong("min-score"), help: "The score needed to pass, 0–14.")
    var minimumScore: Int = 10

    @Option(
        help: "A style file with the team's banned and preferred words (see docs/lint.md).",
        completion: .file(extensions: ["yaml", "yml"])
    )
    var style: String?

    @Option(help: "Output format: text for people, json for scripts.")
    var format: OutputFormat = .text

    func validate() throws {
        guard (0...WordingLinter.maximumScore).contains(minimumScore) else {
            throw ValidationError(
                "--min-score must be between 0 and \(WordingLinter.maximumScore); got \(minimumScore)."
            )
        }
        if charter != nil && text != nil {
            throw ValidationError("Give either a charter file or --text, not both.")
        }
        if let text, text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("--text is empty; give the statement to score.")
        }
    }

    func run() throws {
        var styleGuide = StyleGuide.standard
        if let style {
            do {
                styleGuide = try StyleGuide.load(contentsOf: style)
            } catch {
                printError(Terminal.standardError.red("Error: ") + error.description)
                throw ExitStatus.unreadable
            }
        }
        let linter = WordingLinter(style: styleGuide, minimumScore: minimumScore, today: LocalDate.today())
        let report: LintReport
        var title: String
        if let text {
            report = linter.lint(text: text, kind: kind, tone: tone)
            title = "\(kind.rawValue.capitalized) statement"
        } else if let charter {
            let result = try CharterReporting.load(charter, invalidExitCode: ExitStatus.unreadable)
            report = linter.lint(result.charter)
            title = "\(result.charter.organization) charter (\(charter))"
        } else {
            let result: CharterLoader.Result
            do {
                result = try CharterLoader.load(bytes: Array(example.yaml.utf8), file: example.fileName)
            } catch {
                CharterReporting.printFailure(error)
                throw ExitStatus.unreadable
            }
            report = linter.lint(result.charter)
            title = "\(result.charter.organization) charter (built-in example `\(example.rawValue)`)"
            if format == .text {
                printError(
                    Terminal.standardError.dim(
                        "No charter given: scoring the built-in example. Score yours with `northstar lint CHARTER`."
                    )
                )
            }
        }
        switch format {
        case .json: print(CharterReporting.json(report))
        case .text: print(LintTextRenderer(terminal: .standardOutput).render(report, title: title))
        }
        if !report.passed { throw ExitCode.failure }
    }
}
