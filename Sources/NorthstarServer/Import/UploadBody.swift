import HTTPTypes
import Hummingbird
import NIOCore
import NorthstarCore

/// Reads an upload's body with a hard cap: a `Content-Length` over the cap is refused before a byte is read, and a
/// body that grows past it (chunked, or a lying length) is refused as soon as it does.
enum UploadBody {
    /// The body's bytes; throws ``ServerError/Code/contentTooLarge`` past `limit`. The request keeps the collected
    /// body, so a later reader gets the same bytes.
    static func collect(_ request: inout Request, upTo limit: Int) async throws -> [UInt8] {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw tooLarge(limit)
        }
        do {
            let buffer = try await request.collectBody(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch is NIOTooManyBytesError {
            throw tooLarge(limit)
        }
    }

    static func tooLarge(_ limit: Int) -> ServerError {
        ServerError(
            code: .contentTooLarge,
            message: "The upload is larger than this server takes (\(MarkupEscaping.grouped(limit)) bytes). "
                + "Split the export, or import it with `northstar import FILE --database …`."
        )
    }
}
