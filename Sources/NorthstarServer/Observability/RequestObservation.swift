import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Times and logs every request and counts it in ``ServerMetrics``: one structured log line per request
/// (method, route, path, status, milliseconds, role; Hummingbird adds the request id), never a query string,
/// header, cookie or body, so tokens, passwords and session ids stay out of the logs.
///
/// It is the outermost middleware, so it sees the status ``ErrorMapping`` chose for an error.
struct RequestObservation: RouterMiddleware {
    typealias Context = NorthstarRequestContext

    let metrics: ServerMetrics

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let response = try await next(request, context)
            record(request, context: context, status: response.status.code, duration: clock.now - start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            record(request, context: context, status: status, duration: clock.now - start)
            throw error
        }
    }

    private func record(_ request: Request, context: Context, status: Int, duration: Duration) {
        let route = context.endpointPath ?? "unmatched"
        let method = request.method.rawValue
        metrics.recordRequest(method: method, route: route, status: status, duration: duration)
        let milliseconds = Double(duration.nanoseconds) / 1_000_000
        context.logger.log(
            level: status >= 500 ? .error : .info,
            "request",
            metadata: [
                "http.method": .string(method),
                "http.route": .string(route),
                "http.path": .string(request.uri.path),
                "http.status": .stringConvertible(status),
                "duration_ms": .string(String(format: "%.2f", milliseconds)),
            ]
        )
    }
}
