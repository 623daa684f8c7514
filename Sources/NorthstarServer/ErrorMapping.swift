import Foundation
import HTTPTypes
import Hummingbird

/// Turns every ``ServerError`` into its response, in one place: pages answer with HTML (or a redirect to
/// /login), `/api` and `/webhooks` answer with JSON `{"error": code, "message": …}`.
struct ErrorMapping: RouterMiddleware {
    typealias Context = NorthstarRequestContext

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as ServerError {
            return Self.response(error, request: request, signedIn: context.identity != nil)
        }
    }

    static func isAPI(_ request: Request) -> Bool {
        request.uri.path == "/api" || request.uri.path.hasPrefix("/api/") || request.uri.path == "/metrics"
            || request.uri.path.hasPrefix("/webhooks/")
    }

    static func status(_ code: ServerError.Code) -> HTTPResponse.Status {
        switch code {
        case .unauthenticated: .unauthorized
        case .forbidden, .badCSRFToken: .forbidden
        case .notFound: .notFound
        case .tooManyAttempts: .tooManyRequests
        case .noCharter, .notConfigured: .serviceUnavailable
        case .contentTooLarge: .contentTooLarge
        case .unsupportedMediaType: .unsupportedMediaType
        case .conflict: .conflict
        case .invalidCharter: .unprocessableContent
        default: .badRequest
        }
    }

    static func response(_ error: ServerError, request: Request, signedIn: Bool) -> Response {
        let status = status(error.code)
        var headers: HTTPFields = [:]
        if let retryAfter = error.retryAfter { headers[.retryAfter] = String(retryAfter) }
        if isAPI(request) {
            if error.code == .unauthenticated, request.uri.path.hasPrefix("/api") {
                headers[.wwwAuthenticate] = "Bearer"
            }
            headers[.contentType] = "application/json; charset=utf-8"
            let body = JSONText.encode(["error": error.code.description, "message": error.message])
            return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        if error.code == .unauthenticated {
            let target = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
            let next = target.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
            headers[.location] = target == "/" ? "/login" : "/login?next=\(next)"
            return Response(status: .seeOther, headers: headers)
        }
        let page = Layout.page(
            title: "\(status.code) \(status.reasonPhrase)",
            identity: nil,
            body: "<h1>\(status.code) \(esc(status.reasonPhrase))</h1><p>\(esc(error.message))</p>"
                + "<p><a href=\"/\">Back to the overview</a></p>"
        )
        return Layout.html(page, status: status, headers: headers)
    }
}

/// JSON written the way the CLI writes it.
enum JSONText {
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
