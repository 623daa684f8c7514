import Foundation

extension Timestamp {
    /// The instant at which the clocks of `zone` showed a wall-clock time, given as seconds since
    /// 1970-01-01 00:00 on that clock (what ``LocalTimeFormat`` reads).
    ///
    /// Daylight-saving changes make some wall-clock times occur twice and others never, and exports written
    /// without a zone cannot tell which was meant. The rule, the same as Python's `zoneinfo` and `java.time`:
    /// - a time that occurs twice (the repeated hour when clocks go back) is its first occurrence, on the
    ///   earlier offset: 02:30 on the last Sunday of October in `Europe/Amsterdam` is 00:30Z, not 01:30Z;
    /// - a time that never occurs (the skipped hour when clocks go forward) is read on the offset before the
    ///   change, so it lands as far after the change as it was written after it: 02:30 on the last Sunday of
    ///   March in `Europe/Amsterdam` is 01:30Z, the instant the clocks showed 03:30.
    init(localSeconds local: Int64, in zone: TimeZone) {
        if zone.identifier == "UTC" || zone.identifier == "GMT" {
            self.init(seconds: local)
            return
        }
        func offset(at instant: Int64) -> Int64 {
            Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant))))
        }
        // The offsets in force a day either side cover any single transition near this time.
        let before = offset(at: local - 86_400)
        let after = offset(at: local + 86_400)
        if before == after, offset(at: local - before) == before {
            self.init(seconds: local - before)
            return
        }
        let valid = Set([before, after]).filter { offset(at: local - $0) == $0 }
        if let largest = valid.max() {
            // One reading, or two in a repeated hour: the larger offset is the earlier instant.
            self.init(seconds: local - largest)
        } else {
            // A skipped hour (or an offset change this rule does not see): read it on the offset before.
            self.init(seconds: local - before)
        }
    }
}
