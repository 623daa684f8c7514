import Foundation
import Testing

@testable import NorthstarCore

/// A mapping for an export no built-in format knows, typed by hand.
private let mappingYAML = """
    # Helpdesk X ticket export
    columns:
      id: Ticket
      channel: Source
      created_at: [Date, Time]
      first_response_at: {column: First reply (min), unit: minutes}
      resolved_at: {column: Closed, format: "dd/MM/yyyy HH:mm"}
      agent: Owner
      priority: Prio
      abandoned: Abandoned
      csat: Rating
      wrap_seconds: {column: Wrap (min), unit: minutes}
    timestamps:
      format: "%d/%m/%Y %H:%M"
      timezone: Europe/Amsterdam
    values:
      channel: {Voice: phone, "Web form": web}
      abandoned: {Y: true, N: false}
      csat: {Very satisfied: 5, Satisfied: 4, Neutral: 3}
      priority: {P1: urgent, P2: high}
    defaults:
      channel: email
    missing: ["N/A", "-"]
    delimiter: ";"
    """

/// The export: semicolons, day-first dates in Amsterdam (CET, UTC+1, in early March 2026), words for values.
private let export = """
    Ticket;Source;Date;Time;First reply (min);Closed;Owner;Prio;Abandoned;Rating;Wrap (min);Notes
    T-1;Web form;02/03/2026;10:15;12;02/03/2026 12:15;Ana;P1;N;Very satisfied;1.5;first copy
    T-2;Voice;02/03/2026;10:30;N/A;-;Ben;P2;Y;;;
    T-3;;02/03/2026;11:00;5;02/03/2026 10:00;Ana;P3;N;;;closed before it opened
    T-4;Email;31/02/2026;11:00;5;;Ana;P3;N;;;no such day
    T-5;Chat;02/03/2026;11:30;x;;Ana;P3;N;;;
    T-1;web form;02/03/2026;10:15;12;02/03/2026 13:15;Ana;P1;N;very satisfied;1.5;second copy
    """

private func importExport(
    _ yaml: String = mappingYAML,
    _ text: String = export
) throws -> (
    contacts: [Contact], report: ImportReport
) {
    let mapping = try CSVMapping.load(yaml: yaml, file: "helpdesk-x.yaml")
    return try ImportTesting.run(MappedCSVImporter(mapping: mapping), text: text)
}

@Suite("Mapped CSV")
struct MappedCSVImporterTests {
    @Test("a mapping file reads: columns, joined columns, durations, formats, zone, values, defaults, missing")
    func loads() throws {
        let mapping = try CSVMapping.load(yaml: mappingYAML, file: "helpdesk-x.yaml")
        #expect(mapping.columns[.createdAt]?.columns == ["Date", "Time"])
        #expect(mapping.columns[.firstResponseAt]?.unit == .minutes)
        #expect(mapping.columns[.resolvedAt]?.format == .pattern("dd/MM/yyyy HH:mm"))
        #expect(mapping.timestampFormat == .pattern("%d/%m/%Y %H:%M"))
        #expect(mapping.timezone == "Europe/Amsterdam")
        #expect(mapping.values[.channel] == ["Voice": "phone", "Web form": "web"])
        #expect(mapping.values[.abandoned] == ["Y": "true", "N": "false"])  // YAML's Y stays the text Y
        #expect(mapping.defaults[.channel] == "email")
        #expect(mapping.missing == ["N/A", "-"])
        #expect(mapping.delimiter == UInt8(ascii: ";"))
    }

    @Test("an export through its mapping: every row counted, the last copy of an id winning")
    func counts() throws {
        let (contacts, report) = try importExport()
        #expect(report.format == "mapped")
        #expect(report.rowsRead == 6)
        #expect(report.accepted == 3)
        #expect(report.rejected == 3)
        #expect(report.duplicates == 1)
        #expect(contacts.map(\.id) == ["T-1", "T-2"])
        #expect(report.ignoredColumns == ["Notes"])
        let reasons = Dictionary(uniqueKeysWithValues: report.rejects.map { ($0.line, $0.reason) })
        #expect(reasons[4] == "resolution before creation")  // T-3: closed 10:00, opened 11:00
        #expect(reasons[5] == "`Date` and `Time` is not a `%d/%m/%Y %H:%M` time")  // 31 February
        #expect(reasons[6] == "`First reply (min)` is not a number of minutes")
    }

    @Test("values are mapped, times placed in the zone, durations counted from creation")
    func values() throws {
        let (contacts, _) = try importExport()
        let first = contacts[0]
        #expect(first.channel == "web")  // `web form` (second copy) matches `Web form` in any case
        #expect(first.createdAt.description == "2026-03-02T09:15:00Z")  // 10:15 CET
        #expect(first.firstResponseAt?.description == "2026-03-02T09:27:00Z")  // + 12 minutes
        #expect(first.resolvedAt?.description == "2026-03-02T12:15:00Z")  // 13:15 CET, from the second copy
        #expect(first.priority == "urgent")
        #expect(first.abandoned == false)
        #expect(first.csat == 5)
        #expect(first.wrapSeconds == 90)  // 1.5 minutes
        #expect(first.agent == "Ana")
        let second = contacts[1]
        #expect(second.channel == "phone")
        #expect(second.firstResponseAt == nil)  // N/A
        #expect(second.resolvedAt == nil)  // -
        #expect(second.abandoned == true)
        #expect(second.csat == nil)
        #expect(second.wrapSeconds == nil)
        #expect(second.priority == "high")
    }

    @Test("an empty channel takes the default")
    func defaults() throws {
        let text = """
            Ticket;Source;Date;Time;First reply (min);Closed;Owner;Prio;Abandoned;Rating;Wrap (min);Notes
            T-9;;02/03/2026;11:00;;;;;;;;
            """
        let (contacts, _) = try importExport(mappingYAML, text)
        #expect(contacts.first?.channel == "email")
    }

    @Test("every problem of a mapping file is reported at once, each at its line and column, with a suggestion")
    func problems() throws {
        let yaml = """
            columns:
              id: Ticket
              creatd_at: Opened
              channel: {colum: Source}
            timestamps:
              format: "%Q"
              timezone: Europe/Amsterdm
            valeus: {}
            """
        #expect {
            try CSVMapping.load(yaml: yaml, file: "bad.yaml")
        } throws: { error in
            guard let error = error as? ImportError else { return false }
            let all = [error] + error.moreProblems
            let places = all.compactMap(\.location).map { "\($0.line):\($0.column)" }
            return error.code == .configuration
                && places == ["3:3", "4:12", "4:13", "6:11", "7:13", "8:1"]
                && all[0].message.contains("Did you mean `created_at`?")
                && all[1].message.hasPrefix("columns.channel: names no `column`.")
                && all[2].message.contains("Did you mean `column`?")
                && all[3].message.contains("`%Q`")
                && all[4].message.contains("Did you mean `Europe/Amsterdam`?")
                && all[5].message.contains("Did you mean `values`?")
                && error.description.hasPrefix("bad.yaml:3:3: columns.creatd_at: ")
                && error.description.hasSuffix("(and 5 more problems)")
        }
    }

    @Test("rules beyond the shape: an id and a channel are needed, defaults must fit their field")
    func rules() throws {
        let yaml = """
            columns:
              created_at: Opened
            defaults:
              abandoned: maybe
            """
        #expect {
            try CSVMapping.load(yaml: yaml, file: "rules.yaml")
        } throws: { error in
            guard let error = error as? ImportError else { return false }
            let messages = ([error] + error.moreProblems).map(\.message)
            return messages.contains { $0.contains("no column holds the contact id") }
                && messages.contains { $0.contains("the channel has neither a column nor a default") }
                && messages.contains { $0.hasPrefix("defaults.abandoned: the default `maybe` is not true or false") }
        }
    }

    @Test("a YAML syntax error points at its line")
    func syntax() throws {
        #expect {
            try CSVMapping.load(yaml: "columns:\n  id: [Ticket\n  created_at: Opened\n", file: "broken.yaml")
        } throws: { error in
            guard let error = error as? ImportError else { return false }
            return error.code == .configuration && error.message.hasPrefix("YAML syntax error")
                && (error.location?.line ?? 0) >= 2
        }
    }

    @Test("a column the mapping names but the file lacks stops the import, with the nearest header name")
    func missingColumn() throws {
        let text = "Ticket;Sources;Date;Time;First reply (min);Closed;Owner;Prio;Abandoned;Rating;Wrap (min)\n"
        #expect {
            try importExport(mappingYAML, text)
        } throws: { error in
            guard let error = error as? ImportError else { return false }
            return error.code == .missingColumn
                && error.message.contains("`Source` for channel (did you mean `Sources`?)")
        }
    }

    @Test("Unix seconds and milliseconds, RFC 3339, and a comma-separated file with the default zone")
    func otherFormats() throws {
        let yaml = """
            columns:
              id: id
              created_at: opened
              resolved_at: {column: closed, format: unix-milliseconds}
              first_response_at: {column: replied, format: rfc3339}
            timestamps: {format: unix-seconds}
            defaults: {channel: chat}
            """
        let text = """
            id,opened,closed,replied
            a,1772442900,1772446500000,2026-03-02T10:20:00+01:00
            b,1772442900.9,,
            """
        let (contacts, report) = try importExport(yaml, text)
        #expect(report.rejected == 0)
        #expect(contacts[0].createdAt.description == "2026-03-02T09:15:00Z")
        #expect(contacts[0].resolvedAt?.description == "2026-03-02T10:15:00Z")
        #expect(contacts[0].firstResponseAt?.description == "2026-03-02T09:20:00Z")
        #expect(contacts[1].createdAt.seconds == 1_772_442_900)  // the fraction is dropped
        #expect(contacts.allSatisfy { $0.channel == "chat" })
    }

    @Test("a mapping built in code is checked too")
    func programmatic() throws {
        let incomplete = CSVMapping(columns: [.createdAt: CSVMapping.Source(columns: ["opened"])])
        #expect(throws: ImportError.self) { try MappedCSVImporter(mapping: incomplete) }
        let unknownZone = CSVMapping(
            columns: [.id: .init(columns: ["id"]), .createdAt: .init(columns: ["opened"])],
            defaults: [.channel: "web"],
            timezone: "Mars/Olympus"
        )
        #expect(throws: ImportError.self) { try MappedCSVImporter(mapping: unknownZone) }
        let good = CSVMapping(
            columns: [.id: .init(columns: ["id"]), .createdAt: .init(columns: ["opened"])],
            defaults: [.channel: "web"],
            timestampFormat: .pattern("yyyy-MM-dd HH:mm")
        )
        let importer = try MappedCSVImporter(mapping: good, defaultTimeZoneIdentifier: "Asia/Tokyo")
        let (contacts, _) = try ImportTesting.run(importer, text: "id,opened\nx,2026-03-02 18:15\n")
        #expect(contacts.first?.createdAt.description == "2026-03-02T09:15:00Z")  // 18:15 JST (UTC+9)
    }
}

@Suite("Timestamp patterns: 12-hour clocks, month names, offsets and strftime")
struct TimestampPatternTests {
    @Test(
        "patterns read what they describe and nothing else",
        arguments: [
            ("M/d/yyyy h:mm a", "3/2/2026 12:05 AM", "2026-03-02T00:05:00Z"),
            ("M/d/yyyy h:mm a", "3/2/2026 12:30 pm", "2026-03-02T12:30:00Z"),
            ("M/d/yyyy h:mm a", "3/2/2026 1:30 PM", "2026-03-02T13:30:00Z"),
            ("M/d/yyyy h:mm a", "3/2/2026 0:30 AM", nil),
            ("M/d/yyyy h:mm a", "3/2/2026 1:30", nil),
            ("dd-MMM-yyyy HH:mm", "02-Mar-2026 09:15", "2026-03-02T09:15:00Z"),
            ("dd-MMM-yyyy HH:mm", "02-MAR-2026 09:15", "2026-03-02T09:15:00Z"),
            ("dd-MMM-yyyy HH:mm", "02-Mrz-2026 09:15", nil),
            ("yyyy-MM-dd'T'HH:mm:ssXXX", "2026-03-02T10:15:00+01:00", "2026-03-02T09:15:00Z"),
            ("yyyy-MM-dd'T'HH:mm:ssXXX", "2026-03-02T09:15:00Z", "2026-03-02T09:15:00Z"),
            ("yyyy-MM-dd'T'HH:mm:ssXXX", "2026-03-02T04:15:00-0500", "2026-03-02T09:15:00Z"),
            ("yyyy-MM-dd'T'HH:mm:ssXXX", "2026-03-02T09:15:00", nil),
        ] as [(String, String, String?)]
    )
    func patterns(_ pattern: String, _ text: String, _ expected: String?) throws {
        let format = try LocalTimeFormat(pattern)
        #expect(format.instant(text, in: TimeZone(identifier: "UTC")!)?.description == expected)
    }

    @Test(
        "strftime directives mean the same as the pattern letters",
        arguments: [
            ("%d/%m/%Y %H:%M", "02/03/2026 09:15", "2026-03-02T09:15:00Z"),
            ("%Y-%m-%dT%H:%M:%S%z", "2026-03-02T10:15:00+0100", "2026-03-02T09:15:00Z"),
            ("%F %T", "2026-03-02 09:15:00", "2026-03-02T09:15:00Z"),
            ("%-m/%-d/%Y %-I:%M %p", "3/2/2026 9:15 AM", "2026-03-02T09:15:00Z"),
            ("%d %b %Y, %H:%M:%S.%f", "02 Mar 2026, 09:15:00.123456", "2026-03-02T09:15:00Z"),
            ("100%% at %Y-%m-%d", "100% at 2026-03-02", "2026-03-02T00:00:00Z"),
            ("%d/%m/%Y", "2026-03-02", nil),
        ] as [(String, String, String?)]
    )
    func strftime(_ pattern: String, _ text: String, _ expected: String?) throws {
        let format = try LocalTimeFormat(strftime: pattern)
        #expect(format.instant(text, in: TimeZone(identifier: "UTC")!)?.description == expected)
    }

    @Test(
        "patterns that cannot work are refused with the reason",
        arguments: ["h:mm", "yyyy-MM-dd h:mm", "%Y-%m-%d %Q"]
    )
    func refused(_ pattern: String) {
        #expect(throws: ImportError.self) {
            if pattern.contains("%") {
                _ = try LocalTimeFormat(strftime: pattern)
            } else {
                _ = try LocalTimeFormat(pattern)
            }
        }
    }

    @Test("a time with an offset ignores the zone it is read in; one without is placed in it")
    func offsets() throws {
        let withOffset = try LocalTimeFormat("yyyy-MM-dd HH:mm X")
        let plain = try LocalTimeFormat("yyyy-MM-dd HH:mm")
        let paris = TimeZone(identifier: "Europe/Paris")!
        #expect(withOffset.instant("2026-03-02 09:15 Z", in: paris)?.description == "2026-03-02T09:15:00Z")
        #expect(plain.instant("2026-03-02 09:15", in: paris)?.description == "2026-03-02T08:15:00Z")
        #expect(withOffset.hasOffset && !plain.hasOffset)
    }
}
