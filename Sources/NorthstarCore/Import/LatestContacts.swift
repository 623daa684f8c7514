/// The contacts of one file by id, the last accepted row of each winning: a re-export or overlapping pages
/// list the same contact again, and the later copy is the newer state. Contacts keep the order in which their
/// ids first appear.
struct LatestContacts {
    /// A contact with the line of the row it was built from.
    struct Entry {
        var contact: Contact
        var line: Int
    }

    /// The contacts, in first-seen order.
    private(set) var entries: [Entry] = []
    private var positions: [String: Int] = [:]

    /// Adds `contact`, replacing an earlier one with the same id; returns `false` when it replaced one.
    @discardableResult
    mutating func put(_ contact: Contact, line: Int) -> Bool {
        if let position = positions[contact.id] {
            entries[position] = Entry(contact: contact, line: line)
            return false
        }
        positions[contact.id] = entries.count
        entries.append(Entry(contact: contact, line: line))
        return true
    }

    /// Records an accepted row in `report` and keeps its contact, counting a repeated id as a duplicate.
    mutating func accept(_ contact: Contact, line: Int, in report: inout ImportReport) {
        report.accepted += 1
        if !put(contact, line: line) { report.duplicates += 1 }
    }

    /// Hands every contact to `sink`, counting them in `report`.
    func deliver(to sink: (Contact) -> Void, report: inout ImportReport) {
        for entry in entries {
            report.contacts += 1
            sink(entry.contact)
        }
    }
}
