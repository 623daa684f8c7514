import Hummingbird
import NIOCore

extension Request {
    /// The whole body, when it is at most `limit` bytes: a larger `Content-Length` is refused before a byte is
    /// read, and a body without one is read only until it passes the limit. Either way the answer is 413.
    func collectBody(limit: Int) async throws -> [UInt8] {
        let tooLarge = ServerError(
            code: .contentTooLarge,
            message: "The body is larger than the server reads here (\(limit) bytes); send it in smaller batches."
        )
        if let length = headers[.contentLength].flatMap({ Int($0) }), length > limit { throw tooLarge }
        var request = self
        do {
            let buffer = try await request.collectBody(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch is NIOTooManyBytesError {
            throw tooLarge
        }
    }
}
