/// The contacts of one run, counted once each: the same contact seen again (a re-export, overlapping pages)
/// replaces the earlier row instead of counting twice.
public struct ContactCollection: Sendable {
    /// The contacts, in first-seen order.
    public private(set) var contacts: [Contact] = []
    private var positions: [String: Int] = [:]

    /// An empty collection.
    public init() {}

    /// Adds a contact; returns `false` when it replaced one with the same id.
    @discardableResult
    public mutating func add(_ contact: Contact) -> Bool {
        if let position = positions[contact.id] {
            contacts[position] = contact
            return false
        }
        positions[contact.id] = contacts.count
        contacts.append(contact)
        return true
    }

    /// Imports a file into the collection, counting duplicates in its report.
    public mutating func importFile(
        _ path: String,
        with importer: some ContactImporter
    ) throws(ImportError) -> ImportReport {
        var duplicates = 0
        var report = try importer.importContacts(from: path) { contact in
            if !self.add(contact) { duplicates += 1 }
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
            if !self.add(contact) { duplicates += 1 }
        }
        if !reports.isEmpty { reports[0].duplicates += duplicates }
        return reports
    }

    /// Imports exports given by path, as `northstar import` and `check` do: each file's format is `format`, or
    /// detected from its header or shape; files of a format that joins records across files are read together,
    /// the others one by one. Every file is detected before any is read, so a file of unknown format stops the run
    /// before it starts. `afterEach` sees each report as it is made.
    public mutating func importExports(
        _ paths: [String],
        format: ImportFormat? = nil,
        timeZoneIdentifier: String = "UTC",
        afterEach: (ImportReport) -> Void = { _ in }
    ) throws(ImportError) -> [ImportReport] {
        var groups: [(format: ImportFormat, paths: [String])] = []
        for path in paths {
            let detected: ImportFormat
            if let format {
                detected = format
            } else {
                detected = try ImportFormat.detect(path: path)
            }
            if detected.joinsFiles, let group = groups.firstIndex(where: { $0.format == detected }) {
                groups[group].paths.append(path)
            } else {
                groups.append((detected, [path]))
            }
        }
        var reports: [ImportReport] = []
        for group in groups {
            let importer = try group.format.importer(timeZoneIdentifier: timeZoneIdentifier)
            let made: [ImportReport]
            if group.format.joinsFiles {
                made = try importFiles(group.paths, with: importer)
            } else {
                made = [try importFile(group.paths[0], with: importer)]
            }
            for report in made { afterEach(report) }
            reports += made
        }
        return reports
    }
}
