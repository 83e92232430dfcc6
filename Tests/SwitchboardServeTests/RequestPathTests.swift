import Testing
@testable import SwitchboardServe

@Suite struct RequestPathTests {
    @Test func pagesAndFilesMapToOutputPaths() {
        #expect(RequestPath.resolve("/", basePath: "") == .file("index.html"))
        #expect(RequestPath.resolve("/kb/reset-a-phone/", basePath: "") == .file("kb/reset-a-phone/index.html"))
        #expect(RequestPath.resolve("/assets/site.0a1b2c3d4e.css", basePath: "") == .file("assets/site.0a1b2c3d4e.css"))
        #expect(RequestPath.resolve("/kb/reset-a-phone", basePath: "") == .file("kb/reset-a-phone"))
    }

    @Test func traversalIsRejected() {
        for path in ["/..", "/../etc/passwd", "/kb/../../etc/passwd", "/kb/./x/", "/.", "/kb/..", "/a//b"] {
            #expect(RequestPath.resolve(path, basePath: "") == .rejected, "\(path)")
        }
    }

    @Test func encodedTraversalAndSeparatorsAreRejected() {
        for path in ["/%2e%2e/etc/passwd", "/%2E%2E/%2E%2E/etc/passwd", "/kb/%2e%2e%2fetc", "/kb/..%2f..%2fetc",
                     "/kb%2f..%2f..%2fetc", "/..%5c..%5cetc", "/kb/%00x", "/kb/%2", "/kb/%zz", "/kb/%ff%fe", "/.%2e/x",
                     "/kb/%0a"] {
            #expect(RequestPath.resolve(path, basePath: "") == .rejected, "\(path)")
        }
        #expect(RequestPath.resolve("no-slash", basePath: "") == .rejected)
    }

    @Test func encodedCharactersThatAreAllowedAreDecoded() {
        #expect(RequestPath.resolve("/kb/caf%C3%A9/", basePath: "") == .file("kb/café/index.html"))
        #expect(RequestPath.resolve("/search/a%20b", basePath: "") == .file("search/a b"))
        // A decoded segment is never split again: `%2e%2e` alone would be `..`, but `x%2e%2e` is a name.
        #expect(RequestPath.resolve("/x%2e%2e", basePath: "") == .file("x.."))
    }

    @Test func basePathPrefix() {
        #expect(RequestPath.resolve("/docs/", basePath: "/docs") == .file("index.html"))
        #expect(RequestPath.resolve("/docs/kb/x/", basePath: "/docs") == .file("kb/x/index.html"))
        #expect(RequestPath.resolve("/docs", basePath: "/docs") == .redirect("/docs/"))
        #expect(RequestPath.resolve("/", basePath: "/docs") == .redirect("/docs/"))
        #expect(RequestPath.resolve("/kb/x/", basePath: "/docs") == .outside)
        #expect(RequestPath.resolve("/docsx/kb/", basePath: "/docs") == .outside)
        #expect(RequestPath.resolve("/docs/../kb/", basePath: "/docs") == .rejected)
        #expect(RequestPath.resolve("/docs/%2e%2e/secret", basePath: "/docs") == .rejected)
    }
}
