import Foundation

/// Reads a JSON export as a stream of records, in chunks, so memory grows with one record, not with the file.
///
/// The records are the elements of a top-level array (`[{…}, {…}]`), the elements of the arrays named by
/// `streaming` inside a top-level object (`{"tickets": [{…}, …], "end_of_stream": true}`), or top-level objects
/// one after another (newline-delimited JSON, one record a line). Each record comes with the line it starts on
/// and its position in its array, since a minified API page puts every record on line 1. A UTF-8 byte order
/// mark is skipped; UTF-16, broken syntax and nesting deeper than ``maximumDepth`` stop the read with a location.
/// A string that is not valid UTF-8 does not: its record is marked so the importer can reject it alone.
final class JSONStreamReader {
    /// One record.
    struct Record {
        /// The member of the top-level object whose array held the record (`tickets`); `nil` for the elements of
        /// a top-level array and for newline-delimited records.
        var key: String?
        /// The record's position in its array (or among the top-level records), from 1.
        var index: Int
        /// The line the record starts on, from 1.
        var line: Int
        /// The record.
        var value: JSONValue
        /// Whether some string in it held bytes that are not UTF-8 (they were replaced with U+FFFD).
        var invalidUTF8: Bool
    }

    /// Containers nested deeper than this are refused: no export needs them, and they would exhaust the stack.
    static let maximumDepth = 200

    private var source: ChunkedByteSource
    private var file: String { source.file }
    private var line = 1
    private var lineStartOffset = 0
    private var invalidUTF8 = false
    private var scratch: [UInt8] = []

    /// Reads the file at `path`.
    init(path: String, chunkSize: Int = 1 << 20) throws(ImportError) {
        self.source = try ChunkedByteSource(path: path, chunkSize: chunkSize)
    }

    /// Reads JSON held in memory; `file` names it in locations.
    init(bytes: [UInt8], file: String) {
        self.source = ChunkedByteSource(bytes: bytes, file: file)
    }

    deinit { source.close() }

    /// Bytes read so far, for progress.
    var bytesConsumed: Int { source.offset }

    // MARK: Reading records

    /// Reads the whole document, handing each record to `record` and each other member of a top-level object
    /// that streams records (`end_of_stream`, `next_page`) to `member`. `record` returns `false` to stop early.
    func read(
        streaming: (String) -> Bool,
        record: (Record) -> Bool,
        member: (String, JSONValue) -> Void = { _, _ in }
    ) throws(ImportError) {
        try skipByteOrderMark()
        try skipWhitespace()
        guard try source.peek() != nil else {
            throw ImportError(code: .malformed, message: "\(file) is empty; expected a JSON export.")
        }
        var topLevelIndex = 0
        while let byte = try source.peek() {
            let startLine = line
            switch byte {
            case UInt8(ascii: "["):
                source.position += 1
                var index = 0
                var more = true
                try elements { () throws(ImportError) -> Bool in
                    index += 1
                    let elementLine = line
                    invalidUTF8 = false
                    let value = try parseValue(depth: 1)
                    more = record(
                        Record(key: nil, index: index, line: elementLine, value: value, invalidUTF8: invalidUTF8)
                    )
                    return more
                }
                if !more { return }
            case UInt8(ascii: "{"):
                source.position += 1
                invalidUTF8 = false
                var members: [(String, JSONValue)] = []
                var streamed = false
                var more = true
                try objectMembers { (key: String) throws(ImportError) -> Bool in
                    if streaming(key), try source.peek() == UInt8(ascii: "[") {
                        streamed = true
                        source.position += 1
                        var index = 0
                        try elements { () throws(ImportError) -> Bool in
                            index += 1
                            let elementLine = line
                            invalidUTF8 = false
                            let value = try parseValue(depth: 2)
                            more = record(
                                Record(
                                    key: key,
                                    index: index,
                                    line: elementLine,
                                    value: value,
                                    invalidUTF8: invalidUTF8
                                )
                            )
                            return more
                        }
                        return more
                    }
                    members.append((key, try parseValue(depth: 1)))
                    return true
                }
                if !more { return }
                if streamed {
                    for (key, value) in members { member(key, value) }
                } else {
                    topLevelIndex += 1
                    let value = JSONValue.object(Dictionary(members, uniquingKeysWith: { _, last in last }))
                    guard
                        record(
                            Record(
                                key: nil,
                                index: topLevelIndex,
                                line: startLine,
                                value: value,
                                invalidUTF8: invalidUTF8
                            )
                        )
                    else { return }
                }
            default:
                throw syntaxError("expected an object or an array at the top level")
            }
            try skipWhitespace()
            // Newline-delimited records may be separated by commas when someone joined pages by hand.
            if try source.peek() == UInt8(ascii: ",") {
                source.position += 1
                try skipWhitespace()
            }
        }
    }

    /// Reads the elements of an array whose `[` is consumed, calling `element` with the reader at each element;
    /// `element` reads the element and returns `false` to stop.
    private func elements(_ element: () throws(ImportError) -> Bool) throws(ImportError) {
        try skipWhitespace()
        if try source.peek() == UInt8(ascii: "]") {
            source.position += 1
            return
        }
        while true {
            try skipWhitespace()
            guard try element() else { return }
            try skipWhitespace()
            switch try source.peek() {
            case UInt8(ascii: ","): source.position += 1
            case UInt8(ascii: "]"):
                source.position += 1
                return
            case nil: throw syntaxError("the file ends inside an array")
            default: throw syntaxError("expected `,` or `]` after an array element")
            }
        }
    }

    /// Reads the members of an object whose `{` is consumed, calling `member` with each key and the reader at
    /// its value; `member` reads the value and returns `false` to stop.
    private func objectMembers(_ member: (String) throws(ImportError) -> Bool) throws(ImportError) {
        try skipWhitespace()
        if try source.peek() == UInt8(ascii: "}") {
            source.position += 1
            return
        }
        while true {
            try skipWhitespace()
            guard try source.peek() == UInt8(ascii: "\"") else { throw syntaxError("expected a member name in quotes") }
            source.position += 1
            let key = try parseString()
            try skipWhitespace()
            guard try source.peek() == UInt8(ascii: ":") else { throw syntaxError("expected `:` after a member name") }
            source.position += 1
            try skipWhitespace()
            guard try member(key) else { return }
            try skipWhitespace()
            switch try source.peek() {
            case UInt8(ascii: ","): source.position += 1
            case UInt8(ascii: "}"):
                source.position += 1
                return
            case nil: throw syntaxError("the file ends inside an object")
            default: throw syntaxError("expected `,` or `}` after an object member")
            }
        }
    }

    // MARK: Values

    private func parseValue(depth: Int) throws(ImportError) -> JSONValue {
        guard depth <= Self.maximumDepth else {
            throw syntaxError("values nest more than \(Self.maximumDepth) deep")
        }
        guard let byte = try source.peek() else { throw syntaxError("the file ends where a value should be") }
        switch byte {
        case UInt8(ascii: "{"):
            source.position += 1
            var members: [String: JSONValue] = [:]
            try objectMembers { (key: String) throws(ImportError) -> Bool in
                members[key] = try parseValue(depth: depth + 1)
                return true
            }
            return .object(members)
        case UInt8(ascii: "["):
            source.position += 1
            var values: [JSONValue] = []
            try elements { () throws(ImportError) -> Bool in
                values.append(try parseValue(depth: depth + 1))
                return true
            }
            return .array(values)
        case UInt8(ascii: "\""):
            source.position += 1
            return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try parseNumber())
        default:
            throw syntaxError("unexpected `\(Self.printable(byte))`")
        }
    }

    private func expectLiteral(_ literal: StaticString) throws(ImportError) {
        let bytes = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        for (offset, expected) in bytes.enumerated() {
            if try source.peek(offset) != expected { throw syntaxError("expected `\(literal)`") }
        }
        source.position += bytes.count
    }

    /// A number's text, checked against the JSON grammar.
    private func parseNumber() throws(ImportError) -> String {
        var text: [UInt8] = []
        func digits() throws(ImportError) -> Int {
            var count = 0
            while let byte = try source.peek(), byte >= 0x30, byte <= 0x39 {
                text.append(byte)
                source.position += 1
                count += 1
            }
            return count
        }
        if try source.peek() == UInt8(ascii: "-") {
            text.append(UInt8(ascii: "-"))
            source.position += 1
        }
        guard try digits() > 0 else { throw syntaxError("a number has no digits") }
        if try source.peek() == UInt8(ascii: ".") {
            text.append(UInt8(ascii: "."))
            source.position += 1
            guard try digits() > 0 else { throw syntaxError("a number has no digits after its decimal point") }
        }
        if let byte = try source.peek(), byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            text.append(byte)
            source.position += 1
            if let sign = try source.peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                text.append(sign)
                source.position += 1
            }
            guard try digits() > 0 else { throw syntaxError("a number has no digits in its exponent") }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// A string whose opening quote is consumed, unescaped.
    private func parseString() throws(ImportError) -> String {
        scratch.removeAll(keepingCapacity: true)
        while true {
            // Fast path: copy plain bytes up to a quote, a backslash or the end of the source.buffer.
            var end = source.position
            while end < source.buffer.count {
                let byte = source.buffer[end]
                if byte == 0x22 || byte == 0x5C || byte < 0x20 { break }
                end += 1
            }
            if end > source.position {
                scratch.append(contentsOf: source.buffer[source.position..<end])
                source.position = end
            }
            guard let byte = try source.peek() else { throw syntaxError("the file ends inside a string") }
            switch byte {
            case 0x22:
                source.position += 1
                if let text = String(validating: scratch, as: UTF8.self) { return text }
                invalidUTF8 = true
                return String(decoding: scratch, as: UTF8.self)
            case 0x5C:
                source.position += 1
                guard let escaped = try source.peek() else { throw syntaxError("the file ends inside a string") }
                source.position += 1
                switch escaped {
                case UInt8(ascii: "\""): scratch.append(0x22)
                case UInt8(ascii: "\\"): scratch.append(0x5C)
                case UInt8(ascii: "/"): scratch.append(0x2F)
                case UInt8(ascii: "b"): scratch.append(0x08)
                case UInt8(ascii: "f"): scratch.append(0x0C)
                case UInt8(ascii: "n"): scratch.append(0x0A)
                case UInt8(ascii: "r"): scratch.append(0x0D)
                case UInt8(ascii: "t"): scratch.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hexQuad()
                    if (0xD800...0xDBFF).contains(scalar) {
                        // A high surrogate must be followed by an escaped low one.
                        if try source.peek() == 0x5C, try source.peek(1) == UInt8(ascii: "u") {
                            source.position += 2
                            let low = try hexQuad()
                            if (0xDC00...0xDFFF).contains(low) {
                                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                scalar = 0xFFFD
                                invalidUTF8 = true
                            }
                        } else {
                            scalar = 0xFFFD
                            invalidUTF8 = true
                        }
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        scalar = 0xFFFD
                        invalidUTF8 = true
                    }
                    UTF8.encode(Unicode.Scalar(scalar) ?? "\u{FFFD}") { scratch.append($0) }
                default:
                    throw syntaxError("`\\\(Self.printable(escaped))` is not a JSON escape")
                }
            case 0x00..<0x20:
                throw syntaxError("a string holds an unescaped control character (a raw line break?)")
            default:
                continue  // a plain byte at the start of a newly read chunk
            }
        }
    }

    private func hexQuad() throws(ImportError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = try source.peek() else { throw syntaxError("the file ends inside a \\u escape") }
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw syntaxError("a \\u escape needs four hexadecimal digits")
            }
            value = value * 16 + digit
            source.position += 1
        }
        return value
    }

    // MARK: Bytes

    private func skipWhitespace() throws(ImportError) {
        while let byte = try source.peek() {
            switch byte {
            case 0x20, 0x09, 0x0D:
                source.position += 1
            case 0x0A:
                source.position += 1
                line += 1
                lineStartOffset = source.dropped + source.position
            default:
                return
            }
        }
    }

    private func skipByteOrderMark() throws(ImportError) {
        if try source.peek() == 0xEF, try source.peek(1) == 0xBB, try source.peek(2) == 0xBF {
            source.position += 3
        } else if let first = try source.peek(), let second = try source.peek(1),
            (first == 0xFF && second == 0xFE) || (first == 0xFE && second == 0xFF)
        {
            throw ImportError(
                code: .encoding,
                message: "\(file) is UTF-16 text; JSON exports are UTF-8. Convert it (iconv -f UTF-16 -t UTF-8).",
                location: SourceLocation(file: file, line: 1, column: 1)
            )
        }
    }

    private func syntaxError(_ what: String) -> ImportError {
        ImportError(
            code: .malformed,
            message: "not valid JSON: \(what). Check that the export was saved completely.",
            location: SourceLocation(
                file: file,
                line: line,
                column: source.dropped + source.position - lineStartOffset + 1
            )
        )
    }

    private static func printable(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? String(UnicodeScalar(byte)) : String(format: "0x%02X", byte)
    }
}
