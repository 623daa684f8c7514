import Foundation

/// A proportion between 0 and 1, written `90%` or `0.9` in a charter.
public struct Share: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The proportion, 0…1 for a valid share (parsing keeps out-of-range values so they can be reported).
    public let fraction: Double

    /// Creates a share from a fraction.
    public init(fraction: Double) {
        self.fraction = fraction
    }

    /// How a written share failed to parse.
    public enum ParseFailure: Error, Sendable, Equatable {
        /// Not a number at all.
        case notANumber
        /// A bare number above 1 such as `90`: ambiguous between 90% and a mistake.
        case ambiguousWholeNumber(Double)
    }

    /// Parses `90%`, `92.5%` or `0.9`. Values outside 0…1 parse, so that a validator can say what is wrong.
    public static func parse(_ text: String) -> Result<Share, ParseFailure> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("%") {
            let number = trimmed.dropLast().trimmingCharacters(in: .whitespaces)
            guard let value = Double(number), value.isFinite else { return .failure(.notANumber) }
            return .success(Share(fraction: value / 100))
        }
        guard let value = Double(trimmed), value.isFinite else { return .failure(.notANumber) }
        if value > 1 { return .failure(.ambiguousWholeNumber(value)) }
        return .success(Share(fraction: value))
    }

    /// `90%`, `92.5%`: the way people read shares.
    public var description: String {
        let percent = (fraction * 1000).rounded() / 10
        return percent == percent.rounded() ? "\(Int(percent))%" : "\(percent)%"
    }

    /// Orders shares by size.
    public static func < (lhs: Share, rhs: Share) -> Bool { lhs.fraction < rhs.fraction }

    /// Encodes as the fraction 0…1, the form every JSON output of Northstar uses for shares.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(fraction)
    }

    /// Decodes from a fraction.
    public init(from decoder: any Decoder) throws {
        self.fraction = try decoder.singleValueContainer().decode(Double.self)
    }
}
