import Testing

@testable import NorthstarServer

@Suite("The line diff of a proposal against the charter in force")
struct LineDiffTests {
    /// Diffs written out by hand, as `diff` prints them (a changed line: the old, then the new).
    static let cases: [(String, String, [LineDiff.Line])] = [
        ("", "", []),
        ("a\n", "a\n", [.same("a")]),
        ("", "a\nb\n", [.added("a"), .added("b")]),
        ("a\nb\n", "", [.removed("a"), .removed("b")]),
        ("a\nb\nc\n", "a\nc\n", [.same("a"), .removed("b"), .same("c")]),
        ("a\nc\n", "a\nb\nc\n", [.same("a"), .added("b"), .same("c")]),
        ("a\nb\nc\n", "a\nx\nc\n", [.same("a"), .removed("b"), .added("x"), .same("c")]),
        ("a\nb\n", "b\na\n", [.removed("a"), .same("b"), .added("a")]),
        ("a\r\nb\r\n", "a\nb", [.same("a"), .same("b")]),
        (
            "x\na\nb\nc\ny\n", "x\nb\nc\nd\ny\n",
            [.same("x"), .removed("a"), .same("b"), .same("c"), .added("d"), .same("y")]
        ),
    ]

    @Test("small diffs come out as written by hand", arguments: cases)
    func handWritten(_ old: String, _ new: String, _ expected: [LineDiff.Line]) {
        #expect(LineDiff.lines(from: old, to: new) == expected)
    }

    @Test("on random texts the diff rebuilds both sides and keeps a longest common subsequence")
    func randomTexts() throws {
        var generator = LineDiffRandom(seed: 2_026)
        for _ in 0..<300 {
            let old = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                ["a", "b", "c", "d"].randomElement(using: &generator)!
            }
            let new = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                ["a", "b", "c", "d"].randomElement(using: &generator)!
            }
            let diff = try #require(LineDiff.lines(from: old, to: new))
            let rebuiltOld = diff.compactMap { line -> String? in
                switch line {
                case .same(let text), .removed(let text): text
                case .added: nil
                }
            }
            let rebuiltNew = diff.compactMap { line -> String? in
                switch line {
                case .same(let text), .added(let text): text
                case .removed: nil
                }
            }
            #expect(rebuiltOld == old)
            #expect(rebuiltNew == new)
            let kept = diff.filter { if case .same = $0 { true } else { false } }.count
            #expect(kept == Self.longestCommonSubsequence(old[...], new[...]), "\(old) → \(new)")
        }
    }

    @Test("two huge, wholly different texts are not compared")
    func tooLarge() {
        let old = (0..<3_000).map { "old \($0)" }
        let new = (0..<3_000).map { "new \($0)" }
        #expect(LineDiff.lines(from: old, to: new) == nil)
        // The same size with one change in the middle is cheap: the common start and end need no table.
        var changed = old
        changed[1_500] = "changed"
        #expect(LineDiff.lines(from: old, to: changed)?.count == 3_001)
    }

    /// The LCS length by plain recursion over the first elements, memoised: an independent oracle.
    static func longestCommonSubsequence(_ a: ArraySlice<String>, _ b: ArraySlice<String>) -> Int {
        var memo: [Int: Int] = [:]
        func length(_ i: Int, _ j: Int) -> Int {
            if i == a.endIndex || j == b.endIndex { return 0 }
            let key = i * 1_000 + j
            if let known = memo[key] { return known }
            let value = a[i] == b[j] ? 1 + length(i + 1, j + 1) : max(length(i + 1, j), length(i, j + 1))
            memo[key] = value
            return value
        }
        return length(a.startIndex, b.startIndex)
    }
}

/// A seeded generator, so the random cases are the same on every run.
struct LineDiffRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
