import HTTPTypes
import Hummingbird
import NorthstarCore
import NorthstarStore

/// The frame of every page: the style inline, the navigation, who is signed in and the logout form. No script,
/// font or image is loaded from anywhere.
enum Layout {
    /// A whole page; `head` is added to its `<head>` (the Import run page's `<meta http-equiv="refresh">`).
    static func page(
        title: String,
        identity: Identity?,
        body: String,
        extraStyle: String = "",
        head: String = ""
    ) -> String {
        var html = [
            "<!DOCTYPE html>",
            "<html lang=\"en\">",
            "<head>",
            "<meta charset=\"utf-8\"/>",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>",
            "<title>\(esc(title)) · Northstar</title>",
            "<style>\n\(style)\(extraStyle)</style>" + head,
            "</head>",
            "<body>",
        ]
        if let identity {
            var nav = "<nav class=\"top\"><a href=\"/\" class=\"brand\">Northstar</a> <a href=\"/\">Overview</a>"
            // Links by role: each page's link only for the roles that may open it.
            nav += scorecardLinks(identity)
            var links: [(path: String, title: String)] = []
            if identity.role == .admin || identity.role == .manager { links.append(("/charter", "Charter")) }
            if ImportController.roles.contains(identity.role) { links.append(("/import", "Import")) }
            if identity.role == .admin { links += [("/admin/users", "Users"), ("/admin/tokens", "Tokens")] }
            nav += links.map { " <a href=\"\($0.path)\">\(esc($0.title))</a>" }.joined()
            nav += "<span class=\"who\">\(esc(identity.name)) · \(esc(identity.role.rawValue))"
            if let csrf = identity.csrfToken {
                nav +=
                    " <form method=\"post\" action=\"/logout\" class=\"inline\">"
                    + "<input type=\"hidden\" name=\"csrf_token\" value=\"\(esc(csrf))\"/>"
                    + "<button type=\"submit\">Log out</button></form>"
            }
            nav += "</span></nav>"
            html.append(nav)
        }
        html.append("<main>")
        html.append(body)
        html.append("</main>")
        html.append("</body>")
        html.append("</html>")
        return html.joined(separator: "\n") + "\n"
    }

    /// The scorecard, staffing and explore links: Teams, Agents, Staffing and Explore for managers and admins,
    /// the agent's own scorecard and team for an agent.
    static func scorecardLinks(_ identity: Identity) -> String {
        switch identity.role {
        case .admin, .manager:
            return " <a href=\"/teams\">Teams</a> <a href=\"/agents\">Agents</a>"
                + " <a href=\"/staffing\">Staffing</a> <a href=\"/explore\">Explore</a>"
        case .agent:
            var links = ""
            if let agent = identity.agentID { links += " " + ScorecardView.link("agents", agent, text: "My scorecard") }
            if let team = identity.team { links += " " + ScorecardView.link("teams", team, text: "My team") }
            return links
        case .viewer:
            return ""
        }
    }

    /// An HTML response that no cache keeps (the pages show what one user may see).
    static func html(_ page: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        headers[.contentSecurityPolicy] =
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    /// The dashboard's own style, written without `<`, `>` or `&`.
    static let style = """
        :root { color-scheme: light; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #1f2328;
          background: #f6f8fa; line-height: 1.45; }
        main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
        nav.top { display: flex; gap: 1rem; align-items: center; padding: 0.6rem 1.5rem; background: #24292f; }
        nav.top a { color: #fff; text-decoration: none; }
        nav.top .brand { font-weight: 700; }
        nav.top .who { margin-left: auto; color: #d0d7de; font-size: 0.9rem; }
        form.inline { display: inline; }
        button { font: inherit; padding: 0.3rem 0.8rem; border-radius: 6px; border: 1px solid #8c959f;
          background: #fff; cursor: pointer; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr)); gap: 1rem; }
        .card { background: #fff; border: 1px solid #d0d7de; border-radius: 8px; padding: 1rem; }
        .card h2 { font-size: 1.05rem; margin: 0 0 0.3rem; }
        .card h2 a { color: inherit; }
        .card .value { font-size: 1.8rem; font-weight: 600; font-variant-numeric: tabular-nums; }
        .card .meta, .meta { color: #57606a; font-size: 0.9rem; }
        .card svg { width: 100%; height: auto; display: block; margin-top: 0.5rem; }
        .verdict { font-weight: 600; white-space: nowrap; }
        .verdict.kept { color: #1a7f37; }
        .verdict.at-risk { color: #9a6700; }
        .verdict.broken { color: #cf222e; }
        .verdict.insufficient { color: #6e7781; }
        .login { max-width: 22rem; margin: 4rem auto; background: #fff; border: 1px solid #d0d7de;
          border-radius: 8px; padding: 1.5rem; }
        .login label { display: block; margin: 0.7rem 0 0.2rem; }
        .login input[type=text], .login input[type=password] { width: 100%; box-sizing: border-box; padding: 0.4rem;
          font: inherit; }
        .login button { margin-top: 1rem; }
        .error { color: #cf222e; }
        section.promise, section.breaches { background: #fff; border: 1px solid #d0d7de; border-radius: 8px;
          padding: 1rem; margin-top: 1rem; }

        """
}

/// Escapes text for HTML content and quoted attributes.
func esc(_ text: String) -> String { MarkupEscaping.html(text) }
