import Foundation

/// A list of words and phrases with advice, read from a data file (`phrase -> advice` per line).
struct WordList: Sendable {
    /// One phrase of a list.
    struct Entry: Sendable, Hashable {
        /// The phrase as written in the list.
        let phrase: String
        /// Its words; a word ending in `*` matches any ending.
        let words: [String]
        /// What to write instead, or why it hurts.
        let advice: String?
    }

    let name: String
    let entries: [Entry]

    init(name: String, entries: [Entry]) {
        self.name = name
        self.entries = entries
    }

    /// Parses the list format: comments with `#`, one `phrase -> advice` per line.
    init(name: String, text: String) {
        var entries: [Entry] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let parts = content.components(separatedBy: "->")
            let phrase = parts[0].trimmingCharacters(in: .whitespaces)
            guard !phrase.isEmpty else { continue }
            let advice =
                parts.count > 1 ? parts[1...].joined(separator: "->").trimmingCharacters(in: .whitespaces) : nil
            entries.append(Entry(phrase: phrase, advice: advice?.isEmpty == true ? nil : advice))
        }
        self.init(name: name, entries: entries)
    }

    /// A list shipped with Northstar, `Resources/wording/NAME.txt`.
    static func bundled(_ name: String) -> WordList {
        WordList(name: name, text: BundledResource.text("wording/\(name).txt"))
    }

    /// A phrase found in a statement.
    struct Match: Sendable {
        let entry: Entry
        let range: Range<String.Index>
        /// Index of the match's first word in the token list.
        let firstToken: Int
        let tokenCount: Int
    }

    /// Every occurrence of every entry, leftmost first; longer entries win where two overlap.
    func matches(in tokens: [WordToken]) -> [Match] {
        var found: [Match] = []
        for (start, _) in tokens.enumerated() {
            for entry in entries {
                guard start + entry.words.count <= tokens.count else { continue }
                let matched = zip(entry.words, tokens[start..<(start + entry.words.count)]).allSatisfy {
                    pattern,
                    token in
                    Self.word(token.lowered, matches: pattern)
                }
                if matched {
                    let last = tokens[start + entry.words.count - 1]
                    found.append(
                        Match(
                            entry: entry,
                            range: tokens[start].range.lowerBound..<last.range.upperBound,
                            firstToken: start,
                            tokenCount: entry.words.count
                        )
                    )
                }
            }
        }
        // Keep the longest match at each place and drop matches inside an earlier, longer one.
        found.sort { ($0.firstToken, -$0.tokenCount) < ($1.firstToken, -$1.tokenCount) }
        var kept: [Match] = []
        var coveredUntil = -1
        for match in found where match.firstToken > coveredUntil {
            kept.append(match)
            coveredUntil = match.firstToken + match.tokenCount - 1
        }
        return kept
    }

    static func word(_ word: String, matches pattern: String) -> Bool {
        if pattern.hasSuffix("*") { return word.hasPrefix(pattern.dropLast()) }
        return word == pattern
    }
}

extension WordList.Entry {
    init(phrase: String, advice: String?) {
        self.phrase = phrase
        self.words = WordToken.tokenize(phrase.lowercased()).map(\.lowered).enumerated().map { index, word in
            // Re-attach a trailing `*` that the tokenizer split off.
            let pieces = phrase.lowercased().split { $0 == " " || $0 == "-" }
            return index < pieces.count && pieces[index].hasSuffix("*") ? word + "*" : word
        }
        self.advice = advice
    }
}
