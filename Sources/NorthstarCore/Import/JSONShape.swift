import Foundation

/// What the start of a JSON export looks like, enough to tell the formats apart: the top-level member names (up to
/// the first array of records) and the first record.
struct JSONShape {
    /// The top-level object's member names, in order, up to and including the first that holds records; empty for a
    /// top-level array.
    var topLevelKeys: [String] = []
    /// The first record, if any.
    var firstRecord: JSONValue?

    /// Whether the file's first character (after a byte order mark and white space) is `{` or `[`.
    static func startsLikeJSON(path: String) throws(ImportError) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportError(code: .unreadable, message: "\(path): cannot be opened (does it exist?).")
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4_096)).map { Array($0) } ?? []
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let first = bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    }

    /// Reads the start of the JSON file at `path`: it stops at the first record.
    static func read(path: String, recordArrays: Set<String>) throws(ImportError) -> JSONShape {
        var shape = JSONShape()
        let reader = try JSONStreamReader(path: path)
        try reader.read(
            streaming: { key in
                shape.topLevelKeys.append(key)
                return recordArrays.contains(key)
            },
            record: { record in
                shape.firstRecord = record.value
                return false
            }
        )
        return shape
    }
}
