/// Reads the exports of one run in the right order: each file's format is detected (or named), Salesforce
/// milestone files are read before the cases they join, mapped CSVs get their mapping, and every contact is
/// collected once.
public struct ImportRun: Sendable {
    /// The format to read every file as, or `nil` to detect each from its header.
    public var format: ImportFormat?
    /// The IANA zone of times written without one.
    public var timeZoneIdentifier: String
    /// The mapping file for `--input-format mapped`.
    public var mappingPath: String?
    /// A mapping already loaded (the dashboard's Import page takes it as text); used before ``mappingPath``.
    public var mapping: CSVMapping?

    /// Creates a run.
    public init(
        format: ImportFormat? = nil,
        timeZoneIdentifier: String = "UTC",
        mappingPath: String? = nil,
        mapping: CSVMapping? = nil
    ) {
        self.format = format
        self.timeZoneIdentifier = timeZoneIdentifier
        self.mappingPath = mappingPath
        self.mapping = mapping
    }

    /// The contacts and one report per file, in the order the files were given.
    public func read(
        _ paths: [String],
        progress: ((String) -> ((Int) -> Void)?)? = nil
    ) throws(ImportError) -> (contacts: [Contact], reports: [ImportReport]) {
        let (collection, reports) = try collect(paths, progress: progress)
        return (collection.contacts, reports)
    }

    /// As ``read(_:progress:)``, with the collection that also tells each contact's source, as a store keys it.
    public func collect(
        _ paths: [String],
        progress: ((String) -> ((Int) -> Void)?)? = nil
    ) throws(ImportError) -> (collection: ContactCollection, reports: [ImportReport]) {
        var formats: [ImportFormat] = []
        for path in paths {
            if let format {
                formats.append(format)
            } else if mappingPath != nil || mapping != nil {
                formats.append(.mapped)
            } else {
                formats.append(try ImportFormat.detect(path: path))
            }
        }
        var reports: [ImportReport?] = Array(repeating: nil, count: paths.count)
        var milestones = SalesforceMilestones()
        for (index, path) in paths.enumerated() where formats[index] == .salesforceMilestones {
            reports[index] = try milestones.load(from: path, timeZoneIdentifier: timeZoneIdentifier)
        }
        var collection = ContactCollection()
        var done = Set<Int>()
        for (index, path) in paths.enumerated() where formats[index] != .salesforceMilestones && !done.contains(index) {
            // Formats whose records span files (tickets here, their metrics there) read all their files at once.
            if formats[index].joinsFiles {
                let group = paths.indices.filter { formats[$0] == formats[index] }
                let made = try collection.importFiles(
                    group.map { paths[$0] },
                    with: formats[index].importer(timeZoneIdentifier: timeZoneIdentifier)
                )
                for (position, report) in zip(group, made) { reports[position] = report }
                done.formUnion(group)
                continue
            }
            let importer: any ContactImporter
            switch formats[index] {
            case .salesforceCases:
                importer = try SalesforceCaseImporter(timeZoneIdentifier: timeZoneIdentifier, milestones: milestones)
            case .mapped:
                let mapping: CSVMapping
                if let given = self.mapping {
                    mapping = given
                } else if let mappingPath {
                    mapping = try CSVMapping.load(contentsOf: mappingPath)
                } else {
                    throw ImportError(
                        code: .configuration,
                        message: "\(path): the `mapped` format needs --mapping FILE (docs/importers.md)."
                    )
                }
                importer = try MappedCSVImporter(mapping: mapping, defaultTimeZoneIdentifier: timeZoneIdentifier)
            default:
                importer = try formats[index].importer(timeZoneIdentifier: timeZoneIdentifier)
            }
            reports[index] = try collection.importFile(path, with: importer, progress: progress?(path))
        }
        return (collection, reports.compactMap { $0 })
    }
}
