import SwitchboardBuilder
import SwitchboardModel

/// What `serve` adds to every HTML page it serves, and nothing else: a marker, the live
/// reload script, and while the last build failed, the error overlay. The built site
/// carries none of it.
public enum PreviewInjection {
    /// Where the live reload script and channel live: outside any base path, and a name
    /// no output can have (outputs never start with `__`).
    public static let scriptPath = "/__switchboard/preview.js"
    public static let socketPath = "/__switchboard/livereload"

    /// Put into `<head>`: the marker the site's own scripts look for (the offline service
    /// worker does not register under `serve`) and the script.
    public static func headTags(pageURL: String) -> String {
        "<meta name=\"switchboard-preview\" content=\"1\">"
            + "<script src=\"\(scriptPath)\" data-page=\"\(XMLText.escape(pageURL))\" defer></script>"
    }

    /// `html` with the head tags before `</head>` and the overlay (if any) before `</body>`.
    public static func inject(into html: [UInt8], pageURL: String, overlay: String?) -> [UInt8] {
        var out = html
        let head = Array(headTags(pageURL: pageURL).utf8)
        if let at = position(of: "</head>", in: out, first: true) {
            out.insert(contentsOf: head, at: at)
        } else {
            out.insert(contentsOf: head, at: 0)
        }
        if let overlay {
            let bytes = Array(overlay.utf8)
            if let at = position(of: "</body>", in: out, first: false) {
                out.insert(contentsOf: bytes, at: at)
            } else {
                out.append(contentsOf: bytes)
            }
        }
        return out
    }

    /// The overlay listing a failed build's diagnostics, every value escaped.
    public static func overlay(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }
        let shown = errors.isEmpty ? diagnostics : errors
        var html = "<div id=\"switchboard-overlay\" role=\"alert\" style=\"position:fixed;inset:0;z-index:2147483647;overflow:auto;"
            + "background:rgba(20,20,24,.94);color:#f5f5f5;font:15px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:2rem\">"
            + "<p style=\"margin:0 0 1rem;font-size:1.2rem;color:#ff8a80\"><strong>Build failed</strong>: "
            + "\(shown.count) \(shown.count == 1 ? "problem" : "problems"). The last good build is shown underneath; "
            + "fix the file and this page reloads.</p><ol style=\"margin:0;padding-left:1.5rem\">"
        for diagnostic in shown {
            html += "<li style=\"margin:0 0 .75rem\"><code class=\"switchboard-overlay-position\" style=\"color:#82b1ff\">"
                + XMLText.escape("\(diagnostic.file):\(diagnostic.line):\(diagnostic.column)") + "</code> "
                + "<span style=\"color:#ffd180\">\(diagnostic.severity.rawValue)</span>: "
                + "<span class=\"switchboard-overlay-message\">\(XMLText.escape(diagnostic.message))</span> "
                + "<span style=\"color:#b0bec5\">[\(XMLText.escape(diagnostic.id))]</span></li>"
        }
        html += "</ol><button type=\"button\" onclick=\"this.parentNode.remove()\" style=\"margin-top:1rem;font:inherit\">Hide</button></div>"
        return html
    }

    /// The page shown at every HTML URL before any build has succeeded.
    public static func noBuildPage() -> [UInt8] {
        let page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Build failed · switchboard serve</title>"
            + "</head><body><p>No build of this site has succeeded yet.</p></body></html>"
        return Array(page.utf8)
    }

    /// Position of `tag` (ASCII, lowercase) in `bytes`, matched case-insensitively:
    /// the first occurrence when `first`, else the last.
    static func position(of tag: String, in bytes: [UInt8], first: Bool) -> Int? {
        let needle = Array(tag.utf8)
        guard bytes.count >= needle.count else { return nil }
        let starts = 0...(bytes.count - needle.count)
        func matches(_ start: Int) -> Bool {
            for offset in 0..<needle.count {
                var byte = bytes[start + offset]
                if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte += 32 }
                if byte != needle[offset] { return false }
            }
            return true
        }
        return first ? starts.first(where: matches) : starts.reversed().first(where: matches)
    }
}
