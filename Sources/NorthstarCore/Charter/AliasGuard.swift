/// Refuses YAML aliases that could make parsing explode before the parser sees them.
///
/// An alias used as a mapping key is hashed in full by the YAML library when it checks for duplicate
/// keys, so nested anchors repeated as keys take exponential time. A charter has no use for alias keys,
/// and needs only a handful of aliases at all (a shared holiday list, say).
enum AliasGuard {
    /// More aliases than any real charter uses.
    static let maximumAliases = 100

    /// The first problem, with its place, or `nil` when the text is safe to parse.
    static func problem(in source: SourceText) -> (message: String, location: SourceLocation)? {
        var aliases = 0
        for (lineIndex, line) in source.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let characters = Array(line)
            var inSingle = false
            var inDouble = false
            var column = 1
            var index = 0
            while index < characters.count {
                let character = characters[index]
                defer {
                    column += character.unicodeScalars.count
                    index += 1
                }
                if inDouble {
                    if character == "\\" {
                        index += 1
                        column += 1
                    } else if character == "\"" {
                        inDouble = false
                    }
                    continue
                }
                if inSingle {
                    if character == "'" { inSingle = false }
                    continue
                }
                let previous = index == 0 ? " " : characters[index - 1]
                let startsToken = previous.isWhitespace || "[{,:?-".contains(previous)
                if character == "#" && previous.isWhitespace || character == "#" && index == 0 { break }
                if character == "\"" && startsToken { inDouble = true }
                if character == "'" && startsToken { inSingle = true }
                guard character == "*", startsToken, index + 1 < characters.count,
                    !characters[index + 1].isWhitespace, !",[]{}*".contains(characters[index + 1])
                else { continue }
                aliases += 1
                let location = SourceLocation(file: source.file, line: lineIndex + 1, column: column)
                if aliases > maximumAliases {
                    return (
                        "the charter uses more than \(maximumAliases) aliases; write it out without them.", location
                    )
                }
                var end = index + 1
                while end < characters.count, !characters[end].isWhitespace, !",[]{}".contains(characters[end]) {
                    end += 1
                }
                while end < characters.count, characters[end] == " " { end += 1 }
                let usedAsKey =
                    (end < characters.count && characters[end] == ":"
                        && (end + 1 == characters.count || characters[end + 1].isWhitespace))
                    || line.drop(while: \.isWhitespace).hasPrefix("? ")
                if usedAsKey {
                    return ("an alias cannot be a key in a charter; write the key out.", location)
                }
            }
        }
        return nil
    }
}
