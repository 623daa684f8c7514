/// Contacts sent as JSON objects whose keys are the canonical CSV columns (docs/metrics.md), as a JSON array or
/// as newline-delimited JSON: how `POST /api/contacts` reads its body. Each object is checked with the canonical
/// CSV rules (``CanonicalCSVImporter/contact(fields:)``); values may be strings, numbers, booleans or null (an
/// empty cell). A broken document is refused whole, with its line and column; a bad object is refused alone.
public enum CanonicalJSONContacts {
    /// The format name in import reports.
    public static let formatName = "canonical-json"

    /// How the objects are laid out.
    public enum Layout: Sendable {
        /// One JSON array of objects (`application/json`).
        case array
        /// One object per line (`application/x-ndjson`).
        case lines
    }

    /// A refused object.
    public struct Reject: Sendable, Codable, Equatable {
        /// The object's position: from 0 in an array, its line number (from 1) in newline-delimited JSON.
        public var index: Int
        /// The object's `id`, when it has one.
        public var id: String?
        /// The key at fault, when one is.
        public var field: String?
        /// Why it was refused.
        public var reason: String
    }

    /// What a body held.
    public struct Batch: Sendable {
        /// The accepted contacts, each id once (a later object with the same id replaces the earlier), in the
        /// order their ids first appeared.
        public var contacts: [Contact]
        /// The refused objects, in order.
        public var rejects: [Reject]
        /// The report, as an import of a file named `file` would give it, refused rows included.
        public var report: ImportReport
    }

    /// Reads `bytes` laid out as `layout`; `file` names the body in locations and in the report.
    public static func read(bytes: [UInt8], file: String, layout: Layout) throws(ImportError) -> Batch {
        try checkOpening(bytes, file: file, layout: layout)
        var report = ImportReport(file: file, format: formatName)
        var contacts: [Contact] = []
        var positions: [String: Int] = [:]
        var rejects: [Reject] = []
        let reader = JSONStreamReader(bytes: bytes, file: file)
        try reader.read(
            streaming: { _ in false },
            record: { record in
                report.rowsRead += 1
                let index = layout == .array ? record.index - 1 : record.line
                func reject(_ field: String?, _ reason: String) {
                    let id = record.value["id"]?.idText
                    rejects.append(Reject(index: index, id: id, field: field, reason: reason))
                    let fields = record.value.keys.sorted().map { "\($0)=\(record.value[$0]?.shortText ?? "")" }
                    report.reject(
                        line: record.line,
                        record: layout == .array ? record.index : nil,
                        reason: reason,
                        fields: fields
                    )
                }
                guard case .object(let members) = record.value else {
                    reject(nil, "not a JSON object")
                    return true
                }
                if record.invalidUTF8 {
                    reject(nil, "holds bytes that are not UTF-8")
                    return true
                }
                var fields: [String: String] = [:]
                for (key, value) in members {
                    switch value {
                    case .null: fields[key] = ""
                    case .bool(let flag): fields[key] = flag ? "true" : "false"
                    case .number(let digits): fields[key] = digits
                    case .string(let text): fields[key] = text
                    case .array, .object:
                        reject(key, "\(key) is not a string, number, boolean or null")
                        return true
                    }
                }
                switch CanonicalCSVImporter.contact(fields: fields) {
                case .failure(let problem):
                    reject(problem.field, problem.reason)
                case .success(let contact):
                    report.accepted += 1
                    if let position = positions[contact.id] {
                        report.duplicates += 1
                        contacts[position] = contact
                    } else {
                        positions[contact.id] = contacts.count
                        contacts.append(contact)
                    }
                }
                return true
            }
        )
        report.contacts = contacts.count
        return Batch(contacts: contacts, rejects: rejects, report: report)
    }

    /// Refuses a body whose first value is not what its layout says: an object where an array was promised
    /// would otherwise be read as one contact.
    private static func checkOpening(_ bytes: [UInt8], file: String, layout: Layout) throws(ImportError) {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        var column = 1
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) {
            if bytes[start] == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            start += 1
        }
        guard start < bytes.count else {
            throw ImportError(code: .malformed, message: "the body is empty; send at least one contact.")
        }
        let expected: UInt8 = layout == .array ? UInt8(ascii: "[") : UInt8(ascii: "{")
        guard bytes[start] == expected else {
            let what =
                layout == .array
                ? "expected a JSON array of contact objects (`[{…}, …]`); send one object per line as "
                    + "application/x-ndjson instead"
                : "expected one JSON object per line; send an array as application/json instead"
            throw ImportError(
                code: .malformed,
                message: "not valid input: \(what).",
                location: SourceLocation(file: file, line: line, column: column)
            )
        }
    }
}
