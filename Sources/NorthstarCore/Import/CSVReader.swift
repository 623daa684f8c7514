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

    private let file: String
    private let handle: FileHandle?
    private var buffer: [UInt8]
    private var position = 0
    private var atEnd: Bool
    private var line = 1
    private let chunkSize: Int
    private var checkedStart = false
    private let delimiter: UInt8

    /// Reads the file at `path`.
    public init(path: String, delimiter: UInt8 = UInt8(ascii: ","), chunkSize: Int = 1 << 20) throws(ImportError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportError(code: .unreadable, message: "\(path): cannot be opened (does it exist?).")
        }
        self.file = path
        self.handle = handle
        self.buffer = []
        self.atEnd = false
        self.chunkSize = chunkSize
        self.delimiter = delimiter
    }

    /// Reads CSV held in memory; `file` names it in locations.
    public init(bytes: [UInt8], file: String, delimiter: UInt8 = UInt8(ascii: ",")) {
        self.file = file
        self.handle = nil
        self.buffer = bytes
        self.atEnd = true
        self.chunkSize = 0
        self.delimiter = delimiter
    }

    deinit { try? handle?.close() }

    /// Bytes read so far, for progress.
    public private(set) var bytesConsumed = 0

    private func refill() throws(ImportError) {
        guard !atEnd, let handle else { return }
        let data: Data?
        do {
            data = try handle.read(upToCount: chunkSize)
        } catch {
            throw ImportError(code: .unreadable, message: "\(file): cannot be read: \(error.localizedDescription)")
        }
        guard let data, !data.isEmpty else {
            atEnd = true
            return
        }
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        buffer.append(contentsOf: data)
    }

    /// The byte at `offset` from the current position, reading more of the file when needed.
    @inline(__always)
    private func peek(_ offset: Int = 0) throws(ImportError) -> UInt8? {
        while position + offset >= buffer.count {
            if atEnd { return nil }
            try refill()
        }
        return buffer[position + offset]
    }

    private func checkStart() throws(ImportError) {
        checkedStart = true
        if try peek() == 0xEF, try peek(1) == 0xBB, try peek(2) == 0xBF {
            position += 3
            bytesConsumed += 3
        } else if let first = try peek(), let second = try peek(1),
            (first == 0xFF && second == 0xFE) || (first == 0xFE && second == 0xFF)
        {
            throw ImportError(
                code: .encoding,
                message: "\(file) is UTF-16 text; save or export it as UTF-8 (CSV UTF-8 in spreadsheet programs).",
                location: SourceLocation(file: file, line: 1, column: 1)
            )
        }
    }

    /// The next record, or `nil` at the end of the file.
    public func next() throws(ImportError) -> Record? {
        if !checkedStart { try checkStart() }
        guard try peek() != nil else { return nil }
        let startLine = line
        var fields: [String] = []
        var field: [UInt8] = []
        var invalid = false
        func finishField() {
            if let text = String(validating: field, as: UTF8.self) {
                fields.append(text)
            } else {
                invalid = true
                fields.append(String(decoding: field, as: UTF8.self))
            }
            field.removeAll(keepingCapacity: true)
        }
        while true {
            guard let byte = try peek() else {
                finishField()
                break
            }
            if byte == 0x22 && field.isEmpty {
                // A quoted field: read to the closing quote, turning "" into ".
                position += 1
                bytesConsumed += 1
                let quoteLine = line
                while true {
                    guard let inner = try peek() else {
                        throw ImportError(
                            code: .malformed,
                            message: "a quoted field is never closed; check for a stray \" in this row.",
                            location: SourceLocation(file: file, line: quoteLine, column: 1)
                        )
                    }
                    position += 1
                    bytesConsumed += 1
                    if inner == 0x22 {
                        if try peek() == 0x22 {
                            position += 1
                            bytesConsumed += 1
                            field.append(0x22)
                        } else {
                            break
                        }
                    } else {
                        if inner == 0x0A { line += 1 }
                        field.append(inner)
                        if field.count > Self.maximumFieldBytes {
                            throw ImportError(
                                code: .malformed,
                                message: "a quoted field runs past 1 MB; a quote is probably never closed.",
                                location: SourceLocation(file: file, line: quoteLine, column: 1)
                            )
                        }
                    }
                }
                continue
            }
            position += 1
            bytesConsumed += 1
            if byte == delimiter {
                finishField()
            } else if byte == 0x0A {
                line += 1
                finishField()
                break
            } else if byte == 0x0D {
                if try peek() == 0x0A {
                    position += 1
                    bytesConsumed += 1
                }
                line += 1
                finishField()
                break
            } else {
                field.append(byte)
                if field.count > Self.maximumFieldBytes {
                    throw ImportError(
                        code: .malformed,
                        message: "a field runs past 1 MB; this does not look like a CSV export.",
                        location: SourceLocation(file: file, line: startLine, column: 1)
                    )
                }
            }
        }
        return Record(fields: fields, line: startLine, invalidUTF8: invalid)
    }
}
