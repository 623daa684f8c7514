import Foundation

/// A file read in chunks (or bytes already in memory) with a cursor: the byte stream both streaming readers,
/// CSV and JSON, scan, so memory holds the unread part of one chunk, not the file.
struct ChunkedByteSource {
    /// The file, as named in messages.
    let file: String
    private let handle: FileHandle?
    private let chunkSize: Int
    /// The bytes read and not yet dropped; `position` indexes into it.
    private(set) var buffer: [UInt8]
    /// The next unread byte in `buffer`.
    var position = 0
    /// Whether the whole file is in `buffer`.
    private(set) var atEnd: Bool
    /// Bytes dropped from the front of the buffer so far: `dropped + position` is the offset in the file.
    private(set) var dropped = 0

    /// Reads the file at `path`.
    init(path: String, chunkSize: Int) throws(ImportError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportError(code: .unreadable, message: "\(path): cannot be opened (does it exist?).")
        }
        self.file = path
        self.handle = handle
        self.chunkSize = chunkSize
        self.buffer = []
        self.atEnd = false
    }

    /// Wraps bytes held in memory; `file` names them in messages.
    init(bytes: [UInt8], file: String) {
        self.file = file
        self.handle = nil
        self.chunkSize = 0
        self.buffer = bytes
        self.atEnd = true
    }

    /// The offset of the cursor in the file, for progress and locations.
    var offset: Int { dropped + position }

    /// Closes the file.
    func close() { try? handle?.close() }

    /// Reads the next chunk: the bytes before `position` are dropped (indices into `buffer` shift by the old
    /// `position`) and the chunk is appended. Sets `atEnd` when the file has no more.
    mutating func refill() throws(ImportError) {
        guard !atEnd, let handle else {
            atEnd = true
            return
        }
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
            dropped += position
            position = 0
        }
        buffer.append(contentsOf: data)
    }

    /// The byte at `offset` from the cursor, reading more of the file when needed; `nil` past the end.
    @inline(__always)
    mutating func peek(_ offset: Int = 0) throws(ImportError) -> UInt8? {
        while position + offset >= buffer.count {
            if atEnd { return nil }
            try refill()
        }
        return buffer[position + offset]
    }
}
