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
///
/// Also: `h` or `hh` the hour on a 12-hour clock (1–12), which needs `a`, the `AM`/`PM` marker (any case);
/// `MMM` an English month abbreviation (`Jan` … `Dec`, any case); and `X`, `XX`, `XXX`, `x…` or `Z…` a UTC
/// offset (`Z`, `+01`, `+0100` or `+01:00`), which makes the time exact: ``instant(_:in:)`` then ignores the
/// zone it is given. ``init(strftime:)`` takes the same patterns written with `%` directives (`%Y-%m-%d %H:%M`).
struct LocalTimeFormat: Sendable, Hashable, CustomStringConvertible {
    enum Field: Sendable, Hashable {
        case year, month, day, hour, minute, second, fraction, hour12
    }

    enum Token: Sendable, Hashable {
        /// A number of `minDigits…maxDigits` digits.
        case number(Field, minDigits: Int, maxDigits: Int)
        /// Bytes that must appear as written.
        case literal([UInt8])
        /// `AM` or `PM`, in any case.
        case meridiem
        /// An English month abbreviation, in any case.
        case monthName
        /// `Z`, or a sign and hours with optional minutes, with or without a colon.
        case offset
    }

    /// The pattern as written.
    let pattern: String
    let tokens: [Token]

    /// `d/M/yyyy HH:mm`, ServiceNow's list and audit exports with a day-first locale.
    static let serviceNow = try! LocalTimeFormat("d/M/yyyy HH:mm")

    /// Compiles `pattern`, or explains what is wrong with it.
    init(_ pattern: String) throws(ImportError) {
        try self.init(pattern: pattern, shownAs: pattern)
    }

    /// Compiles a pattern written with C `strftime` directives, such as `%d/%m/%Y %H:%M` or `%Y-%m-%dT%H:%M:%S%z`:
    /// `%Y` year, `%m` month, `%d` day (`%e` or `%-d` without a leading zero, likewise `%-m`, `%-H`, `%-I`), `%H`
    /// hour, `%I` 12-hour hour with `%p` AM/PM, `%M` minute, `%S` second, `%f` fraction, `%b` month abbreviation,
    /// `%z` UTC offset, `%F` = `%Y-%m-%d`, `%T` = `%H:%M:%S`, `%%` a percent sign.
    init(strftime: String) throws(ImportError) {
        var ldml = ""
        var pending = ""  // literal text, quoted in one piece
        func flushLiteral() {
            guard !pending.isEmpty else { return }
            ldml += "'" + pending.replacingOccurrences(of: "'", with: "''") + "'"
            pending = ""
        }
        var characters = strftime[...]
        while let character = characters.first {
            characters = characters.dropFirst()
            guard character == "%" else {
                pending.append(character)
                continue
            }
            var directive = String(characters.prefix(1))
            characters = characters.dropFirst()
            if directive == "-" {
                directive += String(characters.prefix(1))
                characters = characters.dropFirst()
            }
            let replacement: String
            switch directive {
            case "Y": replacement = "yyyy"
            case "m": replacement = "MM"
            case "-m": replacement = "M"
            case "d": replacement = "dd"
            case "e", "-d": replacement = "d"
            case "H": replacement = "HH"
            case "-H": replacement = "H"
            case "I": replacement = "hh"
            case "-I": replacement = "h"
            case "p": replacement = "a"
            case "M": replacement = "mm"
            case "S": replacement = "ss"
            case "f": replacement = "SSSSSSSSS"
            case "b", "h": replacement = "MMM"
            case "z": replacement = "XXX"
            case "F": replacement = "yyyy-MM-dd"
            case "T": replacement = "HH:mm:ss"
            case "%":
                pending.append("%")
                continue
            default:
                throw ImportError(
                    code: .configuration,
                    message: "the timestamp format `\(strftime)` has `%\(directive)`, which is not supported. Use "
                        + "%Y %m %d %e %H %I %p %M %S %f %b %z %F %T (and %-d %-m %-H %-I without leading zeros)."
                )
            }
            flushLiteral()
            ldml += replacement
        }
        flushLiteral()
        try self.init(pattern: ldml, shownAs: strftime)
    }

    private init(pattern: String, shownAs shown: String) throws(ImportError) {
        func refuse(_ why: String) -> ImportError {
            ImportError(
                code: .configuration,
                message: "the timestamp format `\(shown)` \(why). Use Unicode pattern letters such as "
                    + "`yyyy-MM-dd HH:mm:ss` or `d/M/yyyy HH:mm` (quote literal letters: 'T'), or strftime "
                    + "directives such as `%Y-%m-%d %H:%M:%S`."
            )
        }
        var tokens: [Token] = []
        var seen: Set<Field> = []
        var hasMeridiem = false
        var hasTwelveHourClock = false
        var readsOffset = false
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
            case ("a", 1):
                guard !hasMeridiem else { throw refuse("names AM/PM twice") }
                tokens.append(.meridiem)
                hasMeridiem = true
                index += run
                continue
            case ("M", 3):
                guard seen.insert(.month).inserted else { throw refuse("names the month twice") }
                tokens.append(.monthName)
                index += run
                continue
            case ("X", 1...3), ("x", 1...3), ("Z", 1...5):
                guard !readsOffset else { throw refuse("names the UTC offset twice") }
                readsOffset = true
                tokens.append(.offset)
                index += run
                continue
            case ("h", 1...2):
                guard seen.insert(.hour).inserted else { throw refuse("names the hour twice") }
                tokens.append(.number(.hour12, minDigits: run == 1 ? 1 : 2, maxDigits: 2))
                hasTwelveHourClock = true
                index += run
                continue
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
        if hasTwelveHourClock != hasMeridiem {
            throw refuse(
                hasMeridiem
                    ? "has `a` (AM/PM) but no 12-hour `h`; write `h:mm a`" : "has a 12-hour `h` but no `a` (AM/PM)"
            )
        }
        self.pattern = shown
        self.tokens = tokens
    }

    var description: String { pattern }

    /// Whether the pattern reads a UTC offset, so that its times are exact whatever zone they are read in.
    var hasOffset: Bool { tokens.contains(.offset) }

    /// The wall-clock time written in `text`, as seconds since 1970-01-01 00:00 on the same clock, or `nil`
    /// when `text` does not follow the pattern or names an impossible date or time (February 30th, 25:00).
    /// Surrounding spaces are ignored. A UTC offset in the text, if the pattern reads one, is not applied.
    func localSeconds(_ text: some StringProtocol) -> Int64? {
        read(text)?.local
    }

    /// The instant written in `text`: on the offset it carries when the pattern reads one, else as a wall-clock
    /// time in `zone` (see ``Timestamp/init(localSeconds:in:)``).
    func instant(_ text: some StringProtocol, in zone: TimeZone) -> Timestamp? {
        guard let (local, offset) = read(text) else { return nil }
        if let offset { return Timestamp(seconds: local - Int64(offset)) }
        return Timestamp(localSeconds: local, in: zone)
    }

    private static let monthNames: [[UInt8]] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ].map { Array($0.utf8) }

    /// The wall-clock seconds and, when the pattern reads one, the UTC offset in seconds.
    private func read(_ text: some StringProtocol) -> (local: Int64, offset: Int?)? {
        var bytes = Array(text.utf8)[...]
        while bytes.first == 0x20 { bytes.removeFirst() }
        while bytes.last == 0x20 { bytes.removeLast() }
        var values: [Field: Int] = [:]
        var afternoon: Bool?
        var offset: Int?
        var position = bytes.startIndex
        func lowered(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
        func digits(_ count: Int) -> Int? {
            guard position + count <= bytes.endIndex else { return nil }
            var value = 0
            for index in position..<(position + count) {
                guard bytes[index] >= 0x30, bytes[index] <= 0x39 else { return nil }
                value = value * 10 + Int(bytes[index] - 0x30)
            }
            position += count
            return value
        }
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
            case .meridiem:
                guard position + 2 <= bytes.endIndex, lowered(bytes[position + 1]) == 0x6D else { return nil }
                switch lowered(bytes[position]) {
                case 0x61: afternoon = false
                case 0x70: afternoon = true
                default: return nil
                }
                position += 2
            case .monthName:
                guard position + 3 <= bytes.endIndex else { return nil }
                let name = bytes[position..<(position + 3)].map(lowered)
                guard let month = Self.monthNames.firstIndex(where: { $0 == name }) else { return nil }
                values[.month] = month + 1
                position += 3
            case .offset:
                guard position < bytes.endIndex else { return nil }
                let sign = bytes[position]
                if sign == 0x5A || sign == 0x7A {
                    offset = 0
                    position += 1
                    continue
                }
                guard sign == 0x2B || sign == 0x2D else { return nil }
                position += 1
                guard let hours = digits(2), hours < 24 else { return nil }
                var minutes = 0
                if position < bytes.endIndex, bytes[position] == 0x3A { position += 1 }
                if position < bytes.endIndex, bytes[position] >= 0x30, bytes[position] <= 0x39 {
                    guard let value = digits(2), value < 60 else { return nil }
                    minutes = value
                }
                offset = (hours * 3_600 + minutes * 60) * (sign == 0x2D ? -1 : 1)
            }
        }
        guard position == bytes.endIndex else { return nil }
        var hour = values[.hour] ?? 0
        if let twelve = values[.hour12] {
            guard (1...12).contains(twelve), let afternoon else { return nil }
            hour = twelve % 12 + (afternoon ? 12 : 0)
        }
        let minute = values[.minute] ?? 0
        let second = values[.second] ?? 0
        guard let year = values[.year], let month = values[.month], let day = values[.day],
            let date = LocalDate(year: year, month: month, day: day),
            hour < 24, minute < 60, second < 60
        else { return nil }
        return (Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3_600 + minute * 60 + second), offset)
    }
}
