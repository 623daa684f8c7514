import Foundation

/// A day of the week, Monday first as in ISO 8601.
public enum Weekday: Int, Sendable, Hashable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    /// Monday.
    case monday = 1
    /// Tuesday.
    case tuesday
    /// Wednesday.
    case wednesday
    /// Thursday.
    case thursday
    /// Friday.
    case friday
    /// Saturday.
    case saturday
    /// Sunday.
    case sunday

    /// The three-letter name used in charters: `mon` … `sun`.
    public var shortName: String { ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][rawValue - 1] }

    /// The short name.
    public var description: String { shortName }

    /// Days as a person would list them: `mon-fri` for a run of three or more, `mon,wed` otherwise.
    public static func summary(of days: [Weekday]) -> String {
        let sorted = Array(Set(days)).sorted()
        guard let first = sorted.first, let last = sorted.last else { return "" }
        if sorted.count >= 3 && last.rawValue - first.rawValue == sorted.count - 1 { return "\(first)-\(last)" }
        return sorted.map(\.shortName).joined(separator: ",")
    }

    /// The next day, wrapping from Sunday to Monday.
    public var next: Weekday { Weekday(rawValue: rawValue % 7 + 1)! }

    /// Orders days Monday to Sunday.
    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Reads a day or a group of days: `mon`, `monday`, `mon-fri`, `sat-sun`, `fri-mon` (wrapping),
    /// `mon,wed,fri`, `weekdays`, `weekends`, `daily`. Returns `nil` with no guess when it cannot.
    public static func days(in text: String) -> [Weekday]? {
        let lowered = text.lowercased().trimmingCharacters(in: .whitespaces)
        switch lowered {
        case "daily", "everyday", "every-day", "all": return allCases
        case "weekdays": return [.monday, .tuesday, .wednesday, .thursday, .friday]
        case "weekend", "weekends": return [.saturday, .sunday]
        default: break
        }
        var result: [Weekday] = []
        for part in lowered.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            switch bounds.count {
            case 1:
                guard let day = Weekday.day(named: bounds[0]) else { return nil }
                result.append(day)
            case 2:
                guard var day = Weekday.day(named: bounds[0]), let last = Weekday.day(named: bounds[1]) else {
                    return nil
                }
                result.append(day)
                while day != last {
                    day = day.next
                    result.append(day)
                }
            default:
                return nil
            }
        }
        // `mon,mon` or `mon-fri,wed` name a day twice: one block would overlap itself.
        guard !result.isEmpty, Set(result).count == result.count else { return nil }
        return result
    }

    /// The day for `mon` or `monday` (any case).
    public static func day(named name: String) -> Weekday? {
        let lowered = name.lowercased()
        return allCases.first { lowered == $0.shortName || lowered == $0.fullName }
    }

    var fullName: String {
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][rawValue - 1]
    }

    /// Every spelling `days(in:)` accepts as a single word, for "did you mean".
    static var spellings: [String] {
        allCases.flatMap { [$0.shortName, $0.fullName] } + ["daily", "weekdays", "weekends", "mon-fri"]
    }
}
