/// An export saved where the reader chose but known by another name: an upload is written to a file the server
/// names itself, never to a path built from the sender's filename.
public struct NamedExport: Sendable, Hashable {
    /// The name to show in reports, refused rows and errors (an upload's filename, as sent).
    public var name: String
    /// Where the bytes are.
    public var path: String

    /// Creates a named export.
    public init(name: String, path: String) {
        self.name = name
        self.path = path
    }
}

extension ImportRun {
    /// As ``collect(_:progress:)`` over the exports' paths, with every report, refused row, set-aside value and
    /// error naming each export by its ``NamedExport/name`` instead of where it was saved, as the same export
    /// read by `northstar import NAME` would.
    public func collect(
        named exports: [NamedExport],
        progress: ((String) -> ((Int) -> Void)?)? = nil
    ) throws(ImportError) -> (collection: ContactCollection, reports: [ImportReport]) {
        let names = Dictionary(exports.map { ($0.path, $0.name) }, uniquingKeysWith: { first, _ in first })
        var named: ((String) -> ((Int) -> Void)?)?
        if let progress { named = { path in progress(names[path] ?? path) } }
        do throws(ImportError) {
            let (collection, read) = try collect(exports.map(\.path), progress: named)
            var reports = read
            for index in reports.indices { Self.rename(&reports[index], names: names) }
            return (collection, reports)
        } catch {
            throw Self.renamed(error, names: names)
        }
    }

    private static func rename(_ report: inout ImportReport, names: [String: String]) {
        guard let name = names[report.file] else { return }
        report.file = name
        for index in report.rejects.indices { report.rejects[index].file = name }
        for index in report.droppedValues.indices { report.droppedValues[index].file = name }
        report.notes = report.notes.map { replacing($0, names) }
    }

    private static func renamed(_ error: ImportError, names: [String: String]) -> ImportError {
        var error = error
        error.message = replacing(error.message, names)
        if let file = error.location?.file { error.location?.file = names[file] ?? replacing(file, names) }
        error.moreProblems = error.moreProblems.map { renamed($0, names: names) }
        return error
    }

    /// `text` with every saved path in it written as its name.
    private static func replacing(_ text: String, _ names: [String: String]) -> String {
        var text = text
        // Longest paths first, so a path that begins another is not replaced inside it.
        for (path, name) in names.sorted(by: { $0.key.count > $1.key.count }) {
            text = text.replacing(path, with: name)
        }
        return text
    }
}
