import FlyingFox
import FlyingSocks
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// ``PreviewHTTPServer`` on FlyingFox: HTTP/1.1 and WebSockets on async sockets, without
/// SwiftNIO (a fraction of Hummingbird's first build; see docs/serve.md).
public final class FlyingFoxPreviewServer: PreviewHTTPServer, @unchecked Sendable {
    private let responder: PreviewResponder
    private let hub: LiveReloadHub
    private var server: HTTPServer?
    private var task: Task<Void, any Error>?

    public init(responder: PreviewResponder, hub: LiveReloadHub) {
        self.responder = responder
        self.hub = hub
    }

    public func start(host: String, port: UInt16) async throws -> UInt16 {
        // FlyingFox reports a taken port only from inside its run loop; asking the kernel
        // first gives the user a clear answer before anything is printed.
        try PortProbe.check(host: host, port: port)
        let address: any SocketAddress
        do {
            address = host.contains(":") ? try sockaddr_in6.inet6(ip6: host, port: port) : try sockaddr_in.inet(ip4: host, port: port)
        } catch {
            throw PreviewServerError.badHost(host)
        }
        let server = HTTPServer(config: HTTPServer.Configuration(address: address, timeout: 60, logger: .disabled))
        let hub = self.hub
        let responder = self.responder
        await server.appendRoute(HTTPRoute(method: .GET, path: PreviewInjection.socketPath), to: .webSocket(LiveReloadSocket(hub: hub)))
        await server.appendRoute(HTTPRoute("*"), to: ResponderHandler(responder: responder))
        self.server = server
        task = Task { try await server.run() }
        do {
            try await server.waitUntilListening(timeout: 10)
        } catch {
            throw PreviewServerError.cannotListen(host: host, port: port, reason: "the server did not start")
        }
        guard let bound = await server.listeningAddress else { return port }
        switch bound {
        case .ip4(_, let port), .ip6(_, let port): return port
        default: return port
        }
    }

    public func stop() async {
        hub.closeAll()
        await server?.stop(timeout: 0.5)
        task?.cancel()
    }

    static func phrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 400: "Bad Request"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}

/// Every request but the live reload channel's, answered by our ``PreviewResponder``.
struct ResponderHandler: HTTPHandler {
    let responder: PreviewResponder

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        // The path as sent, still percent-encoded: `RequestPath` decodes and checks each segment.
        let answer = responder.respond(method: request.method.rawValue, rawPath: request.target.path(percentEncoded: true))
        var headers = HTTPHeaders()
        for (name, value) in answer.headers { headers[HTTPHeader(name)] = value }
        return HTTPResponse(statusCode: HTTPStatusCode(answer.status, phrase: FlyingFoxPreviewServer.phrase(answer.status)),
                            headers: headers, body: Data(answer.body))
    }
}

/// One page's live reload connection: messages from the hub go out, `hello` is answered.
struct LiveReloadSocket: WSMessageHandler {
    let hub: LiveReloadHub

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let (id, outgoing) = hub.connect()
        let hub = self.hub
        Task {
            for await message in client {
                if case .text(let text) = message { hub.received(text, from: id) }
            }
            hub.disconnect(id)
        }
        return AsyncStream<WSMessage> { continuation in
            let forward = Task {
                for await text in outgoing { continuation.yield(.text(text)) }
                continuation.finish()
            }
            continuation.onTermination = { _ in forward.cancel() }
        }
    }
}

/// Tells whether a port can be bound, before the server library tries.
enum PortProbe {
    static func check(host: String, port: UInt16) throws {
        guard port != 0 else { return }
        let isIPv6 = host.contains(":")
        let descriptor = socket(isIPv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var result: Int32
        if isIPv6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = port.bigEndian
            guard inet_pton(AF_INET6, host, &address.sin6_addr) == 1 else { throw PreviewServerError.badHost(host) }
            result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { throw PreviewServerError.badHost(host) }
            result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
        if result != 0 {
            if errno == EADDRINUSE { throw PreviewServerError.portInUse(host: host, port: port) }
            throw PreviewServerError.cannotListen(host: host, port: port, reason: String(cString: strerror(errno)))
        }
    }
}
