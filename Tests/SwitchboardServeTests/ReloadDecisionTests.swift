import Testing
@testable import SwitchboardServe

@Suite struct ReloadDecisionTests {
    static func page(_ css: String, _ heading: String) -> [UInt8] {
        Array("<!DOCTYPE html><html><head><link rel=\"stylesheet\" href=\"\(css)\"></head><body><h1>\(heading)</h1></body></html>".utf8)
    }

    let old = SiteFiles([
        "index.html": page("/assets/site.0a1b2c3d4e.css", "Home"),
        "kb/a/index.html": page("/assets/site.0a1b2c3d4e.css", "A"),
        "kb/b/index.html": page("/assets/site.0a1b2c3d4e.css", "B"),
        "assets/site.0a1b2c3d4e.css": Array("h1{color:red}".utf8),
        "assets/site.9f8e7d6c5b.js": Array("x()".utf8),
        "search/index.json": Array("{}".utf8),
    ])

    func decide(_ new: SiteFiles, basePath: String = "") -> [LiveReloadMessage] {
        ReloadDecision.messages(from: old, to: new, changed: new.changedPaths(since: old), basePath: basePath)
    }

    @Test func noOutputChangeSendsNothing() {
        #expect(decide(old).isEmpty)
    }

    @Test func anHTMLChangeReloadsTheChangedPages() {
        var new = old
        new.contents["kb/a/index.html"] = Self.page("/assets/site.0a1b2c3d4e.css", "A, renamed")
        new.contents["search/index.json"] = Array("{\"a\":1}".utf8)
        #expect(decide(new) == [LiveReloadMessage(path: "/kb/a/", liveCSS: true, pages: ["/kb/a/"])])
        #expect(decide(new, basePath: "/docs") == [LiveReloadMessage(path: "/docs/kb/a/", liveCSS: true, pages: ["/docs/kb/a/"])])
    }

    @Test func aStylesheetOnlyChangeSwapsItWithoutReloading() {
        // An edited site.css is published under a new hash; every page's link follows it.
        var new = old
        new.contents["assets/site.0a1b2c3d4e.css"] = nil
        new.contents["assets/site.1111111111.css"] = Array("h1{color:blue}".utf8)
        for path in ["index.html", "kb/a/index.html", "kb/b/index.html"] {
            new.contents[path] = Self.page("/assets/site.1111111111.css", String(decoding: old[path]!, as: UTF8.self)
                .components(separatedBy: "<h1>")[1].components(separatedBy: "</h1>")[0])
        }
        let messages = decide(new)
        #expect(messages == [LiveReloadMessage(path: "/assets/site.1111111111.css", liveCSS: true, pages: nil)])
        #expect(messages.allSatisfy { $0.isStylesheetSwap })
        #expect(messages[0].json == "{\"command\":\"reload\",\"path\":\"/assets/site.1111111111.css\",\"liveCSS\":true}")
    }

    @Test func theWorkerAndHostFilesFollowingAStylesheetDoNotReload() {
        // The service worker lists the hashed assets, so a new stylesheet name changes it too.
        var base = old
        base.contents["sw.js"] = Array("precache(['/assets/site.0a1b2c3d4e.css'])".utf8)
        base.contents["_headers"] = Array("/*\n  X-Content-Type-Options: nosniff\n".utf8)
        var new = base
        new.contents["assets/site.0a1b2c3d4e.css"] = nil
        new.contents["assets/site.1111111111.css"] = Array("h1{color:blue}".utf8)
        new.contents["sw.js"] = Array("precache(['/assets/site.1111111111.css'])".utf8)
        new.contents["_headers"] = Array("/*\n  X-Content-Type-Options: nosniff\n  X-Other: 1\n".utf8)
        for path in ["index.html", "kb/a/index.html", "kb/b/index.html"] {
            new.contents[path] = Self.page("/assets/site.1111111111.css", String(decoding: old[path]!, as: UTF8.self)
                .components(separatedBy: "<h1>")[1].components(separatedBy: "</h1>")[0])
        }
        let messages = ReloadDecision.messages(from: base, to: new, changed: new.changedPaths(since: base), basePath: "")
        #expect(messages == [LiveReloadMessage(path: "/assets/site.1111111111.css", liveCSS: true, pages: nil)])
    }

    @Test func aStylesheetAndHeadingChangeReloads() {
        var new = old
        new.contents["assets/site.0a1b2c3d4e.css"] = nil
        new.contents["assets/site.1111111111.css"] = Array("h1{color:blue}".utf8)
        new.contents["index.html"] = Self.page("/assets/site.1111111111.css", "Home")
        new.contents["kb/a/index.html"] = Self.page("/assets/site.1111111111.css", "A, renamed")
        new.contents["kb/b/index.html"] = Self.page("/assets/site.1111111111.css", "B")
        #expect(decide(new) == [LiveReloadMessage(path: "/kb/a/", liveCSS: true, pages: ["/kb/a/"])])
    }

    @Test func aScriptChangeReloadsEveryPage() {
        var new = old
        new.contents["assets/site.9f8e7d6c5b.js"] = Array("y()".utf8)
        #expect(decide(new) == [LiveReloadMessage(path: "/assets/site.9f8e7d6c5b.js", liveCSS: true, pages: nil)])
    }

    @Test func theMessageIsLiveReloadsReloadCommand() {
        let message = LiveReloadMessage(path: "/kb/\"a\"/", liveCSS: true, pages: ["/kb/\"a\"/"])
        #expect(message.json == #"{"command":"reload","path":"/kb/\"a\"/","liveCSS":true,"pages":["/kb/\"a\"/"]}"#)
    }

    @Test func pageURLs() {
        #expect(ReloadDecision.pageURL(of: "index.html", basePath: "") == "/")
        #expect(ReloadDecision.pageURL(of: "kb/a/index.html", basePath: "/docs") == "/docs/kb/a/")
        #expect(ReloadDecision.pageURL(of: "404.html", basePath: "") == "/404.html")
        #expect(ReloadDecision.unhashedName("assets/site.0a1b2c3d4e.css") == "assets/site.css")
        #expect(ReloadDecision.unhashedName("assets/site.css") == "assets/site.css")
    }
}
