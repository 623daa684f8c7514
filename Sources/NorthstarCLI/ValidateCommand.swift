import ArgumentParser
import NorthstarCore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a charter file and report every problem with its location.",
        discussion: """
            Reports each problem as file:line:column, the key path, what is wrong and how to fix it, the way a \
            compiler does. Warnings (an overdue review, a target that rewards getting worse) do not fail validation.

            Exit status: 0 valid, 1 invalid, 2 the file cannot be read as YAML.
            """
    )

    @Argument(help: "The charter YAML file.", completion: .file(extensions: ["yaml", "yml"]))
    var charter: String

    @Option(help: "Output format: text for people, json for editors and scripts.")
    var format: OutputFormat = .text

    struct Report: Encodable {
        let file: String
        let valid: Bool
        let promises: Int
        let errors: [CharterReporting.DiagnosticJSON]
        let warnings: [CharterReporting.DiagnosticJSON]
    }

    func run() throws {
        switch format {
        case .text:
            let result = try CharterReporting.load(charter, invalidExitCode: ExitCode.failure)
            let terminal = Terminal.standardOutput
            let count = result.charter.promises.count
            print(terminal.green("✓") + " \(charter) is a valid charter: \(count) promise\(count == 1 ? "" : "s").")
        case .json:
            do {
                let result = try CharterLoader.load(contentsOf: charter)
                let report = Report(
                    file: charter,
                    valid: true,
                    promises: result.charter.promises.count,
                    errors: [],
                    warnings: result.warnings.map(CharterReporting.DiagnosticJSON.init)
                )
                print(CharterReporting.json(report))
            } catch {
                var diagnostics = error.diagnostics
                if diagnostics.isEmpty {
                    let location = error.location ?? SourceLocation(file: charter, line: 1, column: 1)
                    diagnostics = [
                        CharterDiagnostic(
                            severity: .error,
                            code: error.code.name,
                            location: location,
                            keyPath: "",
                            message: error.message
                        )
                    ]
                }
                let report = Report(
                    file: charter,
                    valid: false,
                    promises: 0,
                    errors: diagnostics.filter { $0.severity == .error }.map(CharterReporting.DiagnosticJSON.init),
                    warnings: diagnostics.filter { $0.severity == .warning }.map(CharterReporting.DiagnosticJSON.init)
                )
                print(CharterReporting.json(report))
                throw error.code == .invalid ? ExitCode.failure : ExitStatus.unreadable
            }
        }
    }
}
