import NorthstarCore
import NorthstarStore

/// The HTML of the users and tokens pages. Never shows a password hash or a token hash; a new token only in the
/// answer to the form that created it.
enum AdminViews {
    /// What was typed into the add-user form, shown again when it is refused (never the password).
    struct UserEntry: Sendable {
        var name = ""
        var role = ""
        var agentID = ""
        var team = ""
    }

    /// What was typed into the create-token form, shown again when it is refused.
    struct TokenEntry: Sendable {
        var name = ""
        var role = ""
    }

    /// A token just created, to show once.
    struct CreatedToken: Sendable {
        var name: String
        var role: Role
        var token: String
    }

    /// The users page: the table with a remove button per user (not for oneself), and the add form.
    static func users(_ users: [User], entered: UserEntry, error: String?, identity: Identity) -> String {
        var body = ["<h1>Users</h1>"]
        if let error { body.append("<p class=\"error\" role=\"alert\">\(esc(error))</p>") }
        body.append("<table class=\"admin\"><thead><tr><th>Name</th><th>Role</th><th>Agent id</th><th>Team</th>")
        body.append("<th>Created</th><th></th></tr></thead><tbody>")
        for user in users {
            let remove =
                user.name == identity.name
                ? "<span class=\"meta\">you</span>"
                : "<form method=\"post\" action=\"/admin/users/remove\" class=\"inline\">" + csrfField(identity)
                    + "<input type=\"hidden\" name=\"name\" value=\"\(esc(user.name))\"/>"
                    + "<button type=\"submit\">Remove</button></form>"
            body.append(
                "<tr><td>\(esc(user.name))</td><td>\(esc(user.role.rawValue))</td><td>\(esc(user.agentID ?? ""))</td>"
                    + "<td>\(esc(user.team ?? ""))</td><td>\(user.createdAt)</td><td>\(remove)</td></tr>"
            )
        }
        body.append("</tbody></table>")
        body.append("<h2>Add a user</h2>")
        body.append("<form method=\"post\" action=\"/admin/users\" class=\"admin\">")
        body.append(csrfField(identity))
        body.append(textField("name", label: "Name", value: entered.name, required: true))
        body.append(roleField(entered.role))
        body.append(textField("agent_id", label: "Agent id (for an agent's own scorecard)", value: entered.agentID))
        body.append(textField("team", label: "Team", value: entered.team))
        body.append(
            "<label for=\"password\">Password (at least \(AdminController.minimumPasswordLength) characters)</label>"
                + "<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"new-password\" "
                + "minlength=\"\(AdminController.minimumPasswordLength)\" required/>"
        )
        body.append("<p><button type=\"submit\">Add the user</button></p></form>")
        return Layout.page(title: "Users", identity: identity, body: body.joined(separator: "\n"), extraStyle: style)
    }

    /// The tokens page: the new token once, the table with a revoke button per token, and the create form.
    static func tokens(
        _ tokens: [APIToken],
        entered: TokenEntry,
        created: CreatedToken?,
        error: String?,
        identity: Identity
    ) -> String {
        var body = ["<h1>API tokens</h1>"]
        if let created {
            body.append(
                "<section class=\"created\"><h2>Token \(esc(created.name)) (\(esc(created.role.rawValue))) created"
                    + "</h2><p>Copy it now: it is shown this once, and the store keeps only its hash.</p>"
                    + "<p><code class=\"token\">\(esc(created.token))</code></p>"
                    + "<p class=\"meta\">Use it as <code>Authorization: Bearer TOKEN</code>.</p></section>"
            )
        }
        if let error { body.append("<p class=\"error\" role=\"alert\">\(esc(error))</p>") }
        body.append("<table class=\"admin\"><thead><tr><th>Name</th><th>Role</th><th>Created</th><th>Last used</th>")
        body.append("<th></th></tr></thead><tbody>")
        for token in tokens {
            body.append(
                "<tr><td>\(esc(token.name))</td><td>\(esc(token.role.rawValue))</td><td>\(token.createdAt)</td>"
                    + "<td>\(token.lastUsedAt.map { "\($0)" } ?? "never")</td><td>"
                    + "<form method=\"post\" action=\"/admin/tokens/revoke\" class=\"inline\">" + csrfField(identity)
                    + "<input type=\"hidden\" name=\"name\" value=\"\(esc(token.name))\"/>"
                    + "<button type=\"submit\">Revoke</button></form></td></tr>"
            )
        }
        body.append("</tbody></table>")
        body.append("<h2>Create a token</h2>")
        body.append("<form method=\"post\" action=\"/admin/tokens\" class=\"admin\">")
        body.append(csrfField(identity))
        body.append(textField("name", label: "Name (such as zendesk-sync)", value: entered.name, required: true))
        body.append(roleField(entered.role))
        body.append("<p><button type=\"submit\">Create the token</button></p></form>")
        return Layout.page(
            title: "API tokens",
            identity: identity,
            body: body.joined(separator: "\n"),
            extraStyle: style
        )
    }

    private static func textField(_ name: String, label: String, value: String, required: Bool = false) -> String {
        "<label for=\"\(name)\">\(esc(label))</label><input type=\"text\" id=\"\(name)\" name=\"\(name)\" "
            + "maxlength=\"\(AdminController.maximumNameLength)\" value=\"\(esc(value))\"\(required ? " required" : "")/>"
    }

    /// The role menu; the least-privileged role is chosen until someone picks another.
    private static func roleField(_ selected: String) -> String {
        let selected = selected.isEmpty ? Role.viewer.rawValue : selected
        var html = "<label for=\"role\">Role</label><select id=\"role\" name=\"role\" required>"
        for role in Role.allCases {
            html +=
                "<option value=\"\(role.rawValue)\"\(role.rawValue == selected ? " selected" : "")>\(role.rawValue)"
                + "</option>"
        }
        return html + "</select>"
    }

    private static func csrfField(_ identity: Identity) -> String {
        "<input type=\"hidden\" name=\"csrf_token\" value=\"\(esc(identity.csrfToken ?? ""))\"/>"
    }

    static let style = """
        table.admin { border-collapse: collapse; background: #fff; }
        table.admin th, table.admin td { border-bottom: 1px solid #d0d7de; padding: 0.3rem 0.7rem; text-align: left; }
        form.admin { max-width: 28rem; }
        form.admin label { display: block; margin: 0.7rem 0 0.2rem; }
        form.admin input, form.admin select { width: 100%; box-sizing: border-box; padding: 0.3rem; font: inherit; }
        section.created { background: #dafbe1; border: 1px solid #1a7f37; border-radius: 8px; padding: 0.5rem 1rem; }
        code.token { font-size: 1.05rem; word-break: break-all; }

        """
}
