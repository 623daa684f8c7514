#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the records of one byte range of a CSV file by the same rules as ``CSVReader`` (quotes, doubled quotes,
/// line breaks inside quotes, CRLF, LF or a lone CR, blank lines), but hands out each record's fields as byte
/// ranges of its buffer instead of strings: the reader behind a streaming check, one per part of a file.
///
/// A record holds until the next call. A record with a quote is unquoted into a scratch buffer; the others are
/// read in place.
final class CSVRangeReader {
    /// A record: its fields, the line it starts on, and the offset of its first byte in the file.
    struct Record {
        var fields: RecordFields
        var line: Int
        var offset: Int
        var invalidUTF8: Bool
    }

    let file: String
    private let descriptor: Int32
    private let end: Int
    private let delimiter: UInt8 = 0x2C
    private var nextRead: Int
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private let chunkSize: Int
    /// Room for a chunk after the longest record that may be carried over.
    private var maximumCapacity: Int { chunkSize + CSVReader.maximumFieldBytes * 4 + 1 }
    private var count = 0
    private var cursor = 0
    private var bufferOffset: Int
    private var bounds: UnsafeMutablePointer<Int>
    private var boundsCapacity = 128
    private var scratch: UnsafeMutablePointer<UInt8>
    private var scratchCapacity = 1 << 12
    /// The line the next record starts on.
    private(set) var line: Int
    /// Whether the range ended inside a quoted field: it does not end where a record ends.
    private(set) var endsInsideQuotes = false
    /// Whether an unclosed quote at the end of the range is the file's error (the last part) or a sign that the
    /// range was cut in the wrong place (any other part).
    private let isEndOfFile: Bool

    /// Opens `path` to read the records in `start ..< end`, the first starting on `line`.
    init(path: String, start: Int, end: Int, line: Int, isEndOfFile: Bool, chunkSize: Int = 1 << 22) throws(ImportError)
    {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw ImportError(code: .unreadable, message: "\(path): cannot be opened (does it exist?).")
        }
        self.file = path
        self.descriptor = descriptor
        self.end = end
        self.nextRead = start
        self.bufferOffset = start
        self.line = line
        self.isEndOfFile = isEndOfFile
        self.chunkSize = chunkSize
        capacity = chunkSize * 2
        buffer = .allocate(capacity: capacity)
        bounds = .allocate(capacity: boundsCapacity * 2)
        scratch = .allocate(capacity: scratchCapacity)
    }

    deinit {
        close(descriptor)
        buffer.deallocate()
        bounds.deallocate()
        scratch.deallocate()
    }

    /// Moves the unread bytes to the front and reads more of the range.
    private func refill() throws(ImportError) {
        if cursor > 0 {
            let unread = count - cursor
            if unread > 0 { memmove(buffer, buffer + cursor, unread) }
            bufferOffset += cursor
            count = unread
            cursor = 0
        }
        if count == capacity - 1 && capacity < maximumCapacity {
            // A record longer than the buffer: make room, up to the longest record a CSV may have.
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: min(capacity * 2, maximumCapacity))
            larger.update(from: buffer, count: count)
            buffer.deallocate()
            buffer = larger
            capacity = min(capacity * 2, maximumCapacity)
        }
        guard count < capacity - 1 else {
            throw ImportError(
                code: .malformed,
                message: "a record runs past 4 MB; a quote is probably never closed.",
                location: SourceLocation(file: file, line: line, column: 1)
            )
        }
        let wanted = min(capacity - 1 - count, end - nextRead)
        var got = 0
        while got < wanted {
            let read = pread(descriptor, buffer + count + got, wanted - got, off_t(nextRead + got))
            if read < 0 {
                if errno == EINTR { continue }
                throw ImportError(code: .unreadable, message: "\(file): cannot be read (error \(errno)).")
            }
            if read == 0 { break }
            got += read
        }
        count += got
        nextRead += got
        if got < wanted { nextRead = end }  // the file is shorter than it was
    }

    private var atEnd: Bool { nextRead >= end }

    /// The next record, or `nil` at the end of the range.
    func next() throws(ImportError) -> Record? {
        while true {
            if cursor >= count {
                if atEnd { return nil }
                try refill()
                continue
            }
            if let record = try scan() { return record }
            if atEnd { return nil }  // only after a range that ends inside quotes
            try refill()
        }
    }

    @inline(__always)
    private func setBound(_ field: Int, _ start: Int, _ end: Int) {
        if field >= boundsCapacity {
            let larger = UnsafeMutablePointer<Int>.allocate(capacity: boundsCapacity * 4)
            larger.update(from: bounds, count: boundsCapacity * 2)
            bounds.deallocate()
            bounds = larger
            boundsCapacity *= 2
        }
        bounds[2 * field] = start
        bounds[2 * field + 1] = end
    }

    /// One record from `cursor`, or `nil` when the buffer does not hold all of it yet.
    private func scan() throws(ImportError) -> Record? {
        let start = cursor
        var index = start
        var fieldStart = start
        var fields = 0
        var high: UInt8 = 0
        var longest = 0
        let bytes = buffer
        while index < count {
            let byte = bytes[index]
            if byte == delimiter {
                setBound(fields, fieldStart, index)
                longest = max(longest, index - fieldStart)
                fields += 1
                fieldStart = index + 1
            } else if byte == 0x0A || byte == 0x0D {
                break
            } else if byte == 0x22 {
                return try scanQuoted()
            }
            high |= byte
            index += 1
        }
        if index == count && !atEnd { return nil }
        if index + 1 == count && bytes[index] == 0x0D && !atEnd { return nil }  // an LF may follow
        setBound(fields, fieldStart, index)
        longest = max(longest, index - fieldStart)
        fields += 1
        if longest > CSVReader.maximumFieldBytes { throw fieldTooLong() }
        let invalid =
            high >= 0x80
            && UTF8Validation.firstInvalidByte(in: UnsafeBufferPointer(start: bytes + start, count: index - start))
                != nil
        return finish(start: start, recordEnd: index, newlines: 0, fields: fields, base: bytes, invalid: invalid)
    }

    /// Steps over the line end and makes the record.
    private func finish(
        start: Int,
        recordEnd: Int,
        newlines: Int,
        fields: Int,
        base: UnsafeMutablePointer<UInt8>,
        invalid: Bool
    ) -> Record {
        let record = Record(
            fields: RecordFields(base: base, bounds: bounds, count: fields),
            line: line,
            offset: bufferOffset + start,
            invalidUTF8: invalid
        )
        var next = recordEnd
        if recordEnd < count {
            next += buffer[recordEnd] == 0x0D && recordEnd + 1 < count && buffer[recordEnd + 1] == 0x0A ? 2 : 1
            line += 1
        }
        line += newlines
        cursor = next
        return record
    }

    private func fieldTooLong() -> ImportError {
        ImportError(
            code: .malformed,
            message: "a field runs past 1 MB; this does not look like a CSV export.",
            location: SourceLocation(file: file, line: line, column: 1)
        )
    }

    /// A record with a quote somewhere: its end is the first line end outside quotes, and its fields are
    /// unquoted into the scratch buffer exactly as ``CSVReader`` does.
    private func scanQuoted() throws(ImportError) -> Record? {
        let start = cursor
        var index = start
        var quoted = false
        while index < count {
            let byte = buffer[index]
            if byte == 0x22 {
                quoted.toggle()
            } else if !quoted && (byte == 0x0A || byte == 0x0D) {
                break
            }
            index += 1
        }
        if index == count && !atEnd { return nil }
        if index == count && quoted {
            if !isEndOfFile {
                endsInsideQuotes = true
                cursor = count
                return nil
            }
            throw ImportError(
                code: .malformed,
                message: "a quoted field is never closed; check for a stray \" in this row.",
                location: SourceLocation(file: file, line: line, column: 1)
            )
        }
        if index + 1 == count && buffer[index] == 0x0D && !atEnd { return nil }
        let recordEnd = index
        if recordEnd - start >= scratchCapacity {
            scratch.deallocate()
            scratchCapacity = (recordEnd - start) * 2
            scratch = .allocate(capacity: scratchCapacity)
        }
        var written = 0
        var fields = 0
        var newlines = 0
        var invalid = false
        var tooLong = false
        index = start
        while true {
            let fieldStart = written
            if index < recordEnd && buffer[index] == 0x22 {
                index += 1
                while index < recordEnd {
                    let byte = buffer[index]
                    if byte == 0x22 {
                        if index + 1 < recordEnd && buffer[index + 1] == 0x22 {
                            scratch[written] = 0x22
                            written += 1
                            index += 2
                            continue
                        }
                        index += 1
                        break
                    }
                    if byte == 0x0A { newlines += 1 }
                    scratch[written] = byte
                    written += 1
                    index += 1
                }
            }
            // Unquoted bytes, or anything between a closing quote and the delimiter, are kept as they are.
            while index < recordEnd && buffer[index] != delimiter {
                scratch[written] = buffer[index]
                written += 1
                index += 1
            }
            setBound(fields, fieldStart, written)
            fields += 1
            if written - fieldStart > CSVReader.maximumFieldBytes { tooLong = true }
            let field = UnsafeBufferPointer(start: scratch + fieldStart, count: written - fieldStart)
            if UTF8Validation.firstInvalidByte(in: field) != nil { invalid = true }
            if index < recordEnd && buffer[index] == delimiter {
                index += 1
                continue
            }
            break
        }
        if tooLong { throw fieldTooLong() }
        return finish(
            start: start,
            recordEnd: recordEnd,
            newlines: newlines,
            fields: fields,
            base: scratch,
            invalid: invalid
        )
    }
}
