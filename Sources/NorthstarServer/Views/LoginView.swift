/// The sign-in page.
enum LoginView {
    static func render(csrfToken: String, next: String, name: String = "", error: String? = nil) -> String {
        var body = "<section class=\"login\"><h1>Northstar</h1><p class=\"meta\">Sign in to see the promises.</p>"
        if let error { body += "<p class=\"error\" role=\"alert\">\(esc(error))</p>" }
        body +=
            "<form method=\"post\" action=\"/login\">"
            + "<input type=\"hidden\" name=\"csrf_token\" value=\"\(esc(csrfToken))\"/>"
            + "<input type=\"hidden\" name=\"next\" value=\"\(esc(next))\"/>"
            + "<label for=\"name\">Name</label>"
            + "<input type=\"text\" id=\"name\" name=\"name\" value=\"\(esc(name))\" autocomplete=\"username\" "
            + "required=\"required\" autofocus=\"autofocus\"/>"
            + "<label for=\"password\">Password</label>"
            + "<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" "
            + "required=\"required\"/>"
            + "<button type=\"submit\">Sign in</button></form></section>"
        return Layout.page(title: "Sign in", identity: nil, body: body)
    }
}
