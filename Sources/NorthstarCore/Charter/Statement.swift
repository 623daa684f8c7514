/// A piece of the charter's prose (the vision, the mission, a behaviour, a promise's `says`), with the
/// file position of every character so that wording alerts can point at the exact words.
public struct Statement: Sendable, Hashable {
    /// The text as YAML delivers it (folded lines joined, quotes removed).
    public let text: String
    /// The location of each `Character` of `text`, in order; empty for text with no file behind it.
    public let characterLocations: [SourceLocation]

    /// Creates a statement with a location for every character.
    public init(text: String, characterLocations: [SourceLocation]) {
        self.text = text
        self.characterLocations = characterLocations
    }

    /// A bare statement typed on the command line: line 1, columns counted from 1.
    public init(bareText text: String, file: String = "<text>") {
        var line = 1
        var column = 1
        var locations: [SourceLocation] = []
        locations.reserveCapacity(text.count)
        for character in text {
            locations.append(SourceLocation(file: file, line: line, column: column))
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        self.init(text: text, characterLocations: locations)
    }

    /// The location of the character at `offset`, or of the statement's start for an offset past the end.
    public func location(ofCharacterOffset offset: Int) -> SourceLocation? {
        guard !characterLocations.isEmpty else { return nil }
        return characterLocations[min(max(0, offset), characterLocations.count - 1)]
    }

    /// The location of the first character of `range` in `text`.
    public func location(of range: Range<String.Index>) -> SourceLocation? {
        location(ofCharacterOffset: text.distance(from: text.startIndex, to: range.lowerBound))
    }
}
