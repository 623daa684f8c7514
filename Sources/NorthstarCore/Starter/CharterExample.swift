/// The worked example charters that ship with Northstar, one per kind of support organisation.
public enum CharterExample: String, Sendable, CaseIterable {
    /// A software company's support team: chat and email, tiers.
    case saas
    /// An online shop: orders, returns, peaks.
    case retail
    /// A clinic's patient line: phone, calm tone.
    case clinic
    /// A hotel group's guest services.
    case hospitality
    /// An outsourced contact centre: phone queues, 24/7.
    case contactCentre = "contact-centre"

    /// The name the example is reported under, such as `examples/saas.yaml`.
    public var fileName: String { "examples/\(rawValue).yaml" }

    /// The example's YAML text.
    public var yaml: String { BundledResource.text(fileName) }
}
