import Foundation
import Yams

extension CSVMapping {
    /// A mapping is a few dozen lines; anything over this is the wrong file.
    public static let maximumBytes = 1 << 20

    /// The keys a mapping file may have at its top level.
    static let topLevelKeys = ["columns", "timestamps", "values", "defaults", "missing", "delimiter"]

    /// Reads and checks the mapping file at `path`.
    ///
    /// Every problem is reported at once, each at its `file:line:column` with what is wrong and how to fix it:
    /// the error's ``ImportError/location`` and ``ImportError/message`` are the first, ``ImportError/moreProblems``
    /// the rest. Unknown keys and field names come with the nearest known spelling.
    public static func load(contentsOf path: String) throws(ImportError) -> CSVMapping {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw ImportError(code: .unreadable, message: "\(path): no such mapping file.")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportError(code: .unreadable, message: "\(path): cannot be read (check its permissions).")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maximumBytes + 1) ?? Data()
        } catch {
            throw ImportError(code: .unreadable, message: "\(path): cannot be read: \(error.localizedDescription)")
        }
        guard data.count <= maximumBytes else {
            throw ImportError(
                code: .configuration,
                message: "\(path) is over 1 MB; a mapping file is a few dozen lines. Is this the right file?"
            )
        }
        return try load(bytes: Array(data), file: path)
    }

    /// Reads and checks mapping YAML held in memory; `file` names it in locations.
    public static func load(bytes: [UInt8], file: String) throws(ImportError) -> CSVMapping {
        let source: SourceText
        do throws(SourceText.Problem) {
            source = try SourceText(file: file, bytes: bytes)
        } catch {
            switch error {
            case .binary(let line, let column):
                throw ImportError(
                    code: .configuration,
                    message: "this is a binary file, not a YAML mapping.",
                    location: SourceLocation(file: file, line: line, column: column)
                )
            case .invalidUTF8(let line, let column, _):
                throw ImportError(
                    code: .encoding,
                    message: "the mapping is not valid UTF-8; save it as UTF-8.",
                    location: SourceLocation(file: file, line: line, column: column)
                )
            }
        }
        return try load(source: source)
    }

    /// Reads and checks mapping YAML text.
    public static func load(yaml: String, file: String = "<mapping>") throws(ImportError) -> CSVMapping {
        try load(source: SourceText(file: file, text: yaml))
    }

    static func load(source: SourceText) throws(ImportError) -> CSVMapping {
        let file = source.file
        if let (message, location) = AliasGuard.problem(in: source) {
            throw ImportError(code: .configuration, message: message, location: location)
        }
        let root: Node
        do {
            guard let node = try Parser(yaml: source.text).singleRoot() else {
                throw ImportError(
                    code: .configuration,
                    message: "the mapping is empty; it needs at least `columns:` with `id` and `created_at`.",
                    location: SourceLocation(file: file, line: 1, column: 1)
                )
            }
            root = node
        } catch let error as ImportError {
            throw error
        } catch let error as YamlError {
            throw syntaxError(error, file: file)
        } catch {
            throw ImportError(code: .configuration, message: "the YAML cannot be read: \(error)")
        }
        let context = CharterDecodingContext(source: source, today: nil)
        let decoded = MappingDecoder(context: context).decode(root)
        var problems = context.sortedDiagnostics.filter { $0.severity == .error }
        if problems.isEmpty, let (mapping, nodes) = decoded {
            for problem in mapping.problems() {
                let place = problem.field.flatMap {
                    nodes["\(problem.section).\($0.rawValue)"] ?? nodes["columns.\($0.rawValue)"]
                }
                let path = place?.path ?? problem.field.map { "\(problem.section).\($0.rawValue)" } ?? ""
                context.error("invalid-mapping", at: place?.node ?? root, path, problem.message)
            }
            problems = context.sortedDiagnostics.filter { $0.severity == .error }
            if problems.isEmpty { return mapping }
        }
        func importError(_ diagnostic: CharterDiagnostic) -> ImportError {
            var message =
                diagnostic.keyPath.isEmpty ? diagnostic.message : "\(diagnostic.keyPath): \(diagnostic.message)"
            if let fix = diagnostic.fix { message += " \(fix)" }
            return ImportError(code: .configuration, message: message, location: diagnostic.location)
        }
        guard let first = problems.first else {
            throw ImportError(code: .configuration, message: "the mapping cannot be used.")
        }
        var error = importError(first)
        error.moreProblems = problems.dropFirst().map(importError)
        throw error
    }

    private static func syntaxError(_ error: YamlError, file: String) -> ImportError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = "YAML syntax error: \(problem)"
            if let context, !context.text.isEmpty { message += " (\(context.text))" }
            return ImportError(
                code: .configuration,
                message: message + ". Indent with spaces and quote values that hold `: ` or start with a symbol.",
                location: SourceLocation(file: file, line: max(1, mark.line), column: max(1, mark.column))
            )
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ImportError(
                code: .configuration,
                message:
                    "the key `\(duplicates.joined(separator: "`, `"))` appears twice in the same mapping; keep one.",
                location: SourceLocation(file: file, line: context.mark.line, column: context.mark.column)
            )
        default:
            return ImportError(code: .configuration, message: "the YAML cannot be read: \(error)")
        }
    }
}

/// Turns the YAML of a mapping file into a ``CSVMapping``, recording every problem in the context.
private struct MappingDecoder {
    let context: CharterDecodingContext

    static let sourceKeys = ["column", "format", "unit", "after"]
    static let timestampKeys = ["format", "timezone"]
    static var fieldNames: [String] { CSVMapping.Field.allCases.map(\.rawValue) }

    /// The mapping and, for each field, the node and key path to point at when a rule about it is broken.
    func decode(_ root: Node) -> (CSVMapping, [String: (node: Node, path: String)])? {
        guard
            let entries = context.mapping(
                root,
                "",
                expected: "a mapping file: `columns`, and optionally `timestamps`, `values`, `defaults`"
            )
        else { return nil }
        context.checkKeys(entries, allowed: CSVMapping.topLevelKeys, "")
        var mapping = CSVMapping(columns: [:])
        var nodes: [String: (node: Node, path: String)] = [:]

        if let node = entries.value("columns"), let fields = context.mapping(node, "columns", expected: "field: column")
        {
            for (key, keyNode, value) in fields {
                guard let field = field(key, keyNode, "columns") else { continue }
                nodes["columns.\(key)"] = (keyNode, "columns.\(key)")
                if let source = source(value, "columns.\(key)") { mapping.columns[field] = source }
            }
        } else if entries.value("columns") == nil {
            context.error(
                "missing-key",
                at: root,
                "columns",
                "the mapping names no columns.",
                fix: "Add `columns:` with at least `id`, `created_at` and `channel`."
            )
        }

        if let node = entries.value("timestamps"),
            let items = context.mapping(node, "timestamps", expected: "`format` and `timezone`")
        {
            context.checkKeys(items, allowed: Self.timestampKeys, "timestamps")
            if let formatNode = items.value("format"),
                let text = context.string(formatNode, "timestamps.format", expected: "a timestamp format")
            {
                let format = TimestampFormat(text)
                if check(format, formatNode, "timestamps.format") { mapping.timestampFormat = format }
            }
            if let zoneNode = items.value("timezone"),
                let zone = context.string(
                    zoneNode,
                    "timestamps.timezone",
                    expected: "an IANA zone such as Europe/Paris"
                )
            {
                if TimeZone(identifier: zone) == nil {
                    let known = TimeZone.knownTimeZoneIdentifiers
                    context.error(
                        "unknown-timezone",
                        at: zoneNode,
                        "timestamps.timezone",
                        "`\(zone)` is not a known time zone." + Suggestion.didYouMean(zone, in: known),
                        fix: "Use an IANA name such as Europe/Amsterdam, America/New_York or UTC."
                    )
                } else {
                    mapping.timezone = zone
                }
            }
        }

        if let node = entries.value("values"),
            let fields = context.mapping(node, "values", expected: "field: {written: meant, …}")
        {
            for (key, keyNode, value) in fields {
                guard let field = field(key, keyNode, "values") else { continue }
                nodes["values.\(key)"] = (keyNode, "values.\(key)")
                guard let pairs = context.mapping(value, "values.\(key)", expected: "written: meant pairs") else {
                    continue
                }
                var map: [String: String] = [:]
                for (written, _, meantNode) in pairs {
                    if context.isNull(meantNode) {
                        map[written] = ""  // `N/A: ~` means no value
                    } else if let meant = meantNode.scalar?.string {
                        map[written] = meant.trimmingCharacters(in: .whitespaces)
                    } else {
                        context.error(
                            "wrong-type",
                            at: meantNode,
                            "values.\(key).\(written)",
                            "expected the value `\(written)` stands for, found \(context.kind(of: meantNode))."
                        )
                    }
                }
                mapping.values[field] = map
            }
        }

        if let node = entries.value("defaults"),
            let fields = context.mapping(node, "defaults", expected: "field: value")
        {
            for (key, keyNode, value) in fields {
                guard let field = field(key, keyNode, "defaults") else { continue }
                nodes["defaults.\(key)"] = (keyNode, "defaults.\(key)")
                if let text = context.string(value, "defaults.\(key)", expected: "a value") {
                    mapping.defaults[field] = text
                }
            }
        }

        if let node = entries.value("missing"),
            let items = context.strings(node, "missing", expected: "the texts that mean no value")
        {
            mapping.missing = items.map(\.text)
        }

        if let node = entries.value("delimiter"), let text = node.scalar?.string {
            let named =
                ["tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";", "pipe": "|"][text.lowercased()] ?? text
            if named.utf8.count == 1, let byte = named.utf8.first, byte != UInt8(ascii: "\""), byte != 0x0A,
                byte != 0x0D
            {
                mapping.delimiter = byte
            } else {
                context.error(
                    "invalid-delimiter",
                    at: node,
                    "delimiter",
                    "`\(text)` is not one character.",
                    fix: "Write `,`, `;`, `|` or `tab`."
                )
            }
        }
        return (mapping, nodes)
    }

    private func field(_ key: String, _ keyNode: Node, _ path: String) -> CSVMapping.Field? {
        if let field = CSVMapping.Field(rawValue: key) { return field }
        let suggestion = Suggestion.closest(to: key, in: Self.fieldNames)
        context.error(
            "unknown-field",
            at: keyNode,
            "\(path).\(key)",
            "`\(key)` is not a contact field." + (suggestion.map { " Did you mean `\($0)`?" } ?? ""),
            fix: suggestion == nil ? "The fields are: \(Self.fieldNames.joined(separator: ", "))." : nil
        )
        return nil
    }

    /// A column, a list of columns, or `{column, format, unit, after}`.
    private func source(_ node: Node, _ path: String) -> CSVMapping.Source? {
        if node.mapping != nil {
            guard
                let items = context.mapping(node, path, expected: "`column`, and optionally `format`, `unit`, `after`")
            else { return nil }
            context.checkKeys(items, allowed: Self.sourceKeys, path)
            guard let columnNode = items.value("column") else {
                context.error(
                    "missing-key",
                    at: node,
                    path,
                    "names no `column`.",
                    fix: "Write `{column: <header name>}`, with `format`, `unit` or `after` beside it as needed."
                )
                return nil
            }
            guard let columns = context.strings(columnNode, "\(path).column", expected: "a column name") else {
                return nil
            }
            var source = CSVMapping.Source(columns: columns.map(\.text))
            if let formatNode = items.value("format"),
                let text = context.string(formatNode, "\(path).format", expected: "a timestamp format")
            {
                let format = TimestampFormat(text)
                if check(format, formatNode, "\(path).format") { source.format = format }
            }
            if let unitNode = items.value("unit"),
                let text = context.string(unitNode, "\(path).unit", expected: "seconds, minutes or hours")
            {
                if let unit = CSVMapping.DurationUnit(rawValue: text.lowercased()) {
                    source.unit = unit
                } else {
                    context.error(
                        "unknown-unit",
                        at: unitNode,
                        "\(path).unit",
                        "`\(text)` is not a unit."
                            + Suggestion.didYouMean(text, in: CSVMapping.DurationUnit.allCases.map(\.rawValue)),
                        fix: "Write seconds, minutes or hours."
                    )
                }
            }
            if let afterNode = items.value("after"),
                let text = context.string(afterNode, "\(path).after", expected: "a time field such as created_at")
            {
                if let after = CSVMapping.Field(rawValue: text), after.isTime {
                    source.after = after
                } else {
                    let times = CSVMapping.Field.times.map(\.rawValue)
                    context.error(
                        "unknown-field",
                        at: afterNode,
                        "\(path).after",
                        "`\(text)` is not a time field." + Suggestion.didYouMean(text, in: times),
                        fix: "Write one of \(times.joined(separator: ", "))."
                    )
                }
            }
            return source
        }
        guard let columns = context.strings(node, path, expected: "a column name, or a list of them") else {
            return nil
        }
        return CSVMapping.Source(columns: columns.map(\.text))
    }

    /// Whether a timestamp format can be read; reports it at `node` when not.
    private func check(_ format: TimestampFormat, _ node: Node, _ path: String) -> Bool {
        do throws(ImportError) {
            _ = try format.reader(in: TimeZone(identifier: "UTC")!)
            return true
        } catch {
            context.error("invalid-format", at: node, path, error.message)
            return false
        }
    }
}
