/// The voice the team wants its statements to have; `northstar lint` checks wording against it.
public enum Tone: String, Sendable, Hashable, Codable, CaseIterable {
    /// Warm and plain: "we", "you", everyday words.
    case friendly
    /// Precise and confident: exact terms, no hype.
    case expert
    /// Steady and reassuring: no urgency, no exclamation.
    case calm
}
