import Foundation
import Testing

@testable import NorthstarCore

/// The streaming check reads contacts CSVs in parts, on every core, without holding the contacts. Its numbers
/// must be exactly those of the check over imported contacts (whose definitions other suites verify by hand and
/// against oracles), however the files are cut, with re-exported contacts counted once and every refused row
/// reported on its own line.
@Suite("Streaming check")
struct StreamingCheckTests {
    /// The demo organisation at a small scale, as a contacts CSV.
    static let demo = DemoOrganization(seed: 7, scale: 0.25)

    static func demoCSV(extraRows: [String] = []) -> String {
        var lines = [CanonicalCSVWriter.header]
        lines += demo.contacts.map(CanonicalCSVWriter.row)
        lines += extraRows
        return lines.joined(separator: "\n") + "\n"
    }

    static func charter() throws -> Charter {
        try CharterLoader.load(bytes: Array(demo.charterYAML.utf8), file: "demo.yaml", today: nil).charter
    }

    /// The check over contacts read into memory: the reference.
    static func inMemory(
        _ paths: [String],
        charter: Charter,
        options: CheckEngine.Options
    ) throws -> (CheckReport, [ImportReport]) {
        let (contacts, reports) = try ImportRun().read(paths)
        return (CheckEngine(charter: charter, options: options).evaluate(contacts, imports: reports), reports)
    }

    static func streamed(
        _ paths: [String],
        charter: Charter,
        options: CheckEngine.Options,
        parts: Int
    ) throws -> (CheckReport, [ImportReport]) {
        let result = try StreamingCheck.evaluate(
            charter: charter,
            options: options,
            paths: paths,
            parts: parts,
            smallestSplit: 0
        )
        return (result.report, result.imports)
    }

    /// The report as sorted JSON; without the lists of missed contacts when `breaches` is false (with repeated
    /// contacts the two paths list them in a different order).
    static func json(_ report: CheckReport, breaches: Bool = true) throws -> String {
        var report = report
        if !breaches {
            for promise in report.promises.indices {
                for period in report.promises[promise].periods.indices {
                    report.promises[promise].periods[period].breaches = []
                }
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }

    static let optionSets: [(String, CheckEngine.Options)] = [
        ("as of the latest moment in the data", CheckEngine.Options()),
        ("as of --to", CheckEngine.Options(to: Timestamp(rfc3339: "2026-06-01T00:00:00Z"))),
        ("by channel and team", CheckEngine.Options(breakdown: [.channel, .team])),
        ("months from --from", CheckEngine.Options(period: .month, from: Timestamp(rfc3339: "2026-04-15T00:00:00Z"))),
        ("one total period", CheckEngine.Options(total: true)),
    ]

    @Test(
        "the demo quarter gives the in-memory numbers to the last digit, in 1, 2, 3 or 7 parts",
        arguments: [1, 2, 3, 7]
    )
    func demoMatches(parts: Int) throws {
        let path = try ImportTesting.write(Self.demoCSV())
        let charter = try Self.charter()
        for (name, options) in Self.optionSets {
            let (expected, expectedImports) = try Self.inMemory([path], charter: charter, options: options)
            let (actual, actualImports) = try Self.streamed([path], charter: charter, options: options, parts: parts)
            let (left, right) = (try Self.json(actual), try Self.json(expected))
            #expect(left == right, "\(name)")
            #expect(actualImports.map(\.accepted) == expectedImports.map(\.accepted))
        }
    }

    /// Promises over the definition options the demo's charter does not use, with a calendar that has a peak
    /// season: SLA policies per ticket and per target, CSAT's mean score, short abandons, first solves, reopens.
    static func optionsCharter() throws -> Charter {
        let text = """
            northstar: 1
            organization: Streaming options
            timezone: Europe/Amsterdam
            vision: Every customer leaves each conversation with us confident and ready to get back to work.
            mission: We answer every message within four hours and resolve issues within three days.
            calendars:
              office:
                timezone: Europe/Amsterdam
                hours: {mon-fri: ["08:00-18:00"]}
                versions:
                  - {from: 2026-05-01, until: 2026-05-31, hours: {mon-sat: ["07:00-22:00"]}}
            promises:
              - id: sla-ticket
                metric: sla
                clock: office
                definition: {slaMode: per-ticket}
                policies: [{where: {tier: enterprise}, firstResponse: 1h, resolution: 1d}, {firstResponse: 4h, resolution: 3d}]
                target: {atLeast: 80%}
              - {id: sla-target, metric: sla, policies: [{firstResponse: 2h}], target: {atLeast: 80%}}
              - {id: csat-mean, metric: csat, definition: {csatStatistic: mean-score}, target: {atLeast: 4}}
              - {id: abandon, metric: abandonment, where: {channel: phone}, definition: {shortAbandon: 5s}, target: {atMost: 8%}}
              - {id: first-solve, metric: resolution, clock: office, definition: {resolution: first-solve}, target: {p80: 2d}}
              - {id: reopens, metric: reopen-rate, target: {atMost: 5%}}
            """
        return try CharterLoader.load(bytes: Array(text.utf8), file: "options.yaml", today: nil).charter
    }

    @Test(
        "definition options, SLA policies and a calendar's peak season give the in-memory numbers",
        arguments: [1, 3]
    )
    func optionsMatch(parts: Int) throws {
        let path = try ImportTesting.write(Self.demoCSV())
        let charter = try Self.optionsCharter()
        for (name, options) in Self.optionSets {
            let (expected, _) = try Self.inMemory([path], charter: charter, options: options)
            let (actual, _) = try Self.streamed([path], charter: charter, options: options, parts: parts)
            #expect(try Self.json(actual) == Self.json(expected), "\(name)")
            #expect(actual.promises.allSatisfy { $0.periods.contains { $0.n > 100 } }, "\(name)")
        }
    }

    @Test("a contact listed again counts once, with its last row, within a part, across parts and across files")
    func repeatedContacts() throws {
        // Re-list some contacts with a different state: solved later, another CSAT answer, reopened.
        let changed = Self.demo.contacts.enumerated().filter { $0.offset % 97 == 0 }.map { _, contact -> String in
            var contact = contact
            if let resolved = contact.resolvedAt { contact.resolvedAt = Timestamp(seconds: resolved.seconds + 7_200) }
            contact.csat = contact.csat.map { $0 >= 4 ? 1 : 5 }
            contact.reopens = (contact.reopens ?? 0) + 1
            return CanonicalCSVWriter.row(contact)
        }
        let path = try ImportTesting.write(Self.demoCSV(extraRows: changed))
        let again = try ImportTesting.write(
            ([CanonicalCSVWriter.header] + changed.prefix(40)).joined(separator: "\n") + "\n"
        )
        let charter = try Self.charter()
        for parts in [1, 2, 5] {
            for (name, options) in Self.optionSets {
                let (expected, expectedImports) = try Self.inMemory([path, again], charter: charter, options: options)
                let (actual, actualImports) = try Self.streamed(
                    [path, again],
                    charter: charter,
                    options: options,
                    parts: parts
                )
                #expect(try Self.json(actual, breaches: false) == Self.json(expected, breaches: false), "\(name)")
                #expect(actualImports.map(\.duplicates) == expectedImports.map(\.duplicates))
                #expect(actualImports.map(\.duplicates) == [changed.count, 40])
            }
        }
    }

    @Test("refused rows are counted and located as an import locates them, however the file is cut")
    func refusedRows() throws {
        let rows = [
            "id,channel,created_at,first_response_at,category",
            "A1,chat,2026-03-02T09:00:00Z,2026-03-02T09:00:20Z,\"Billing, refunds\"",
            "A2,chat,2026-03-02T09:00:00Z,2026-03-02T08:00:00Z,How-to",
            "",
            "A3,chat,2026-03-02T09:00:00Z,,\"two",
            "lines\"",
            "A4,chat,not a time,,x",
            "A5,chat,2026-03-02T09:00:00Z",
            "A6,\u{FFFD}chat,2026-03-02T09:00:00Z,,x",
            "A7,Chat,2026-03-02T09:01:00Z,2026-03-02T09:01:30Z,\"said \"\"hi\"\"\"",
            "A1,chat,2026-03-02T09:00:00Z,2026-03-02T09:00:40Z,again",
        ]
        var text = rows.joined(separator: "\n") + "\n"
        for index in 0..<300 { text += "B\(index),email,2026-03-03T09:00:00Z,2026-03-03T10:00:00Z,\"x\ny\"\n" }
        for crlf in [false, true] {
            var bytes = Array((crlf ? text.replacingOccurrences(of: "\n", with: "\r\n") : text).utf8)
            // A byte that is not UTF-8 in row A6, where the replacement character was typed.
            if let mark = bytes.firstRange(of: Array("\u{FFFD}".utf8)) { bytes.replaceSubrange(mark, with: [0xC3]) }
            let url = ImportTesting.folder.appendingPathComponent("\(UUID().uuidString).csv")
            try Data(bytes).write(to: url)
            let charter = try CheckEngineTests.charter(
                "  - {id: chat, metric: first-response, where: {channel: chat}, target: {within: 30s, share: 90%}}"
            )
            let (expected, expectedImports) = try Self.inMemory([url.path], charter: charter, options: .init())
            for parts in [1, 2, 4, 9] {
                let (actual, imports) = try Self.streamed([url.path], charter: charter, options: .init(), parts: parts)
                // Breaches aside: A1 is listed again, so the two paths list it at a different place.
                #expect(try Self.json(actual, breaches: false) == Self.json(expected, breaches: false))
                let report = try #require(imports.first)
                let reference = try #require(expectedImports.first)
                #expect(report.rowsRead == reference.rowsRead)
                #expect(report.rowsRead == 308)
                #expect(report.rejectedByReason == reference.rejectedByReason)
                #expect(report.rejects == reference.rejects, "parts: \(parts), crlf: \(crlf)")
                #expect(report.rejects.map(\.line) == [3, 7, 8, 9], "parts: \(parts), crlf: \(crlf)")
                #expect(report.duplicates == 1)
            }
        }
    }

    @Test("the radix sort orders doubles as the standard library does, negative numbers and zeros included")
    func radixSort() {
        var generator = SeededGenerator(seed: 11)
        for count in [0, 1, 5, 3_000, 50_000] {
            let values = (0..<count).map { index -> Double in
                switch index % 5 {
                case 0: Double(Int.random(in: 0...86_400 * 30, using: &generator))
                case 1: Double.random(in: -1e6...1e6, using: &generator)
                case 2: 0
                case 3: -0.0
                default: Double(Int.random(in: 0...100, using: &generator)) / 7
                }
            }
            #expect(RadixSort.sorted(values) == values.sorted())
        }
    }
}
