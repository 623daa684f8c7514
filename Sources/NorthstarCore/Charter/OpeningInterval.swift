import Foundation

/// One block of opening hours within a single day, `08:00-12:30`, as minutes since local midnight.
///
/// Blocks never cross midnight: a night shift is two blocks on two days (`22:00-24:00`, `00:00-06:00`).
public struct OpeningInterval: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// Opening time in minutes after local midnight, 0…1439.
    public let startMinute: Int
    /// Closing time in minutes after local midnight, 1…1440 (24:00 is the end of the day).
    public let endMinute: Int

    /// Creates a block; the caller guarantees `0 <= start < end <= 1440`.
    public init(startMinute: Int, endMinute: Int) {
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    /// Why a written block is not usable.
    public enum ParseFailure: Error, Sendable, Equatable {
        /// Not `HH:MM-HH:MM`.
        case malformed
        /// A time that does not exist, such as `25:00` or `09:75`.
        case invalidTime(String)
        /// The block ends before it starts: it would cross midnight.
        case crossesMidnight(start: String, end: String)
        /// The block starts and ends at the same time.
        case empty
        /// The block starts at 24:00, the end of the day.
        case startsAtMidnightEnd
    }

    /// Parses `HH:MM-HH:MM` (also `H:MM`, and `24:00` as an end).
    public static func parse(_ text: String) -> Result<OpeningInterval, ParseFailure> {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2 else { return .failure(.malformed) }
        guard let start = minute(parts[0]) else {
            return .failure(isClock(parts[0]) ? .invalidTime(parts[0]) : .malformed)
        }
        guard let end = minute(parts[1]) else {
            return .failure(isClock(parts[1]) ? .invalidTime(parts[1]) : .malformed)
        }
        if start == 1_440 { return .failure(.startsAtMidnightEnd) }
        if end == start { return .failure(.empty) }
        if end < start { return .failure(.crossesMidnight(start: parts[0], end: parts[1])) }
        return .success(OpeningInterval(startMinute: start, endMinute: end))
    }

    private static func isClock(_ text: String) -> Bool {
        let pieces = text.split(separator: ":", omittingEmptySubsequences: false)
        return pieces.count == 2 && pieces.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }

    private static func minute(_ text: String) -> Int? {
        guard isClock(text) else { return nil }
        let pieces = text.split(separator: ":")
        guard pieces[0].count <= 2, pieces[1].count == 2,
            let hour = Int(pieces[0]), let minute = Int(pieces[1]), minute < 60
        else { return nil }
        if hour == 24 && minute == 0 { return 1_440 }
        guard hour < 24 else { return nil }
        return hour * 60 + minute
    }

    /// Whether two blocks share any minute.
    public func overlaps(_ other: OpeningInterval) -> Bool {
        startMinute < other.endMinute && other.startMinute < endMinute
    }

    /// Length in minutes.
    public var minutes: Int { endMinute - startMinute }

    /// `08:00-12:30`.
    public var description: String { "\(Self.clock(startMinute))-\(Self.clock(endMinute))" }

    static func clock(_ minute: Int) -> String {
        let hours = minute / 60
        let minutes = minute % 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes)"
    }

    /// Orders blocks by start time.
    public static func < (lhs: OpeningInterval, rhs: OpeningInterval) -> Bool {
        (lhs.startMinute, lhs.endMinute) < (rhs.startMinute, rhs.endMinute)
    }
}
