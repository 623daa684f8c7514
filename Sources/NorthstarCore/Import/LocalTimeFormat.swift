import Foundation

/// A pattern for the zoneless wall-clock times many exports write, such as ServiceNow's `29/2/2016 01:16`
/// (`d/M/yyyy HH:mm`) or an event log's `2012-04-03 16:55:38` (`yyyy-MM-dd HH:mm:ss`).
///
/// The letters are those of Unicode (LDML) date patterns, as in `DateFormatter`: `yyyy` a four-digit year,
/// `M` or `MM` the month, `d` or `dd` the day, `H` or `HH` the hour (0–23), `m` or `mm` the minute, `s` or
/// `ss` the second, and `S`, `SS`, … a fraction of a second (up to that many digits), read and dropped. A single
/// letter takes one or two digits (as many as there are, so follow it with a separator), a doubled letter
/// exactly two. Any other character must appear as written; letters meant
/// literally go between single quotes (`yyyy-MM-dd'T'HH:mm:ss`). Reading gives the wall-clock time as seconds
/// since 1970-01-01 00:00 on the same wall clock; ``Timestamp/init(localSeconds:in:)`` places it in a zone.
struct LocalTimeFormat: Sendable, Hashable, CustomStringConvertible {
    enum Field: Sendable, Hashable {
        case year, month, day, hour, minute, second, fraction
    }

    enum Token: Sendable, Hashable {
        /// A number of `minDigits…maxDigits` digits.
        case number(Field, minDigits: Int, maxDigits: Int)
        /// Bytes that must appear as written.
        case literal([UInt8])
    }

    /// The pattern as written.
    let pattern: String
    let tokens: [Token]

    /// `d/M/yyyy HH:mm`, ServiceNow's list and audit exports with a day-first locale.
    static let serviceNow = try! LocalTimeFormat("d/M/yyyy HH:mm")

    /// Compiles `pattern`, or explains what is wrong with it.
    init(_ pattern: String) throws(ImportError) {
        func refuse(_ why: String) -> ImportError {
            ImportError(
                code: .configuration,
                message: "the timestamp format `\(pattern)` \(why). Use Unicode pattern letters such as "
                    + "`yyyy-MM-dd HH:mm:ss` or `d/M/yyyy HH:mm`; quote literal letters ('T')."
            )
        }
        var tokens: [Token] = []
        var seen: Set<Field> = []
        let characters = Array(pattern)
        var index = 0
        func appendLiteral(_ text: String) {
            if case .literal(let previous) = tokens.last {
                tokens[tokens.count - 1] = .literal(previous + Array(text.utf8))
            } else {
                tokens.append(.literal(Array(text.utf8)))
            }
        }
        while index < characters.count {
            let character = characters[index]
            if character == "'" {
                guard let close = characters[(index + 1)...].firstIndex(of: "'") else {
                    throw refuse("opens a quote it never closes")
                }
                appendLiteral(close == index + 1 ? "'" : String(characters[(index + 1)..<close]))
                index = close + 1
                continue
            }
            guard character.isLetter else {
                appendLiteral(String(character))
                index += 1
                continue
            }
            var run = 1
            while index + run < characters.count, characters[index + run] == character { run += 1 }
            let field: Field
            let digits: ClosedRange<Int>
            switch (character, run) {
            case ("y", 4): (field, digits) = (.year, 4...4)
            case ("M", 1...2): (field, digits) = (.month, run == 1 ? 1...2 : 2...2)
            case ("d", 1...2): (field, digits) = (.day, run == 1 ? 1...2 : 2...2)
            case ("H", 1...2): (field, digits) = (.hour, run == 1 ? 1...2 : 2...2)
            case ("m", 1...2): (field, digits) = (.minute, run == 1 ? 1...2 : 2...2)
            case ("s", 1...2): (field, digits) = (.second, run == 1 ? 1...2 : 2...2)
            case ("S", 1...9): (field, digits) = (.fraction, 1...run)
            default:
                throw refuse("has `\(String(repeating: character, count: run))`, which is not a supported field")
            }
            guard seen.insert(field).inserted else {
                throw refuse("names the \(field) twice")
            }
            tokens.append(.number(field, minDigits: digits.lowerBound, maxDigits: digits.upperBound))
            index += run
        }
        for needed: Field in [.year, .month, .day] where !seen.contains(needed) {
            throw refuse("has no \(needed)")
        }
        self.pattern = pattern
        self.tokens = tokens
    }

    var description: String { pattern }

    /// The wall-clock time written in `text`, as seconds since 1970-01-01 00:00 on the same clock, or `nil`
    /// when `text` does not follow the pattern or names an impossible date or time (February 30th, 25:00).
    /// Surrounding spaces are ignored.
    func localSeconds(_ text: some StringProtocol) -> Int64? {
        var bytes = Array(text.utf8)[...]
        while bytes.first == 0x20 { bytes.removeFirst() }
        while bytes.last == 0x20 { bytes.removeLast() }
        var values: [Field: Int] = [:]
        var position = bytes.startIndex
        for token in tokens {
            switch token {
            case .literal(let expected):
                guard bytes[position...].starts(with: expected) else { return nil }
                position += expected.count
            case .number(let field, let minDigits, let maxDigits):
                var value = 0
                var count = 0
                while count < maxDigits, position < bytes.endIndex, bytes[position] >= 0x30, bytes[position] <= 0x39 {
                    value = value * 10 + Int(bytes[position] - 0x30)
                    position += 1
                    count += 1
                }
                guard count >= minDigits else { return nil }
                values[field] = value
            }
        }
        guard position == bytes.endIndex else { return nil }
        let hour = values[.hour] ?? 0
        let minute = values[.minute] ?? 0
        let second = values[.second] ?? 0
        guard let year = values[.year], let month = values[.month], let day = values[.day],
            let date = LocalDate(year: year, month: month, day: day),
            hour < 24, minute < 60, second < 60
        else { return nil }
        return Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3_600 + minute * 60 + second)
    }
}
