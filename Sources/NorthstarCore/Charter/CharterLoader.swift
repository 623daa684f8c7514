import Foundation
import Yams

/// Reads and validates charter files.
///
/// Every problem is reported at once, each with `file:line:column`, the key path, what is wrong and
/// how to fix it. Hostile input (binary files, invalid UTF-8, huge or deeply nested YAML, alias
/// bombs) ends in a ``CharterError`` with a location, never in a crash or a hang.
public enum CharterLoader {
    /// A charter is a few kilobytes; anything over this is the wrong file or an attack.
    public static let maximumBytes = 1 << 20

    /// A charter that passed validation, with the warnings it still deserves.
    public struct Result: Sendable {
        /// The charter.
        public let charter: Charter
        /// Problems that do not stop the charter from being used.
        public let warnings: [CharterDiagnostic]
        /// The source text, for tools that point into it.
        public let source: SourceText
    }

    /// Reads and validates the charter at `path`.
    ///
    /// - Parameter today: the date used for "overdue" and "in the future" checks; `nil` skips them.
    public static func load(
        contentsOf path: String,
        today: LocalDate? = LocalDate.today()
    ) throws(CharterError) -> Result {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CharterError(code: .unreadable, message: "\(path): no such file. Create one with `northstar init`.")
        }
        guard !isDirectory.boolValue else {
            throw CharterError(code: .unreadable, message: "\(path) is a directory; give the charter's YAML file.")
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = (attributes?[.size] as? NSNumber)?.intValue, size > maximumBytes {
            throw tooLarge(file: path, bytes: size)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CharterError(code: .unreadable, message: "\(path): cannot be read (check its permissions).")
        }
        defer { try? handle.close() }
        // Read one byte past the limit so a file that grew after the size check is still refused.
        let data: Data
        do {
            data = try handle.read(upToCount: maximumBytes + 1) ?? Data()
        } catch {
            throw CharterError(code: .unreadable, message: "\(path): cannot be read: \(error.localizedDescription)")
        }
        return try load(bytes: data, file: path, today: today)
    }

    /// Validates charter bytes; `file` names them in locations.
    public static func load(
        bytes: some Collection<UInt8>,
        file: String,
        today: LocalDate? = LocalDate.today()
    ) throws(CharterError) -> Result {
        if bytes.count > maximumBytes { throw tooLarge(file: file, bytes: bytes.count) }
        let source: SourceText
        do throws(SourceText.Problem) {
            source = try SourceText(file: file, bytes: bytes)
        } catch {
            switch error {
            case .binary(let line, let column):
                throw CharterError(
                    code: .binary,
                    message: "this is a binary file (a NUL byte), not a YAML charter. Check the file name.",
                    location: SourceLocation(file: file, line: line, column: column)
                )
            case .invalidUTF8(let line, let column, let byte):
                throw CharterError(
                    code: .invalidEncoding,
                    message: "the file is not valid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true))). "
                        + "Save it as UTF-8 and try again.",
                    location: SourceLocation(file: file, line: line, column: column)
                )
            }
        }
        return try load(source: source, today: today)
    }

    /// Validates charter text.
    public static func load(source: SourceText, today: LocalDate? = LocalDate.today()) throws(CharterError) -> Result {
        let hasContent = source.text.split(separator: "\n").contains { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return !trimmed.isEmpty && !trimmed.hasPrefix("#") && trimmed != "---" && trimmed != "..."
        }
        guard hasContent else {
            throw CharterError(
                code: .empty,
                message: "the charter is empty. Start from a template with `northstar init`.",
                location: SourceLocation(file: source.file, line: 1, column: 1)
            )
        }
        if let (message, location) = AliasGuard.problem(in: source) {
            throw CharterError(code: .syntax, message: message, location: location)
        }
        let root: Node
        do {
            guard let node = try Parser(yaml: source.text).singleRoot() else {
                throw CharterError(
                    code: .empty,
                    message: "the charter is empty. Start from a template with `northstar init`."
                )
            }
            root = node
        } catch let error as CharterError {
            throw error
        } catch let error as YamlError {
            throw syntaxError(error, file: source.file)
        } catch {
            throw CharterError(code: .syntax, message: "the YAML cannot be read: \(error)", location: nil)
        }
        let context = CharterDecodingContext(source: source, today: today)
        let charter = CharterDecoder(context: context).decode(root)
        let diagnostics = context.sortedDiagnostics
        let errors = diagnostics.filter { $0.severity == .error }
        guard let charter, errors.isEmpty else {
            let count = errors.count
            throw CharterError(
                code: .invalid,
                message: "\(source.file) has \(count) problem\(count == 1 ? "" : "s") to fix.",
                diagnostics: diagnostics
            )
        }
        return Result(charter: charter, warnings: diagnostics, source: source)
    }

    private static func tooLarge(file: String, bytes: Int) -> CharterError {
        let megabytes = (Double(bytes) / 1_048_576 * 10).rounded() / 10
        return CharterError(
            code: .tooLarge,
            message:
                "\(file) is \(megabytes) MB; a charter is at most 1 MB (a few kilobytes is typical). Is this the right file?"
        )
    }

    /// Turns a libYAML error into one line with a location and, for the usual mistakes, a fix.
    private static func syntaxError(_ error: YamlError, file: String) -> CharterError {
        func located(_ mark: Mark, _ context: YamlError.Context?, _ problem: String) -> CharterError {
            if problem.contains("Maximum nesting level") {
                return CharterError(
                    code: .syntax,
                    message: "the YAML nests more than 1,000 levels deep; a charter nests a few levels.",
                    location: SourceLocation(file: file, line: max(1, mark.line), column: max(1, mark.column)),
                    cause: error
                )
            }
            var message = "YAML syntax error: \(problem)"
            if let context, !context.text.isEmpty { message += " (\(context.text))" }
            message += hint(for: problem)
            return CharterError(
                code: .syntax,
                message: message,
                location: SourceLocation(file: file, line: max(1, mark.line), column: max(1, mark.column)),
                cause: error
            )
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return located(mark, context, problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let first = SourceLocation(file: file, line: context.mark.line, column: context.mark.column)
            let repeated = repeatedKey(key, after: first, in: context.text) ?? first
            let also = repeated == first ? "" : " (first at line \(first.line))"
            return CharterError(
                code: .syntax,
                message:
                    "the key `\(duplicates.joined(separator: "`, `"))` appears twice in the same mapping\(also). Keep one.",
                location: repeated,
                cause: error
            )
        case .reader(let problem, let offset, _, let yaml):
            // Yams reports the reader's offset in characters of the text it was given.
            let location = offset.map { offset in
                let index = yaml.index(yaml.startIndex, offsetBy: offset, limitedBy: yaml.endIndex) ?? yaml.endIndex
                let scalars = yaml.unicodeScalars.distance(from: yaml.unicodeScalars.startIndex, to: index)
                return SourceText(file: file, text: yaml).location(ofScalarOffset: scalars)
            }
            return CharterError(
                code: .syntax,
                message: "YAML cannot be read: \(problem).",
                location: location,
                cause: error
            )
        default:
            return CharterError(code: .syntax, message: "YAML cannot be read: \(error)", cause: error)
        }
    }

    /// Where a duplicated key appears again: the next line indented like the first, or later on the same
    /// line in a flow mapping. Yams reports only the first occurrence, but the repeat is what to delete.
    private static func repeatedKey(_ key: String, after first: SourceLocation, in yaml: String) -> SourceLocation? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.line <= lines.count, !key.isEmpty else { return nil }
        let sameLine = Array(lines[first.line - 1])
        let pattern = Array(key)
        var index = first.column - 1 + pattern.count
        while index + pattern.count < sameLine.count {
            let before = sameLine[index - 1]
            if before == "," || before == "{" || before == " ",
                Array(sameLine[index..<index + pattern.count]) == pattern,
                sameLine[(index + pattern.count)...].drop(while: { $0 == " " }).first == ":"
            {
                return SourceLocation(file: first.file, line: first.line, column: index + 1)
            }
            index += 1
        }
        for lineIndex in first.line..<lines.count {
            let line = lines[lineIndex]
            let indentation = line.prefix { $0 == " " }.count
            guard indentation == first.column - 1 else { continue }
            let rest = line.dropFirst(indentation)
            if rest.hasPrefix(key), rest.dropFirst(key.count).drop(while: { $0 == " " }).first == ":" {
                return SourceLocation(file: first.file, line: lineIndex + 1, column: indentation + 1)
            }
        }
        return nil
    }

    private static func hint(for problem: String) -> String {
        if problem.contains("cannot start any token") {
            return ". YAML indents with spaces, never tabs; a value starting with @ or ` must be quoted."
        }
        if problem.contains("mapping values are not allowed") {
            return ". A value that contains `: ` must be quoted, or a key is indented wrongly."
        }
        if problem.contains("could not find expected ':'") {
            return ". A key is missing its colon, or a quote is not closed on the line before."
        }
        if problem.contains("did not find expected key") || problem.contains("did not find expected '-'") {
            return ". Check the indentation: items of one list or mapping line up in the same column."
        }
        if problem.contains("tab character") {
            return ". YAML indents with spaces, never tabs."
        }
        if problem.contains("expected ',' or ']'") || problem.contains("expected ',' or '}'") {
            return ". A `[` or `{` is not closed, or an item needs quotes."
        }
        if problem.contains("found undefined alias") {
            return ". Every *alias needs an &anchor defined before it."
        }
        return "."
    }
}

extension LocalDate {
    /// Today's date in the machine's time zone.
    public static func today() -> LocalDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return LocalDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)!
    }
}
