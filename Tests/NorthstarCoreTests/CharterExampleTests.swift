import NorthstarCore
import Testing

@Suite("The worked example charters")
struct CharterExampleTests {
    @Test("loads without errors or warnings, and its wording passes the gate", arguments: CharterExample.allCases)
    func exampleIsValidAndPassesTheGate(_ example: CharterExample) {
        let result: CharterLoader.Result
        do {
            result = try CharterLoader.load(bytes: Array(example.yaml.utf8), file: example.fileName, today: nil)
        } catch {
            let problems = error.diagnostics.map(\.description).joined(separator: "\n")
            Issue.record("\(example.fileName) does not load: \(error)\n\(problems)")
            return
        }
        let errors = result.warnings.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.description))")
        #expect(result.warnings.isEmpty, "\(result.warnings.map(\.description))")
        #expect(!result.charter.promises.isEmpty)

        let report = WordingLinter().lint(result.charter)
        #expect(report.score >= 10, "\(example.fileName) scores \(report.score) of \(report.maximum)")
        #expect(report.passed)
        #expect(
            report.traceability.untracedPhrases.isEmpty,
            "not backed by a promise: \(report.traceability.untracedPhrases.map(\.phrase))"
        )
    }
}
