import Foundation
import Testing

@testable import NorthstarCore

/// Loads charters written inline in a test and checks the diagnostics they produce.
///
/// Every charter is named `test.yaml`, so a location reads `test.yaml:LINE:COLUMN` and the line is the
/// line of the multi-line string literal it was written in.
enum CharterTesting {
    static let file = "test.yaml"

    /// The smallest valid charter head: five lines, so a key written after it is on line 6.
    static let header = """
        northstar: 1
        organization: Acme Support
        timezone: Europe/Amsterdam
        vision: Every customer feels cared for.
        mission: We answer chats within 30 seconds.

        """

    /// The issue's example charter, bundled with the tests.
    static var exampleURL: URL {
        get throws {
            let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
            return folder.appendingPathComponent("issue-example.yaml")
        }
    }

    /// The issue's example charter's text.
    static var exampleText: String {
        get throws { try String(contentsOf: exampleURL, encoding: .utf8) }
    }

    /// Loads `text` as `test.yaml`.
    static func load(_ text: String, today: LocalDate? = nil) throws(CharterError) -> CharterLoader.Result {
        try CharterLoader.load(bytes: Array(text.utf8), file: file, today: today)
    }

    /// The error that loading `bytes` throws, or `nil` (recorded as a failure) when it loads.
    static func error(
        loading bytes: [UInt8],
        today: LocalDate? = nil,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> CharterError? {
        do {
            let result = try CharterLoader.load(bytes: bytes, file: file, today: today)
            Issue.record(
                "expected the charter to be refused, but it loaded with \(result.warnings.count) warning(s)",
                sourceLocation: sourceLocation
            )
            return nil
        } catch {
            return error
        }
    }

    /// The diagnostics of a charter that must fail validation (`CharterError.Code.invalid`).
    static func problems(
        _ text: String,
        today: LocalDate? = nil,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> [CharterDiagnostic] {
        guard let error = error(loading: Array(text.utf8), today: today, sourceLocation: sourceLocation) else {
            return []
        }
        #expect(error.code == .invalid, "\(error)", sourceLocation: sourceLocation)
        #expect(error.location == nil, sourceLocation: sourceLocation)
        return error.diagnostics
    }

    /// The errors (not warnings) of a charter that must fail validation.
    static func errors(
        _ text: String,
        today: LocalDate? = nil,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> [CharterDiagnostic] {
        problems(text, today: today, sourceLocation: sourceLocation).filter { $0.severity == .error }
    }

    /// The warnings of a charter that must load.
    static func warnings(
        _ text: String,
        today: LocalDate? = nil,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> [CharterDiagnostic] {
        do {
            return try load(text, today: today).warnings
        } catch {
            Issue.record(
                "expected the charter to load, but: \(error) \(error.diagnostics)",
                sourceLocation: sourceLocation
            )
            return []
        }
    }
}

/// The date written `text` (YYYY-MM-DD), or a thrown error when there is no such day.
func day(_ text: String) throws -> LocalDate {
    try LocalDate.parse(text).get()
}

/// `line:column` of a location, the way a test writes where it expects a problem.
func place(_ location: NorthstarCore.SourceLocation?) -> String? {
    location.map { "\($0.line):\($0.column)" }
}

/// Checks that `diagnostics` holds exactly one diagnostic with `code` and `keyPath`, at `place`
/// (`"line:column"` in `test.yaml`), whose message and fix together mention every one of `words`;
/// returns it for further checks.
@discardableResult
func expectDiagnostic(
    in diagnostics: [CharterDiagnostic],
    _ code: String,
    keyPath: String,
    at expectedPlace: String,
    severity: CharterDiagnostic.Severity = .error,
    mentioning words: [String] = [],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> CharterDiagnostic? {
    let matches = diagnostics.filter { $0.code == code && $0.keyPath == keyPath }
    guard matches.count == 1, let diagnostic = matches.first else {
        let listing = diagnostics.map { "  \($0) [\($0.code)]" }.joined(separator: "\n")
        Issue.record(
            "expected one `\(code)` at `\(keyPath)`, found \(matches.count) in:\n\(listing)",
            sourceLocation: sourceLocation
        )
        return nil
    }
    #expect(diagnostic.severity == severity, sourceLocation: sourceLocation)
    #expect(diagnostic.location.file == CharterTesting.file, sourceLocation: sourceLocation)
    #expect(place(diagnostic.location) == expectedPlace, sourceLocation: sourceLocation)
    let advice = diagnostic.message + " " + (diagnostic.fix ?? "")
    for word in words {
        #expect(advice.contains(word), "`\(word)` is not in: \(advice)", sourceLocation: sourceLocation)
    }
    return diagnostic
}

/// Checks that a refusal carries `code`, the location `expectedPlace` (`"line:column"` in `test.yaml`)
/// when one is given, and a message that mentions every one of `words`.
func expectRefusal(
    _ error: CharterError?,
    _ code: CharterError.Code,
    at expectedPlace: String? = nil,
    mentioning words: [String] = [],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    guard let error else { return }
    #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
    if let expectedPlace {
        #expect(error.location?.file == CharterTesting.file, sourceLocation: sourceLocation)
        #expect(place(error.location) == expectedPlace, "\(error)", sourceLocation: sourceLocation)
    }
    #expect(!error.message.isEmpty, sourceLocation: sourceLocation)
    for word in words {
        #expect(error.message.contains(word), "`\(word)` is not in: \(error.message)", sourceLocation: sourceLocation)
    }
}
