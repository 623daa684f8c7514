/// Finds hyphenation points with Frank Liang's algorithm over hunspell-style `hyph_*.dic` patterns, the way Pyphen
/// 0.18.1 does, so that `positions(in:).count + 1` reproduces textstat's syllable fallback.
package struct Hyphenator: Sendable {
    /// The US English patterns in `Resources/hyphenation/hyph_en_US.dic`, parsed on first use.
    package static let americanEnglish = Hyphenator(
        patterns: BundledResource.text("hyphenation/hyph_en_US.dic"),
        leftMinimum: 2,
        rightMinimum: 2
    )

    /// The fewest characters allowed before the first hyphenation point.
    package let leftMinimum: Int
    /// The fewest characters allowed after the last hyphenation point.
    package let rightMinimum: Int
    private let trie: PatternTrie

    /// Parses the text of a `hyph_*.dic` file: the first line names the encoding (UTF-8 is assumed), the rest are
    /// patterns.
    ///
    /// Like Pyphen, this ignores comments and the `LEFTHYPHENMIN`-style settings in the file (the minimums are
    /// parameters instead) and skips patterns whose values are all zero. The nonstandard `/` and `^^` extensions
    /// are not used by the English patterns and are not supported.
    package init(patterns text: String, leftMinimum: Int = 2, rightMinimum: Int = 2) {
        self.leftMinimum = leftMinimum
        self.rightMinimum = rightMinimum
        var text = text
        var trie = PatternTrie()
        // Works on UTF-8 bytes: going through `unicodeScalars` and `String` lines is several times slower in a
        // debug build.
        text.withUTF8 { bytes in
            var lineStart = 0
            var isFirstLine = true
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                if !isFirstLine { trie.addPattern(bytes, from: lineStart, to: lineEnd) }
                isFirstLine = false
                lineStart = lineEnd + 1
            }
        }
        self.trie = trie
    }

    /// The hyphenation points of `word`, as counts of characters (Unicode scalars) before each point, excluding
    /// points closer to either end than the minimums allow.
    package func positions(in word: String) -> [Int] {
        let pointed = [46] + word.lowercased().unicodeScalars.map(\.value) + [46]  // "." marks both ends
        var levels = [UInt8](repeating: 0, count: pointed.count + 1)
        // Pyphen never starts a match at the closing dot, so neither do we.
        for start in 0..<(pointed.count - 1) {
            trie.raise(&levels, withPatternsIn: pointed, from: start)
        }
        // Level i sits before pointed[i]; the leading dot shifts it one place from the word. Pyphen measures the
        // right margin on the word as given, not as lowercased.
        let lastAllowed = word.unicodeScalars.count - rightMinimum
        var points: [Int] = []
        for (index, level) in levels.enumerated() where level % 2 == 1 {
            let point = index - 1
            if point >= leftMinimum && point <= lastAllowed { points.append(point) }
        }
        return points
    }
}

extension Hyphenator {
    /// The patterns as a trie over Unicode scalar values, kept in flat arrays so that loading allocates a handful
    /// of buffers rather than one object per node.
    private struct PatternTrie: Sendable {
        // Node i is reached from its parent through `nodeScalar[i]`; a node's children form a linked sibling list.
        private var nodeScalar: [UInt32] = [0]
        private var firstChild: [Int32] = [-1]
        private var nextSibling: [Int32] = [-1]
        // A node that ends a pattern points at the pattern's levels: one before each letter and one after the last.
        private var levelsStart: [Int32] = [-1]
        private var levelsCount: [Int32] = [0]
        private var levels: [UInt8] = []
        private var scratchLevels: [UInt8] = []

        /// Applies every pattern that matches `word` starting at `start`, keeping the highest level at each gap.
        func raise(_ wordLevels: inout [UInt8], withPatternsIn word: [UInt32], from start: Int) {
            var node: Int32 = 0
            for index in start..<word.count {
                guard let next = child(of: node, scalar: word[index]) else { return }
                node = next
                let patternStart = Int(levelsStart[Int(node)])
                guard patternStart >= 0 else { continue }
                for offset in 0..<Int(levelsCount[Int(node)]) {
                    wordLevels[start + offset] = max(wordLevels[start + offset], levels[patternStart + offset])
                }
            }
        }

        /// Adds the pattern on one line of the file, such as `.ad4der`.
        mutating func addPattern(_ bytes: UnsafeBufferPointer<UInt8>, from lineStart: Int, to lineEnd: Int) {
            // Pyphen strips each line, then skips blanks, comments and settings.
            var start = lineStart
            var end = lineEnd
            while start < end && Self.isASCIIWhitespace(bytes[start]) { start += 1 }
            while end > start && Self.isASCIIWhitespace(bytes[end - 1]) { end -= 1 }
            guard start < end, !Self.isIgnored(UnsafeBufferPointer(rebasing: bytes[start..<end])) else { return }
            // Letters go straight into the trie; a node left without levels matches nothing.
            var node: Int32 = 0
            scratchLevels.removeAll(keepingCapacity: true)
            scratchLevels.append(0)
            var index = start
            while index < end {
                let byte = bytes[index]
                if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                    scratchLevels[scratchLevels.count - 1] = byte - UInt8(ascii: "0")
                    index += 1
                    continue
                }
                let (scalar, length) = Self.decodeUTF8(bytes, at: index, end: end)
                node = addChild(of: node, scalar: scalar)
                scratchLevels.append(0)
                index += length
            }
            guard scratchLevels.contains(where: { $0 > 0 }) else { return }
            // A repeated pattern replaces the earlier one, as in Pyphen's dictionary.
            levelsStart[Int(node)] = Int32(levels.count)
            levelsCount[Int(node)] = Int32(scratchLevels.count)
            levels.append(contentsOf: scratchLevels)
        }

        private func child(of node: Int32, scalar: UInt32) -> Int32? {
            var candidate = firstChild[Int(node)]
            while candidate >= 0 {
                if nodeScalar[Int(candidate)] == scalar { return candidate }
                candidate = nextSibling[Int(candidate)]
            }
            return nil
        }

        private mutating func addChild(of node: Int32, scalar: UInt32) -> Int32 {
            if let existing = child(of: node, scalar: scalar) { return existing }
            let created = Int32(nodeScalar.count)
            nodeScalar.append(scalar)
            firstChild.append(-1)
            nextSibling.append(firstChild[Int(node)])
            levelsStart.append(-1)
            levelsCount.append(0)
            firstChild[Int(node)] = created
            return created
        }

        private static let ignoredPrefixes: [[UInt8]] = [
            "%", "#", "LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN", "COMPOUNDRIGHTHYPHENMIN",
        ].map { Array($0.utf8) }

        private static func isIgnored(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
            // Patterns are lowercase; only a line starting with `%`, `#` or a capital can be a comment or a setting.
            guard let first = line.first, first < UInt8(ascii: "a") else { return false }
            return ignoredPrefixes.contains { line.starts(with: $0) }
        }

        private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || (byte >= 0x09 && byte <= 0x0D)
        }

        // The scalar starting at `index` and its length in bytes; a malformed byte reads as U+FFFD.
        private static func decodeUTF8(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> (UInt32, Int) {
            let lead = bytes[index]
            let length: Int
            var value: UInt32
            switch lead {
            case 0x00..<0x80: return (UInt32(lead), 1)
            case 0xC0..<0xE0: (length, value) = (2, UInt32(lead & 0x1F))
            case 0xE0..<0xF0: (length, value) = (3, UInt32(lead & 0x0F))
            case 0xF0..<0xF8: (length, value) = (4, UInt32(lead & 0x07))
            default: return (0xFFFD, 1)
            }
            guard index + length <= end else { return (0xFFFD, 1) }
            for offset in 1..<length {
                let continuation = bytes[index + offset]
                guard continuation & 0xC0 == 0x80 else { return (0xFFFD, 1) }
                value = value << 6 | UInt32(continuation & 0x3F)
            }
            return (value, length)
        }
    }
}
