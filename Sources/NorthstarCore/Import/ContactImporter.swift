/// Reads one kind of export and turns its rows into ``Contact``s.
///
/// An importer never drops a row in silence: every data row is either passed to the sink or recorded in the
/// report with its line and the reason.
public protocol ContactImporter: Sendable {
    /// The format's name as `--format` takes it, such as `canonical-csv`.
    var formatName: String { get }

    /// Reads the file at `path`, handing each contact to `sink`, and returns what was read and refused.
    func importContacts(from path: String, into sink: (Contact) -> Void) throws(ImportError) -> ImportReport
}
