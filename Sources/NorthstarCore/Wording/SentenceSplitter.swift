/// Splits prose into sentences for length checks: at `.`, `!` or `?` followed by a space and a capital
/// letter or a digit, or at the end. Abbreviations (`e.g.`, `U.S.`) and decimals (`4.5`) do not split.
enum SentenceSplitter {
    private static let abbreviations: Set<String> = [
        "e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "u.s", "u.k", "approx", "no", "min", "hr", "hrs", "sec",
    ]

    static func sentences(in text: String) -> [Substring] {
        var result: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if ".!?".contains(character) {
                let word =
                    text[start..<index].split(whereSeparator: { $0.isWhitespace }).last.map { $0.lowercased() } ?? ""
                let isAbbreviation = character == "." && (abbreviations.contains(word) || word.count == 1)
                var after = next
                while after < text.endIndex, text[after] == "\"" || text[after] == ")" || text[after] == "”" {
                    after = text.index(after: after)
                }
                let atEnd = after == text.endIndex
                var startsNext = false
                if !atEnd, text[after].isWhitespace {
                    var probe = after
                    while probe < text.endIndex, text[probe].isWhitespace { probe = text.index(after: probe) }
                    startsNext = probe < text.endIndex && (text[probe].isUppercase || text[probe].isNumber)
                }
                if !isAbbreviation && (atEnd || startsNext) {
                    let sentence = text[start..<after]
                    if sentence.contains(where: { $0.isLetter || $0.isNumber }) { result.append(sentence) }
                    start = after
                    index = after
                    continue
                }
            }
            index = next
        }
        let rest = text[start...]
        if rest.contains(where: { $0.isLetter || $0.isNumber }) { result.append(rest) }
        return result.map { $0.drop(while: \.isWhitespace) }
    }
}
