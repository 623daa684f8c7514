/// Word, sentence and syllable counts with the Flesch scores, computed as textstat 0.7.13 computes them for English
/// so that Northstar's numbers match the ones teams get from the Python tool.
///
/// Scores are unrounded. Both scores are 0 when the text has no words or no syllables, as in textstat.
public struct Readability: Sendable, Equatable, Codable {
    /// Words, as textstat's `lexicon_count`: hyphens and most punctuation are dropped, not treated as spaces.
    public let words: Int
    /// Sentences, as textstat's `sentence_count`: 0 for empty text, otherwise at least 1.
    public let sentences: Int
    /// Syllables, from CMUdict with a hyphenation-pattern fallback.
    public let syllables: Int
    /// Flesch reading ease: 206.835 − 1.015 × words per sentence − 84.6 × syllables per word.
    public let fleschReadingEase: Double
    /// Flesch–Kincaid grade: 0.39 × words per sentence + 11.8 × syllables per word − 15.59.
    public let fleschKincaidGrade: Double

    /// Measures `text`.
    public init(text: String) {
        let scalars = Array(text.unicodeScalars)
        let wordList = Self.words(in: scalars[...])
        words = wordList.count
        sentences = Self.sentenceCount(in: scalars)
        syllables = wordList.reduce(0) { $0 + Self.syllables(in: $1) }
        guard words > 0, sentences > 0, syllables > 0 else {
            fleschReadingEase = 0
            fleschKincaidGrade = 0
            return
        }
        // Same operations in the same order as textstat, so the doubles agree to the last bit.
        let wordsPerSentence = Double(words) / Double(sentences)
        let syllablesPerWord = Double(syllables) / Double(words)
        fleschReadingEase = 206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord
        fleschKincaidGrade = 0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59
    }

    /// The words textstat counts, in their original case.
    ///
    /// An apostrophe survives only before `t`, `s`, `d`, `ve`, `ll` or `re` (so "don't" stays whole); every other
    /// character that is not a letter, number, underscore or space is deleted, so "same-day" becomes "sameday" and
    /// "24/7" becomes "247". Combining marks count as punctuation here, as they do in Python's `\w`.
    public static func words(in text: String) -> [String] {
        words(in: Array(text.unicodeScalars)[...])
    }

    /// The syllables textstat counts in one word: its first CMUdict pronunciation's vowels, or else its US English
    /// hyphenation points plus one.
    public static func syllables(in word: String) -> Int {
        SyllableCounter.english.count(word).syllables
    }

    private static func words(in text: ArraySlice<Unicode.Scalar>) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var index = text.startIndex
        while index < text.endIndex {
            let scalar = text[index]
            if isPythonWhitespace(scalar) {
                if !current.isEmpty { words.append(String(current)) }
                current = String.UnicodeScalarView()
            } else if isPythonWordCharacter(scalar)
                || (scalar == "'" && startsContractionEnding(text[(index + 1)...]))
            {
                current.append(scalar)
            }
            index += 1
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    // textstat runs `re.findall(r"\b[^.!?]+[.!?]*", text)` and ignores every match with two words or fewer.
    private static func sentenceCount(in text: [Unicode.Scalar]) -> Int {
        guard !text.isEmpty else { return 0 }
        var matches = 0
        var ignored = 0
        var start = 0
        while start < text.count {
            guard !isSentenceTerminator(text[start]), isWordBoundary(in: text, at: start) else {
                start += 1
                continue
            }
            var end = start
            while end < text.count && !isSentenceTerminator(text[end]) { end += 1 }
            while end < text.count && isSentenceTerminator(text[end]) { end += 1 }
            matches += 1
            if words(in: text[start..<end]).count <= 2 { ignored += 1 }
            start = end
        }
        return max(1, matches - ignored)
    }

    private static func isSentenceTerminator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "." || scalar == "!" || scalar == "?"
    }

    // Python's `\b`: a word character on exactly one side, with the ends of the text counting as non-word.
    private static func isWordBoundary(in text: [Unicode.Scalar], at index: Int) -> Bool {
        let before = index > 0 && isPythonWordCharacter(text[index - 1])
        let after = index < text.count && isPythonWordCharacter(text[index])
        return before != after
    }

    // The lookahead `(?=[tsd]|ve|ll|re)` after an apostrophe; case-sensitive, as in textstat.
    private static func startsContractionEnding(_ rest: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let next = rest.first else { return false }
        if next == "t" || next == "s" || next == "d" { return true }
        let pair = rest.prefix(2)
        return pair.elementsEqual("ve".unicodeScalars) || pair.elementsEqual("ll".unicodeScalars)
            || pair.elementsEqual("re".unicodeScalars)
    }

    // Python's `\w` on str: alphanumeric (letters L*, anything with a numeric value) or underscore. Unlike
    // Unicode's definition of a word character, combining marks and connector punctuation other than `_` are out.
    private static func isPythonWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "_"
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return true
        default:
            return scalar.properties.numericType != nil
        }
    }

    // Python's `str.isspace()`, which `\s` and `str.split()` share. It includes the separators U+001C–U+001F,
    // which Unicode's White_Space property does not.
    private static func isPythonWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }
}
