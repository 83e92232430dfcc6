import Testing
@testable import SwitchboardBuilder

/// How a reference becomes a path in the output: the plain paths most pages hold
/// take a short way, dot segments and doubled slashes the long way, with one answer.
@Suite struct OutputLinkResolverTests {
    let resolver = OutputLinkResolver(baseURL: "https://support.example.com/docs/", displayRoot: "public")

    func resolved(_ url: String, from page: String = "kb/x/index.html") -> String {
        switch resolver.resolve(url, from: page) {
        case .skip: return "skip"
        case .outsideBase: return "outside"
        case .target(let target): return target.path + (target.fragment.map { "#" + $0 } ?? "")
        }
    }

    @Test func plainPaths() {
        #expect(resolved("/docs/kb/") == "kb/")
        #expect(resolved("/docs/kb/y/#step") == "kb/y/#step")
        #expect(resolved("/docs") == "")
        #expect(resolved("/docs/") == "")
        #expect(resolved("https://support.example.com/docs/kb/") == "kb/")
        #expect(resolved("http://support.example.com/docs/kb/") == "kb/")
        #expect(resolved("https://support.example.com/docs") == "")
        #expect(resolved("//support.example.com/docs/a.css") == "a.css")
        #expect(resolved("y/") == "kb/x/y/")
        #expect(resolved("a.png", from: "index.html") == "a.png")
        #expect(resolved("/docs/a%20b.png") == "a b.png")
        #expect(resolved("#top") == "kb/x/index.html#top")
    }

    @Test func dotSegmentsAndDoubledSlashes() {
        #expect(resolved("../") == "kb/")
        #expect(resolved("..") == "kb/")
        #expect(resolved("./") == "kb/x/")
        #expect(resolved(".") == "kb/x/")
        #expect(resolved("/docs/kb/../faq/") == "faq/")
        #expect(resolved("/docs//kb//x/") == "kb/x/")
        #expect(resolved("/docs/kb/.../") == "kb/.../")
        #expect(resolved("/docs/.well-known/x") == ".well-known/x")
        #expect(resolved("../../../../") == "outside")
    }

    @Test func otherSitesAndPaths() {
        #expect(resolved("https://elsewhere.example.com/docs/") == "skip")
        #expect(resolved("mailto:a@b.example") == "skip")
        #expect(resolved("/elsewhere/") == "outside")
        #expect(resolved("/docsx/") == "outside")
        #expect(resolved("  ") == "skip")
    }
}
