import Foundation

/// Writes contacts as Northstar's canonical CSV, so any supported export can be normalised once and then
/// read, diffed and checked like every other.
public enum CanonicalCSVWriter {
    /// The header row.
    public static var header: String { CanonicalCSVImporter.columns.joined(separator: ",") }

    /// One contact as a CSV row (no line end), fields quoted where needed.
    public static func row(_ contact: Contact) -> String {
        func time(_ value: Timestamp?) -> String { value?.description ?? "" }
        func number(_ value: Int?) -> String { value.map(String.init) ?? "" }
        func flag(_ value: Bool?) -> String { value.map { $0 ? "true" : "false" } ?? "" }
        let csat: String = contact.csat.map { $0 == $0.rounded() ? String(Int($0)) : String($0) } ?? ""
        let fields = [
            contact.id, contact.channel, contact.createdAt.description, contact.tier ?? "", contact.priority ?? "",
            contact.team ?? "", contact.agent ?? "", contact.category ?? "", time(contact.firstResponseAt),
            time(contact.resolvedAt), time(contact.endedAt), number(contact.wrapSeconds), flag(contact.abandoned),
            number(contact.reopens), number(contact.agentReplies), csat, number(contact.nps), flag(contact.selfService),
            flag(contact.fcrAnswer),
        ]
        return fields.map(quoted).joined(separator: ",")
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break.
    public static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
