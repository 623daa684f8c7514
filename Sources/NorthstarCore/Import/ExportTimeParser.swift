import Foundation

/// Reads the times of a vendor's CSV export, which may be written with a zone or, as the UI exports of Zendesk
/// and Freshdesk write them, as wall-clock times in the account's zone.
///
/// In order: RFC 3339 with a zone (`2024-03-01T09:15:00Z`, `2024-03-01 10:15:00+01:00`); one of the zoneless
/// `formats` followed by a space and a numeric offset (`2024-03-01 10:15:00 +0100`); one of the zoneless
/// `formats` alone, read in `zone` by the rule of ``Timestamp/init(localSeconds:in:)``.
struct ExportTimeParser: Sendable {
    /// The zone of times written without one.
    let zone: TimeZone
    /// The zoneless patterns tried, in order.
    let formats: [LocalTimeFormat]

    /// `yyyy-MM-dd HH:mm:ss`, then `yyyy-MM-dd HH:mm`, then `yyyy-MM-dd'T'HH:mm:ss`.
    static let isoLikeFormats = [
        try! LocalTimeFormat("yyyy-MM-dd HH:mm:ss"),
        try! LocalTimeFormat("yyyy-MM-dd HH:mm"),
        try! LocalTimeFormat("yyyy-MM-dd'T'HH:mm:ss"),
    ]

    /// Reads zoneless times in the IANA zone `timeZoneIdentifier`.
    init(timeZoneIdentifier: String, formats: [LocalTimeFormat] = Self.isoLikeFormats) throws(ImportError) {
        guard let zone = TimeZone(identifier: timeZoneIdentifier) else {
            throw ImportError(
                code: .configuration,
                message: "`\(timeZoneIdentifier)` is not a known time zone; use an IANA name such as "
                    + "`Europe/Amsterdam` or `UTC`."
            )
        }
        self.zone = zone
        self.formats = formats
    }

    /// The patterns accepted, for messages: `yyyy-MM-dd HH:mm:ss`.
    var expected: String { formats.first?.pattern ?? "RFC 3339" }

    /// The instant `text` names, or `nil` when it follows none of the forms or names an impossible time.
    func timestamp(_ text: String) -> Timestamp? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let instant = Timestamp(rfc3339: trimmed) { return instant }
        if let space = trimmed.lastIndex(of: " "),
            let offset = Self.offsetSeconds(trimmed[trimmed.index(after: space)...])
        {
            let local = trimmed[..<space]
            for format in formats {
                if let seconds = format.localSeconds(local) { return Timestamp(seconds: seconds - offset) }
            }
            return nil
        }
        for format in formats {
            if let seconds = format.localSeconds(trimmed) { return Timestamp(localSeconds: seconds, in: zone) }
        }
        return nil
    }

    /// `+0100`, `-05:00`, `Z`, `UTC` as seconds east of UTC.
    private static func offsetSeconds(_ text: Substring) -> Int64? {
        if text == "Z" || text == "UTC" || text == "GMT" { return 0 }
        let bytes = Array(text.utf8)
        guard bytes.count == 5 || bytes.count == 6, bytes[0] == 0x2B || bytes[0] == 0x2D else { return nil }
        let digits = bytes.dropFirst().filter { $0 != 0x3A }
        guard digits.count == 4, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            bytes.count == 5 || bytes[3] == 0x3A
        else { return nil }
        let values = digits.map { Int64($0 - 0x30) }
        let hours = values[0] * 10 + values[1]
        let minutes = values[2] * 10 + values[3]
        guard hours < 24, minutes < 60 else { return nil }
        return (hours * 3_600 + minutes * 60) * (bytes[0] == 0x2D ? -1 : 1)
    }
}
