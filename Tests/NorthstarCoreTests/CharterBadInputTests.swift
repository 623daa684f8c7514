import Foundation
import Testing

@testable import NorthstarCore

/// Hostile or broken files: each must end in a clear `CharterError`, with a location where there is one,
/// quickly, and never in a crash or a hang.
@Suite("Bad input")
struct CharterBadInputTests {
    static let header = CharterTesting.header

    // MARK: Nothing to read

    @Test(
        "a file with no document is empty, at 1:1, with a way to start",
        arguments: [
            "", "   \n\n", "# only\n# comments\n", "---\n# nothing but a document marker\n...\n", "\t\n",
        ]
    )
    func empty(text: String) {
        let error = CharterTesting.error(loading: Array(text.utf8))
        expectRefusal(error, .empty, at: "1:1", mentioning: ["empty", "northstar init"])
    }

    @Test("a blank file with Windows line endings is empty, at 1:1")
    func emptyWithCRLF() {
        let error = CharterTesting.error(loading: Array("\r\n\r\n".utf8))
        #expect(error?.code == .empty)
        #expect(error?.location == NorthstarCore.SourceLocation(file: CharterTesting.file, line: 1, column: 1))

    }

    // MARK: Not text

    @Test(
        "a NUL byte makes a binary file, located at the NUL",
        arguments: [
            ([UInt8]("northstar: 1\norg".utf8) + [0] + [UInt8]("anization: Acme\n".utf8), 2, 4),
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52], 3, 1),
            ([0x00, 0x00, 0xFE, 0xFF], 1, 1),
            ([UInt8]("vision: Café".utf8) + [0], 1, 13),
        ]
    )
    func binary(bytes: [UInt8], line: Int, column: Int) {
        let error = CharterTesting.error(loading: bytes)
        expectRefusal(error, .binary, at: "\(line):\(column)", mentioning: ["binary", "not a YAML charter"])
        #expect(error?.description.hasPrefix("test.yaml:\(line):\(column): ") == true)
    }

    @Test(
        "invalid UTF-8 is refused at the first bad byte, named in hex",
        arguments: [
            ([UInt8]("northstar: 1\norganization: Acme ".utf8) + [0xFF], 2, 20, "0xFF"),
            ([UInt8]("organization: Café ".utf8) + [0xC3, 0x28], 1, 20, "0xC3"),
            ([UInt8]("organization: Caf".utf8) + [0xE9] + [UInt8]("\n".utf8), 1, 18, "0xE9"),
            ([UInt8]("vision: ".utf8) + [0xE2, 0x82], 1, 9, "0xE2"),
            ([UInt8]("a: ".utf8) + [0xC0, 0xAF], 1, 4, "0xC0"),
            ([UInt8]("a: b\nc: ".utf8) + [0xED, 0xA0, 0x80], 2, 4, "0xED"),
            ([UInt8]("a: 😀 ".utf8) + [0xF4, 0x90, 0x80, 0x80], 1, 6, "0xF4"),
        ]
    )
    func invalidUTF8(bytes: [UInt8], line: Int, column: Int, byte: String) {
        let error = CharterTesting.error(loading: bytes)
        expectRefusal(
            error,
            .invalidEncoding,
            at: "\(line):\(column)",
            mentioning: ["not valid UTF-8", byte, "Save it as UTF-8"]
        )
    }

    @Test("a control character is refused where it stands")
    func controlCharacter() {
        let error = CharterTesting.error(loading: Array("northstar: 1\norganization: \"Acme\u{7}\"\n".utf8))
        expectRefusal(error, .syntax, at: "2:20", mentioning: ["control characters"])
    }

    @Test("a control character after accented letters is located by characters, not bytes")
    func controlCharacterAfterAccents() {
        let error = CharterTesting.error(loading: Array("northstar: 1\norganization: \"Acééé\u{7}\"\n".utf8))
        #expect(error?.code == .syntax)
        #expect(error?.location?.line == 2)
        #expect(error?.location?.column == 21, "\(String(describing: error))")

    }

    // MARK: Text that is fine

    @Test("a UTF-8 byte order mark is accepted and does not shift columns")
    func byteOrderMark() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let clean = try CharterLoader.load(bytes: bom + Array(Self.header.utf8), file: "test.yaml", today: nil)
        #expect(clean.charter.organization == "Acme Support")
        #expect(clean.source.text.hasPrefix("northstar"))

        let typo = Array("nortstar: 1\norganization: Acme Support\ntimezone: UTC\ntone: freindly\n".utf8)
        let error = CharterTesting.error(loading: bom + typo)
        expectDiagnostic(in: error?.diagnostics ?? [], "unknown-key", keyPath: "nortstar", at: "1:1")
        expectDiagnostic(in: error?.diagnostics ?? [], "unknown-tone", keyPath: "tone", at: "4:7")
    }

    @Test("Windows line endings are accepted, with the same model and the same locations")
    func crlf() throws {
        let text = try CharterTesting.exampleText
        let lf = try CharterTesting.load(text).charter
        let crlf = try CharterTesting.load(text.replacingOccurrences(of: "\n", with: "\r\n")).charter
        #expect(crlf.promises.map(\.id) == lf.promises.map(\.id))
        #expect(crlf.promises.map(\.target) == lf.promises.map(\.target))
        #expect(crlf.promises.map(\.location) == lf.promises.map(\.location))
        #expect(crlf.calendars == lf.calendars)
        #expect(crlf.history == lf.history)
        #expect(crlf.buyIn == lf.buyIn)

        let error = CharterTesting.error(
            loading: Array(
                (Self.header + "tone: freindly\nvalues: [a]\n").replacingOccurrences(of: "\n", with: "\r\n").utf8
            )
        )
        expectDiagnostic(
            in: error?.diagnostics ?? [],
            "unknown-tone",
            keyPath: "tone",
            at: "6:7",
            mentioning: ["friendly"]
        )
    }

    @Test("Windows line endings keep the vision, mission, behaviours and `says`")
    func crlfStatements() throws {
        let text = try CharterTesting.exampleText
        let crlf = try CharterTesting.load(text.replacingOccurrences(of: "\n", with: "\r\n")).charter
        #expect(crlf.vision?.text == "Every customer feels confident and cared for after every interaction.")
        #expect(crlf.mission != nil)
        #expect(crlf.behaviors.count == 4)
        #expect(crlf.promises.first?.says?.text == "answer chats within 30 seconds")

    }

    @Test("a charter with Windows line endings that starts with a comment is not empty")
    func crlfLeadingComment() throws {
        let text = "# Acme's charter\r\n" + Self.header.replacingOccurrences(of: "\n", with: "\r\n")
        let result = try CharterTesting.load(text)
        #expect(result.charter.organization == "Acme Support")

    }

    // MARK: YAML that does not parse

    @Test(
        "YAML syntax errors stop the read with a location and a hint",
        arguments: [
            ("northstar: 1\nvalues: [a, b\nvision: x\n", 3, 7, "not closed"),
            ("northstar: 1\norganization: Acme\n\tvision: x\n", 3, 1, "never tabs"),
            ("northstar: 1\ncalendars:\n  office:\n    hours: x\n   holidays: []\n", 5, 4, "indentation"),
            ("northstar: 1\nvision: Every customer: happy\n", 2, 23, "must be quoted"),
            ("northstar: 1\norganization: A\nvalues: [*nope]\n", 3, 10, "&anchor"),
            ("---\nnorthstar: 1\n---\ntone: calm\n", 3, 1, "another document"),
        ]
    )
    func syntaxErrors(text: String, line: Int, column: Int, hint: String) {
        let error = CharterTesting.error(loading: Array(text.utf8))
        expectRefusal(error, .syntax, at: "\(line):\(column)", mentioning: [hint])
        #expect(error?.cause != nil)
        #expect(error?.description.hasPrefix("test.yaml:\(line):\(column): ") == true)
    }

    @Test("an unclosed quote is a syntax error with a location")
    func unclosedQuote() {
        let error = CharterTesting.error(loading: Array("northstar: 1\nvision: \"Every customer\nmission: M\n".utf8))
        expectRefusal(error, .syntax, mentioning: ["quoted scalar"])
        #expect(error?.location != nil)
    }

    @Test(
        "a key given twice in one mapping is refused, naming the key",
        arguments: [
            ("northstar: 1\ntone: calm\norganization: A\ntone: friendly\n", "tone", [2, 4]),
            ("northstar: 1\nreview: {next: 2027-01-15, cadence: annual, next: 2027-02-01}\n", "next", [2]),
        ]
    )
    func duplicateKeys(text: String, key: String, lines: [Int]) {
        let error = CharterTesting.error(loading: Array(text.utf8))
        expectRefusal(error, .syntax, mentioning: ["`\(key)`", "twice", "Keep one"])
        #expect(lines.contains(error?.location?.line ?? 0), "\(String(describing: error))")
    }

    @Test("a document that is not a mapping is reported at 1:1", arguments: ["[1, 2]\n", "hello\n", "- a\n- b\n"])
    func notAMapping(text: String) {
        let errors = CharterTesting.errors(text)
        expectDiagnostic(in: errors, "wrong-type", keyPath: "", at: "1:1", mentioning: ["northstar: 1"])
    }

    // MARK: Too much

    static let tenMegabytes = 10 * 1_024 * 1_024

    /// A charter padded with values to exactly 10 MB.
    static func hugeCharter() -> [UInt8] {
        let item = "  - We own every issue end to end.\n"
        var text = header + "values:\n"
        text += String(repeating: item, count: (tenMegabytes - text.utf8.count) / item.utf8.count)
        text += String(repeating: "#", count: tenMegabytes - text.utf8.count)
        return Array(text.utf8)
    }

    @Test("a 10 MB charter is refused as too large, at once, from bytes")
    func tooLargeBytes() {
        let bytes = Self.hugeCharter()
        #expect(bytes.count == Self.tenMegabytes)
        var error: CharterError?
        error = CharterTesting.error(loading: bytes)
        expectRefusal(error, .tooLarge, mentioning: ["10.0 MB", "at most 1 MB", "test.yaml"])
    }

    @Test("a 10 MB charter is refused as too large, at once, from a file")
    func tooLargeFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("northstar-\(UUID().uuidString).yaml")
        try Data(Self.hugeCharter()).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var outcome: Result<CharterLoader.Result, CharterError>?
        outcome = Result { () throws(CharterError) in try CharterLoader.load(contentsOf: url.path) }
        guard case .failure(let error) = outcome else {
            Issue.record("a 10 MB file loaded")
            return
        }
        #expect(error.code == .tooLarge)
        #expect(error.message.contains(url.path))
        #expect(error.message.contains("10.0 MB"))
    }

    @Test("the size limit is exactly CharterLoader.maximumBytes")
    func sizeLimit() {
        let limit = CharterLoader.maximumBytes
        #expect(limit == 1 << 20)
        let atLimit = [UInt8](repeating: UInt8(ascii: "#"), count: limit)
        #expect(CharterTesting.error(loading: atLimit)?.code == .empty)
        let overLimit = atLimit + [UInt8(ascii: "\n")]
        #expect(CharterTesting.error(loading: overLimit)?.code == .tooLarge)
    }

    @Test(
        "YAML nested 100,000 levels deep is a syntax error, not a stack overflow",
        arguments: [
            "values: " + String(repeating: "[", count: 100_000),
            "values: " + String(repeating: "{a: ", count: 100_000),
            String(repeating: "- ", count: 100_000) + "x",
        ]
    )
    func deepNesting(text: String) {
        var error: CharterError?
        error = CharterTesting.error(loading: Array(text.utf8))
        expectRefusal(error, .syntax, mentioning: ["nests more than 1,000 levels"])
        #expect(error?.location?.line == 1)
        #expect((error?.location?.column ?? 0) > 1)
    }

    /// Nine anchors, each a list of nine aliases of the one before: 9^9 (387 million) values when expanded.
    static let laughs: String = {
        var lines = [#"a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]"#]
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for (previous, name) in zip(names, names.dropFirst()) {
            lines.append(
                "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test("a billion-laughs alias bomb is reported quickly, without expanding")
    func billionLaughs() {
        let text = Self.header + Self.laughs + "values: *i\nbehaviors: *i\nscope: {covers: *i}\n"
        var error: CharterError?
        error = CharterTesting.error(loading: Array(text.utf8))
        #expect(error?.code == .invalid)
        let diagnostics = error?.diagnostics ?? []
        #expect(!diagnostics.isEmpty && diagnostics.count < 100, "\(diagnostics.count) diagnostics")
        expectDiagnostic(in: diagnostics, "wrong-type", keyPath: "values[0]", at: "13:4", mentioning: ["found a list"])
    }

    @Test("an alias bomb of mappings in segments, filters, targets and hours is reported quickly")
    func mappingBomb() {
        var lines = ["a: &a {x: lol, y: lol, z: lol}"]
        let names = (UnicodeScalar("a").value...UnicodeScalar("p").value).map { String(UnicodeScalar($0)!) }
        for (previous, name) in zip(names, names.dropFirst()) {
            lines.append("\(name): &\(name) {x: *\(previous), y: *\(previous), z: *\(previous)}")
        }
        let text =
            Self.header + lines.joined(separator: "\n") + """

                segments: *p
                calendars: {office: {hours: *p}}
                promises: [{id: bomb, metric: csat, where: *p, target: *p}]

                """
        var error: CharterError?
        error = CharterTesting.error(loading: Array(text.utf8))
        #expect(error?.code == .invalid)
        #expect((error?.diagnostics.count ?? 0) < 100)
    }

    @Test("an alias bomb used as mapping keys is refused before parsing, at the alias")
    func aliasKeysBomb() {
        // 9^9 values behind each key: the YAML library would hash them all to look for duplicate keys, which
        // would hang this test; the guard refuses alias keys before the parser runs.
        let text = Self.header + Self.laughs + "z: {*i : 1, *h : 2}\n"
        let error = CharterTesting.error(loading: Array(text.utf8))
        expectRefusal(error, .syntax, mentioning: ["alias cannot be a key"])
        #expect(error?.location?.line == 15)
        #expect(error?.location?.column == 5)
    }

    @Test("more than a hundred aliases are refused before parsing")
    func tooManyAliases() {
        let text =
            Self.header + "a: &a x\nvalues: [" + Array(repeating: "*a", count: 101).joined(separator: ", ") + "]\n"
        expectRefusal(CharterTesting.error(loading: Array(text.utf8)), .syntax, mentioning: ["more than 100 aliases"])
    }

    @Test("an anchor shared by two calendars' holidays is fine")
    func sharedHolidays() throws {
        let text =
            Self.header + """
                calendars:
                  office: {hours: {mon-fri: ["09:00-17:00"]}, holidays: &days [2026-12-25, 2026-12-26]}
                  phones: {hours: {daily: ["08:00-20:00"]}, holidays: *days}

                """
        let charter = try CharterTesting.load(text).charter
        #expect(charter.calendars.map(\.holidays.count) == [2, 2])
    }

    // MARK: No file

    @Test("a missing file is unreadable and suggests `northstar init`")
    func missingFile() {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString).yaml")
            .path
        let error = #expect(throws: CharterError.self) {
            try CharterLoader.load(contentsOf: path)
        }
        #expect(error?.code == .unreadable)
        #expect(error?.message.contains(path) == true)
        #expect(error?.message.contains("northstar init") == true)
        #expect(error?.location == nil)
    }

    @Test("a directory is unreadable and says a YAML file is wanted")
    func directory() throws {
        let path = FileManager.default.temporaryDirectory.path
        let error = try #require(throws: CharterError.self) {
            try CharterLoader.load(contentsOf: path)
        }
        #expect(error.code == .unreadable)
        #expect(error.message.contains("is a directory"))
        #expect(error.description.contains(path))
    }
}
