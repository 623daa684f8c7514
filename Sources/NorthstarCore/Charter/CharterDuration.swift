import Foundation

/// A length of time written the way people write it in a charter: `30s`, `15m`, `1h`, `2d`, `1h30m`.
public struct CharterDuration: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The length in seconds.
    public let seconds: Int

    /// Creates a duration of whole seconds.
    public init(seconds: Int) {
        self.seconds = seconds
    }

    /// Parses `30s`, `15m`, `1h`, `2d` and combinations from the largest unit down (`1h30m`, `2d4h`).
    ///
    /// Returns `nil` for anything else, including a bare number: a charter must say its unit.
    public init?(parsing text: String) {
        let units: [(Character, Int)] = [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)]
        var remaining = Substring(text.trimmingCharacters(in: .whitespaces).lowercased())
        var total = 0
        var nextUnit = 0
        guard !remaining.isEmpty else { return nil }
        while !remaining.isEmpty {
            let digits = remaining.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 9, let value = Int(digits) else { return nil }
            remaining = remaining.dropFirst(digits.count)
            guard let unit = remaining.first,
                let position = units[nextUnit...].firstIndex(where: { $0.0 == unit })
            else { return nil }
            total += value * units[position].1
            nextUnit = position + 1
            remaining = remaining.dropFirst()
        }
        self.seconds = total
    }

    /// The shortest exact spelling: `1h30m`, `45s`, `0s`.
    public var description: String {
        guard seconds > 0 else { return "0s" }
        var rest = seconds
        var text = ""
        for (unit, size) in [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)] where rest >= size {
            text += "\(rest / size)\(unit)"
            rest %= size
        }
        return text
    }

    /// Orders durations by length.
    public static func < (lhs: CharterDuration, rhs: CharterDuration) -> Bool { lhs.seconds < rhs.seconds }

    /// Encodes as seconds, the unit every JSON output of Northstar uses for durations.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(seconds)
    }

    /// Decodes from seconds.
    public init(from decoder: any Decoder) throws {
        self.seconds = try decoder.singleValueContainer().decode(Int.self)
    }
}
