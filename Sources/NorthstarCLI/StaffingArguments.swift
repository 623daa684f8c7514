import ArgumentParser
import Foundation
import NorthstarCore

/// The queue every `staff` subcommand describes: volume, interval, handle time, patience, concurrency.
struct QueueOptions: ParsableArguments {
    @Option(help: "Contacts offered in the interval (a forecast may be fractional, e.g. 12.5).")
    var offered: String

    @Option(help: "The interval's length: 15m, 30m, 1h.")
    var interval = "30m"

    @Option(help: "Average handle time per contact (talk, hold, wrap-up): 3m, 270s, 4.5m.")
    var aht: String

    @Option(help: "Callers' mean patience before they hang up; enables Erlang A (abandonment). Example: 5m.")
    var patience: String?

    @Option(help: "Contacts one agent handles at once (chat); agents = ⌈servers / concurrency⌉.")
    var concurrency = 1

    /// The interval these options describe, or a `ValidationError` that says which option is wrong.
    func staffingInterval() throws -> StaffingInterval {
        guard let contacts = Double(offered.trimmingCharacters(in: .whitespaces)), contacts.isFinite else {
            throw ValidationError("--offered `\(offered)` is not a number; give the contacts offered, e.g. 100.")
        }
        return try staffingCall {
            try StaffingInterval(
                contacts: contacts,
                intervalSeconds: try StaffingArgument.seconds(interval, option: "--interval"),
                handleTimeSeconds: try StaffingArgument.seconds(aht, option: "--aht"),
                patienceSeconds: try patience.map { try StaffingArgument.seconds($0, option: "--patience") },
                concurrency: concurrency
            )
        }
    }
}

/// Parsing of the durations and shares `staff` options take.
enum StaffingArgument {
    /// `20s`, `3m`, `1h30m`, and decimals with one unit: `4.5m`, `0.5h`. A bare number has no unit and is refused.
    static func seconds(_ text: String, option: String) throws -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let duration = CharterDuration(parsing: trimmed) { return Double(duration.seconds) }
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400]
        if let unit = trimmed.last, let size = units[unit], let value = Double(trimmed.dropLast()), value.isFinite,
            !trimmed.dropLast().contains("e")
        {
            return value * size
        }
        throw ValidationError("\(option) `\(text)` is not a duration; write it with a unit: 20s, 3m, 4.5m, 1h.")
    }

    /// `80%`, `85.5%` or a fraction `0.8`.
    static func share(_ text: String, option: String) throws -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("%"), let value = Double(trimmed.dropLast()), value.isFinite { return value / 100 }
        if let value = Double(trimmed), value.isFinite, value >= 0, value <= 1 { return value }
        if let value = Double(trimmed), value.isFinite {
            throw ValidationError("\(option) `\(text)` is above 1; write a percentage such as 80% or a fraction 0.8.")
        }
        throw ValidationError("\(option) `\(text)` is not a share; write a percentage such as 80% or a fraction 0.8.")
    }
}

/// Runs `body`, turning a ``StaffingError`` about input into a `ValidationError` (exit 64).
func staffingCall<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as StaffingError where error.code == .invalidInput {
        throw ValidationError(error.message)
    }
}

/// `12.3%`, for text output.
func percentText(_ share: Double, digits: Int = 1) -> String {
    String(format: "%.\(digits)f%%", share * 100)
}

/// `7.8s`, `2m 5s`, for text output.
func secondsText(_ seconds: Double) -> String {
    guard seconds.isFinite else { return "∞" }
    if seconds < 60 { return String(format: "%.1fs", seconds) }
    let whole = Int(seconds.rounded())
    return whole % 60 == 0 ? "\(whole / 60)m" : "\(whole / 60)m \(whole % 60)s"
}
