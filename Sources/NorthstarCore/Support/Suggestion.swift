/// "Did you mean …?" for unknown keys and names: the closest known spelling by edit distance.
package enum Suggestion {
    /// The candidate closest to `word`, if it is close enough to be a plausible typo.
    ///
    /// Close enough means an edit distance of at most a third of the longer word (at least 1, at most 3),
    /// or that one is a prefix of the other: `promsies` → `promises`, `calender` → `calendars`.
    package static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let lowered = word.lowercased()
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if best == nil || distance < best!.distance {
                best = (candidate, distance)
            }
        }
        guard let best else { return nil }
        let longest = max(lowered.count, best.candidate.count)
        let allowed = min(3, max(1, longest / 3))
        if best.distance <= allowed { return best.candidate }
        let target = best.candidate.lowercased()
        if lowered.count >= 3, target.hasPrefix(lowered) || lowered.hasPrefix(target) { return best.candidate }
        return nil
    }

    /// `"; did you mean `x`?"` or an empty string, for building messages.
    package static func didYouMean(_ word: String, in candidates: some Sequence<String>) -> String {
        guard let match = closest(to: word, in: candidates) else { return "" }
        return " Did you mean `\(match)`?"
    }

    /// Optimal string alignment distance: Levenshtein plus transpositions of neighbours (`teh` → `the`).
    package static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
