/// A line diff of two texts by longest common subsequence, for a proposed charter against the approved one: the
/// lines both keep, the lines only the old one has, and the lines only the new one has, in reading order.
enum LineDiff {
    /// One line of the diff.
    enum Line: Equatable, Sendable {
        /// In both texts.
        case same(String)
        /// Only in the old text.
        case removed(String)
        /// Only in the new text.
        case added(String)
    }

    /// The most cells the LCS table may have once the common start and end are set aside: a charter is a few
    /// hundred lines, so this only stops a pathological pair from taking the server's memory.
    static let maximumCells = 4_000_000

    /// The diff from `old` to `new`, or `nil` when their differing middles are too large to compare.
    static func lines(from old: String, to new: String) -> [Line]? {
        lines(from: split(old), to: split(new))
    }

    /// The diff of two lists of lines.
    static func lines(from old: [String], to new: [String]) -> [Line]? {
        // The common start and end need no table; most changes to a charter touch a few lines in the middle.
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
            old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
        {
            suffix += 1
        }
        let a = Array(old[prefix..<(old.count - suffix)])
        let b = Array(new[prefix..<(new.count - suffix)])
        guard (a.count + 1) * (b.count + 1) <= maximumCells else { return nil }
        // lengths[i][j]: the LCS length of a[i...] and b[j...], kept in one flat array.
        let width = b.count + 1
        var lengths = [Int](repeating: 0, count: (a.count + 1) * width)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i * width + j] =
                    a[i] == b[j]
                    ? lengths[(i + 1) * width + j + 1] + 1
                    : max(lengths[(i + 1) * width + j], lengths[i * width + j + 1])
            }
        }
        var result = old[..<prefix].map { Line.same($0) }
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                result.append(.same(a[i]))
                i += 1
                j += 1
            } else if i < a.count, j == b.count || lengths[(i + 1) * width + j] >= lengths[i * width + j + 1] {
                // On a tie the removal goes first, as `diff` prints a changed line: the old, then the new.
                result.append(.removed(a[i]))
                i += 1
            } else {
                result.append(.added(b[j]))
                j += 1
            }
        }
        result += old[(old.count - suffix)...].map { Line.same($0) }
        return result
    }

    /// The lines of a text; a final line break ends the last line rather than starting an empty one.
    static func split(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        // "\r\n" is one Character in Swift, so it is a separator of its own.
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.map(String.init)
        if text.last == "\n" || text.last == "\r\n" { lines.removeLast() }
        return lines
    }
}
