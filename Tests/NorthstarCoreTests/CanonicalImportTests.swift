import Foundation
import Testing

@testable import NorthstarCore

/// Writes `text` (or bytes) to a temporary file and returns its path.
private func temporaryFile(_ bytes: [UInt8], name: String = "contacts.csv") throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("northstar-import-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
}

private func importText(_ text: String) throws -> (contacts: [Contact], report: ImportReport) {
    let path = try temporaryFile(Array(text.utf8))
    var contacts: [Contact] = []
    let report = try CanonicalCSVImporter().importContacts(from: path) { contacts.append($0) }
    return (contacts, report)
}

@Suite("RFC 3339 timestamps")
struct TimestampTests {
    @Test(
        "parse with a zone, to seconds since the epoch",
        arguments: [
            // python3: int(datetime.fromisoformat(s).timestamp())
            ("2026-03-02T09:15:00Z", Int64(1_772_442_900)),
            ("2026-03-02T10:15:00+01:00", 1_772_442_900),
            ("2026-03-02T04:15:00-05:00", 1_772_442_900),
            ("2026-03-02 09:15:00Z", 1_772_442_900),
            ("2026-03-02T09:15:00.123456Z", 1_772_442_900),
            ("1969-12-31T23:59:59Z", -1),
            ("2024-02-29T00:00:00Z", 1_709_164_800),
        ]
    )
    func parses(text: String, seconds: Int64) {
        #expect(Timestamp(rfc3339: text)?.seconds == seconds)
    }

    @Test(
        "refuse what is not RFC 3339 with a zone",
        arguments: [
            "2026-03-02T09:15:00", "2026-02-30T09:15:00Z", "2026-03-02", "02/03/2026 09:15", "", "2026-03-02T25:00:00Z",
        ]
    )
    func refuses(text: String) {
        #expect(Timestamp(rfc3339: text) == nil)
    }

    @Test("print as RFC 3339 in UTC")
    func prints() {
        #expect(Timestamp(seconds: 1_772_442_900).description == "2026-03-02T09:15:00Z")
        #expect(Timestamp(seconds: -1).description == "1969-12-31T23:59:59Z")
    }
}

@Suite("CSV reading")
struct CSVReaderTests {
    @Test("quoted fields hold commas, doubled quotes and line breaks, and lines are counted through them")
    func quoting() throws {
        let text = "a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",z\n3,,\n"
        let reader = CSVReader(bytes: Array(text.utf8), file: "t.csv")
        var records: [CSVReader.Record] = []
        while let record = try reader.next() { records.append(record) }
        #expect(
            records.map(\.fields) == [
                ["a", "b", "c"], ["1", "x, y", "say \"hi\""], ["2", "two\nlines", "z"], ["3", "", ""],
            ]
        )
        #expect(records.map(\.line) == [1, 2, 3, 5])
    }

    @Test("a byte order mark is skipped; UTF-16 is refused with a way out")
    func encodings() throws {
        let bom = CSVReader(bytes: [0xEF, 0xBB, 0xBF] + Array("id\n1\n".utf8), file: "t.csv")
        #expect(try bom.next()?.fields == ["id"])
        let utf16 = CSVReader(bytes: [0xFF, 0xFE, 0x69, 0x00], file: "t.csv")
        #expect(throws: ImportError.self) { try utf16.next() }
        do {
            _ = try utf16.next()
        } catch {
            #expect(error.code == .encoding)
            #expect(error.message.contains("save or export it as UTF-8"))
        }
    }

    @Test("an unclosed quote is an error at the line it opens, not a silent swallow")
    func unclosedQuote() throws {
        let reader = CSVReader(bytes: Array("a,b\n1,\"open\n2,3\n".utf8), file: "t.csv")
        _ = try reader.next()
        do {
            _ = try reader.next()
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .malformed)
            #expect(error.location?.line == 2)
        }
    }

    @Test("a file read in small chunks gives the same records as one read whole")
    func chunking() throws {
        var text = "id,note\n"
        for index in 0..<500 { text += "\(index),\"line \(index)\nwith \"\"quotes\"\", and commas\"\n" }
        let path = try temporaryFile(Array(text.utf8))
        let chunked = try CSVReader(path: path, chunkSize: 7)
        let whole = CSVReader(bytes: Array(text.utf8), file: path)
        var count = 0
        while let left = try chunked.next() {
            let right = try #require(try whole.next())
            #expect(left.fields == right.fields)
            #expect(left.line == right.line)
            count += 1
        }
        #expect(count == 501)
    }
}

@Suite("Canonical contacts CSV")
struct CanonicalImportTests {
    static let header =
        "id,channel,created_at,tier,first_response_at,resolved_at,abandoned,reopens,agent_replies,csat,nps\n"

    @Test("a full row becomes a contact with every field")
    func fullRow() throws {
        let (contacts, report) = try importText(
            Self.header
                + "T1,Chat,2026-03-02T09:15:00Z,enterprise,2026-03-02T09:15:20Z,2026-03-02T11:00:00+01:00,false,1,2,5,9\n"
        )
        let contact = try #require(contacts.first)
        #expect(report.accepted == 1 && report.rejected == 0)
        #expect(contact.channel == "chat")
        #expect(contact.tier == "enterprise")
        #expect(contact.firstResponseAt?.seconds == 1_772_442_920)
        #expect(contact.resolvedAt?.seconds == 1_772_445_600)  // 10:00Z
        #expect(contact.abandoned == false && contact.reopens == 1 && contact.agentReplies == 2)
        #expect(contact.csat == 5 && contact.nps == 9)
    }

    @Test(
        "impossible and unreadable rows are rejected with the reason and the line, never dropped in silence",
        arguments: [
            ("T2,chat,2026-03-02T09:15:00Z,,2026-03-02T09:00:00Z,,,,,,", "first response before creation"),
            ("T3,chat,2026-03-02T09:15:00Z,,,2026-03-01T09:00:00Z,,,,,", "resolution before creation"),
            ("T4,chat,2026-03-02 09:15,,,,,,,,", "created_at is not an RFC 3339 time with a zone"),
            (",chat,2026-03-02T09:15:00Z,,,,,,,,", "id is empty"),
            ("T5,chat,2026-03-02T09:15:00Z,,,,maybe,,,,", "abandoned is not true or false"),
            ("T6,chat,2026-03-02T09:15:00Z,,,,,,,,11", "nps is not a whole number in 0…10"),
            ("T7,chat,2026-03-02T09:15:00Z", "has 3 fields, the header has 11"),
        ]
    )
    func rejects(row: String, reason: String) throws {
        let (contacts, report) = try importText(Self.header + "OK,chat,2026-03-02T09:15:00Z,,,,,,,,\n" + row + "\n")
        #expect(contacts.map(\.id) == ["OK"])
        #expect(report.rowsRead == 2)
        #expect(report.rejectedByReason == [reason: 1])
        #expect(report.rejects.first?.line == 3)
    }

    @Test("a missing required column is named, with the nearest column as a guess")
    func missingColumn() throws {
        do {
            _ = try importText("id,channel,created\nT1,chat,2026-03-02T09:15:00Z\n")
            Issue.record("expected an error")
        } catch let error as ImportError {
            #expect(error.code == .missingColumn)
            #expect(error.message.contains("`created_at`"))
            #expect(error.message.contains("`created`"))
            #expect(error.location?.line == 1)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("the same contact twice counts once, the later row winning")
    func duplicates() throws {
        let path = try temporaryFile(
            Array(
                (Self.header + "T1,chat,2026-03-02T09:15:00Z,,,,,,,,\nT1,chat,2026-03-02T09:15:00Z,gold,,,,,,,\n").utf8
            )
        )
        var collection = ContactCollection()
        let report = try collection.importFile(path, with: CanonicalCSVImporter())
        #expect(collection.contacts.count == 1)
        #expect(collection.contacts.first?.tier == "gold")
        #expect(report.duplicates == 1)
        #expect(report.accepted == 2)
    }

    @Test("invalid UTF-8 in a row rejects that row only")
    func invalidUTF8Row() throws {
        let bytes =
            Array((Self.header + "T1,chat,2026-03-02T09:15:00Z,,,,,,,,\nT2,ch").utf8) + [0xE9]
            + Array("t,2026-03-02T09:15:00Z,,,,,,,,\n".utf8)
        let path = try temporaryFile(bytes)
        var contacts: [Contact] = []
        let report = try CanonicalCSVImporter().importContacts(from: path) { contacts.append($0) }
        #expect(contacts.map(\.id) == ["T1"])
        #expect(report.rejectedByReason == ["not UTF-8 text": 1])
    }
}

@Suite("Canonical CSV writing")
struct CanonicalWriteTests {
    @Test("a contact written and read back is the same contact, awkward text included")
    func roundTrip() throws {
        var contact = Contact(id: "T,1 \"quoted\"", channel: "chat", createdAt: Timestamp(seconds: 1_772_442_900))
        contact.tier = "gold\nplus"
        contact.firstResponseAt = Timestamp(seconds: 1_772_442_930)
        contact.resolvedAt = Timestamp(seconds: 1_772_450_000)
        contact.wrapSeconds = 45
        contact.abandoned = false
        contact.reopens = 2
        contact.agentReplies = 3
        contact.csat = 4.5
        contact.nps = 10
        contact.selfService = true
        let text = CanonicalCSVWriter.header + "\n" + CanonicalCSVWriter.row(contact) + "\n"
        let (contacts, report) = try importText(text)
        #expect(report.rejected == 0)
        #expect(contacts == [contact])
    }
}

@Suite("Timestamps at the edges")
struct TimestampEdgeTests {
    @Test("an instant past year 9999 prints instead of trapping")
    func farFuture() throws {
        let late = try #require(Timestamp(rfc3339: "9999-12-31T23:00:00-05:00"))
        #expect(late.description == "10000-01-01T04:00:00Z")
        #expect(Timestamp(seconds: -62_135_596_800).description == "0001-01-01T00:00:00Z")
    }
}
