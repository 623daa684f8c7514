import Foundation
import Testing

@testable import NorthstarCore

@Suite("Streaming JSON reader")
struct JSONStreamReaderTests {
    /// Reads `text` from a file in chunks of `chunkSize` bytes and returns the records and other members.
    func records(
        _ text: String,
        chunkSize: Int,
        streaming: Set<String> = ["tickets"]
    ) throws -> (records: [JSONStreamReader.Record], members: [String: JSONValue]) {
        let path = try ImportTesting.write(text)
        let reader = try JSONStreamReader(path: path, chunkSize: chunkSize)
        var records: [JSONStreamReader.Record] = []
        var members: [String: JSONValue] = [:]
        try reader.read(
            streaming: streaming.contains,
            record: { record in
                records.append(record)
                return true
            },
            member: { key, value in members[key] = value }
        )
        return (records, members)
    }

    static let document = """
        {"count": 2, "tickets": [
          {"id": 1, "text": "caf\\u00e9 \\"quoted\\" \\\\ slash\\/ tab\\t", "emoji": "\\ud83d\\ude00", "n": -12.5e-1, "ok": true, "none": null},
          {"id": 12345678901234567890, "list": [1, [2, {"deep": []}]], "empty": {}, "raw": "ünï"}
        ], "end_of_stream": true}
        """

    @Test(
        "values, escapes and surrogate pairs come out the same at any chunk size",
        arguments: [1, 2, 3, 7, 64, 1 << 20]
    )
    func chunkBoundaries(chunkSize: Int) throws {
        let (records, members) = try records(Self.document, chunkSize: chunkSize)
        #expect(records.count == 2)
        let first = records[0].value
        #expect(first["text"] == .string("café \"quoted\" \\ slash/ tab\t"))
        #expect(first["emoji"] == .string("😀"))
        #expect(first["n"]?.doubleValue == -1.25)
        #expect(first["ok"] == .bool(true))
        #expect(first["none"] == .null)
        let second = records[1].value
        // Ids keep every digit.
        #expect(second["id"]?.idText == "12345678901234567890")
        #expect(second["list"] == .array([.number("1"), .array([.number("2"), .object(["deep": .array([])])])]))
        #expect(second["raw"] == .string("ünï"))
        #expect(records.map(\.line) == [2, 3])
        #expect(records.map(\.index) == [1, 2])
        #expect(records.allSatisfy { $0.key == "tickets" })
        #expect(members["count"] == .number("2"))
        #expect(members["end_of_stream"] == .bool(true))
    }

    @Test(
        "broken documents stop with a location",
        arguments: [
            ("[{\"a\": 1,}]", "expected a member name"),
            ("[1 2]", "expected `,` or `]`"),
            ("{\"tickets\": [{\"a\": \"x", "ends inside a string"),
            ("[\"a\nb\"]", "control character"),
            ("[01x]", "expected `,` or `]`"),
            ("[tru]", "expected `true`"),
            ("[\"\\x\"]", "not a JSON escape"),
            ("\"just a string\"", "expected an object or an array"),
            ("", "is empty"),
        ]
    )
    func brokenDocuments(text: String, message: String) throws {
        #expect {
            _ = try records(text, chunkSize: 3)
        } throws: { error in
            (error as? ImportError)?.message.contains(message) == true
        }
    }

    @Test("nesting deeper than the limit is refused, not a crash")
    func deepNesting() throws {
        let depth = JSONStreamReader.maximumDepth + 10
        let text = "[" + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "]"
        #expect(throws: ImportError.self) { _ = try records(text, chunkSize: 1 << 20) }
    }

    @Test("a byte order mark is skipped; records can stop the read early")
    func byteOrderMarkAndStop() throws {
        let path = try ImportTesting.write("[{\"a\":1},{\"a\":2},{\"a\":3}]", bom: true)
        let reader = try JSONStreamReader(path: path)
        var seen: [JSONValue] = []
        try reader.read(
            streaming: { _ in false },
            record: { record in
                seen.append(record.value)
                return seen.count < 2
            }
        )
        #expect(seen == [.object(["a": .number("1")]), .object(["a": .number("2")])])
    }
}
