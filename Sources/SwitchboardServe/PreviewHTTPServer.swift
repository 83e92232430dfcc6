/// The HTTP and WebSocket server behind `serve`, as the rest of the code sees it: a
/// server library sits behind this (``FlyingFoxPreviewServer``) and can be swapped.
public protocol PreviewHTTPServer: AnyObject, Sendable {
    /// Binds `host:port` (0 for any free port), starts answering with the responder and
    /// the live reload hub, and returns the bound port.
    func start(host: String, port: UInt16) async throws -> UInt16
    /// Closes the listening socket and every connection.
    func stop() async
}

/// Why the server could not start.
public enum PreviewServerError: Error, Equatable, CustomStringConvertible {
    case portInUse(host: String, port: UInt16)
    case cannotListen(host: String, port: UInt16, reason: String)
    case badHost(String)

    public var description: String {
        switch self {
        case .portInUse(let host, let port): "port \(port) on \(host) is in use"
        case .cannotListen(let host, let port, let reason): "cannot listen on \(host):\(port): \(reason)"
        case .badHost(let host): "\(host) is not an IP address (use 127.0.0.1, ::1 or 0.0.0.0)"
        }
    }
}
