import SwitchboardModel

/// A message to open pages, modelled on the LiveReload protocol's `reload` command:
/// `{"command":"reload","path":"/assets/site.0a1b2c3d4e.css","liveCSS":true}`.
///
/// With `liveCSS` and a stylesheet's path, pages swap that stylesheet in place;
/// otherwise they reload. `pages` is Switchboard's addition: the URLs of the pages whose
/// HTML changed, so that pages the change did not touch stay as they are (a moving clock
/// changes only the status pages). `nil` means every page reloads.
public struct LiveReloadMessage: Equatable, Sendable {
    public var path: String
    public var liveCSS: Bool
    public var pages: [String]?

    public init(path: String, liveCSS: Bool, pages: [String]?) {
        self.path = path
        self.liveCSS = liveCSS
        self.pages = pages
    }

    /// Whether this message swaps a stylesheet rather than reloading pages.
    public var isStylesheetSwap: Bool { liveCSS && path.hasSuffix(".css") }

    public var json: String {
        var out = "{\"command\":\"reload\",\"path\":\(JSONText.quote(path)),\"liveCSS\":\(liveCSS)"
        if let pages { out += ",\"pages\":[" + pages.map(JSONText.quote).joined(separator: ",") + "]" }
        return out + "}"
    }

    /// The LiveReload handshake's answer to a client's `hello`.
    public static let hello = "{\"command\":\"hello\",\"protocols\":[\"http://livereload.com/protocols/official-7\"],\"serverName\":\"switchboard\"}"
}
