/// A Salesforce CaseMilestone export read on its own: it checks and counts the milestones and hands out no
/// contacts, because a milestone is part of a case, not a contact. To use milestones, read them with
/// ``SalesforceMilestones/load(from:timeZoneIdentifier:)`` and give them to ``SalesforceCaseImporter``, which
/// joins them to the cases of the same run.
public struct SalesforceMilestoneImporter: ContactImporter {
    /// `salesforce-milestones`.
    public static let name = "salesforce-milestones"
    /// `salesforce-milestones`.
    public let formatName = Self.name
    /// The IANA zone the export's zoneless times are read in.
    public let timeZoneIdentifier: String
    /// Milestone types that mean the first response (see ``SalesforceMilestones/firstResponseTypes``).
    public let firstResponseTypes: [String]

    /// Creates the importer; zoneless times are read in `timeZoneIdentifier`.
    public init(timeZoneIdentifier: String = "UTC", firstResponseTypes: [String] = []) throws(ImportError) {
        _ = try SalesforceTime(timeZoneIdentifier: timeZoneIdentifier)
        self.timeZoneIdentifier = timeZoneIdentifier
        self.firstResponseTypes = firstResponseTypes
    }

    /// Reads the milestones and reports on them; no contact comes out.
    public func importContacts(from path: String, into sink: (Contact) -> Void) throws(ImportError) -> ImportReport {
        var milestones = SalesforceMilestones(firstResponseTypes: firstResponseTypes)
        var report = try milestones.load(from: path, timeZoneIdentifier: timeZoneIdentifier)
        report.notes.append(
            "milestones make no contacts of their own: they are joined to the cases of a Salesforce Case export "
                + "read in the same run."
        )
        return report
    }
}
