import Foundation
import Testing

@testable import NorthstarCore

/// A Call Detail data download typed by hand, with CXone's column names. Read in America/Denver, on MST (UTC−7)
/// on 2 and 3 March 2026: 09:15:00 local is 16:15:00Z.
private let callDetail = """
    Contact_ID,Master_Contact_ID,Media_Name,Skill_No,Skill_Name,Campaign_No,Campaign_Name,Agent_No,Agent_Name,Team_No,Team_Name,SLA,Start_Date,Start_Time,PreQueue,InQueue,Agent_Time,PostQueue,Total_Time,Abandon_Time,Abandon,ACW_Seconds
    1001,1001,Call,11,Billing IB,5,Inbound,201,Ana Ruiz,7,Tier 1,0,03/02/2026,09:15:00,12,18,240,5,275,0,N,45
    1002,1002,Call,11,Billing IB,5,Inbound,,,,,-1,03/02/2026,09:20:00,10,35,0,0,45,45,Y,0
    1003,1001,Call,12,Tech IB,5,Inbound,202,Ben Ode,7,Tier 1,1,03/02/2026,09:25:00,0,95,600,0,695,0,N,120
    1004,1004,Call,13,After Hours,5,Inbound,,,,,-1,03/02/2026,23:10:00,30,0,0,0,30,0,N,0
    1005,1005,Call,11,Billing IB,5,Inbound,201,Ana Ruiz,7,Tier 1,0,03/02/2026,09:40:00,0,10,60,0,70,0,X,0
    1006,1006,Call,11,Billing IB,5,Inbound,201,Ana Ruiz,7,Tier 1,0,03/02/2026,09:45:00,0,-3,60,0,57,0,N,0
    1007,1007,Call,11,Billing IB,5,Inbound,201,Ana Ruiz,7,Tier 1,0,02/30/2026,09:50:00,0,10,60,0,70,0,N,0
    1001,1001,Call,11,Billing IB,5,Inbound,201,Ana Ruiz,7,Tier 1,0,03/02/2026,09:15:00,12,18,240,5,275,0,N,50
    """

private func importCalls(_ text: String = callDetail) throws -> (contacts: [Contact], report: ImportReport) {
    try ImportTesting.run(CXoneImporter(timeZoneIdentifier: "America/Denver"), text: text)
}

@Suite("NICE CXone call detail")
struct CXoneImporterTests {
    @Test("every row counted: three refused, a repeated contact once, the rest in first-seen order")
    func counts() throws {
        let (contacts, report) = try importCalls()
        #expect(report.format == "cxone")
        #expect(report.rowsRead == 8)
        #expect(report.accepted == 5)
        #expect(report.rejected == 3)
        #expect(report.duplicates == 1)
        #expect(contacts.map(\.id) == ["1001", "1002", "1003", "1004"])
        #expect(report.ignoredColumns == ["Campaign_No", "Campaign_Name", "PostQueue", "Total_Time"])
        let reasons = Dictionary(uniqueKeysWithValues: report.rejects.map { ($0.line, $0.reason) })
        #expect(reasons[6] == "Abandon is not Y or N")
        #expect(reasons[7] == "InQueue is not a number of seconds")
        #expect(reasons[8] == "Start_Date and Start_Time are not a MM/DD/YYYY HH:MM:SS time")
    }

    @Test("an answered call: queue entry after the IVR, answer after the queue, end after the talk, then wrap-up")
    func answered() throws {
        let (contacts, _) = try importCalls()
        let call = contacts[0]
        #expect(call.channel == "phone")
        // Start 09:15:00 MST = 16:15:00Z; PreQueue 12 s → queued 16:15:12Z; InQueue 18 s → answered 16:15:30Z;
        // Agent_Time 240 s → ended 16:19:30Z. The later row (line 9) has 50 s of after-call work.
        #expect(call.createdAt.description == "2026-03-02T16:15:12Z")
        #expect(call.firstResponseAt?.description == "2026-03-02T16:15:30Z")
        #expect(call.endedAt?.description == "2026-03-02T16:19:30Z")
        #expect(call.wrapSeconds == 50)
        #expect(call.abandoned == false)
        #expect(call.resolvedAt == nil)
        #expect(call.agent == "Ana Ruiz")
        #expect(call.team == "Tier 1")
        #expect(call.category == "Billing IB")
        #expect(call.vendorSLAMet == true)  // SLA 0: within the service level
        // Speed of answer is the time in queue; handle time is talk plus wrap-up: 240 + 50 = 290 s.
        #expect(call.createdAt.seconds(until: call.firstResponseAt!) == 18)
        #expect(call.firstResponseAt!.seconds(until: call.endedAt!) + Int64(call.wrapSeconds!) == 290)
    }

    @Test("an abandoned call has no answer and ends when the caller hung up")
    func abandoned() throws {
        let (contacts, _) = try importCalls()
        let call = contacts[1]
        #expect(call.abandoned == true)
        #expect(call.firstResponseAt == nil)
        #expect(call.createdAt.description == "2026-03-02T16:20:10Z")  // 09:20:00 MST + 10 s of IVR
        #expect(call.endedAt?.description == "2026-03-02T16:20:45Z")  // Abandon_Time 45 s after the start
        #expect(call.agent == nil)
        #expect(call.vendorSLAMet == nil)  // SLA -1: CXone makes no claim
    }

    @Test("a transferred leg counts as its own contact, and the report says how many legs there are")
    func transferLeg() throws {
        let (contacts, report) = try importCalls()
        let leg = contacts[2]
        #expect(leg.firstResponseAt?.description == "2026-03-02T16:26:35Z")  // 16:25:00Z + 95 s in queue
        #expect(leg.endedAt?.description == "2026-03-02T16:36:35Z")  // + 600 s
        #expect(leg.vendorSLAMet == false)  // SLA 1: outside the service level
        #expect(report.notes.contains { $0.hasPrefix("1 contact is a later leg of a transferred call") })
    }

    @Test("a call that neither reached an agent nor abandoned is kept for volume but claims no answer")
    func neither() throws {
        let (contacts, report) = try importCalls()
        let call = contacts[3]
        // 23:10:00 MST on the 2nd is 06:10:00Z on the 3rd; 30 s of IVR; no time in queue.
        #expect(call.createdAt.description == "2026-03-03T06:10:30Z")
        #expect(call.abandoned == nil)
        #expect(call.firstResponseAt == nil)
        #expect(call.resolvedAt == call.createdAt)
        #expect(report.notes.contains { $0.hasPrefix("1 contact neither reached an agent nor abandoned") })
    }

    @Test("hold time, when the report has it, lengthens the call")
    func hold() throws {
        let text = """
            Contact_ID,Start_Date,Start_Time,InQueue,Agent_Time,Hold_Time,Abandon,ACW_Seconds,Agent_Name
            9001,03/02/2026,9:05:00,20,300,60,N,30,Ana Ruiz
            """
        let (contacts, report) = try importCalls(text)
        #expect(report.rejected == 0)
        let call = try #require(contacts.first)
        // 09:05:00 MST = 16:05:00Z; answered +20 s; ended 300 s of talk and 60 s on hold later.
        #expect(call.firstResponseAt?.description == "2026-03-02T16:05:20Z")
        #expect(call.endedAt?.description == "2026-03-02T16:11:20Z")
    }

    @Test("a header without the queue time is refused with the columns to add")
    func missingColumns() throws {
        #expect {
            try importCalls("Contact_ID,Start_Date,Start_Time,Abandon\n1,03/02/2026,09:00:00,N\n")
        } throws: { error in
            guard let error = error as? ImportError else { return false }
            return error.code == .missingColumn && error.message.contains("`InQueue`")
        }
    }

    @Test("the report is detected from its header")
    func detection() throws {
        #expect(try ImportFormat.detect(path: ImportTesting.write(callDetail)) == .cxone)
    }

    @Test(
        "durations: whole or decimal seconds, or H:MM:SS",
        arguments: [
            ("65", Int64(65)), ("65.4", 65), ("65.5", 66), ("1:05", 65), ("0:01:05", 65), ("1:00:00", 3_600),
            ("-1", nil), ("1:5", nil), ("1:65", nil), ("abc", nil), ("", nil),
        ] as [(String, Int64?)]
    )
    func seconds(text: String, expected: Int64?) {
        #expect(CXoneImporter.seconds(text) == expected)
    }

    @Test(
        "media names map to channels",
        arguments: [
            ("Call", "phone"), (nil, "phone"), ("Voice Mail", "phone"), ("Chat", "chat"), ("Email", "email"),
            ("SMS", "messaging"), ("Work Item", "work item"),
        ] as [(String?, String)]
    )
    func media(name: String?, channel: String) {
        #expect(CXoneImporter.channel(forMedia: name) == channel)
    }
}
