/// A JSON value as decoded, for exports whose fields are read one by one with a reason for each refusal
/// rather than through a fixed `Codable` shape. Whole numbers are kept exact.
enum DecodedJSONValue: Sendable, Hashable, Decodable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([DecodedJSONValue])
    case object([String: DecodedJSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([DecodedJSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: DecodedJSONValue].self))
        }
    }

    /// The member `key` of an object (`nil` for anything else, or when absent).
    subscript(key: String) -> DecodedJSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// Whether this is `null`.
    var isNull: Bool { self == .null }
}
