import Foundation
import Yams

/// The state of one charter read: the source for locations, and the problems found so far.
///
/// Decoding never stops at the first problem: each step records what is wrong and carries on with
/// what it can still understand, so the author sees every problem at once.
final class CharterDecodingContext {
    let source: SourceText
    let today: LocalDate?
    private(set) var diagnostics: [CharterDiagnostic] = []
    private let lineStarts: [String.Index]

    /// A charter is a few hundred nodes; anchors and aliases that multiply it past this are an attack
    /// or an accident, and walking them would take exponential time.
    static let maximumNodes = 100_000
    private(set) var visitedNodes = 0

    init(source: SourceText, today: LocalDate?) {
        self.source = source
        self.today = today
        var starts = [source.text.startIndex]
        var index = source.text.startIndex
        while let newline = source.text[index...].firstIndex(of: "\n") {
            index = source.text.index(after: newline)
            starts.append(index)
        }
        self.lineStarts = starts
    }

    var hasErrors: Bool { errorCount > 0 }

    var errorCount: Int { diagnostics.reduce(0) { $0 + ($1.severity == .error ? 1 : 0) } }

    // MARK: Reporting

    func location(_ node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(file: source.file, line: 1, column: 1) }
        return SourceLocation(file: source.file, line: mark.line, column: mark.column)
    }

    func error(_ code: String, at node: Node?, _ path: String, _ message: String, fix: String? = nil) {
        report(.error, code, at: node, path, message, fix: fix)
    }

    func warning(_ code: String, at node: Node?, _ path: String, _ message: String, fix: String? = nil) {
        report(.warning, code, at: node, path, message, fix: fix)
    }

    private func report(
        _ severity: CharterDiagnostic.Severity,
        _ code: String,
        at node: Node?,
        _ path: String,
        _ message: String,
        fix: String?
    ) {
        diagnostics.append(
            CharterDiagnostic(
                severity: severity,
                code: code,
                location: location(node),
                keyPath: path,
                message: message,
                fix: fix
            )
        )
    }

    /// Diagnostics in file order, errors before warnings at the same place.
    var sortedDiagnostics: [CharterDiagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let l = lhs.element
            let r = rhs.element
            if l.location.line != r.location.line { return l.location.line < r.location.line }
            if l.location.column != r.location.column { return l.location.column < r.location.column }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// Counts a visited node; `false` once the walk has gone on too long to be a real charter.
    func visit() -> Bool {
        visitedNodes += 1
        return visitedNodes <= Self.maximumNodes
    }

    // MARK: Shapes

    /// The entries of a mapping with string keys, or `nil` (reported) when the node is something else.
    func mapping(_ node: Node, _ path: String, expected: String) -> [(key: String, keyNode: Node, value: Node)]? {
        guard visit() else { return nil }
        guard let mapping = node.mapping else {
            if isNull(node) {
                error("missing-value", at: node, path, "is empty; expected \(expected).")
            } else {
                error("wrong-type", at: node, path, "expected \(expected), found \(kind(of: node)).")
            }
            return nil
        }
        var entries: [(String, Node, Node)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                error("wrong-type", at: keyNode, path, "keys must be plain words, found \(kind(of: keyNode)).")
                continue
            }
            entries.append((key, keyNode, value))
        }
        return entries
    }

    /// Reports keys that are not allowed, with the nearest allowed spelling.
    func checkKeys(_ entries: [(key: String, keyNode: Node, value: Node)], allowed: [String], _ path: String) {
        for entry in entries where !allowed.contains(entry.key) {
            let suggestion = Suggestion.closest(to: entry.key, in: allowed)
            error(
                "unknown-key",
                at: entry.keyNode,
                join(path, entry.key),
                "unknown key `\(entry.key)`." + (suggestion.map { " Did you mean `\($0)`?" } ?? ""),
                fix: suggestion == nil ? "Allowed here: \(allowed.joined(separator: ", "))." : nil
            )
        }
    }

    /// The items of a sequence, or `nil` (reported) when the node is something else.
    func sequence(_ node: Node, _ path: String, expected: String) -> [Node]? {
        guard visit() else { return nil }
        guard let sequence = node.sequence else {
            error("wrong-type", at: node, path, "expected \(expected), found \(kind(of: node)).")
            return nil
        }
        return Array(sequence)
    }

    /// A scalar's text, or `nil` (reported) when the node is missing, null or not a scalar.
    func string(_ node: Node, _ path: String, expected: String = "a text value") -> String? {
        guard visit() else { return nil }
        guard let scalar = node.scalar, !isNull(node) else {
            if isNull(node) {
                error("missing-value", at: node, path, "is empty; expected \(expected).")
            } else {
                error("wrong-type", at: node, path, "expected \(expected), found \(kind(of: node)).")
            }
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
            error("missing-value", at: node, path, "is empty; expected \(expected).")
            return nil
        }
        return text
    }

    /// One text or a list of texts (`tier: enterprise` or `tier: [standard, smb]`).
    func strings(_ node: Node, _ path: String, expected: String) -> [(text: String, node: Node)]? {
        if node.sequence != nil {
            guard let items = sequence(node, path, expected: expected) else { return nil }
            if items.isEmpty {
                error("missing-value", at: node, path, "is an empty list; expected \(expected).")
                return nil
            }
            var result: [(String, Node)] = []
            for (index, item) in items.enumerated() {
                if let text = string(item, "\(path)[\(index)]", expected: expected) { result.append((text, item)) }
            }
            return result
        }
        guard let text = string(node, path, expected: expected) else { return nil }
        return [(text, node)]
    }

    func integer(_ node: Node, _ path: String, minimum: Int, expected: String) -> Int? {
        guard let text = string(node, path, expected: expected) else { return nil }
        guard let value = Int(text) else {
            error("invalid-number", at: node, path, "`\(text)` is not a whole number; expected \(expected).")
            return nil
        }
        guard value >= minimum else {
            error("out-of-range", at: node, path, "\(value) is too small; expected \(expected).")
            return nil
        }
        return value
    }

    func date(_ node: Node, _ path: String) -> LocalDate? {
        guard let text = string(node, path, expected: "a date such as 2026-12-25") else { return nil }
        switch LocalDate.parse(text) {
        case .success(let date):
            return date
        case .failure(.malformed):
            error(
                "invalid-date",
                at: node,
                path,
                "`\(text)` is not a date.",
                fix: "Write dates as YYYY-MM-DD, e.g. 2026-12-25."
            )
        case .failure(.impossible(let reason)):
            error("impossible-date", at: node, path, "`\(text)` does not exist: \(reason).")
        }
        return nil
    }

    func share(_ node: Node, _ path: String) -> Share? {
        guard let text = string(node, path, expected: "a share such as 90% or 0.9") else { return nil }
        switch Share.parse(text) {
        case .success(let share):
            return share
        case .failure(.notANumber):
            error("invalid-share", at: node, path, "`\(text)` is not a share.", fix: "Write a share as 90% or 0.9.")
        case .failure(.ambiguousWholeNumber(let value)) where value > 100:
            // No reading makes this a share, as a fraction or as a percentage: say so rather than "ambiguous".
            error("out-of-range", at: node, path, "`\(text)` is not a share: a share runs from 0% to 100%.")
        case .failure(.ambiguousWholeNumber(let value)):
            let percent = value == value.rounded() ? "\(Int(value))" : "\(value)"
            error(
                "invalid-share",
                at: node,
                path,
                "`\(text)` is ambiguous: a share is between 0 and 1.",
                fix: "Write \(percent)% if you mean percent."
            )
        }
        return nil
    }

    func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    func kind(of node: Node) -> String {
        if node.mapping != nil { return "a mapping (key: value pairs)" }
        if node.sequence != nil { return "a list" }
        if isNull(node) { return "nothing" }
        return "the text `\(node.scalar?.string.prefix(40) ?? "")`"
    }

    func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    // MARK: Statements

    /// A scalar's text with the file location of each of its characters.
    ///
    /// YAML folds and unquotes text, so positions are found by walking the value and the source side by
    /// side: each visible character of the value is the next equal character of the source; blanks in the
    /// value match any run of blanks and line breaks in the source.
    func statement(_ node: Node, _ path: String, expected: String) -> Statement? {
        guard let text = string(node, path, expected: expected), let mark = node.mark,
            mark.line - 1 < lineStarts.count
        else { return nil }
        let sourceText = source.text
        var cursor = lineStarts[mark.line - 1]
        var column = 1
        while column < mark.column, cursor < sourceText.endIndex, sourceText[cursor] != "\n" {
            column += sourceText[cursor].unicodeScalars.count
            cursor = sourceText.index(after: cursor)
        }
        var line = mark.line
        if let style = node.scalar?.style, style == .literal || style == .folded,
            let newline = sourceText[cursor...].firstIndex(of: "\n")
        {
            // A block scalar's mark is its `>` or `|` indicator; the text starts on the next line.
            cursor = sourceText.index(after: newline)
            line += 1
            column = 1
        }
        var locations: [SourceLocation] = []
        locations.reserveCapacity(text.count)
        func advance() {
            if sourceText[cursor] == "\n" {
                line += 1
                column = 1
            } else {
                column += sourceText[cursor].unicodeScalars.count
            }
            cursor = sourceText.index(after: cursor)
        }
        for character in text {
            if character.isWhitespace {
                locations.append(SourceLocation(file: source.file, line: line, column: column))
                if cursor < sourceText.endIndex, sourceText[cursor].isWhitespace { advance() }
                continue
            }
            // Skip quotes, escapes and indentation until the character itself; give up after a short
            // look-ahead (an escape such as \u00e9) and keep the last known place.
            var probe = cursor
            var probeLine = line
            var probeColumn = column
            var steps = 0
            while probe < sourceText.endIndex, sourceText[probe] != character, steps < 16 {
                if sourceText[probe] == "\n" {
                    probeLine += 1
                    probeColumn = 1
                } else {
                    probeColumn += sourceText[probe].unicodeScalars.count
                }
                probe = sourceText.index(after: probe)
                steps += 1
            }
            if probe < sourceText.endIndex, sourceText[probe] == character {
                cursor = probe
                line = probeLine
                column = probeColumn
                locations.append(SourceLocation(file: source.file, line: line, column: column))
                advance()
            } else {
                locations.append(SourceLocation(file: source.file, line: line, column: column))
            }
        }
        return Statement(text: text, characterLocations: locations)
    }
}

extension Array where Element == (key: String, keyNode: Node, value: Node) {
    /// The value of `key` in a mapping's entries.
    func value(_ key: String) -> Node? { first { $0.key == key }?.value }

    /// The node of `key` itself, for reporting at the key.
    func keyNode(_ key: String) -> Node? { first { $0.key == key }?.keyNode }
}
