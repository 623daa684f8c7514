/// An instant as whole seconds since 1970-01-01T00:00:00Z. Support metrics need no finer grain, and an
/// integer keeps a million contacts compact and their arithmetic exact.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Seconds since the Unix epoch, UTC.
    public var seconds: Int64

    /// Creates a timestamp.
    public init(seconds: Int64) {
        self.seconds = seconds
    }

    /// Orders instants in time.
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.seconds < rhs.seconds }

    /// Seconds from `self` to `later` (negative when `later` is earlier).
    public func seconds(until later: Timestamp) -> Int64 { later.seconds - seconds }

    /// RFC 3339 in UTC: `2026-03-02T09:15:00Z`.
    public var description: String {
        let days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let secondOfDay = Int(seconds - Int64(days) * 86_400)
        // Any instant prints, even outside years 1…9999 (where RFC 3339 ends and LocalDate refuses).
        let (year, month, day) = LocalDate.civil(daysSinceEpoch: days)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let digits = String(year)
        let yearText = (1...9999).contains(year) ? String(repeating: "0", count: 4 - digits.count) + digits : digits
        return
            "\(yearText)-\(two(month))-\(two(day))T\(two(secondOfDay / 3_600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))Z"
    }

    /// Parses RFC 3339 with a zone (`2026-03-02T09:15:00Z`, `2026-03-02T10:15:00+01:00`, fractions allowed
    /// and dropped; a space may stand for `T`). Returns `nil` for anything else, including a missing zone.
    public init?(rfc3339 text: some StringProtocol) {
        var text = String(text)
        guard let parsed = text.withUTF8(Self.parse(rfc3339:)) else { return nil }
        self = parsed
    }

    /// ``init(rfc3339:)`` over UTF-8 bytes, as a CSV row holds them: no string is made.
    static func parse(rfc3339 text: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        var count = text.count
        while count > 0, text[count - 1] == 0x20 { count -= 1 }
        let bytes = UnsafeBufferPointer(rebasing: text[0..<count])
        guard bytes.count >= 20 else { return nil }
        func digits(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= bytes.count else { return nil }
            var value = 0
            for index in start..<(start + count) {
                let byte = bytes[index]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = digits(0, 4), bytes[4] == 0x2D, let month = digits(5, 2), bytes[7] == 0x2D,
            let day = digits(8, 2), bytes[10] == 0x54 || bytes[10] == 0x74 || bytes[10] == 0x20,
            let hour = digits(11, 2), bytes[13] == 0x3A, let minute = digits(14, 2), bytes[16] == 0x3A,
            let second = digits(17, 2), let date = LocalDate(year: year, month: month, day: day),
            hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        if index < bytes.count, bytes[index] == 0x2E {
            index += 1
            let start = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            guard index > start else { return nil }
        }
        guard index < bytes.count else { return nil }
        var offset = 0
        switch bytes[index] {
        case 0x5A, 0x7A:
            guard index + 1 == bytes.count else { return nil }
        case 0x2B, 0x2D:
            guard index + 6 == bytes.count, let hours = digits(index + 1, 2), bytes[index + 3] == 0x3A,
                let minutes = digits(index + 4, 2), hours < 24, minutes < 60
            else { return nil }
            offset = (hours * 3_600 + minutes * 60) * (bytes[index] == 0x2D ? -1 : 1)
        default:
            return nil
        }
        let local = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3_600 + minute * 60 + min(second, 59))
        return Timestamp(seconds: local - Int64(offset))
    }
}
