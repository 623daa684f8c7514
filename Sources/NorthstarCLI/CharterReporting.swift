import ArgumentParser
import Foundation
import NorthstarCore

/// Exit codes shared by the commands that read a charter.
enum ExitStatus {
    /// The input could not be read as a charter at all (missing, binary, not UTF-8, YAML syntax).
    static let unreadable = ExitCode(2)
}

/// Loads a charter for a command, printing problems the way compilers do and choosing the exit code.
enum CharterReporting {
    /// Loads the charter; on failure prints every problem to stderr and throws the command's exit code.
    static func load(_ path: String, invalidExitCode: ExitCode) throws -> CharterLoader.Result {
        do {
            let result = try CharterLoader.load(contentsOf: path)
            printWarnings(result.warnings)
            return result
        } catch {
            printFailure(error)
            throw error.code == .invalid ? invalidExitCode : ExitStatus.unreadable
        }
    }

    static func printWarnings(_ warnings: [CharterDiagnostic]) {
        let terminal = Terminal.standardError
        for warning in warnings {
            printError(terminal.yellow(warning.description))
        }
    }

    static func printFailure(_ error: CharterError) {
        let terminal = Terminal.standardError
        if error.diagnostics.isEmpty {
            printError(terminal.red("Error: ") + error.description)
            return
        }
        for diagnostic in error.diagnostics {
            let line = diagnostic.description
            printError(diagnostic.severity == .error ? terminal.red(line) : terminal.yellow(line))
        }
        printError(terminal.red("Error: ") + error.description)
    }

    /// The JSON shape of a diagnostic, shared by `validate --format json`.
    struct DiagnosticJSON: Encodable {
        let severity: String
        let code: String
        let file: String
        let line: Int
        let column: Int
        let keyPath: String
        let message: String
        let fix: String?

        init(_ diagnostic: CharterDiagnostic) {
            severity = diagnostic.severity.rawValue
            code = diagnostic.code
            file = diagnostic.location.file
            line = diagnostic.location.line
            column = diagnostic.location.column
            keyPath = diagnostic.keyPath
            message = diagnostic.message
            fix = diagnostic.fix
        }
    }

    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
