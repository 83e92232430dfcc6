/// An HTTP response of `serve`, independent of the server library.
public struct PreviewResponse: Sendable, Equatable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(String, String)], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.status == rhs.status && lhs.body == rhs.body && lhs.headers.map { "\($0.0):\($0.1)" } == rhs.headers.map { "\($0.0):\($0.1)" }
    }
}

/// Answers requests from the current ``PreviewSite``: every output at its URL with its
/// content type, the site's `404.html` for anything else, never a listing, and the
/// preview script and overlay in HTML only.
public struct PreviewResponder: Sendable {
    public let site: PreviewSite

    public init(site: PreviewSite) {
        self.site = site
    }

    /// `rawPath` is the request's path as sent, percent-encoded, without the query.
    public func respond(method: String, rawPath: String) -> PreviewResponse {
        guard method == "GET" || method == "HEAD" else {
            return PreviewResponse(status: 405, headers: [("Allow", "GET, HEAD"), ("Content-Type", "text/plain; charset=utf-8")],
                                   body: Array("Method not allowed\n".utf8))
        }
        var response = answer(rawPath)
        response.headers.append(("Cache-Control", "no-store"))
        if method == "HEAD" { response.body = [] }
        return response
    }

    private func answer(_ rawPath: String) -> PreviewResponse {
        if rawPath == PreviewInjection.scriptPath {
            return PreviewResponse(status: 200, headers: [("Content-Type", ContentTypes.of("preview.js"))],
                                   body: Array(PreviewClientScript.source.utf8))
        }
        let state = site.state
        switch RequestPath.resolve(rawPath, basePath: state.basePath) {
        case .redirect(let location):
            return PreviewResponse(status: 302, headers: [("Location", location)], body: [])
        case .rejected:
            return PreviewResponse(status: 400, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array("Bad request\n".utf8))
        case .outside:
            return notFound(state)
        case .file(let path):
            guard let files = state.files else { return noBuild(state, path: path) }
            // The offline worker would cache preview pages and serve them stale: not under serve.
            if path == "sw.js" { return notFound(state) }
            if let bytes = files[path] { return file(path, bytes, state: state, pageURL: ReloadDecision.pageURL(of: path, basePath: state.basePath)) }
            if files.contains(path + "/index.html") {
                return PreviewResponse(status: 301, headers: [("Location", rawPath + "/")], body: [])
            }
            return notFound(state)
        }
    }

    private func file(_ path: String, _ bytes: [UInt8], state: PreviewSite.State, pageURL: String, status: Int = 200) -> PreviewResponse {
        let type = ContentTypes.of(path)
        let body = path.hasSuffix(".html") ? PreviewInjection.inject(into: bytes, pageURL: pageURL, overlay: state.overlay) : bytes
        return PreviewResponse(status: status, headers: [("Content-Type", type)], body: body)
    }

    private func notFound(_ state: PreviewSite.State) -> PreviewResponse {
        if let page = state.files?["404.html"] {
            return file("404.html", page, state: state, pageURL: state.basePath + "/404.html", status: 404)
        }
        return PreviewResponse(status: 404, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array("Not found\n".utf8))
    }

    /// Before any build succeeded: an HTML page with the overlay where a page was asked for.
    private func noBuild(_ state: PreviewSite.State, path: String) -> PreviewResponse {
        guard path.hasSuffix(".html") else { return notFound(state) }
        let body = PreviewInjection.inject(into: PreviewInjection.noBuildPage(), pageURL: ReloadDecision.pageURL(of: path, basePath: state.basePath),
                                           overlay: state.overlay)
        return PreviewResponse(status: 503, headers: [("Content-Type", ContentTypes.of(path))], body: body)
    }
}
