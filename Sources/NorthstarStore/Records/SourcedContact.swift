public import NorthstarCore

/// A contact with the source (format name) it was imported from: a store keys contacts by source and id, as
/// ``ContactCollection`` does, so ticket `1` of one tool and call `1` of another stay two contacts.
public struct SourcedContact: Sendable, Hashable {
    /// The format name, such as `canonical-csv` or `zendesk-json`.
    public var source: String
    /// The contact.
    public var contact: Contact

    /// Pairs a contact with its source.
    public init(source: String, contact: Contact) {
        self.source = source
        self.contact = contact
    }
}

/// One page of stored contacts.
public struct ContactPage: Sendable {
    /// The contacts, in first-stored order.
    public var contacts: [SourcedContact]
    /// The cursor of the next page, or `nil` when this page is the last.
    public var next: Int64?

    /// Creates a page.
    public init(contacts: [SourcedContact], next: Int64?) {
        self.contacts = contacts
        self.next = next
    }
}
