/// Finds where the values of a JSON text start and end, and on which line, without building them, so that an
/// export of many records can be decoded one record at a time and each refusal can name its line.
///
/// The text may hold one JSON value or several in a row (JSON Lines). Only the structure is checked here:
/// brackets, braces and strings must close; each record is validated when it is decoded.
struct JSONSpanScanner {
    /// Where one value lies: its bytes and the line it starts on (1 is the first line).
    struct Span: Hashable {
        var range: Range<Int>
        var line: Int
    }

    /// Why the structure cannot be followed.
    struct Problem: Error {
        var message: String
        var line: Int
    }

    /// Values nest at most this deep: deeper is not an export.
    static let maximumDepth = 512

    let bytes: [UInt8]

    /// The top-level values, in order.
    func topLevelValues() throws(Problem) -> [Span] {
        var position = 0
        var line = 1
        var spans: [Span] = []
        while true {
            skipBlanks(&position, &line)
            guard position < bytes.count else { return spans }
            spans.append(try value(at: &position, line: &line))
        }
    }

    /// The elements of the array at `span`.
    func elements(of span: Span) throws(Problem) -> [Span] {
        var position = span.range.lowerBound + 1
        var line = span.line
        var spans: [Span] = []
        skipBlanks(&position, &line)
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") { return [] }
        while true {
            skipBlanks(&position, &line)
            spans.append(try value(at: &position, line: &line))
            skipBlanks(&position, &line)
            guard position < span.range.upperBound else { throw Problem(message: "an array is not closed", line: line) }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
            } else if bytes[position] == UInt8(ascii: "]") {
                return spans
            } else {
                throw Problem(message: "expected `,` or `]` between array elements", line: line)
            }
        }
    }

    /// The members of the object at `span`: each key as written between its quotes (escapes kept), with the
    /// span of its value.
    func members(of span: Span) throws(Problem) -> [(key: String, value: Span)] {
        var position = span.range.lowerBound + 1
        var line = span.line
        var members: [(String, Span)] = []
        skipBlanks(&position, &line)
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") { return [] }
        while true {
            skipBlanks(&position, &line)
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw Problem(message: "expected a quoted key in an object", line: line)
            }
            let key = try value(at: &position, line: &line)
            skipBlanks(&position, &line)
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw Problem(message: "expected `:` after a key", line: line)
            }
            position += 1
            skipBlanks(&position, &line)
            let member = try value(at: &position, line: &line)
            let keyText = String(
                decoding: bytes[(key.range.lowerBound + 1)..<(key.range.upperBound - 1)],
                as: UTF8.self
            )
            members.append((keyText, member))
            skipBlanks(&position, &line)
            guard position < span.range.upperBound else {
                throw Problem(message: "an object is not closed", line: line)
            }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
            } else if bytes[position] == UInt8(ascii: "}") {
                return members
            } else {
                throw Problem(message: "expected `,` or `}` between object members", line: line)
            }
        }
    }

    /// The first byte of the value at `span`.
    func opening(of span: Span) -> UInt8 { bytes[span.range.lowerBound] }

    private func skipBlanks(_ position: inout Int, _ line: inout Int) {
        while position < bytes.count {
            switch bytes[position] {
            case 0x0A:
                line += 1
                position += 1
            case 0x20, 0x09, 0x0D:
                position += 1
            default:
                return
            }
        }
    }

    /// Moves past one value starting at `position`.
    private func value(at position: inout Int, line: inout Int) throws(Problem) -> Span {
        let start = position
        let startLine = line
        guard position < bytes.count else {
            throw Problem(message: "the text ends where a value should be", line: line)
        }
        switch bytes[position] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var closers: [UInt8] = []
            while position < bytes.count {
                let byte = bytes[position]
                switch byte {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    closers.append(byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]"))
                    guard closers.count <= Self.maximumDepth else {
                        throw Problem(message: "values nest more than \(Self.maximumDepth) levels deep", line: line)
                    }
                    position += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    guard closers.last == byte else {
                        throw Problem(message: "a `\(Character(Unicode.Scalar(byte)))` closes nothing open", line: line)
                    }
                    closers.removeLast()
                    position += 1
                    if closers.isEmpty { return Span(range: start..<position, line: startLine) }
                case UInt8(ascii: "\""):
                    try skipString(&position, line: line)
                case 0x0A:
                    line += 1
                    position += 1
                default:
                    position += 1
                }
            }
            throw Problem(message: "a value opened here is never closed", line: startLine)
        case UInt8(ascii: "\""):
            try skipString(&position, line: line)
            return Span(range: start..<position, line: startLine)
        default:
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ":"), 0x20, 0x09, 0x0A, 0x0D:
                    guard position > start else { throw Problem(message: "a value is missing", line: line) }
                    return Span(range: start..<position, line: startLine)
                default:
                    position += 1
                }
            }
            return Span(range: start..<position, line: startLine)
        }
    }

    private func skipString(_ position: inout Int, line: Int) throws(Problem) {
        position += 1
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\\"): position += 2
            case UInt8(ascii: "\""):
                position += 1
                return
            case 0x0A: throw Problem(message: "a string runs past the end of its line", line: line)
            default: position += 1
            }
        }
        throw Problem(message: "a string is never closed", line: line)
    }
}
