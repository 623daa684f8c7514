import Foundation

/// Reads RFC 4180 CSV as a stream of records, in chunks, so memory does not grow with the file.
///
/// Handles a UTF-8 byte order mark, CRLF and LF line ends, quoted fields with doubled quotes and line breaks
/// inside them. Each record carries the line it starts on. A field that is not valid UTF-8 does not stop the
/// read: the record is returned with ``Record/invalidUTF8`` set, so the importer can reject that row alone.
public final class CSVReader {
    /// One record of fields.
    public struct Record: Sendable {
        /// The fields, unquoted.
        public var fields: [String]
        /// The line the record starts on, from 1.
        public var line: Int
        /// Whether some field held bytes that are not UTF-8 (they were replaced with U+FFFD).
        public var invalidUTF8: Bool
    }

    /// A field longer than this is a broken file (an unterminated quote swallowing the rest), not data.
    public static let maximumFieldBytes = 1 << 20

    private var source: ChunkedByteSource
    private var file: String { source.file }
    private var line = 1
    private var checkedStart = false
    private let delimiter: UInt8

    /// Reads the file at `path`.
    public init(path: String, delimiter: UInt8 = UInt8(ascii: ","), chunkSize: Int = 1 << 20) throws(ImportError) {
        self.source = try ChunkedByteSource(path: path, chunkSize: chunkSize)
        self.delimiter = delimiter
    }

    /// Reads CSV held in memory; `file` names it in locations.
    public init(bytes: [UInt8], file: String, delimiter: UInt8 = UInt8(ascii: ",")) {
        self.source = ChunkedByteSource(bytes: bytes, file: file)
        self.delimiter = delimiter
    }

    deinit { source.close() }

    /// Bytes read so far, for progress; also the offset of the next record in the file.
    public var bytesConsumed: Int { source.offset }

    /// The line the next record starts on.
    var nextLine: Int { line }

    private func checkStart() throws(ImportError) {
        checkedStart = true
        if try source.peek() == 0xEF, try source.peek(1) == 0xBB, try source.peek(2) == 0xBF {
            source.position += 3
        } else if let first = try source.peek(), let second = try source.peek(1),
            (first == 0xFF && second == 0xFE) || (first == 0xFE && second == 0xFF)
        {
            throw ImportError(
                code: .encoding,
                message: "\(file) is UTF-16 text; save or export it as UTF-8 (CSV UTF-8 in spreadsheet programs).",
                location: SourceLocation(file: file, line: 1, column: 1)
            )
        }
    }

    /// Whether bytes are valid UTF-8. Not the standard library's generic `String(validating:)`, which looks up
    /// type metadata on every call: a tenth of an import's time.
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        UTF8Validation.firstInvalidByte(in: bytes) == nil
    }

    /// The next record, or `nil` at the end of the file.
    ///
    /// Finds the end of the record first (a line end outside quotes), reading more of the file only when the
    /// source.buffer holds no complete record, then splits it in one pass over contiguous bytes.
    public func next() throws(ImportError) -> Record? {
        if !checkedStart { try checkStart() }
        guard try source.peek() != nil else { return nil }
        let startLine = line
        var scanFrom = source.position
        var inQuotes = false
        var recordEnd = -1  // index of the line end byte, or source.buffer.count at the end of the file
        while recordEnd < 0 {
            let found: (index: Int, quotes: Bool) = source.buffer.withUnsafeBufferPointer { bytes in
                var quotes = inQuotes
                var index = scanFrom
                let count = bytes.count
                while index < count {
                    let byte = bytes[index]
                    if byte == 0x22 {
                        quotes.toggle()
                    } else if !quotes && (byte == 0x0A || byte == 0x0D) {
                        return (index, quotes)
                    }
                    index += 1
                }
                return (-1, quotes)
            }
            if found.index >= 0
                && !(source.buffer[found.index] == 0x0D && found.index == source.buffer.count - 1 && !source.atEnd)
            {
                recordEnd = found.index
            } else if found.index >= 0 {
                // A CR at the very end of what is read: read on, to see whether an LF follows it.
                inQuotes = false
                scanFrom = found.index - source.position
                try source.refill()
                scanFrom += source.position
            } else if source.atEnd {
                if found.quotes {
                    throw ImportError(
                        code: .malformed,
                        message: "a quoted field is never closed; check for a stray \" in this row.",
                        location: SourceLocation(file: file, line: startLine, column: 1)
                    )
                }
                recordEnd = source.buffer.count
            } else {
                inQuotes = found.quotes
                let consumed = source.buffer.count - source.position
                if consumed > Self.maximumFieldBytes * 4 {
                    throw ImportError(
                        code: .malformed,
                        message: "a record runs past 4 MB; a quote is probably never closed.",
                        location: SourceLocation(file: file, line: startLine, column: 1)
                    )
                }
                scanFrom = source.buffer.count - source.position
                try source.refill()  // moves the unread bytes to the front of the source.buffer
                scanFrom += source.position
            }
        }
        var fields: [String] = []
        var invalid = false
        var tooLong = false
        var newlines = 0
        source.buffer.withUnsafeBufferPointer { bytes in
            var index = source.position
            var unquoted: [UInt8] = []
            while true {
                if index < recordEnd && bytes[index] == 0x22 {
                    // A quoted field: copy it with "" made ", up to the closing quote.
                    unquoted.removeAll(keepingCapacity: true)
                    index += 1
                    while index < recordEnd {
                        let byte = bytes[index]
                        if byte == 0x22 {
                            if index + 1 < recordEnd && bytes[index + 1] == 0x22 {
                                unquoted.append(0x22)
                                index += 2
                                continue
                            }
                            index += 1
                            break
                        }
                        if byte == 0x0A { newlines += 1 }
                        unquoted.append(byte)
                        index += 1
                    }
                    // Anything between the closing quote and the delimiter is kept, as most readers do.
                    while index < recordEnd && bytes[index] != delimiter {
                        unquoted.append(bytes[index])
                        index += 1
                    }
                    if unquoted.count > Self.maximumFieldBytes { tooLong = true }
                    let valid = unquoted.withUnsafeBufferPointer(Self.isValidUTF8)
                    if !valid { invalid = true }
                    fields.append(String(decoding: unquoted, as: UTF8.self))
                } else {
                    let start = index
                    while index < recordEnd && bytes[index] != delimiter { index += 1 }
                    if index - start > Self.maximumFieldBytes { tooLong = true }
                    let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                    if !Self.isValidUTF8(slice) { invalid = true }
                    fields.append(String(decoding: slice, as: UTF8.self))
                }
                if index < recordEnd && bytes[index] == delimiter {
                    index += 1
                    continue
                }
                break
            }
        }
        if tooLong {
            throw ImportError(
                code: .malformed,
                message: "a field runs past 1 MB; this does not look like a CSV export.",
                location: SourceLocation(file: file, line: startLine, column: 1)
            )
        }
        // Step over the line end: CRLF, LF or a lone CR.
        var end = recordEnd
        if end < source.buffer.count {
            end += source.buffer[end] == 0x0D && end + 1 < source.buffer.count && source.buffer[end + 1] == 0x0A ? 2 : 1
            line += 1
        }
        line += newlines
        source.position = end
        return Record(fields: fields, line: startLine, invalidUTF8: invalid)
    }
}
