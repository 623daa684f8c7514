/// Why one JSON record cannot be used, in words that become a rejection reason.
struct JSONRecordProblem: Error {
    let text: String
    init(_ text: String) { self.text = text }
}

extension JSONValue {
    /// The member `key` as an id (a number or a non-empty string); the record is refused without one.
    func requiredID(_ key: String) throws(JSONRecordProblem) -> String {
        guard let member = self[key], !member.isNull else { throw JSONRecordProblem("\(key) is missing") }
        guard let id = member.idText else { throw JSONRecordProblem("\(key) is not a number or text") }
        return id
    }

    /// The member `key` as an id, or `nil` when it is missing or null.
    func optionalID(_ key: String) throws(JSONRecordProblem) -> String? {
        guard let member = self[key], !member.isNull else { return nil }
        guard let id = member.idText else { throw JSONRecordProblem("\(key) is not a number or text") }
        return id
    }

    /// The member `key` as an RFC 3339 time with a zone, or `nil` when it is missing or null.
    func optionalTime(_ key: String) throws(JSONRecordProblem) -> Timestamp? {
        guard let member = self[key], !member.isNull else { return nil }
        guard let text = member.stringValue, let time = Timestamp(rfc3339: text) else {
            throw JSONRecordProblem("\(key) is not an RFC 3339 time with a zone")
        }
        return time
    }

    /// The member `key` as an RFC 3339 time; the record is refused without one.
    func requiredTime(_ key: String) throws(JSONRecordProblem) -> Timestamp {
        guard let time = try optionalTime(key) else { throw JSONRecordProblem("\(key) is missing") }
        return time
    }

    /// The member `key` as a whole number in `range`, or `nil` when it is missing or null.
    func optionalCount(_ key: String, in range: ClosedRange<Int> = 0...100_000) throws(JSONRecordProblem) -> Int? {
        guard let member = self[key], !member.isNull else { return nil }
        guard let value = member.integerValue, let count = Int(exactly: value), range.contains(count) else {
            throw JSONRecordProblem("\(key) is not a whole number in \(range.lowerBound)…\(range.upperBound)")
        }
        return count
    }

    /// The member `key` as text (a string, or a number's digits), or `nil` when it is missing, null or empty.
    func optionalText(_ key: String) -> String? {
        guard let member = self[key] else { return nil }
        switch member {
        case .string(let text): return text.isEmpty ? nil : text
        case .number(let text): return text
        default: return nil
        }
    }

    /// The members `keys` as `name=value`, for a rejected record's fields (missing members left out).
    func summary(_ keys: [String]) -> [String] {
        keys.compactMap { key in self[key].map { "\(key)=\($0.shortText)" } }
    }
}
