import Foundation

/// A word of a statement with its place in the text: letters, digits and inner apostrophes.
/// Hyphens, slashes and other punctuation separate words, so `same-day` is two tokens.
struct WordToken: Sendable, Hashable {
    /// The word in lower case, with curly apostrophes made straight.
    let lowered: String
    /// The word as written.
    let text: Substring
    /// Where it is in the statement.
    let range: Range<String.Index>
    /// The punctuation between the previous word and this one, trimmed (`,`, `;`, `-`, or empty).
    let gapBefore: String

    /// Splits text into words.
    static func tokenize(_ text: String) -> [WordToken] {
        var tokens: [WordToken] = []
        var index = text.startIndex
        var gapStart = text.startIndex
        func isWordCharacter(_ character: Character) -> Bool {
            character.isLetter || character.isNumber
        }
        while index < text.endIndex {
            guard isWordCharacter(text[index]) else {
                index = text.index(after: index)
                continue
            }
            let start = index
            var end = index
            while end < text.endIndex {
                let character = text[end]
                if isWordCharacter(character) {
                    end = text.index(after: end)
                } else if character == "'" || character == "’" || character == "." {
                    // Keep apostrophes inside words (don't) and points inside numbers (4.5).
                    let next = text.index(after: end)
                    guard next < text.endIndex, isWordCharacter(text[next]) else { break }
                    if character == ".", !(text[text.index(before: end)].isNumber && text[next].isNumber) { break }
                    end = next
                } else {
                    break
                }
            }
            let word = text[start..<end]
            let gap = text[gapStart..<start].trimmingCharacters(in: .whitespacesAndNewlines)
            tokens.append(
                WordToken(
                    lowered: word.lowercased().replacingOccurrences(of: "’", with: "'"),
                    text: word,
                    range: start..<end,
                    gapBefore: gap
                )
            )
            index = end
            gapStart = end
        }
        return tokens
    }
}
