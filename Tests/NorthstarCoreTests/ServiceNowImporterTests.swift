import Foundation
import Testing

@testable import NorthstarCore

private let incidentLog = "real/servicenow-incidents/incident_event_log_sample.csv"

/// One row of the reference table in `../shared/data/README.md` (pandas, last row per incident).
struct ServiceNowPriorityFigure: Sendable, CustomTestStringConvertible {
    let priority: String
    let incidents: Int
    let resolved: Int
    let medianResolutionHours: Double
    let madeSLAShare: Double

    var testDescription: String { priority }
}

@Suite(
    "ServiceNow importer on the real incident log",
    .enabled(if: SharedData.isAvailable(incidentLog), "needs ../shared/data")
)
struct ServiceNowRealDataTests {
    /// The README's table, typed from it.
    static let figures = [
        ServiceNowPriorityFigure(
            priority: "1 - Critical",
            incidents: 7,
            resolved: 7,
            medianResolutionHours: 351.5167,
            madeSLAShare: 0.1429
        ),
        ServiceNowPriorityFigure(
            priority: "2 - High",
            incidents: 8,
            resolved: 8,
            medianResolutionHours: 28.0083,
            madeSLAShare: 0.0000
        ),
        ServiceNowPriorityFigure(
            priority: "3 - Moderate",
            incidents: 235,
            resolved: 225,
            medianResolutionHours: 52.8333,
            madeSLAShare: 0.7404
        ),
        ServiceNowPriorityFigure(
            priority: "4 - Low",
            incidents: 46,
            resolved: 45,
            medianResolutionHours: 243.4000,
            madeSLAShare: 0.3696
        ),
    ]

    let contacts: [Contact]
    let report: ImportReport

    init() throws {
        (contacts, report) = try ImportTesting.run(
            ServiceNowImporter(),
            path: SharedData.url(incidentLog).path
        )
    }

    @Test("296 incidents, all by phone, from 2,000 audit rows with nothing rejected or dropped")
    func totals() {
        #expect(contacts.count == 296)
        #expect(Set(contacts.map(\.id)).count == 296)
        #expect(contacts.allSatisfy { $0.channel == "phone" })
        #expect(report.rowsRead == 2_000)
        #expect(report.accepted == 2_000)
        #expect(report.rejected == 0, "\(report.rejectedByReason)")
        #expect(report.duplicates == 2_000 - 296)
        #expect(report.contacts == 296)
        #expect(report.dropped == 0, "\(report.droppedByReason)")
    }

    @Test("the share of incidents with reopen_count above 0 is 0.0135")
    func reopenShare() {
        let reopened = contacts.filter { ($0.reopens ?? 0) > 0 }.count
        #expect(agreesToFourDecimals(Double(reopened) / Double(contacts.count), 0.0135))
    }

    @Test("the four priorities and no others")
    func priorities() {
        #expect(Set(contacts.compactMap(\.priority)) == Set(Self.figures.map(\.priority)))
        #expect(contacts.allSatisfy { $0.priority != nil })
    }

    @Test("per priority: incidents, resolved, median resolution and made_sla share", arguments: figures)
    func priorityFigures(_ figure: ServiceNowPriorityFigure) throws {
        let group = contacts.filter { $0.priority == figure.priority }
        #expect(group.count == figure.incidents)
        let durations = group.compactMap { contact in contact.resolvedAt.map { hours(from: contact.createdAt, to: $0) }
        }
        #expect(durations.count == figure.resolved)
        let median = try #require(plainMedian(durations))
        #expect(agreesToFourDecimals(median, figure.medianResolutionHours), "ours \(median)")
        #expect(group.allSatisfy { $0.vendorSLAMet != nil })
        let met = group.filter { $0.vendorSLAMet == true }.count
        let share = Double(met) / Double(group.count)
        #expect(agreesToFourDecimals(share, figure.madeSLAShare), "ours \(share)")
    }

    @Test("an incident cut off after its first audit row keeps that row, resolved_at included")
    func truncatedIncident() throws {
        // The sample ends with the first row of INC0000607 (state New); the enriched log fills resolved_at on
        // every row, so it counts as resolved, as it does in the reference.
        let last = try #require(contacts.last)
        #expect(last.id == "INC0000607")
        #expect(last.resolvedAt?.description == "2016-03-02T14:31:00Z")
    }
}

/// A small incident export: the header is line 1 of every fixture.
private let header =
    "number,incident_state,reopen_count,made_sla,caller_id,opened_at,contact_type,category,priority,"
    + "assignment_group,assigned_to,resolved_by,resolved_at"

@Suite("ServiceNow importer on hand-typed exports")
struct ServiceNowFixtureTests {
    func run(
        _ rows: String,
        zone: String = "UTC",
        crlf: Bool = false,
        bom: Bool = false
    ) throws -> (contacts: [Contact], report: ImportReport) {
        try ImportTesting.run(
            ServiceNowImporter(timeZoneIdentifier: zone),
            text: header + "\n" + rows,
            crlf: crlf,
            bom: bom
        )
    }

    @Test("the last row of an incident in file order is its final state; incidents keep their first order")
    func lastRowWins() throws {
        let (contacts, report) = try run(
            """
            INC1,New,0,true,C1,1/3/2016 09:00,Phone,Cat 1,3 - Moderate,Group 1,?,?,?
            INC2,New,0,true,C2,1/3/2016 09:30,Email,Cat 2,4 - Low,Group 2,?,?,?
            INC1,Active,0,true,C1,1/3/2016 09:00,Phone,Cat 1,2 - High,Group 3,Agent 7,?,?
            INC1,Resolved,1,false,C1,1/3/2016 09:00,Phone,Cat 1,2 - High,Group 3,Agent 7,Agent 8,2/3/2016 10:15

            """
        )
        #expect(contacts.map(\.id) == ["INC1", "INC2"])
        let first = contacts[0]
        #expect(first.priority == "2 - High")
        #expect(first.team == "Group 3")
        #expect(first.agent == "Agent 8")
        #expect(first.reopens == 1)
        #expect(first.vendorSLAMet == false)
        #expect(first.createdAt.description == "2016-03-01T09:00:00Z")
        #expect(first.resolvedAt.map { hours(from: first.createdAt, to: $0) } == 25.25)
        #expect(contacts[1].channel == "email")
        #expect(contacts[1].resolvedAt == nil)
        #expect(report.rowsRead == 4)
        #expect(report.accepted == 4)
        #expect(report.duplicates == 2)
        #expect(report.contacts == 2)
        #expect(report.ignoredColumns == ["incident_state", "caller_id"])
    }

    @Test("`?` is a missing value; the agent falls back to assigned_to")
    func questionMarks() throws {
        let (contacts, report) = try run(
            """
            INC1,New,?,?,?,1/3/2016 09:00,Phone,?,?,?,Agent 3,?,?

            """
        )
        #expect(report.rejected == 0)
        let contact = try #require(contacts.first)
        #expect(contact.priority == nil)
        #expect(contact.team == nil)
        #expect(contact.category == nil)
        #expect(contact.reopens == nil)
        #expect(contact.vendorSLAMet == nil)
        #expect(contact.resolvedAt == nil)
        #expect(contact.agent == "Agent 3")
    }

    @Test("an unreadable or missing value rejects the row, with its line and the reason")
    func badRowsRejected() throws {
        let (contacts, report) = try run(
            """
            INC1,New,0,true,Caller 1,1/3/2016 09:00,Phone,C,3 - Moderate,G,?,?,?
            INC2,New,0,true,Caller 2,2016-03-01 09:00,Phone,C,3 - Moderate,G,?,?,?
            INC3,New,0,true,Caller 3,30/2/2016 09:00,Phone,C,3 - Moderate,G,?,?,?
            INC4,New,0,true,Caller 4,?,Phone,C,3 - Moderate,G,?,?,?
            INC5,New,0,true,Caller 5,1/3/2016 09:00,?,C,3 - Moderate,G,?,?,?
            INC6,New,0,true,Caller 6,1/3/2016 09:00,Phone,C,3 - Moderate,G,?,?,1/3/2016 25:00
            INC7,New,x,true,Caller 7,1/3/2016 09:00,Phone,C,3 - Moderate,G,?,?,?
            INC8,New,0,maybe,Caller 8,1/3/2016 09:00,Phone,C,3 - Moderate,G,?,?,?
            INC9,New,0,true,Caller 9,1/3/2016 09:00,Phone

            """
        )
        #expect(contacts.map(\.id) == ["INC1"])
        #expect(report.rowsRead == 9)
        #expect(report.accepted == 1)
        #expect(report.rejected == 8)
        let rejects = report.rejects.map { "\($0.line) \($0.reason)" }
        #expect(
            rejects == [
                "3 opened_at is not a d/M/yyyy HH:mm time",
                "4 opened_at is not a d/M/yyyy HH:mm time",
                "5 opened_at is missing",
                "6 contact_type is missing",
                "7 resolved_at is not a d/M/yyyy HH:mm time",
                "8 reopen_count is not a whole number in 0…10000",
                "9 made_sla is not true or false",
                "10 has 7 fields, the header has 13",
            ]
        )
        #expect(report.rejects.first?.fields[0] == "INC2")
        #expect(report.rejects.allSatisfy { $0.file.hasSuffix(".csv") })
        #expect(report.rejectedByReason["opened_at is not a d/M/yyyy HH:mm time"] == 2)
    }

    @Test("a rejected later row does not replace the incident's last usable row")
    func rejectedLastRow() throws {
        let (contacts, report) = try run(
            """
            INC1,New,0,true,Caller 1,1/3/2016 09:00,Phone,C,3 - Moderate,G,?,?,?
            INC1,Closed,0,true,Caller 1,1/3/2016 9h00,Phone,C,3 - Moderate,G,?,?,?

            """
        )
        #expect(contacts.map(\.id) == ["INC1"])
        #expect(report.rejects.map(\.line) == [3])
        #expect(report.duplicates == 0)
    }

    @Test("a resolution before the opening is dropped and reported once, and the incident is kept")
    func negativeDurationDropped() throws {
        let (contacts, report) = try run(
            """
            INC1,New,0,true,Caller 1,5/3/2016 12:00,Phone,C,3 - Moderate,G,?,?,4/3/2016 08:00
            INC1,Closed,0,false,Caller 1,5/3/2016 12:00,Phone,C,3 - Moderate,G,A,B,4/3/2016 08:00
            INC2,Closed,0,true,Caller 2,5/3/2016 12:00,Phone,C,3 - Moderate,G,A,B,5/3/2016 12:00

            """
        )
        #expect(contacts.map(\.id) == ["INC1", "INC2"])
        #expect(contacts[0].resolvedAt == nil)
        #expect(contacts[0].vendorSLAMet == false)
        #expect(contacts[1].resolvedAt == contacts[1].createdAt)  // zero is not negative
        #expect(report.rejected == 0)
        #expect(report.dropped == 1)
        #expect(report.droppedByReason == ["resolved_at before opened_at": 1])
        let dropped = try #require(report.droppedValues.first)
        #expect(dropped.line == 3)
        #expect(dropped.contactID == "INC1")
        #expect(dropped.field == "resolved_at")
        #expect(dropped.value == "4/3/2016 08:00")
    }

    @Test("zoneless times are read in the given zone, across both DST changes in Europe/Amsterdam")
    func daylightSaving() throws {
        let (contacts, report) = try run(
            """
            SPRING,New,0,true,C,27/3/2016 01:30,Phone,C,P,G,?,?,27/3/2016 03:30
            GAP,New,0,true,C,27/3/2016 02:30,Phone,C,P,G,?,?,?
            AUTUMN,New,0,true,C,30/10/2016 01:30,Phone,C,P,G,?,?,30/10/2016 03:30
            REPEATED,New,0,true,C,30/10/2016 02:30,Phone,C,P,G,?,?,?
            WINTER,New,0,true,C,15/1/2016 09:00,Phone,C,P,G,?,?,15/7/2016 09:00

            """,
            zone: "Europe/Amsterdam"
        )
        #expect(report.rejected == 0)
        let byID = Dictionary(uniqueKeysWithValues: contacts.map { ($0.id, $0) })
        // Clocks went from 02:00 CET to 03:00 CEST: 01:30 → 03:30 local is one hour.
        #expect(byID["SPRING"]?.createdAt.description == "2016-03-27T00:30:00Z")
        #expect(byID["SPRING"]?.resolvedAt?.description == "2016-03-27T01:30:00Z")
        // 02:30 never happened that night: read on the winter offset, it is the instant clocks showed 03:30.
        #expect(byID["GAP"]?.createdAt.description == "2016-03-27T01:30:00Z")
        // Clocks went from 03:00 CEST back to 02:00 CET: 01:30 → 03:30 local is three hours.
        #expect(byID["AUTUMN"]?.createdAt.description == "2016-10-29T23:30:00Z")
        #expect(byID["AUTUMN"]?.resolvedAt?.description == "2016-10-30T02:30:00Z")
        // 02:30 happened twice: the first time, on summer time.
        #expect(byID["REPEATED"]?.createdAt.description == "2016-10-30T00:30:00Z")
        #expect(byID["WINTER"]?.createdAt.description == "2016-01-15T08:00:00Z")
        #expect(byID["WINTER"]?.resolvedAt?.description == "2016-07-15T07:00:00Z")
    }

    @Test("UTC is the default zone")
    func utcByDefault() throws {
        let importer = try ServiceNowImporter()
        #expect(importer.timeZoneIdentifier == "UTC")
        let (contacts, _) = try run("INC1,New,0,true,C,27/3/2016 02:30,Phone,C,P,G,?,?,?\n")
        #expect(contacts.first?.createdAt.description == "2016-03-27T02:30:00Z")
    }

    @Test("CRLF line ends, a byte order mark and quoted fields with commas and quotes")
    func csvDetails() throws {
        let (contacts, report) = try run(
            #"""
            INC1,New,0,true,"Doe, Jane",1/3/2016 09:00,Self service,"Category 1, hardware","3 - Moderate",\#
            "Group 5, ""Service Desk""",?,"Agent, B",1/3/2016 10:00
            INC2,New,0,true,Caller 2,1/3/2016 09:30,Phone,C,4 - Low,G,?,?,?

            """#,
            crlf: true,
            bom: true
        )
        #expect(report.rejected == 0, "\(report.rejects)")
        #expect(contacts.map(\.id) == ["INC1", "INC2"])
        let first = contacts[0]
        #expect(first.channel == "self service")
        #expect(first.category == "Category 1, hardware")
        #expect(first.team == "Group 5, \"Service Desk\"")
        #expect(first.agent == "Agent, B")
        #expect(first.resolvedAt?.description == "2016-03-01T10:00:00Z")
        #expect(contacts[1].priority == "4 - Low")
    }

    @Test("a line break inside a quoted field keeps later lines numbered right")
    func quotedLineBreak() throws {
        let (_, report) = try run(
            """
            INC1,New,0,true,"Caller
            on two lines",1/3/2016 09:00,Phone,C,P,G,?,?,?
            INC2,New,0,true,C,bad,Phone,C,P,G,?,?,?

            """,
            crlf: true
        )
        #expect(report.rejects.map(\.line) == [4])
    }

    @Test("a header without the needed columns is refused with a hint")
    func missingColumns() throws {
        let path = try ImportTesting.write("number,opened,contact_type\nINC1,1/3/2016 09:00,Phone\n")
        #expect {
            _ = try ImportTesting.run(ServiceNowImporter(), path: path)
        } throws: { error in
            let error = try #require(error as? ImportError)
            return error.code == .missingColumn && error.message.contains("`opened_at`")
                && error.location?.line == 1
        }
    }

    @Test("an unknown zone is refused when the importer is made")
    func unknownZone() {
        #expect {
            _ = try ServiceNowImporter(timeZoneIdentifier: "Mars/Olympus")
        } throws: { error in
            (error as? ImportError)?.code == .configuration
        }
    }

    @Test("the header is recognised by its field names")
    func detection() {
        #expect(ServiceNowImporter.matches(header: header.split(separator: ",").map(String.init)))
        #expect(!ServiceNowImporter.matches(header: ["id", "channel", "created_at"]))
    }
}
