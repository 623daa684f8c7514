/// The rows of an export that may hold a contact more than once (overlapping exports, re-exports): the last row of
/// an id replaces the earlier ones, and contacts keep the order their ids first appeared in.
struct KeepLastRow<Facts> {
    /// A kept row: the contact, its line, and what the importer wants to report about it once it is final.
    struct Row {
        var contact: Contact
        var line: Int
        var facts: Facts
    }

    /// The rows kept, in first-seen order.
    private(set) var rows: [Row] = []
    private var positions: [String: Int] = [:]

    /// Keeps a row; returns `true` when it replaced an earlier row of the same id.
    mutating func keep(_ contact: Contact, line: Int, facts: Facts) -> Bool {
        let row = Row(contact: contact, line: line, facts: facts)
        if let position = positions[contact.id] {
            rows[position] = row
            return true
        }
        positions[contact.id] = rows.count
        rows.append(row)
        return false
    }
}
