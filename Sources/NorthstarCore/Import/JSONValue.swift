/// One JSON value as an export holds it. Numbers keep the text they were written with, so ticket ids stay exact
/// whatever their size; the accessors read them as the importers need.
enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number, as written (`4343`, `-2.5e3`).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The member `key` of an object; `nil` for a missing member and for anything but an object.
    subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// Whether this is `null`.
    var isNull: Bool { self == .null }

    /// A string's text.
    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// A string's text or a number's digits: how ids are read (`4343` and `"4343"` are the same id).
    var idText: String? {
        switch self {
        case .string(let text): text.isEmpty ? nil : text
        case .number(let text): text
        default: nil
        }
    }

    /// A whole number, written as a number or as a string of digits (`12`, `"12"`, `12.0`).
    var integerValue: Int64? {
        switch self {
        case .number(let text), .string(let text):
            if let value = Int64(text) { return value }
            guard let double = Double(text), double.rounded() == double, abs(double) < 9e15 else { return nil }
            return Int64(double)
        default:
            return nil
        }
    }

    /// A number, written as a number or as a numeric string.
    var doubleValue: Double? {
        switch self {
        case .number(let text), .string(let text):
            guard let value = Double(text), value.isFinite else { return nil }
            return value
        default:
            return nil
        }
    }

    /// `true` or `false`.
    var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// An array's elements.
    var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// An object's member names.
    var keys: Set<String> {
        if case .object(let members) = self { return Set(members.keys) }
        return []
    }

    /// The value as a short text for a rejected record's fields: strings as they are, numbers as written,
    /// containers summarised.
    var shortText: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .number(let text): text
        case .string(let text): text.count > 200 ? String(text.prefix(200)) + "…" : text
        case .array(let elements): "[\(elements.count) items]"
        case .object(let members): "{\(members.keys.sorted().prefix(6).joined(separator: ", "))}"
        }
    }
}
