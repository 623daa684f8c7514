/// The contacts of one run, counted once each: the same contact seen again (a re-export, overlapping pages)
/// replaces the earlier row instead of counting twice. Ids are scoped by format, so ticket `1` of one tool and
/// call `1` of another stay two contacts.
public struct ContactCollection: Sendable {
    /// The contacts, in first-seen order.
    public private(set) var contacts: [Contact] = []
    /// An id within its source. A struct, not `"source:id"`, which would allocate a string per contact.
    private struct Key: Hashable {
        let source: Int
        let id: String
    }
    private var positions: [Key: Int] = [:]
    private var sources: [String: Int] = [:]
    /// The source names by number, and each contact's source number, parallel to ``contacts``.
    private var sourceNames: [String] = []
    private var contactSources: [Int32] = []

    /// An empty collection.
    public init() {}

    /// Adds a contact from `source` (a format name); returns `false` when it replaced one with the same id
    /// from the same source.
    @discardableResult
    public mutating func add(_ contact: Contact, source: String = "") -> Bool {
        let sourceNumber =
            sources[source]
            ?? {
                let number = sources.count
                sources[source] = number
                sourceNames.append(source)
                return number
            }()
        let key = Key(source: sourceNumber, id: contact.id)
        if let position = positions[key] {
            contacts[position] = contact
            return false
        }
        positions[key] = contacts.count
        contacts.append(contact)
        contactSources.append(Int32(sourceNumber))
        return true
    }

    /// The source (format name) the contact at `index` of ``contacts`` was added from: with its id, the key a
    /// store keeps it under.
    public func source(ofContactAt index: Int) -> String {
        sourceNames[Int(contactSources[index])]
    }

    /// Imports a file into the collection, counting duplicates in its report.
    ///
    /// - Parameter progress: called with the number of contacts read so far, every 100,000 contacts.
    public mutating func importFile(
        _ path: String,
        with importer: some ContactImporter,
        progress: ((Int) -> Void)? = nil
    ) throws(ImportError) -> ImportReport {
        var duplicates = 0
        var read = 0
        var report = try importer.importContacts(from: path) { contact in
            if !self.add(contact, source: importer.formatName) { duplicates += 1 }
            read += 1
            if read % 100_000 == 0 { progress?(read) }
        }
        // Duplicates across files (or pages) add to those the importer found within its own file.
        report.duplicates += duplicates
        return report
    }

    /// Imports several files of one format as one export, as formats that join records across files need (Zendesk
    /// tickets with their metrics and ratings). Contacts that repeat one already in the collection are counted as
    /// duplicates in the first file's report.
    public mutating func importFiles(
        _ paths: [String],
        with importer: some ContactImporter
    ) throws(ImportError) -> [ImportReport] {
        var duplicates = 0
        var reports = try importer.importContacts(from: paths) { contact in
            if !self.add(contact, source: importer.formatName) { duplicates += 1 }
        }
        if !reports.isEmpty { reports[0].duplicates += duplicates }
        return reports
    }

}
