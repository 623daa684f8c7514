/// Finds passive constructions: a form of "be" (or "get"), optionally an adverb, then a past participle
/// ("is confirmed", "are being handled", "was quickly resolved").
///
/// A few participles that are really adjectives of state ("it is done", "we are open") are not flagged:
/// a careful editor would not rewrite them.
enum PassiveVoiceDetector {
    private static let auxiliaries: Set<String> = [
        "is", "are", "was", "were", "be", "been", "being", "am", "get", "gets", "got", "gotten", "it's", "they're",
        "we're", "you're",
    ]
    private static let irregular: Set<String> = [
        "made", "given", "taken", "known", "seen", "shown", "sent", "built", "kept", "held", "told", "paid", "met",
        "set", "put", "found", "brought", "bought", "caught", "taught", "thought", "written", "spoken", "chosen",
        "driven", "broken", "forgotten", "hidden", "eaten", "fallen", "frozen", "proven", "shaken", "stolen", "woken",
        "beaten", "bitten", "ridden", "risen", "shown", "sworn", "torn", "worn", "born", "drawn", "grown", "thrown",
        "flown", "overtaken", "undertaken", "overseen", "mistaken", "forgiven", "understood", "led", "left", "lost",
        "sold", "won", "run",
        "heard", "read", "understood", "met", "dealt", "handled",
    ]
    private static let stative: Set<String> = [
        "done", "gone", "finished", "over", "sorted", "open", "closed", "based", "located", "used", "able", "supposed",
        "interested", "pleased", "happy", "tired", "bored", "excited", "worried", "concerned", "involved", "qualified",
        "experienced", "skilled", "trained", "licensed", "certified", "welcome",
    ]
    private static let notParticiples: Set<String> = [
        "need", "bed", "red", "feed", "speed", "seed", "shed", "ten", "often", "when", "then",
    ]

    /// The ranges of passive constructions in the tokens.
    static func find(in tokens: [WordToken]) -> [Range<String.Index>] {
        var found: [Range<String.Index>] = []
        var coveredUntil = -1
        for (index, token) in tokens.enumerated() where auxiliaries.contains(token.lowered) && index > coveredUntil {
            var next = index + 1
            if next < tokens.count, tokens[next].lowered.hasSuffix("ly"), tokens[next].gapBefore.isEmpty { next += 1 }
            if next < tokens.count, tokens[next].lowered == "being" { next += 1 }
            guard next < tokens.count, tokens[next].gapBefore.isEmpty else { continue }
            let word = tokens[next].lowered
            guard isParticiple(word), !stative.contains(word) else { continue }
            found.append(token.range.lowerBound..<tokens[next].range.upperBound)
            // "are being handled" is one construction: "being handled" inside it is not another.
            coveredUntil = next
        }
        return found
    }

    static func isParticiple(_ word: String) -> Bool {
        if irregular.contains(word) { return true }
        if notParticiples.contains(word) || word.count < 4 { return false }
        // Regular participles end in -ed; -en participles (taken, written) are listed, because most -en
        // words are not participles (between, even, open, often).
        return word.hasSuffix("ed")
    }
}
