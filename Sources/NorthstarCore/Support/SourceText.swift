import Foundation

/// Text a person wrote, decoded strictly from bytes, with a way back from positions to lines and columns.
///
/// Decoding refuses what would otherwise turn into silent garbage: NUL bytes (a binary file) and
/// invalid UTF-8, each reported with the line and column where it starts. A UTF-8 byte order mark is
/// dropped.
public struct SourceText: Sendable {
    /// Why bytes could not be turned into text.
    public enum Problem: Error, Sendable, Equatable {
        /// A NUL byte: the file is binary.
        case binary(line: Int, column: Int)
        /// Bytes that are not UTF-8, starting at this byte value.
        case invalidUTF8(line: Int, column: Int, byte: UInt8)
    }

    /// The file name as the user gave it, or a label such as `<text>`.
    public let file: String
    /// The decoded text.
    public let text: String

    /// Wraps text that is already decoded. Windows line endings become `\n`, so that every later step
    /// counts lines the same way (Swift treats `\r\n` as one `Character`, never equal to `\n`).
    public init(file: String, text: String) {
        self.file = file
        self.text = text.contains("\r") ? Self.normalizingLineEndings(text) : text
    }

    static func normalizingLineEndings(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// Decodes UTF-8 bytes, refusing binary data and invalid sequences.
    public init(file: String, bytes: some Collection<UInt8>) throws(Problem) {
        var bytes = Array(bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let nul = bytes.firstIndex(of: 0) {
            let (line, column) = Self.lineAndColumn(ofByte: nul, in: bytes)
            throw .binary(line: line, column: column)
        }
        if let bad = Self.firstInvalidUTF8Byte(in: bytes) {
            let (line, column) = Self.lineAndColumn(ofByte: bad, in: bytes)
            throw .invalidUTF8(line: line, column: column, byte: bytes[bad])
        }
        self.init(file: file, text: String(decoding: bytes, as: UTF8.self))
    }

    /// The location of the Unicode scalar at `scalarOffset` from the start of the text.
    public func location(ofScalarOffset scalarOffset: Int) -> SourceLocation {
        var line = 1
        var column = 1
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if index == scalarOffset { break }
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    /// The byte offset of the first byte that does not belong to a valid UTF-8 sequence.
    static func firstInvalidUTF8Byte(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer(UTF8Validation.firstInvalidByte)
    }

    /// Line and column (in Unicode scalars, counting only the valid text before it) of a byte offset.
    static func lineAndColumn(ofByte offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        // Count scalars by their lead bytes: continuation bytes (10xxxxxx) do not start a character.
        let column = bytes[lineStart..<offset].reduce(1) { count, byte in byte & 0xC0 == 0x80 ? count : count + 1 }
        return (line, column)
    }
}
