/// Reads one kind of export and turns its rows into ``Contact``s.
///
/// An importer never drops a row in silence: every data row is either passed to the sink or recorded in the
/// report with its line and the reason.
public protocol ContactImporter: Sendable {
    /// The format's name as `--format` takes it, such as `canonical-csv`.
    var formatName: String { get }

    /// Reads the file at `path`, handing each contact to `sink`, and returns what was read and refused.
    func importContacts(from path: String, into sink: (Contact) -> Void) throws(ImportError) -> ImportReport

    /// Reads several files of this format as one export, handing each contact to `sink`, and returns one report
    /// per file, in the order given. Formats whose records are spread over files (Zendesk tickets, their metrics
    /// and their ratings) join them here; the default reads the files one after another.
    func importContacts(from paths: [String], into sink: (Contact) -> Void) throws(ImportError) -> [ImportReport]
}

extension ContactImporter {
    /// Reads the files one after another.
    public func importContacts(
        from paths: [String],
        into sink: (Contact) -> Void
    ) throws(ImportError) -> [ImportReport] {
        var reports: [ImportReport] = []
        for path in paths { reports.append(try importContacts(from: path, into: sink)) }
        return reports
    }
}

/// An importer of a CSV export, which reads from a prepared ``CSVReader``; opening the file is shared.
public protocol CSVContactImporter: ContactImporter {
    /// Reads from `reader`; `file` names the source in the report.
    func importContacts(
        reader: CSVReader,
        file: String,
        into sink: (Contact) -> Void
    ) throws(ImportError) -> ImportReport
}

extension CSVContactImporter {
    /// Opens the file at `path` as CSV and reads it.
    public func importContacts(from path: String, into sink: (Contact) -> Void) throws(ImportError) -> ImportReport {
        try importContacts(reader: CSVReader(path: path), file: path, into: sink)
    }
}
