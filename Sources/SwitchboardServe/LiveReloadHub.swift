import Foundation

/// The open pages' live reload connections, and what is sent to all of them.
public final class LiveReloadHub: @unchecked Sendable {
    private let lock = NSLock()
    private var clients: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextID = 0

    public init() {}

    /// How many pages are connected.
    public var clientCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return clients.count
    }

    /// Registers a page: returns its identifier and the stream of text messages to send it.
    public func connect() -> (id: Int, messages: AsyncStream<String>) {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(16))
        lock.lock()
        let id = nextID
        nextID += 1
        clients[id] = continuation
        lock.unlock()
        continuation.onTermination = { [weak self] _ in self?.disconnect(id) }
        return (id, stream)
    }

    /// Answers a page's message: the LiveReload handshake's `hello`.
    public func received(_ text: String, from id: Int) {
        guard text.contains("\"hello\"") else { return }
        send(LiveReloadMessage.hello, to: id)
    }

    public func disconnect(_ id: Int) {
        lock.lock()
        let continuation = clients.removeValue(forKey: id)
        lock.unlock()
        continuation?.finish()
    }

    /// Sends `messages` to every connected page.
    public func broadcast(_ messages: [LiveReloadMessage]) {
        lock.lock()
        let targets = Array(clients.values)
        lock.unlock()
        for message in messages {
            let json = message.json
            for client in targets { client.yield(json) }
        }
    }

    /// Ends every connection (when the server stops).
    public func closeAll() {
        lock.lock()
        let targets = Array(clients.values)
        clients = [:]
        lock.unlock()
        for client in targets { client.finish() }
    }

    private func send(_ text: String, to id: Int) {
        lock.lock()
        let client = clients[id]
        lock.unlock()
        client?.yield(text)
    }
}
