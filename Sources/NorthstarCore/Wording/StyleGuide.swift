import Foundation
import Yams

/// The word lists `northstar lint` checks against: Northstar's own, plus a team's style file.
///
/// A style file is YAML:
///
/// ```yaml
/// banned:                 # words the team never uses in its statements (alert: error)
///   - synergy
///   - ticket: customers say "request"
/// preferred:              # use the word on the right instead (alert: suggestion)
///   client: customer
/// disable: [passive-voice] # rule ids to switch off
/// ```
public struct StyleGuide: Sendable {
    let fluff: WordList
    let jargon: WordList
    let wordy: WordList
    let loopholes: WordList
    let vagueVerbs: WordList
    let visibleVerbs: WordList
    let outcomeWords: WordList
    let customerNouns: WordList
    let acronyms: Set<String>
    let toneLists: [Tone: WordList]
    let banned: WordList
    let preferred: WordList
    /// Rule ids switched off by the team.
    public let disabledRules: Set<String>

    /// Northstar's lists with nothing added.
    public static let standard = StyleGuide(
        banned: WordList(name: "banned", entries: []),
        preferred: WordList(name: "preferred", entries: []),
        disabledRules: []
    )

    init(banned: WordList, preferred: WordList, disabledRules: Set<String>) {
        fluff = .bundled("fluff")
        jargon = .bundled("jargon")
        wordy = .bundled("wordy")
        loopholes = .bundled("loopholes")
        vagueVerbs = .bundled("vague-verbs")
        visibleVerbs = .bundled("visible-verbs")
        outcomeWords = .bundled("outcome-words")
        customerNouns = .bundled("customer-nouns")
        acronyms = Set(WordList.bundled("acronyms").entries.map(\.phrase))
        toneLists = [
            .friendly: .bundled("tone-friendly"), .expert: .bundled("tone-expert"), .calm: .bundled("tone-calm"),
        ]
        self.banned = banned
        self.preferred = preferred
        self.disabledRules = disabledRules
    }

    /// Every rule id an alert can carry, for `disable:` validation and docs.
    public static let ruleIDs = [
        "fluff", "jargon", "wordy", "loophole", "vague-verb", "passive-voice", "tone", "exclamation", "shouting",
        "scare-quotes", "capitalization", "long-sentence", "banned", "preferred", "untraced-phrase",
        "unstated-promise", "says-not-found",
    ]

    /// Reads a team's style file and adds it to Northstar's lists.
    public static func load(contentsOf path: String) throws(WordingError) -> StyleGuide {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WordingError(code: .unreadable, message: "\(path): the style file cannot be read (does it exist?).")
        }
        guard data.count <= 1 << 20 else {
            throw WordingError(code: .unreadable, message: "\(path): a style file is at most 1 MB.")
        }
        let source: SourceText
        do throws(SourceText.Problem) {
            source = try SourceText(file: path, bytes: data)
        } catch {
            switch error {
            case .binary(let line, let column), .invalidUTF8(let line, let column, _):
                throw WordingError(
                    code: .invalidStyle,
                    message: "the style file is not UTF-8 text.",
                    location: SourceLocation(file: path, line: line, column: column)
                )
            }
        }
        return try parse(source)
    }

    /// Parses style-file text.
    public static func parse(_ source: SourceText) throws(WordingError) -> StyleGuide {
        func failure(_ node: Node?, _ message: String) -> WordingError {
            let mark = node?.mark
            return WordingError(
                code: .invalidStyle,
                message: message,
                location: SourceLocation(file: source.file, line: mark?.line ?? 1, column: mark?.column ?? 1)
            )
        }
        let root: Node?
        do {
            root = try Parser(yaml: source.text).singleRoot()
        } catch let error as YamlError {
            if case .scanner(_, let problem, let mark, _) = error {
                throw WordingError(
                    code: .invalidStyle,
                    message: "YAML syntax error: \(problem).",
                    location: SourceLocation(file: source.file, line: mark.line, column: mark.column)
                )
            }
            if case .parser(_, let problem, let mark, _) = error {
                throw WordingError(
                    code: .invalidStyle,
                    message: "YAML syntax error: \(problem).",
                    location: SourceLocation(file: source.file, line: mark.line, column: mark.column)
                )
            }
            throw WordingError(code: .invalidStyle, message: "the style file is not valid YAML: \(error)")
        } catch {
            throw WordingError(code: .invalidStyle, message: "the style file is not valid YAML: \(error)")
        }
        guard let root else { return .standard }
        guard let mapping = root.mapping else {
            throw failure(root, "a style file is a mapping with `banned`, `preferred` and `disable`.")
        }
        var banned: [WordList.Entry] = []
        var preferred: [WordList.Entry] = []
        var disabled: Set<String> = []
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? ""
            switch key {
            case "banned":
                guard let items = value.sequence else {
                    throw failure(value, "`banned` is a list of words, each optionally `word: reason`.")
                }
                for item in items {
                    if let word = item.scalar?.string, !word.isEmpty {
                        banned.append(WordList.Entry(phrase: word, advice: nil))
                    } else if let pair = item.mapping, pair.count == 1, let (wordNode, reasonNode) = pair.first,
                        let word = wordNode.scalar?.string, let reason = reasonNode.scalar?.string
                    {
                        banned.append(WordList.Entry(phrase: word, advice: reason))
                    } else {
                        throw failure(item, "each banned entry is a word, or `word: reason`.")
                    }
                }
            case "preferred":
                guard let pairs = value.mapping else {
                    throw failure(value, "`preferred` maps a word to the word to use instead: `client: customer`.")
                }
                for (wordNode, replacementNode) in pairs {
                    guard let word = wordNode.scalar?.string, let replacement = replacementNode.scalar?.string,
                        !replacement.isEmpty
                    else {
                        throw failure(wordNode, "each preferred entry is `word: replacement`.")
                    }
                    preferred.append(WordList.Entry(phrase: word, advice: replacement))
                }
            case "disable":
                let items = value.sequence.map(Array.init) ?? [value]
                for item in items {
                    guard let name = item.scalar?.string else {
                        throw failure(item, "`disable` lists rule ids such as passive-voice.")
                    }
                    guard ruleIDs.contains(name) else {
                        throw failure(item, "unknown rule `\(name)`.\(Suggestion.didYouMean(name, in: ruleIDs))")
                    }
                    disabled.insert(name)
                }
            default:
                throw failure(
                    keyNode,
                    "unknown key `\(key)`.\(Suggestion.didYouMean(key, in: ["banned", "preferred", "disable"])) A style file has `banned`, `preferred` and `disable`."
                )
            }
        }
        return StyleGuide(
            banned: WordList(name: "banned", entries: banned),
            preferred: WordList(name: "preferred", entries: preferred),
            disabledRules: disabled
        )
    }
}
