public import Hummingbird
public import NIOCore

/// The context of each request: Hummingbird's, the client's address, and who is asking once known.
public struct NorthstarRequestContext: RequestContext, RemoteAddressRequestContext {
    /// Hummingbird's own part.
    public var coreContext: CoreRequestContextStorage
    /// The connected client's address (`nil` in router tests).
    public let remoteAddress: SocketAddress?
    /// Who is asking, set by the authentication middleware.
    var identity: Identity?

    /// Creates the context of a request.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
        identity = nil
    }
}
