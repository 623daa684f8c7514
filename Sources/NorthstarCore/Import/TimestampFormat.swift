import Foundation

/// How an export writes its times, for ``CSVMapping``.
public enum TimestampFormat: Sendable, Hashable, CustomStringConvertible {
    /// RFC 3339 with a zone: `2026-03-02T09:15:00Z`, `2026-03-02T10:15:00+01:00`.
    case rfc3339
    /// Seconds since 1970-01-01T00:00:00Z (`1772442900`; a fraction is dropped).
    case unixSeconds
    /// Milliseconds since 1970-01-01T00:00:00Z (`1772442900000`).
    case unixMilliseconds
    /// A pattern with Unicode (LDML) letters (`dd/MM/yyyy HH:mm`) or `strftime` directives (`%d/%m/%Y %H:%M`);
    /// times without a UTC offset are wall-clock times in the mapping's zone.
    case pattern(String)

    /// Reads a format as written in a mapping file: `rfc3339` (or `iso8601`), `unix-seconds` (or `unix`),
    /// `unix-milliseconds` (or `unix-ms`), or a pattern.
    public init(_ text: String) {
        switch text.lowercased() {
        case "rfc3339", "rfc 3339", "iso8601", "iso 8601": self = .rfc3339
        case "unix", "unix-seconds", "epoch", "epoch-seconds": self = .unixSeconds
        case "unix-milliseconds", "unix-ms", "epoch-milliseconds", "epoch-ms": self = .unixMilliseconds
        default: self = .pattern(text)
        }
    }

    /// The format as a mapping file writes it.
    public var description: String {
        switch self {
        case .rfc3339: "rfc3339"
        case .unixSeconds: "unix-seconds"
        case .unixMilliseconds: "unix-milliseconds"
        case .pattern(let pattern): pattern
        }
    }

    /// The format compiled for reading, or the reason it cannot be.
    func reader(in zone: TimeZone) throws(ImportError) -> TimestampReader {
        switch self {
        case .rfc3339: return TimestampReader(kind: .rfc3339, zone: zone, described: "an RFC 3339 time with a zone")
        case .unixSeconds: return TimestampReader(kind: .unix(divisor: 1), zone: zone, described: "Unix seconds")
        case .unixMilliseconds:
            return TimestampReader(kind: .unix(divisor: 1_000), zone: zone, described: "Unix milliseconds")
        case .pattern(let pattern):
            let format = pattern.contains("%") ? try LocalTimeFormat(strftime: pattern) : try LocalTimeFormat(pattern)
            return TimestampReader(kind: .pattern(format), zone: zone, described: "a `\(pattern)` time")
        }
    }
}

/// A ``TimestampFormat`` ready to read values.
struct TimestampReader: Sendable {
    enum Kind: Sendable {
        case rfc3339
        case unix(divisor: Double)
        case pattern(LocalTimeFormat)
    }

    let kind: Kind
    let zone: TimeZone
    /// How the format is named in a rejection reason: "a `dd/MM/yyyy HH:mm` time".
    let described: String

    /// The instant written in `text`, or `nil`.
    func instant(_ text: String) -> Timestamp? {
        switch kind {
        case .rfc3339:
            return Timestamp(rfc3339: text)
        case .unix(let divisor):
            guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else { return nil }
            let seconds = (value / divisor).rounded(.down)
            guard abs(seconds) < 1e11 else { return nil }
            return Timestamp(seconds: Int64(seconds))
        case .pattern(let format):
            return format.instant(text, in: zone)
        }
    }
}
